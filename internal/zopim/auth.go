package zopim

import (
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// Endpoint is the Zendesk Chat OAuth 2 endpoint. Chat tokens come from a
// Chat API client (Chat dashboard, Settings > Account > API); a Zendesk
// Support token does not work for Chat. The documented token requests
// carry client_id and client_secret in the form body.
var Endpoint = oauth2.Endpoint{
	AuthURL:   "https://www.zopim.com/oauth2/authorizations/new",
	TokenURL:  "https://www.zopim.com/oauth2/token",
	AuthStyle: oauth2.AuthStyleInParams,
}

// OAuth scopes of the Chat API.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
	ScopeChat  = "chat"
)

// WithToken authorizes every call with "Bearer <token>", an OAuth access
// token of a Chat API client.
func WithToken(token string) transport.Option {
	return transport.WithSchemeToken("Bearer", token)
}

// WithTokenSource authorizes every call with a Bearer token from ts, e.g.
// an oauth2.Config or clientcredentials.Config token source built on
// Endpoint. Bearer is sent whatever token_type the token carries.
func WithTokenSource(ts oauth2.TokenSource) transport.Option {
	return transport.WithTokenSource(transport.SafeTokenSource(ts), "Bearer")
}

// WithBasicAuth authorizes every call with HTTP basic email:password. Only
// old Chat accounts not created through Zendesk Support accept it.
func WithBasicAuth(email, password string) transport.Option {
	return transport.WithBasicAuth(email, password)
}
