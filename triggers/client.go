package triggers

import (
	"context"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// LegacyBaseURL is https://www.zopim.com/api/v2, the host the Chat API
// documentation once showed. Zendesk served it alongside
// {subdomain}.zendesk.com/api/v2/chat only until May 12, 2025.
//
// Deprecated: the host is gone; use WithSubdomain. The constant stays for
// proxies that still serve that shape (WithBaseURL).
const LegacyBaseURL = zopim.LegacyBaseURL

// Endpoint is the Chat OAuth 2 endpoint on www.zopim.com, switched off with
// that host.
//
// Deprecated: use OAuthEndpoint(subdomain), the endpoint current
// integrations use.
var Endpoint = zopim.Endpoint

// OAuthEndpoint is the Zendesk Chat OAuth 2 endpoint of a subdomain
// (https://{subdomain}.zendesk.com/oauth2/chat/authorizations/new and
// .../oauth2/chat/token), for golang.org/x/oauth2 (authorization-code flow)
// or golang.org/x/oauth2/clientcredentials (for "confidential" Chat API
// clients). Pass the token source to WithTokenSource. A subdomain that
// WithSubdomain would refuse gives empty URLs, which fail when used.
func OAuthEndpoint(subdomain string) oauth2.Endpoint { return zopim.OAuthEndpoint(subdomain) }

// OAuth scopes of the Chat API: triggers need read (List, Get) and write
// (Create, Update, Delete).
const (
	ScopeRead  = zopim.ScopeRead
	ScopeWrite = zopim.ScopeWrite
	ScopeChat  = zopim.ScopeChat
)

// Host and auth options of the Zendesk Chat API (the same as package goals).
var (
	// WithSubdomain uses https://{sub}.zendesk.com/api/v2/chat, the current
	// API. sub is one DNS label ("acme"), else NewClient fails.
	WithSubdomain func(sub string) Option = zopim.WithSubdomain
	// WithToken sends "Authorization: Bearer <token>" (a Chat OAuth token).
	WithToken func(token string) Option = zopim.WithToken
	// WithTokenSource sends a Bearer token from an oauth2.TokenSource, e.g.
	// one built on OAuthEndpoint.
	WithTokenSource func(ts oauth2.TokenSource) Option = zopim.WithTokenSource
	// WithBasicAuth sends HTTP basic email:password (legacy Chat accounts
	// only).
	WithBasicAuth func(email, password string) Option = zopim.WithBasicAuth
)

// API is the set of Client methods, for code that mocks at that level.
type API interface {
	List(ctx context.Context) ([]Trigger, error)
	Get(ctx context.Context, name string) (*Trigger, error)
	Create(ctx context.Context, p *TriggerParams) (*Trigger, error)
	Update(ctx context.Context, name string, p *TriggerParams) (*Trigger, error)
	Replace(ctx context.Context, name string, t *TriggerParams) (*Trigger, error)
	Delete(ctx context.Context, name string) error
}

var _ API = (*Client)(nil)

// Client calls the Zendesk Chat triggers API. It is safe for concurrent use.
type Client struct {
	t *transport.Client
}

// NewClient builds a client. A host is required: WithSubdomain("acme") (or
// WithBaseURL for a proxy or test server); without one NewClient says how
// to choose.
// A bad option (empty token, invalid subdomain, plain-http remote URL)
// fails here.
func NewClient(opts ...Option) (*Client, error) {
	t, err := transport.New(zopim.Dialect("triggers", nil), opts...)
	if err != nil {
		return nil, err
	}
	return &Client{t: t}, nil
}
