package zopim

import (
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// Endpoint is the Zendesk Chat OAuth 2 endpoint on the old www.zopim.com
// host, which Zendesk switched off with the API host in 2025 (its authorize
// URL also needed ?subdomain=). OAuthEndpoint is the current one.
var Endpoint = oauth2.Endpoint{
	AuthURL:   "https://www.zopim.com/oauth2/authorizations/new",
	TokenURL:  "https://www.zopim.com/oauth2/token",
	AuthStyle: oauth2.AuthStyleInParams,
}

// OAuthEndpoint is the Chat OAuth 2 endpoint of a Zendesk subdomain:
// https://{sub}.zendesk.com/oauth2/chat/authorizations/new and
// https://{sub}.zendesk.com/oauth2/chat/token. Chat tokens come from a
// Chat API client (Chat dashboard, Settings > Account > API); a Zendesk
// Support token does not work for Chat. Token requests carry client_id and
// client_secret in the form body. sub is checked as WithSubdomain checks
// it; one that is not a DNS label gives an Endpoint with empty URLs, which
// fail when used rather than reach another host.
func OAuthEndpoint(sub string) oauth2.Endpoint {
	label, err := checkSubdomain(sub)
	if err != nil {
		return oauth2.Endpoint{AuthStyle: oauth2.AuthStyleInParams}
	}
	root := "https://" + label + ".zendesk.com/oauth2/chat/"
	return oauth2.Endpoint{
		AuthURL:   root + "authorizations/new",
		TokenURL:  root + "token",
		AuthStyle: oauth2.AuthStyleInParams,
	}
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
// OAuthEndpoint. Bearer is sent whatever token_type the token carries.
func WithTokenSource(ts oauth2.TokenSource) transport.Option {
	return transport.WithTokenSource(ts, "Bearer")
}

// WithBasicAuth authorizes every call with HTTP basic email:password. Only
// old Chat accounts not created through Zendesk Support accept it.
func WithBasicAuth(email, password string) transport.Option {
	return transport.WithBasicAuth(email, password)
}
