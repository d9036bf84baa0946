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

// calls are one client's methods under test, bound to a context.
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
	// build makes a client from options and returns its calls.
	build func(opts []transport.Option) (*calls, error)
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

const (
	giosgOrg  = "ac83d426-be80-4d75-8c62-49a77f98468e"
	giosgGoal = "4d0648b8-9074-11e6-963e-f45c89c72de3"
)

func goalsCalls(opts []transport.Option) (*calls, error) {
	c, err := goals.NewClient(transport.Convert[goals.Option](opts)...)
	if err != nil {
		return nil, err
	}
	return &calls{
		read: func(ctx context.Context) error { _, err := c.Get(ctx, 1); return err },
		create: func(ctx context.Context) error {
			_, err := c.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Pricing"), Enabled: goals.Ptr(false)})
			return err
		},
		nils: map[string]func(context.Context) error{
			"Create(nil)":    func(ctx context.Context) error { _, err := c.Create(ctx, nil); return err },
			"Update(1, nil)": func(ctx context.Context) error { _, err := c.Update(ctx, 1, nil); return err },
			"Get(0)":         func(ctx context.Context) error { _, err := c.Get(ctx, 0); return err },
			"Delete(0)":      func(ctx context.Context) error { return c.Delete(ctx, 0) },
		},
	}, nil
}

func triggersCalls(opts []transport.Option) (*calls, error) {
	c, err := triggers.NewClient(transport.Convert[triggers.Option](opts)...)
	if err != nil {
		return nil, err
	}
	return &calls{
		read: func(ctx context.Context) error { _, err := c.Get(ctx, "First Reply"); return err },
		create: func(ctx context.Context) error {
			_, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("First Reply")})
			return err
		},
		nils: map[string]func(context.Context) error{
			"Create(nil)":      func(ctx context.Context) error { _, err := c.Create(ctx, nil); return err },
			`Update("x", nil)`: func(ctx context.Context) error { _, err := c.Update(ctx, "x", nil); return err },
			`Get("")`:          func(ctx context.Context) error { _, err := c.Get(ctx, ""); return err },
			`Delete("")`:       func(ctx context.Context) error { return c.Delete(ctx, "") },
		},
	}, nil
}

func giosgCalls(opts []transport.Option) (*calls, error) {
	c, err := giosg.NewClient(transport.Convert[giosg.Option](opts)...)
	if err != nil {
		return nil, err
	}
	o := c.Org(giosgOrg)
	return &calls{
		read: func(ctx context.Context) error { _, err := o.GetGoal(ctx, giosgGoal); return err },
		create: func(ctx context.Context) error {
			_, err := o.CreateGoal(ctx, &giosg.GoalInput{Name: "Lead", AllowAnyRoom: true})
			return err
		},
		nils: map[string]func(context.Context) error{
			"CreateGoal(nil)":             func(ctx context.Context) error { _, err := o.CreateGoal(ctx, nil); return err },
			"UpdateGoal(id, nil)":         func(ctx context.Context) error { _, err := o.UpdateGoal(ctx, giosgGoal, nil); return err },
			"PatchGoal(id, nil)":          func(ctx context.Context) error { _, err := o.PatchGoal(ctx, giosgGoal, nil); return err },
			"CreateExternalMatch(id,nil)": func(ctx context.Context) error { return o.CreateExternalMatch(ctx, giosgGoal, nil) },
			`GetGoal("")`:                 func(ctx context.Context) error { _, err := o.GetGoal(ctx, ""); return err },
			`Org("").ListGoals(nil)`:      func(ctx context.Context) error { _, err := c.Org("").ListGoals(ctx, nil); return err },
			`Org("").AllGoals(nil)`: func(ctx context.Context) error {
				for _, err := range c.Org("").AllGoals(ctx, nil) {
					return err
				}
				return nil
			},
		},
	}, nil
}

