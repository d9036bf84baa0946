package security

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// The vendor-side holes of issue #10, each over real loopback TCP.

// loopback is a test server that counts its requests and records their
// bodies.
type loopback struct {
	*httptest.Server
	n atomic.Int64
}

func serve(t *testing.T, h func(w http.ResponseWriter, r *http.Request, body string)) *loopback {
	t.Helper()
	l := &loopback{}
	l.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.n.Add(1)
		b, _ := io.ReadAll(r.Body)
		h(w, r, string(b))
	}))
	t.Cleanup(l.Close)
	return l
}

func (l *loopback) requests() int { return int(l.n.Load()) }

func zohoLoopbackConfig(tokenURL string) pagesense.OAuthConfig {
	return pagesense.OAuthConfig{ClientID: "1000.CLIENT", ClientSecret: zohoSecret, RefreshToken: zohoRefresh, TokenURL: tokenURL}
}

// Item 2: a 307/308 from the token endpoint is not followed, so the form
// with client_secret and refresh_token is never replayed elsewhere (the
// old code followed it to any origin, plain http included).
func TestZohoTokenRequestFollowsNoRedirect(t *testing.T) {
	t.Parallel()
	for _, status := range []int{301, 302, 307, 308} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			evil := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {
				w.Write([]byte(`{"access_token": "stolen", "expires_in": 3600}`))
			})
			tokens := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {
				http.Redirect(w, r, evil.URL+"/steal", status)
			})
			ts := pagesense.RefreshTokenSource(context.Background(), zohoLoopbackConfig(tokens.URL+"/oauth/v2/token"))
			_, err := ts.Token()
			if err == nil {
				t.Fatal("a redirected token request succeeded")
			}
			if evil.requests() != 0 {
				t.Errorf("the redirect target got %d requests carrying the secrets", evil.requests())
			}
			if !strings.Contains(err.Error(), "redirect") {
				t.Errorf("err = %v, want it to say the redirect was not followed", err)
			}
			assertNoLeak(t, "redirect error", err, []string{zohoSecret, zohoRefresh})
		})
	}
}

// Item 14 part: a 429 from Zoho's token endpoint is rate limiting, not a
// refused credential (the old code matched ErrUnauthorized).
func TestZohoToken429IsRateLimited(t *testing.T) {
	t.Parallel()
	tokens := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write([]byte(`{"error": "Access Denied", "error_description": "You have made too many requests continuously."}`))
	})
	c, err := pagesense.NewClient(pagesense.WithBaseURL(tokens.URL),
		pagesense.WithTokenSource(pagesense.RefreshTokenSource(context.Background(), zohoLoopbackConfig(tokens.URL+"/oauth/v2/token"))))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Project("acme", "site").ListGoals(context.Background())
	if !errors.Is(err, pagesense.ErrRateLimited) || errors.Is(err, pagesense.ErrUnauthorized) {
		t.Errorf("err = %v, want ErrRateLimited and not ErrUnauthorized", err)
	}
}

// Item 9: an expires_in under a minute, or one that overflows
// time.Duration, costs one token request, not one per API call (the old
// code asked Zoho for every call and got the refresh token locked).
func TestZohoShortOrOverflowingLifetimeOneTokenRequest(t *testing.T) {
	t.Parallel()
	for _, expiresIn := range []string{"0.5", "30", "59", "18446744074", "1e30"} {
		t.Run(expiresIn, func(t *testing.T) {
			t.Parallel()
			var tokenRequests atomic.Int64
			srv := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {
				if r.URL.Path == "/oauth/v2/token" {
					tokenRequests.Add(1)
					w.Write([]byte(`{"access_token": "` + zohoMinted + `", "expires_in": ` + expiresIn + `}`))
					return
				}
				w.Write([]byte(`{"status_code": "10000", "projectgoals": []}`))
			})
			c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL),
				pagesense.WithTokenSource(pagesense.RefreshTokenSource(context.Background(), zohoLoopbackConfig(srv.URL+"/oauth/v2/token"))))
			if err != nil {
				t.Fatal(err)
			}
			p := c.Project("acme", "site")
			for range 10 {
				if _, err := p.ListGoals(context.Background()); err != nil && !errors.Is(err, pagesense.ErrRateLimited) {
					t.Fatal(err)
				}
			}
			if n := tokenRequests.Load(); n != 1 {
				t.Errorf("%d token requests for 10 calls, want 1", n)
			}
		})
	}
}

