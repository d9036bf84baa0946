package pagesense

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// Token refresh tuning. Zoho access tokens live an hour and Zoho allows at
// most 10 token requests per 10 minutes per refresh token.
const (
	// TokenExpiryDelta is how long before its expiry a cached access
	// token is replaced.
	TokenExpiryDelta = time.Minute
	// DefaultRefreshCoolDown is how long a failed refresh is answered from
	// memory, without a new token request.
	DefaultRefreshCoolDown = time.Minute
	// defaultTokenLifetime applies when the answer carries no expires_in.
	defaultTokenLifetime = time.Hour
	// maxTokenLifetime caps expires_in: a larger value (or one that would
	// overflow time.Duration) is read as this.
	maxTokenLifetime = 24 * time.Hour
	// maxTokenResponse caps what is read of a token endpoint answer.
	maxTokenResponse = 1 << 20
	// MinRefreshInterval is the least time between two token requests,
	// successful or not: Zoho allows 10 per 10 minutes and then locks the
	// refresh token. A token that expires sooner (expires_in under a
	// minute) is reused until it expires, then calls get an error matching
	// ErrRateLimited until the interval is over.
	MinRefreshInterval = time.Minute
	// TokenRequestTimeout bounds one token request, whatever *http.Client
	// the context carries.
	TokenRequestTimeout = 30 * time.Second
)

// OAuthConfig is what Zoho's refresh-token grant needs. Register a
// "self client" or server-based client in the Zoho API console, get a
// refresh token once with the scopes you need, then let RefreshTokenSource
// turn it into access tokens.
type OAuthConfig struct {
	ClientID     string
	ClientSecret string
	RefreshToken string
	// DataCenter picks the accounts server (DataCenter.AccountsURL); the
	// zero value means US.
	DataCenter DataCenter
	// Scopes records the scopes the refresh token was granted, e.g.
	// "PageSense.goals.CREATE", "PageSense.goals.READ". The refresh grant
	// does not send them: Zoho issues access tokens with the refresh
	// token's scopes.
	Scopes []string
	// TokenURL overrides {accounts}/oauth/v2/token (tests, proxies). It must
	// be https unless its host is loopback.
	TokenURL string
	// CoolDown overrides DefaultRefreshCoolDown; negative turns it off.
	CoolDown time.Duration
	// RefreshInterval overrides MinRefreshInterval; negative turns it off
	// (a test against a fake accounts server that enforces Zoho's limit
	// itself). Against Zoho leave it zero.
	RefreshInterval time.Duration
}

// RefreshTokenSource returns a token source running Zoho's refresh-token
// grant: POST {accounts}/oauth/v2/token with the form grant_type=refresh_token,
// client_id, client_secret and refresh_token, against the data center's
// accounts server.
//
// Tokens are cached (oauth2.ReuseTokenSourceWithExpiry) until
// TokenExpiryDelta before they expire, so many API calls share one token
// request. Their type is "Zoho-oauthtoken", the scheme PageSense wants.
//
// A failed refresh is not retried in a tight loop, since Zoho allows 10
// token requests per 10 minutes: for the cool-down (one minute by default)
// after a failure, Token returns the same error without a new request, and
// successful requests are at least MinRefreshInterval apart whatever
// expires_in says (a lifetime over a day, or one overflowing time.Duration,
// is read as a day). Errors never contain the client secret, the refresh
// token or an access token. A refresh Zoho refuses (HTTP 400/401, or an
// "error" field in a 200 answer, which is how Zoho reports a bad refresh
// token) matches ErrUnauthorized; a 429 matches ErrRateLimited.
//
// The token request never follows a redirect (the form carries the
// secrets): a 3xx is an error. It ends after TokenRequestTimeout.
//
// The token request uses the *http.Client stored in ctx under
// oauth2.HTTPClient (httpmock in tests), else a default client, and runs
// under ctx: pass a long-lived context, not one for a single call. A bad
// config is reported by every Token call.
func RefreshTokenSource(ctx context.Context, cfg OAuthConfig) oauth2.TokenSource {
	r, err := newRefresher(ctx, cfg)
	if err != nil {
		return &redactedSource{ts: failedSource{err}}
	}
	wait := cfg.CoolDown
	if wait == 0 {
		wait = DefaultRefreshCoolDown
	}
	gap := cfg.RefreshInterval
	if gap == 0 {
		gap = MinRefreshInterval
	}
	return &redactedSource{ts: oauth2.ReuseTokenSourceWithExpiry(nil, &coolDown{src: r, wait: wait, gap: gap, now: time.Now}, TokenExpiryDelta), dc: r.dc}
}