func pagesenseCalls(opts []transport.Option) (*calls, error) {
	c, err := pagesense.NewClient(transport.Convert[pagesense.Option](opts)...)
	if err != nil {
		return nil, err
	}
	p := c.Project("acme", "site")
	return &calls{
		read: func(ctx context.Context) error { _, err := p.ListGoals(ctx); return err },
		create: func(ctx context.Context) error {
			_, err := p.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 30})
			return err
		},
		nils: map[string]func(context.Context) error{
			"CreateGoal(nil)":             func(ctx context.Context) error { _, err := p.CreateGoal(ctx, nil); return err },
			`CreateCustomEvent("")`:       func(ctx context.Context) error { _, err := p.CreateCustomEvent(ctx, ""); return err },
			`GetGoal("")`:                 func(ctx context.Context) error { _, err := p.GetGoal(ctx, ""); return err },
			`DeleteGoal("")`:              func(ctx context.Context) error { return p.DeleteGoal(ctx, "") },
			`Project("", "").ListGoals`:   func(ctx context.Context) error { _, err := c.Project("", "").ListGoals(ctx); return err },
			`Project("a", "").ListEvents`: func(ctx context.Context) error { _, err := c.Project("a", "").ListCustomEvents(ctx); return err },
		},
	}, nil
}

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
			auth:  noAuthSetup(goals.WithToken(bearerToken)),
			build: goalsCalls,
		},
		{
			name: "goals/basic", base: "https://" + apiHost + "/api/v2",
			authz:     basicHeader(),
			secrets:   []string{basicPassword, basicHeader()[len("Basic "):]},
			errorBody: zopimErr, okBody: goalBody,
			auth:  noAuthSetup(goals.WithBasicAuth(basicEmail, basicPassword)),
			build: goalsCalls,
		},
		{
			name: "goals/tokensource", base: "https://" + apiHost + "/api/v2/chat",
			authz: "Bearer " + oauthAccess, secrets: []string{oauthAccess},
			errorBody: zopimErr, okBody: goalBody,
			auth:  noAuthSetup(goals.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: oauthAccess}))),
			build: goalsCalls,
		},
		{
			name: "triggers/bearer", base: "https://" + apiHost + "/api/v2/chat",
			authz: "Bearer " + bearerToken, secrets: []string{bearerToken},
			errorBody: zopimErr, okBody: triggerBody,
			auth:  noAuthSetup(triggers.WithToken(bearerToken)),
			build: triggersCalls,
		},
		{
			name: "triggers/basic", base: "https://" + apiHost + "/api/v2",
			authz:     basicHeader(),
			secrets:   []string{basicPassword, basicHeader()[len("Basic "):]},
			errorBody: zopimErr, okBody: triggerBody,
			auth:  noAuthSetup(triggers.WithBasicAuth(basicEmail, basicPassword)),
			build: triggersCalls,
		},
		{
			name: "giosg/apitoken", base: "https://" + apiHost + "/api/v5",
			authz: "Token " + giosgToken, secrets: []string{giosgToken},
			errorBody: giosgErr, okBody: giosgBody,
			auth:  noAuthSetup(giosg.WithAPIToken(giosgToken)),
			build: giosgCalls,
		},
		{
			name: "giosg/tokensource", base: "https://" + apiHost + "/api/v5",
			authz: "Bearer " + oauthAccess, secrets: []string{oauthAccess},
			errorBody: giosgErr, okBody: giosgBody,
			auth:  noAuthSetup(giosg.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: oauthAccess}))),
			build: giosgCalls,
		},
		{
			name: "pagesense/token", base: "https://" + apiHost + "/pagesense/rest/v1",
			authz: "Zoho-oauthtoken " + zohoAccess, secrets: []string{zohoAccess},
			errorBody: psErr, okBody: psBody,
			auth:  noAuthSetup(pagesense.WithToken(zohoAccess)),
			build: pagesenseCalls,
		},
		{
			name: "pagesense/refresh", base: "https://" + apiHost + "/pagesense/rest/v1",
			authz: "Zoho-oauthtoken " + zohoMinted, secrets: []string{zohoSecret, zohoRefresh, zohoMinted},
			errorBody: psErr, okBody: psBody,
			auth:  zohoRefreshAuth,
			build: pagesenseCalls,
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
	c, err := d.build(append(opts, extra...))
	if err != nil {
		t.Fatalf("%s: NewClient: %v", d.name, err)
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
