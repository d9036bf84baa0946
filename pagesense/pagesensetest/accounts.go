package pagesensetest

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
)

// TokenPath is the path of Zoho's token endpoint on an accounts server.
const TokenPath = "/oauth/v2/token"

// Zoho's token-request limit: at most TokenLimit access tokens per
// TokenWindow for one refresh token.
const (
	TokenLimit  = 10
	TokenWindow = 10 * time.Minute
)

// TooManyRequestsBody is what Zoho answers (HTTP 400) to a token request
// over the limit.
const TooManyRequestsBody = `{"error_description":"You have made too many requests continuously. Please try again after some time.","error":"Access Denied","status":"failure"}`

// Accounts is a fake Zoho accounts server for one OAuth client and one
// refresh token: the refresh-token grant of POST /oauth/v2/token (form
// fields grant_type=refresh_token, client_id, client_secret,
// refresh_token), so pagesense.RefreshTokenSource runs offline. It answers
// as Zoho does: a new access token with expires_in and token_type
// "Bearer"; a wrong client id or secret 200 {"error": "invalid_client"}; a
// wrong refresh token 200 {"error": "invalid_code"}; another grant 200
// {"error": "unsupported_grant_type"}; and, past TokenLimit tokens in
// TokenWindow, HTTP 400 with TooManyRequestsBody. It has the fakes'
// Inject and Requests; the log redacts client_secret and refresh_token.
// It is safe for concurrent use.
type Accounts struct {
	clientID, clientSecret, refreshToken string
	kit                                  *fake.Kit

	mu       sync.Mutex
	now      func() time.Time
	limit    int
	window   time.Duration
	lifetime time.Duration
	requests int
	issued   []issued // oldest first
}

type issued struct {
	token string
	at    time.Time
}

// NewAccounts returns an accounts server that knows one client and one
// refresh token.
func NewAccounts(clientID, clientSecret, refreshToken string) *Accounts {
	a := &Accounts{
		clientID: clientID, clientSecret: clientSecret, refreshToken: refreshToken,
		now: time.Now, limit: TokenLimit, window: TokenWindow, lifetime: time.Hour,
	}
	a.kit = fake.NewKit(fake.KitConfig{
		Operations:   []fake.Operation{{Name: "Token", Method: http.MethodPost, Pattern: TokenPath}},
		SecretFields: []string{"client_secret", "refresh_token"},
	})
	return a
}

// NewAccountsServer starts a on a loopback httptest server; a.Config(srv.URL)
// points a RefreshTokenSource at it. The caller closes it.
func NewAccountsServer(a *Accounts) *httptest.Server { return fake.NewServer(a) }

// Responder serves a behind an httpmock.MockTransport.
func (a *Accounts) Responder() httpmock.Responder { return fake.Responder(a) }

// Config is the OAuthConfig of a's client with its token endpoint at
// baseURL (a server's URL), for pagesense.RefreshTokenSource.
func (a *Accounts) Config(baseURL string) pagesense.OAuthConfig {
	return pagesense.OAuthConfig{
		ClientID: a.clientID, ClientSecret: a.clientSecret, RefreshToken: a.refreshToken,
		TokenURL: baseURL + TokenPath,
	}
}

// SetClock replaces time.Now for the limit's window and token expiry.
func (a *Accounts) SetClock(now func() time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.now = now
}

// SetLimit replaces TokenLimit and TokenWindow, e.g. for a fast test.
func (a *Accounts) SetLimit(n int, window time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.limit, a.window = n, window
}

// SetTokenLifetime sets the expires_in of new access tokens (default an
// hour; whole seconds, at least one).
func (a *Accounts) SetTokenLifetime(d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.lifetime = max(d, time.Second)
}

// TokenRequests is how many requests reached the token endpoint, refused
// ones included.
func (a *Accounts) TokenRequests() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.requests
}

// Valid reports whether token is an access token a issued that has not
// expired; Fake.AcceptTokensFrom uses it.
func (a *Accounts) Valid(token string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	for _, t := range a.issued {
		if t.token == token {
			return now.Before(t.at.Add(a.lifetime))
		}
	}
	return false
}

// Inject arms a fault on the token endpoint (Route "Token"); see Fault.
func (a *Accounts) Inject(flt Fault) error { return a.kit.Inject(flt) }

// Requests returns the token requests, secrets redacted, in order.
func (a *Accounts) Requests() []Request { return a.kit.Requests() }

// ServeHTTP serves POST /oauth/v2/token under any base prefix.
func (a *Accounts) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.kit.ServeHTTP(w, r, http.HandlerFunc(a.token))
}

func (a *Accounts) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, TokenPath) {
		fake.WriteJSON(w, http.StatusNotFound, map[string]string{"error": "invalid_request"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, fake.MaxRequestBody)
	if err := r.ParseForm(); err != nil {
		fake.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request"})
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.requests++
	switch {
	case r.PostForm.Get("grant_type") != "refresh_token":
		fake.WriteJSON(w, http.StatusOK, map[string]string{"error": "unsupported_grant_type"})
		return
	case r.PostForm.Get("client_id") != a.clientID || r.PostForm.Get("client_secret") != a.clientSecret:
		fake.WriteJSON(w, http.StatusOK, map[string]string{"error": "invalid_client"})
		return
	case r.PostForm.Get("refresh_token") != a.refreshToken:
		fake.WriteJSON(w, http.StatusOK, map[string]string{"error": "invalid_code"})
		return
	}
	now := a.now()
	recent := 0
	for _, t := range a.issued {
		if now.Sub(t.at) < a.window {
			recent++
		}
	}
	if recent >= a.limit {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(TooManyRequestsBody))
		return
	}
	tok := "1000.fake-access-" + strconv.Itoa(len(a.issued)+1)
	a.issued = append(a.issued, issued{token: tok, at: now})
	fake.WriteJSON(w, http.StatusOK, map[string]any{
		"access_token": tok,
		"expires_in":   int(a.lifetime / time.Second),
		"api_domain":   "https://www.zohoapis.com",
		"token_type":   "Bearer",
	})
}

// AcceptTokensFrom makes the fake accept only access tokens a issued and
// not yet expired; any other is a 401 envelope. nil accepts any token
// again.
func (f *Fake) AcceptTokensFrom(a *Accounts) {
	if a == nil {
		f.kit.RequireCredential(nil)
		return
	}
	f.kit.RequireCredential(a.Valid)
}
