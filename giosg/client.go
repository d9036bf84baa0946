package giosg

import (
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// DefaultBaseURL is the giosg v5 API root.
const DefaultBaseURL = "https://service.giosg.com/api/v5"

// Endpoint is giosg's OAuth 2 endpoint, for an oauth2.Config whose token
// source feeds WithTokenSource.
var Endpoint = oauth2.Endpoint{
	AuthURL:  "https://service.giosg.com/identity/authorize",
	TokenURL: "https://service.giosg.com/identity/token",
}

// Client talks to the giosg v5 API. It is safe for concurrent use; the
// goal endpoints live on the *Org it hands out.
type Client struct {
	t *transport.Client
}

// NewClient builds a client for DefaultBaseURL unless WithBaseURL says
// otherwise. A bad option (empty token, remote plain-http base URL) fails
// here.
func NewClient(opts ...Option) (*Client, error) {
	t, err := transport.New(transport.Dialect{
		DefaultBaseURL: DefaultBaseURL,
		DecodeError:    decodeError,
		NoAuth:         "giosg.WithAPIToken(token) or giosg.WithTokenSource(ts)",
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{t: t}, nil
}

// WithAPIToken authorizes every call with a giosg API token (Settings >
// Company > Access tokens), sent as "Authorization: Token <token>".
func WithAPIToken(token string) Option {
	return Option(transport.WithSchemeToken("Token", token))
}

// WithTokenSource authorizes every call with an OAuth 2 access token from
// ts (see Endpoint), sent as "Authorization: Bearer <token>" whatever
// token_type the token carries. Wrap ts in oauth2.ReuseTokenSource if it
// does not cache.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return Option(transport.WithTokenSource(transport.SafeTokenSource(ts), "Bearer"))
}

// Org returns the goal endpoints of one organization, below
// /orgs/{orgID}. An empty orgID is reported by each call, as a
// *ValidationError for organization_id.
func (c *Client) Org(orgID string) *Org {
	o := &Org{id: orgID} // from a nil Client, its methods report ErrNilClient
	if c != nil {
		o.t = c.t
	}
	o.goals, o.idErr = goalsPrefix(orgID)
	return o
}