// Item 12 part: an OAuth token endpoint (giosg's, Zendesk's, any) that
// echoes the request in its error body puts neither the client secret nor
// the answer's text into err.Error() (oauth2.RetrieveError quotes the body
// verbatim).
func TestTokenEndpointEchoKeptOutOfErrors(t *testing.T) {
	t.Parallel()
	const clientSecret = "sec-oauth-client-secret-Pz4"
	tokens := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error": "invalid_client", "error_description": "bad %s %s", "echo": %q}`, body, r.Header.Get("Authorization"), body)
	})
	api := serve(t, func(w http.ResponseWriter, r *http.Request, body string) {})
	cc := &clientcredentials.Config{ClientID: "client", ClientSecret: clientSecret, TokenURL: tokens.URL, AuthStyle: oauth2.AuthStyleInParams}
	ts := cc.TokenSource(context.Background())
	build := map[string]func() (func(context.Context) error, error){
		"goals": func() (func(context.Context) error, error) {
			c, err := goals.NewClient(goals.WithBaseURL(api.URL), goals.WithTokenSource(ts))
			return func(ctx context.Context) error { _, err := c.List(ctx); return err }, err
		},
		"triggers": func() (func(context.Context) error, error) {
			c, err := triggers.NewClient(triggers.WithBaseURL(api.URL), triggers.WithTokenSource(ts))
			return func(ctx context.Context) error { _, err := c.List(ctx); return err }, err
		},
		"giosg": func() (func(context.Context) error, error) {
			c, err := giosg.NewClient(giosg.WithBaseURL(api.URL), giosg.WithTokenSource(ts))
			return func(ctx context.Context) error { _, err := c.Org("o").ListGoals(ctx, nil); return err }, err
		},
		"pagesense": func() (func(context.Context) error, error) {
			c, err := pagesense.NewClient(pagesense.WithBaseURL(api.URL), pagesense.WithTokenSource(ts))
			return func(ctx context.Context) error { _, err := c.Project("a", "b").ListGoals(ctx); return err }, err
		},
	}
	for name, b := range build {
		call, err := b()
		if err != nil {
			t.Fatal(err)
		}
		err = call(context.Background())
		if err == nil {
			t.Fatalf("%s: the call succeeded without a token", name)
		}
		assertNoLeak(t, name, err, []string{clientSecret, "bad ", "client_secret"})
		if !errors.Is(err, transport.ErrUnauthorized) {
			t.Errorf("%s: err = %v, want ErrUnauthorized (a 400 from the token endpoint)", name, err)
		}
		var re *oauth2.RetrieveError
		if !errors.As(err, &re) || re.ErrorCode != "invalid_client" {
			t.Errorf("%s: errors.As *oauth2.RetrieveError = %v, want code invalid_client", name, re)
		}
	}
	if api.requests() != 0 {
		t.Errorf("%d API requests without a token", api.requests())
	}
}

