package goals

import (
	"context"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// LegacyBaseURL is the host the Chat API documentation shows,
// https://www.zopim.com/api/v2. Choose it with WithBaseURL(LegacyBaseURL);
// new code should prefer WithSubdomain.
const LegacyBaseURL = zopim.LegacyBaseURL

// Endpoint is the Zendesk Chat OAuth 2 endpoint, for golang.org/x/oauth2
// (authorization-code flow) or golang.org/x/oauth2/clientcredentials (for
// "confidential" Chat API clients). Pass the token source to
// WithTokenSource.
var Endpoint = zopim.Endpoint

// OAuth scopes of the Chat API: goals need read (List, Get) and write
// (Create, Update, Delete).
const (
	ScopeRead  = zopim.ScopeRead  // "read"
	ScopeWrite = zopim.ScopeWrite // "write"
	ScopeChat  = zopim.ScopeChat  // "chat"
)

// API is the set of Client methods, for code that mocks at that level.
type API interface {
	List(ctx context.Context) ([]Goal, error)
	Get(ctx context.Context, id int64) (*Goal, error)
	Create(ctx context.Context, p *GoalParams) (*Goal, error)
	Update(ctx context.Context, id int64, p *GoalParams) (*Goal, error)
	Delete(ctx context.Context, id int64) error
}

var _ API = (*Client)(nil)

// Client calls the Zendesk Chat goals API. It is safe for concurrent use.
type Client struct {
	t *transport.Client
}

// NewClient builds a client. A host is required: WithSubdomain("acme") or
// WithBaseURL(LegacyBaseURL); without one NewClient says how to choose.
// A bad option (empty token, invalid subdomain, plain-http remote URL)
// fails here.
func NewClient(opts ...Option) (*Client, error) {
	t, err := transport.New(zopim.Dialect("goals", decodeError), opts...)
	if err != nil {
		return nil, err
	}
	return &Client{t: t}, nil
}