// failedSource reports a config error on every call.
type failedSource struct{ err error }

func (f failedSource) Token() (*oauth2.Token, error) { return nil, f.err }

// refresher makes one token request per Token call.
type refresher struct {
	ctx      context.Context
	hc       *http.Client
	tokenURL string
	form     transport.Secret // encoded once; holds the secrets, never printed
	// secrets are the client secret and refresh token, removed from
	// whatever the endpoint sends back before it reaches an error.
	secrets []string
	dc      DataCenter // the data center of tokenURL; "" for a TokenURL override
}

func newRefresher(ctx context.Context, cfg OAuthConfig) (*refresher, error) {
	switch {
	case cfg.ClientID == "":
		return nil, errors.New("pagesense: OAuthConfig.ClientID is empty")
	case cfg.ClientSecret == "":
		return nil, errors.New("pagesense: OAuthConfig.ClientSecret is empty")
	case cfg.RefreshToken == "":
		return nil, errors.New("pagesense: OAuthConfig.RefreshToken is empty")
	}
	tokenURL := cfg.TokenURL
	var dc DataCenter
	if tokenURL == "" {
		dc = cfg.DataCenter
		if dc == "" {
			dc = US
		}
		if err := validDataCenter(dc); err != nil {
			return nil, err
		}
		tokenURL = dc.AccountsURL() + "/oauth/v2/token"
	}
	// The same rule as for base URLs: the secrets never travel over plain
	// http to a remote host.
	if _, err := transport.ParseBaseURL(tokenURL); err != nil {
		return nil, fmt.Errorf("pagesense: OAuthConfig.TokenURL: %w", err)
	}
	hc := tokenHTTPClient(ctx)
	form := transport.NewSecret(url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {cfg.ClientID},
		"client_secret": {cfg.ClientSecret},
		"refresh_token": {cfg.RefreshToken},
	}.Encode())
	secrets := []string{cfg.ClientSecret, cfg.RefreshToken}
	return &refresher{ctx: ctx, hc: hc, tokenURL: tokenURL, form: form, secrets: secrets, dc: dc}, nil
}

// tokenResponse is Zoho's answer; a refused refresh comes back as HTTP 200
// with only "error" set.
type tokenResponse struct {
	AccessToken string     `json:"access_token"`
	TokenType   string     `json:"token_type"`
	ExpiresIn   flexString `json:"expires_in"`
	APIDomain   string     `json:"api_domain"`
	Error       string     `json:"error"`
}

func (r *refresher) Token() (*oauth2.Token, error) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodPost, r.tokenURL, strings.NewReader(r.form.Reveal()))
	if err != nil {
		return nil, fmt.Errorf("pagesense: token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := r.hc.Do(req)
	if err != nil {
		// *url.Error shows the token URL or a redirect's target (the
		// secrets are in the body): redacted like every URL.
		return nil, fmt.Errorf("pagesense: token request: %w", transport.RedactURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		return nil, fmt.Errorf("pagesense: token request: the token endpoint answered %d %s; redirects are not followed (the request carries the client secret and refresh token)", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse))
	if err != nil {
		return nil, fmt.Errorf("pagesense: token request: reading answer: %w", err)
	}
	var tr tokenResponse
	jsonErr := json.Unmarshal(body, &tr)
	if resp.StatusCode != http.StatusOK || tr.Error != "" {
		code := r.redact(tr.Error)
		if len(tr.AccessToken) >= 6 {
			code = strings.ReplaceAll(code, tr.AccessToken, "REDACTED")
		}
		return nil, refreshRefused(resp.StatusCode, code)
	}
	if jsonErr != nil || tr.AccessToken == "" {
		return nil, fmt.Errorf("pagesense: token request: %d answer without an access token", resp.StatusCode)
	}
	life := tokenLifetime(string(tr.ExpiresIn))
	tok := &oauth2.Token{AccessToken: tr.AccessToken, TokenType: AuthScheme, Expiry: time.Now().Add(life)}
	return tok.WithExtra(map[string]any{"api_domain": tr.APIDomain, "token_type": tr.TokenType}), nil
}

// redact removes the secrets, plain or form-encoded, from text the token
// endpoint sent back: an endpoint that echoes the request must not put
// them into an error.
func (r *refresher) redact(s string) string {
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, "REDACTED")
		s = strings.ReplaceAll(s, url.QueryEscape(secret), "REDACTED")
	}
	return s
}