// Item 15 part: every method of a nil or zero-value client, Org or Project
// returns ErrNilClient instead of panicking.
func TestNilAndZeroClientsReturnErrNilClient(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gp := &goals.GoalParams{Name: goals.Ptr("n")}
	tp := &triggers.TriggerParams{Name: triggers.Ptr("n")}
	gi := &giosg.GoalInput{Name: "n", AllowAnyRoom: true}
	gm := &giosg.ExternalMatch{VisitorIdentity: "v", GoalMatchedAt: time.Now(), Rooms: []string{"r"}}
	pi := &pagesense.GoalInput{DisplayName: "n", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 30}
	type client[T any] struct {
		name string
		v    T
	}
	var calls []struct {
		name string
		call func() error
	}
	add := func(name string, call func() error) {
		calls = append(calls, struct {
			name string
			call func() error
		}{name, call})
	}
	for _, c := range []client[*goals.Client]{{"nil", nil}, {"zero", &goals.Client{}}} {
		add("goals/"+c.name+"/List", func() error { _, err := c.v.List(ctx); return err })
		add("goals/"+c.name+"/Get", func() error { _, err := c.v.Get(ctx, 1); return err })
		add("goals/"+c.name+"/Create", func() error { _, err := c.v.Create(ctx, gp); return err })
		add("goals/"+c.name+"/Update", func() error { _, err := c.v.Update(ctx, 1, gp); return err })
		add("goals/"+c.name+"/Delete", func() error { return c.v.Delete(ctx, 1) })
	}
	for _, c := range []client[*triggers.Client]{{"nil", nil}, {"zero", &triggers.Client{}}} {
		add("triggers/"+c.name+"/List", func() error { _, err := c.v.List(ctx); return err })
		add("triggers/"+c.name+"/Get", func() error { _, err := c.v.Get(ctx, "n"); return err })
		add("triggers/"+c.name+"/Create", func() error { _, err := c.v.Create(ctx, tp); return err })
		add("triggers/"+c.name+"/Update", func() error { _, err := c.v.Update(ctx, "n", tp); return err })
		add("triggers/"+c.name+"/Delete", func() error { return c.v.Delete(ctx, "n") })
	}
	var nilGiosg *giosg.Client
	for _, o := range []client[*giosg.Org]{{"nil Org", nil}, {"zero Org", &giosg.Org{}}, {"Org of nil Client", nilGiosg.Org("o")}, {"Org of zero Client", (&giosg.Client{}).Org("o")}} {
		add("giosg/"+o.name+"/ListGoals", func() error { _, err := o.v.ListGoals(ctx, nil); return err })
		add("giosg/"+o.name+"/AllGoals", func() error {
			for _, err := range o.v.AllGoals(ctx, nil) {
				return err
			}
			return nil
		})
		add("giosg/"+o.name+"/GetGoal", func() error { _, err := o.v.GetGoal(ctx, "g"); return err })
		add("giosg/"+o.name+"/CreateGoal", func() error { _, err := o.v.CreateGoal(ctx, gi); return err })
		add("giosg/"+o.name+"/UpdateGoal", func() error { _, err := o.v.UpdateGoal(ctx, "g", gi); return err })
		add("giosg/"+o.name+"/PatchGoal", func() error { _, err := o.v.PatchGoal(ctx, "g", &giosg.GoalPatch{Name: giosg.Ptr("n")}); return err })
		add("giosg/"+o.name+"/CreateExternalMatch", func() error { return o.v.CreateExternalMatch(ctx, "g", gm) })
	}
	var nilPS *pagesense.Client
	for _, p := range []client[*pagesense.Project]{{"nil Project", nil}, {"zero Project", &pagesense.Project{}}, {"Project of nil Client", nilPS.Project("a", "b")}, {"Project of zero Client", (&pagesense.Client{}).Project("a", "b")}} {
		add("pagesense/"+p.name+"/CreateGoal", func() error { _, err := p.v.CreateGoal(ctx, pi); return err })
		add("pagesense/"+p.name+"/ListGoals", func() error { _, err := p.v.ListGoals(ctx); return err })
		add("pagesense/"+p.name+"/GetGoal", func() error { _, err := p.v.GetGoal(ctx, "g"); return err })
		add("pagesense/"+p.name+"/DeleteGoal", func() error { return p.v.DeleteGoal(ctx, "g") })
		add("pagesense/"+p.name+"/CreateCustomEvent", func() error { _, err := p.v.CreateCustomEvent(ctx, "e"); return err })
		add("pagesense/"+p.name+"/ListCustomEvents", func() error { _, err := p.v.ListCustomEvents(ctx); return err })
	}
	for _, c := range calls {
		panicked, err := callRecovering(func(context.Context) error { return c.call() })
		if panicked != nil {
			t.Errorf("%s panicked: %v", c.name, panicked)
			continue
		}
		if !errors.Is(err, transport.ErrNilClient) {
			t.Errorf("%s: err = %v, want ErrNilClient", c.name, err)
		}
	}
}

