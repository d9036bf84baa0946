package pagesense

import (
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// DefaultBaseURL is the PageSense REST root in the US data center, the one
// the docs name.
const DefaultBaseURL = "https://pagesense.zoho.com/pagesense/rest/v1"

// AuthScheme is the Authorization scheme PageSense wants, whatever
// token_type the token endpoint reports.
const AuthScheme = "Zoho-oauthtoken"

// Client talks to the PageSense REST API. It is safe for concurrent use.
// Work on goals and custom events goes through a Project.
type Client struct {
	tc *transport.Client
}

// NewClient builds a client. Without WithDataCenter or WithBaseURL it uses
// DefaultBaseURL; give it credentials with WithToken, WithTokenSource or
// WithTokenSource(RefreshTokenSource(...)). A bad option fails here.
func NewClient(opts ...Option) (*Client, error) {
	tc, err := transport.New(transport.Dialect{
		DefaultBaseURL: DefaultBaseURL,
		DecodeError:    decodeError,
		NoAuth:         "pagesense.WithToken(accessToken) or pagesense.WithTokenSource(pagesense.RefreshTokenSource(ctx, cfg))",
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{tc: tc}, nil
}

// WithToken authorizes every call with a fixed access token, sent as
// "Authorization: Zoho-oauthtoken <token>". Zoho access tokens live an
// hour; for longer-running code use WithTokenSource(RefreshTokenSource(...)).
func WithToken(accessToken string) Option {
	return Option(transport.WithSchemeToken(AuthScheme, accessToken))
}

// WithTokenSource authorizes every call with a token from ts, sent as
// "Authorization: Zoho-oauthtoken <token>" even when the token's type says
// Bearer (Zoho's token endpoint does). ts is asked once per call, so it
// should cache: RefreshTokenSource does.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return Option(transport.WithTokenSource(ts, AuthScheme))
}

// WithDataCenter points the client at the PageSense host of dc (see
// DataCenter.BaseURL). It sets the base URL, so of WithDataCenter and
// WithBaseURL the later one wins. An unknown data center fails NewClient.
func WithDataCenter(dc DataCenter) Option {
	return func(s *transport.Settings) error {
		if err := validDataCenter(dc); err != nil {
			return err
		}
		s.BaseURL = dc.BaseURL()
		return nil
	}
}

// Project returns the API of one project, addressed by the portal's name
// and the project's linkname. Nothing is sent; empty or unusable names are
// reported by the Project's methods.
func (c *Client) Project(portal, projectLinkname string) *Project {
	p := &Project{c: c.tc, portal: portal, linkname: projectLinkname}
	switch {
	case portal == "":
		p.err = transport.Invalid("portal_name", "must not be empty")
	case projectLinkname == "":
		p.err = transport.Invalid("project_linkname", "must not be empty")
	default:
		// Built once: every goal call of the project uses the same path.
		p.goalsPath, p.err = transport.Path("portal", portal, "projectgoals", projectLinkname)
		if p.err == nil {
			p.eventsPath, p.err = transport.Path("portal", portal, "customevents")
		}
	}
	return p
}