// refreshRefused describes a refused refresh by status and Zoho's error
// code only (the body is not echoed). A 4xx or an error code is a
// credential problem and matches ErrUnauthorized; a 5xx is not.
func refreshRefused(status int, code string) error {
	if len(code) > 100 {
		code = code[:100]
	}
	msg := fmt.Sprintf("pagesense: token refresh refused: %d %s", status, http.StatusText(status))
	if code != "" {
		msg += ": " + code
	}
	if status == http.StatusTooManyRequests {
		return fmt.Errorf("%s: %w", msg, ErrRateLimited)
	}
	if status >= 500 && code == "" {
		return errors.New(msg)
	}
	return fmt.Errorf("%s: %w", msg, ErrUnauthorized)
}

// coolDown remembers a failed refresh for wait and answers it from memory
// meanwhile, so a burst of calls costs one token request, not one each. It
// also keeps successful requests gap apart: within gap of the last one,
// its token is answered again while it lasts, else ErrRateLimited.
type coolDown struct {
	src  oauth2.TokenSource
	wait time.Duration
	gap  time.Duration
	now  func() time.Time

	mu     sync.Mutex
	err    error
	until  time.Time
	last   *oauth2.Token
	lastAt time.Time
}

func (c *coolDown) Token() (*oauth2.Token, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if c.err != nil && now.Before(c.until) {
		return nil, c.err
	}
	if c.last != nil && now.Sub(c.lastAt) < c.gap {
		if c.last.Expiry.After(now) {
			return c.last, nil
		}
		return nil, fmt.Errorf("pagesense: token refresh: the last token expired within %s of its request; the next request waits %s (Zoho allows 10 token requests per 10 minutes): %w",
			c.last.Expiry.Sub(c.lastAt).Round(time.Second), (c.gap - now.Sub(c.lastAt)).Round(time.Second), ErrRateLimited)
	}
	tok, err := c.src.Token()
	if err != nil {
		c.err, c.until = err, now.Add(c.wait)
		return nil, err
	}
	c.err, c.last, c.lastAt = nil, tok, now
	return tok, nil
}

// tokenLifetime reads expires_in (seconds, a number or numeric string):
// absent, zero, negative or unreadable means defaultTokenLifetime; over
// maxTokenLifetime (which includes what would overflow time.Duration) is
// clamped to it. Short lifetimes are kept: coolDown keeps token requests
// MinRefreshInterval apart.
func tokenLifetime(expiresIn string) time.Duration {
	secs, err := strconv.ParseFloat(expiresIn, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange), math.IsNaN(secs), secs <= 0:
		return defaultTokenLifetime
	case secs >= maxTokenLifetime.Seconds():
		return maxTokenLifetime
	}
	return time.Duration(secs * float64(time.Second))
}

// tokenHTTPClient is the client of the token request: the one in ctx under
// oauth2.HTTPClient, else a default one, copied so that it follows no
// redirect and ends within TokenRequestTimeout.
func tokenHTTPClient(ctx context.Context) *http.Client {
	hc := &http.Client{}
	if c, _ := ctx.Value(oauth2.HTTPClient).(*http.Client); c != nil {
		*hc = *c
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if hc.Timeout <= 0 || hc.Timeout > TokenRequestTimeout {
		hc.Timeout = TokenRequestTimeout
	}
	return hc
}
