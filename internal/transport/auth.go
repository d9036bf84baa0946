package transport

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/oauth2"
)

// Authorizer yields the Authorization header value for one logical call.
// It is asked once per call; retries and redirects reuse the answer. It
// must return when ctx ends.
type Authorizer interface {
	Authorization(ctx context.Context) (string, error)
}

// staticAuth is a header value fixed at construction, held as a Secret so
// that printing a client never shows it.
type staticAuth struct{ value Secret }

func (a staticAuth) Authorization(context.Context) (string, error) { return a.value.Reveal(), nil }

// tokenSourceAuth asks an oauth2.TokenSource for each call. If scheme is set
// it replaces whatever token_type the token carries (PageSense wants
// "Zoho-oauthtoken" although Zoho's token endpoint says "Bearer").
//
// oauth2.TokenSource takes no context, so the fetch runs in a goroutine and
// the call waits for it or for its ctx, whichever ends first. At most one
// fetch is in flight per client: calls arriving meanwhile wait for the same
// one, so callers that give up never pile up token requests behind them
// (a refresh token is never spent twice at once), and a fetch that ends
// after its caller left hands its token to whoever asks next through the
// source's own cache.
type tokenSourceAuth struct {
	ts     oauth2.TokenSource
	scheme string
	fetch  *tokenFetch
}

// tokenFetch is the one in-flight Token call of a tokenSourceAuth.
type tokenFetch struct {
	mu   sync.Mutex
	done chan struct{} // closed when the fetch in flight ends; nil if none
	tok  *oauth2.Token
	err  error
}

func (a tokenSourceAuth) Authorization(ctx context.Context) (string, error) {
	tok, err := a.fetch.token(ctx, a.ts)
	if err != nil {
		return "", fmt.Errorf("goalkit: fetching access token: %w", err)
	}
	if tok == nil || tok.AccessToken == "" {
		return "", errors.New("goalkit: token source returned an empty access token")
	}
	if err := headerSafe("access token", tok.AccessToken); err != nil {
		return "", err
	}
	scheme := a.scheme
	if scheme == "" {
		scheme = tok.Type()
	}
	return scheme + " " + tok.AccessToken, nil
}

// token joins the fetch in flight or starts one, and waits for it or ctx.
func (f *tokenFetch) token(ctx context.Context, ts oauth2.TokenSource) (*oauth2.Token, error) {
	f.mu.Lock()
	done := f.done
	if done == nil {
		done = make(chan struct{})
		f.done = done
		go func() {
			tok, err := ts.Token()
			f.mu.Lock()
			f.tok, f.err, f.done = tok, err, nil
			close(done)
			f.mu.Unlock()
		}()
	}
	f.mu.Unlock()
	select {
	case <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tok, f.err
}

// WithSchemeToken authorizes every call with "<scheme> <token>", e.g.
// scheme "Bearer" for OAuth tokens or "Token" for giosg API tokens.
func WithSchemeToken(scheme, token string) Option {
	return func(s *Settings) error {
		if strings.TrimSpace(token) == "" {
			return errors.New("goalkit: empty " + scheme + " token")
		}
		if err := headerSafe(scheme+" token", token); err != nil {
			return err
		}
		s.Auth = staticAuth{NewSecret(scheme + " " + token)}
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
		s.Auth = tokenSourceAuth{ts: ts, scheme: scheme, fetch: &tokenFetch{}}
		return nil
	}
}

// WithBasicAuth authorizes every call with HTTP basic auth.
func WithBasicAuth(user, password string) Option {
	return func(s *Settings) error {
		if user == "" || password == "" {
			return errors.New("goalkit: basic auth needs a user and a password")
		}
		if err := headerSafe("basic auth user", user); err != nil {
			return err
		}
		if err := headerSafe("basic auth password", password); err != nil {
			return err
		}
		s.Auth = staticAuth{NewSecret("Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password)))}
		return nil
	}
}

// headerSafe refuses control characters (CR, LF, NUL and the rest) in a
// value sent in a header: net/http would refuse every request, so the
// mistake is reported once, by NewClient. The value is never echoed.
func headerSafe(what, v string) error {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < 0x20 && b != '\t' || b == 0x7f {
			return fmt.Errorf("goalkit: %s contains a control character (byte %d); not shown", what, i)
		}
	}
	return nil
}