// Item 10: a create or get answered 2xx without an id is
// ErrMalformedResponse, sent once; a create's error says the resource may
// exist (the old code returned a zero resource as success).
func TestAnswersWithoutIDAreMalformed(t *testing.T) {
	t.Parallel()
	type call struct {
		name, path string
		create     bool
		run        func(ctx context.Context, url string) error
	}
	calls := []call{
		{"goals.Create", "/goals", true, func(ctx context.Context, url string) error {
			c, _ := goals.NewClient(goals.WithBaseURL(url), goals.WithToken(bearerToken))
			_, err := c.Create(ctx, &goals.GoalParams{Name: goals.Ptr("n")})
			return err
		}},
		{"goals.Get", "/goals/1", false, func(ctx context.Context, url string) error {
			c, _ := goals.NewClient(goals.WithBaseURL(url), goals.WithToken(bearerToken))
			_, err := c.Get(ctx, 1)
			return err
		}},
		{"triggers.Create", "/triggers", true, func(ctx context.Context, url string) error {
			c, _ := triggers.NewClient(triggers.WithBaseURL(url), triggers.WithToken(bearerToken))
			_, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("n")})
			return err
		}},
		{"triggers.Get", "/triggers/n", false, func(ctx context.Context, url string) error {
			c, _ := triggers.NewClient(triggers.WithBaseURL(url), triggers.WithToken(bearerToken))
			_, err := c.Get(ctx, "n")
			return err
		}},
		{"giosg.CreateGoal", "/orgs/o/goals", true, func(ctx context.Context, url string) error {
			c, _ := giosg.NewClient(giosg.WithBaseURL(url), giosg.WithAPIToken(giosgToken))
			_, err := c.Org("o").CreateGoal(ctx, &giosg.GoalInput{Name: "n", AllowAnyRoom: true})
			return err
		}},
		{"giosg.GetGoal", "/orgs/o/goals/g", false, func(ctx context.Context, url string) error {
			c, _ := giosg.NewClient(giosg.WithBaseURL(url), giosg.WithAPIToken(giosgToken))
			_, err := c.Org("o").GetGoal(ctx, "g")
			return err
		}},
		{"pagesense.CreateGoal", "/portal/a/projectgoals/b", true, func(ctx context.Context, url string) error {
			c, _ := pagesense.NewClient(pagesense.WithBaseURL(url), pagesense.WithToken(zohoAccess))
			_, err := c.Project("a", "b").CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "n", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 30})
			return err
		}},
	}
	answers := []struct {
		name, body string
		status     int
	}{
		{"201 null", "null", 201}, {"201 {}", "{}", 201}, {"200 unrelated", `{"unrelated": true}`, 200}, {"204", "", 204},
	}
	for _, c := range calls {
		for _, a := range answers {
			t.Run(c.name+"/"+a.name, func(t *testing.T) {
				t.Parallel()
				body := a.body
				if strings.HasPrefix(c.name, "pagesense") && a.body != "" {
					body = `{"status_code": "10000", "projectgoal": ` + a.body + `}`
				}
				srv := serve(t, func(w http.ResponseWriter, r *http.Request, _ string) {
					if r.URL.Path != c.path {
						t.Errorf("path %s, want %s", r.URL.Path, c.path)
					}
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(a.status)
					w.Write([]byte(body))
				})
				err := c.run(context.Background(), srv.URL)
				if !errors.Is(err, transport.ErrMalformedResponse) {
					t.Fatalf("err = %v, want ErrMalformedResponse", err)
				}
				if c.create && !strings.Contains(err.Error(), "may have been created") {
					t.Errorf("err = %v, want it to say the resource may exist", err)
				}
				if srv.requests() != 1 {
					t.Errorf("%d requests, want 1 (never retried)", srv.requests())
				}
			})
		}
	}
}

