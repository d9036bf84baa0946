package pagesense

import (
	"fmt"
	"log/slog"
	"net/url"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// String describes the config with the client secret and the refresh
// token shown as REDACTED.
func (c OAuthConfig) String() string {
	return fmt.Sprintf("pagesense.OAuthConfig{ClientID:%q, ClientSecret:REDACTED, RefreshToken:REDACTED, DataCenter:%q, Scopes:%q, TokenURL:%q, CoolDown:%s, RefreshInterval:%s}",
		c.ClientID, string(c.DataCenter), c.Scopes, redactedTokenURL(c.TokenURL), c.CoolDown, c.RefreshInterval)
}

// GoString is String: %#v must not show the secrets either.
func (c OAuthConfig) GoString() string { return c.String() }

// Format prints String whatever the verb (%x or a bad verb would otherwise
// print the secrets).
func (c OAuthConfig) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// LogValue logs the config without its secrets.
func (c OAuthConfig) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("client_id", c.ClientID),
		slog.String("client_secret", "REDACTED"),
		slog.String("refresh_token", "REDACTED"),
		slog.String("data_center", string(c.DataCenter)),
		slog.String("token_url", redactedTokenURL(c.TokenURL)),
	)
}

func redactedTokenURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	return transport.RedactURL(u)
}

// redactedSource is what RefreshTokenSource returns: the caching source
// behind a pointer, and printed as REDACTED in every fmt verb and in slog,
// since the cached access token sits inside it.
type redactedSource struct {
	ts oauth2.TokenSource
	// dc is the data center whose accounts server issues the tokens, so
	// that WithTokenSource can point the client at the same one ("" when
	// OAuthConfig.TokenURL replaced it).
	dc DataCenter
}

// Token returns the source's token.
func (r *redactedSource) Token() (*oauth2.Token, error) { return r.ts.Token() }

// Format prints a placeholder whatever the verb.
func (r *redactedSource) Format(f fmt.State, _ rune) { f.Write([]byte(r.String())) }

// String names the source without its token.
func (*redactedSource) String() string { return "pagesense.RefreshTokenSource(REDACTED)" }

// GoString is String.
func (r *redactedSource) GoString() string { return r.String() }

// LogValue logs the placeholder.
func (r *redactedSource) LogValue() slog.Value { return slog.StringValue(r.String()) }
