// Package security holds cross-dialect tests only: every goalkit client
// (goals, triggers, giosg, pagesense) is driven through the same bad-input,
// credential-leak, redirect and concurrency checks, so a rule of SECURITY.md
// is proven once for all four rather than trusted per package.
package security

import (
	"context"
	"encoding/base64"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/dialectcalls"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Made-up credentials. Each is distinctive, so finding it in a string
// proves a leak.
const (
	bearerToken   = "sec-bearer-token-4Fq9"
	basicEmail    = "agent@example.test"
	basicPassword = "sec-basic-password-Hx2"
	giosgToken    = "sec-giosg-api-token-Wm7"
	oauthAccess   = "sec-oauth-access-token-Lr3"
	zohoAccess    = "sec-zoho-static-token-Qa5"
	zohoSecret    = "sec-zoho-client-secret-Tn8"
	zohoRefresh   = "1000.sec-zoho-refresh-token-Vb6"
	zohoMinted    = "1000.sec-zoho-minted-access-Jc1"
)

// Hosts of the mock transport. Nothing here reaches a network.
const (
	apiHost  = "api.test"
	evilHost = "evil.test"
	tokenURL = "https://accounts.test/oauth/v2/token"
)

// calls are one client's methods under test, bound to a context and to
// the dialect's options.
type calls struct {
	// read is an idempotent call: retried on 5xx and dropped connections.
	read func(context.Context) error
	// create is a POST: never retried on 5xx.
	create func(context.Context) error
	// nils are calls given nil (or empty) inputs; each must fail, not panic.
	nils map[string]func(context.Context) error
}

// dialect is one client with one kind of credential.
type dialect struct {
	name string
	// base is the API root on apiHost.
	base string
	// authz is the Authorization header every API request must carry.
	authz string
	// secrets must never appear in an error, a log line or a panic.
	secrets []string
	// errorBody is a 400 body in the dialect's error shape.
	errorBody string
	// okBody is a 2xx body the read call accepts.
	okBody string
	// auth returns the credential options; it may register a token
	// endpoint on mt.
	auth func(mt *httpmock.MockTransport) []transport.Option
	// read and create name the dialect's idempotent read and its POST in
	// the shared registry (internal/dialectcalls); the dialect's bad-input
	// calls come from there too.
	family, read, create string
}

func basicHeader() string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(basicEmail+":"+basicPassword))
}

// noAuthSetup is for credentials that need no endpoint.
func noAuthSetup[O ~func(*transport.Settings) error](opts ...O) func(*httpmock.MockTransport) []transport.Option {
	return func(*httpmock.MockTransport) []transport.Option { return transport.Convert[transport.Option](opts) }
}

// zohoRefreshAuth registers a token endpoint minting zohoMinted and feeds
// RefreshTokenSource from it.
func zohoRefreshAuth(mt *httpmock.MockTransport) []transport.Option {
	mt.RegisterResponder(http.MethodPost, tokenURL, httpmock.NewStringResponder(200,
		`{"access_token": "`+zohoMinted+`", "api_domain": "https://www.zohoapis.com", "token_type": "Bearer", "expires_in": 3600}`))
	return []transport.Option{transport.Option(pagesense.WithTokenSource(pagesense.RefreshTokenSource(tokenContext(mt), zohoConfig())))}
}

func zohoConfig() pagesense.OAuthConfig {
	return pagesense.OAuthConfig{ClientID: "1000.CLIENT", ClientSecret: zohoSecret, RefreshToken: zohoRefresh, TokenURL: tokenURL}
}

// tokenContext makes RefreshTokenSource use mt.
func tokenContext(mt *httpmock.MockTransport) context.Context {
	return context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: mt})
}

// Ids the giosg calls use, the registry's.
const (
	giosgOrg  = dialectcalls.GiosgOrg
	giosgGoal = dialectcalls.GiosgGoalID
)