// Item 11: invalid UTF-8 in any string field is refused before sending
// with a *ValidationError naming the field (the old code sent U+FFFD in
// bodies and the raw bytes in paths).
func TestInvalidUTF8RefusedBeforeSending(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, body string) { w.Write([]byte(`{}`)) })
	bad := "caf\xe9"
	gc, _ := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken(bearerToken))
	tc, _ := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken(bearerToken))
	gio, _ := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(giosgToken))
	ps, _ := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken(zohoAccess))
	ctx := context.Background()
	org := gio.Org("o")
	now := time.Now()
	cases := []struct {
		field string
		call  func() error
	}{
		{"name", func() error { _, err := gc.Create(ctx, &goals.GoalParams{Name: &bad}); return err }},
		{"description", func() error {
			_, err := gc.Update(ctx, 1, &goals.GoalParams{Description: &bad})
			return err
		}},
		{"settings.conditions[0].value", func() error {
			_, err := gc.Create(ctx, &goals.GoalParams{Name: goals.Ptr("n"), Settings: &goals.Settings{Conditions: []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: bad}}}})
			return err
		}},
		{"name", func() error { _, err := tc.Create(ctx, &triggers.TriggerParams{Name: &bad}); return err }},
		{"name", func() error { _, err := tc.Get(ctx, bad); return err }},
		{"description", func() error { _, err := tc.Update(ctx, "n", &triggers.TriggerParams{Description: &bad}); return err }},
		{"name", func() error {
			_, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: bad, AllowAnyRoom: true})
			return err
		}},
		{"allowed_rooms[0]", func() error {
			_, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: "n", AllowedRooms: []string{bad}})
			return err
		}},
		{"conditions[0].settings.city", func() error {
			_, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: "n", AllowAnyRoom: true, Conditions: []giosg.Condition{{Settings: giosg.Settings{"city": bad}}}})
			return err
		}},
		{"name", func() error { _, err := org.PatchGoal(ctx, "g", &giosg.GoalPatch{Name: &bad}); return err }},
		{"goal_id", func() error { _, err := org.GetGoal(ctx, bad); return err }},
		{"organization_id", func() error { _, err := gio.Org(bad).ListGoals(ctx, nil); return err }},
		{"cursor", func() error { _, err := org.ListGoals(ctx, &giosg.ListOptions{Cursor: bad}); return err }},
		{"ordering", func() error {
			for _, err := range org.AllGoals(ctx, &giosg.ListOptions{Ordering: bad}) {
				return err
			}
			return nil
		}},
		{"visitor_identity", func() error {
			return org.CreateExternalMatch(ctx, "g", &giosg.ExternalMatch{VisitorIdentity: bad, GoalMatchedAt: now, Rooms: []string{"r"}})
		}},
		{"display_name", func() error {
			_, err := ps.Project("a", "b").CreateGoal(ctx, &pagesense.GoalInput{DisplayName: bad, GoalType: pagesense.TimeSpentGoal, TimeThreshold: 30})
			return err
		}},
		{"goal_url", func() error {
			_, err := ps.Project("a", "b").CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "n", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/" + bad})
			return err
		}},
		{"portal_name", func() error { _, err := ps.Project(bad, "b").ListGoals(ctx); return err }},
		{"linkname", func() error { return ps.Project("a", "b").DeleteGoal(ctx, bad) }},
		{"event_name", func() error { _, err := ps.Project("a", "b").CreateCustomEvent(ctx, bad); return err }},
	}
	for i, c := range cases {
		err := c.call()
		var ve *transport.ValidationError
		if !errors.As(err, &ve) || ve.Field != c.field {
			t.Errorf("case %d: err = %v, want a ValidationError naming %s", i, err, c.field)
		}
	}
	if srv.requests() != 0 {
		t.Errorf("%d requests sent with invalid UTF-8", srv.requests())
	}
}

// Extras: an empty giosg patch is refused like goals.Update's empty update
// (the old code sent {}), and match times outside years 0-9999 are refused
// (the old code sent non-RFC 3339 text).
func TestGiosgEmptyPatchAndMatchYearRefused(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request, body string) { w.Write([]byte(`{"id": "g"}`)) })
	c, _ := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(giosgToken))
	org := c.Org("o")
	_, err := org.PatchGoal(context.Background(), "g", &giosg.GoalPatch{})
	var ve *transport.ValidationError
	if !errors.As(err, &ve) || ve.Field != "patch" {
		t.Errorf("PatchGoal(empty) = %v, want a ValidationError for patch", err)
	}
	for _, at := range []time.Time{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC)} {
		err := org.CreateExternalMatch(context.Background(), "g", &giosg.ExternalMatch{VisitorIdentity: "v", GoalMatchedAt: at, Rooms: []string{"r"}})
		if !errors.As(err, &ve) || ve.Field != "goal_matched_at" {
			t.Errorf("match at year %d: err = %v, want a ValidationError for goal_matched_at", at.Year(), err)
		}
	}
	if srv.requests() != 0 {
		t.Errorf("%d requests sent", srv.requests())
	}
}
