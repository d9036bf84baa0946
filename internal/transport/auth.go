package transport

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/oauth2"
)

// Authorizer yields the Authorization header value for one logical call.
// It is asked once per call; retries and redirects reuse the answer.
type Authorizer interface {
	Authorization() (string, error)
}

// staticAuth is a header value fixed at construction.
type staticAuth string

func (a staticAuth) Authorization() (string, error) { return string(a), nil }

// tokenSourceAuth asks an oauth2.TokenSource for each call. If scheme is set
// it replaces whatever token_type the token carries (PageSense wants
// "Zoho-oauthtoken" although Zoho's token endpoint says "Bearer").
type tokenSourceAuth struct {
	ts     oauth2.TokenSource
	scheme string
}

func (a tokenSourceAuth) Authorization() (string, error) {
	tok, err := a.ts.Token()
	if err != nil {
		return "", fmt.Errorf("goalkit: fetching access token: %w", err)
	}
	if tok.AccessToken == "" {
		return "", errors.New("goalkit: token source returned an empty access token")
	}
	scheme := a.scheme
	if scheme == "" {
		scheme = tok.Type()
	}
	return scheme + " " + tok.AccessToken, nil
}

// WithSchemeToken authorizes every call with "<scheme> <token>", e.g.
// scheme "Bearer" for OAuth tokens or "Token" for giosg API tokens.
func WithSchemeToken(scheme, token string) Option {
	return func(s *Settings) error {
		if strings.TrimSpace(token) == "" {
			return errors.New("goalkit: empty " + scheme + " token")
		}
		s.Auth = staticAuth(scheme + " " + token)
		return nil
	}
}

// WithTokenSource authorizes every call with a token from ts. An empty
// scheme uses the token's own type (Bearer by default); a non-empty one is
// always sent instead.
func WithTokenSource(ts oauth2.TokenSource, scheme string) Option {
	return func(s *Settings) error {
		if ts == nil {
			return errors.New("goalkit: nil token source")
		}
		s.Auth = tokenSourceAuth{ts: ts, scheme: scheme}
		return nil
	}
}

// WithBasicAuth authorizes every call with HTTP basic auth.
func WithBasicAuth(user, password string) Option {
	return func(s *Settings) error {
		if user == "" || password == "" {
			return errors.New("goalkit: basic auth needs a user and a password")
		}
		s.Auth = staticAuth("Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password)))
		return nil
	}
}