// allDialects is every client with every kind of credential it takes.
func allDialects() []dialect {
	zopimErr := `{"error": "Bad Request", "description": "attribution_period: must be between 1 and 30"}`
	goalBody := `{"id": 1, "name": "Pricing", "enabled": 0}`
	triggerBody := `{"id": 4, "name": "First Reply", "enabled": 1}`
	giosgErr := `{"name": ["This field is required."], "detail": "Invalid input."}`
	giosgBody := `{"id": "` + giosgGoal + `", "name": "Lead", "allow_any_room": true}`
	psErr := `{"status_code": 10400, "message": "Invalid input"}`
	psBody := `{"status_code": "10000", "projectgoals": [], "projectgoal": {"goal_id": "1", "linkname": "engaged-reader"}}`
	return []dialect{
		{
			name: "goals/bearer", base: "https://" + apiHost + "/api/v2/chat",
			authz: "Bearer " + bearerToken, secrets: []string{bearerToken},
			errorBody: zopimErr, okBody: goalBody,
			auth:   noAuthSetup(goals.WithToken(bearerToken)),
			family: "goals", read: "goals.Get", create: "goals.Create",
		},
		{
			name: "goals/basic", base: "https://" + apiHost + "/api/v2",
			authz:     basicHeader(),
			secrets:   []string{basicPassword, basicHeader()[len("Basic "):]},
			errorBody: zopimErr, okBody: goalBody,
			auth:   noAuthSetup(goals.WithBasicAuth(basicEmail, basicPassword)),
			family: "goals", read: "goals.Get", create: "goals.Create",
		},
		{
			name: "goals/tokensource", base: "https://" + apiHost + "/api/v2/chat",
			authz: "Bearer " + oauthAccess, secrets: []string{oauthAccess},
			errorBody: zopimErr, okBody: goalBody,
			auth:   noAuthSetup(goals.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: oauthAccess}))),
			family: "goals", read: "goals.Get", create: "goals.Create",
		},
		{
			name: "triggers/bearer", base: "https://" + apiHost + "/api/v2/chat",
			authz: "Bearer " + bearerToken, secrets: []string{bearerToken},
			errorBody: zopimErr, okBody: triggerBody,
			auth:   noAuthSetup(triggers.WithToken(bearerToken)),
			family: "triggers", read: "triggers.Get", create: "triggers.Create",
		},
		{
			name: "triggers/basic", base: "https://" + apiHost + "/api/v2",
			authz:     basicHeader(),
			secrets:   []string{basicPassword, basicHeader()[len("Basic "):]},
			errorBody: zopimErr, okBody: triggerBody,
			auth:   noAuthSetup(triggers.WithBasicAuth(basicEmail, basicPassword)),
			family: "triggers", read: "triggers.Get", create: "triggers.Create",
		},
		{
			name: "giosg/apitoken", base: "https://" + apiHost + "/api/v5",
			authz: "Token " + giosgToken, secrets: []string{giosgToken},
			errorBody: giosgErr, okBody: giosgBody,
			auth:   noAuthSetup(giosg.WithAPIToken(giosgToken)),
			family: "giosg", read: "giosg.GetGoal", create: "giosg.CreateGoal",
		},
		{
			name: "giosg/tokensource", base: "https://" + apiHost + "/api/v5",
			authz: "Bearer " + oauthAccess, secrets: []string{oauthAccess},
			errorBody: giosgErr, okBody: giosgBody,
			auth:   noAuthSetup(giosg.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: oauthAccess}))),
			family: "giosg", read: "giosg.GetGoal", create: "giosg.CreateGoal",
		},
		{
			name: "pagesense/token", base: "https://" + apiHost + "/pagesense/rest/v1",
			authz: "Zoho-oauthtoken " + zohoAccess, secrets: []string{zohoAccess},
			errorBody: psErr, okBody: psBody,
			auth:   noAuthSetup(pagesense.WithToken(zohoAccess)),
			family: "pagesense", read: "pagesense.ListGoals", create: "pagesense.CreateGoal",
		},
		{
			name: "pagesense/refresh", base: "https://" + apiHost + "/pagesense/rest/v1",
			authz: "Zoho-oauthtoken " + zohoMinted, secrets: []string{zohoSecret, zohoRefresh, zohoMinted},
			errorBody: psErr, okBody: psBody,
			auth:   zohoRefreshAuth,
			family: "pagesense", read: "pagesense.ListGoals", create: "pagesense.CreateGoal",
		},
	}
}

// fastRetries keeps retry waits in milliseconds.
var fastRetries = transport.WithRetryWait(time.Millisecond, 5*time.Millisecond)

// newCalls builds d's client on mt with its credentials, fast retries and
// the extra options.
func (d dialect) newCalls(t *testing.T, mt *httpmock.MockTransport, extra ...transport.Option) *calls {
	t.Helper()
	opts := []transport.Option{
		transport.WithHTTPClient(&http.Client{Transport: mt}),
		transport.WithBaseURL(d.base),
		fastRetries,
	}
	opts = append(opts, d.auth(mt)...)
	opts = append(opts, extra...)
	bind := func(c dialectcalls.Call) func(context.Context) error {
		return func(ctx context.Context) error { return c.Run(ctx, opts) }
	}
	c := &calls{read: bind(dialectcalls.Find(d.read)), create: bind(dialectcalls.Find(d.create)), nils: map[string]func(context.Context) error{}}
	for _, rc := range dialectcalls.Of(d.family) {
		if rc.BadInput {
			c.nils[rc.Name] = bind(rc)
		}
	}
	if len(c.nils) == 0 {
		t.Fatalf("%s: the registry has no bad-input calls for %s", d.name, d.family)
	}
	return c
}

// seen records what the API side of a mock received.
type seen struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (s *seen) add(r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reqs = append(s.reqs, r)
}

func (s *seen) all() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs...)
}

// record wraps a responder so s keeps every request it answers.
func (s *seen) record(next httpmock.Responder) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		s.add(r)
		return next(r)
	}
}
