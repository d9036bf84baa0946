package pagesensetest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/testkit"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// newClient runs f behind httpmock and returns a client for it.
func newClient(t *testing.T, f *pagesensetest.Fake, opts ...pagesense.Option) *pagesense.Client {
	t.Helper()
	c, mt := testkit.Client(t, pagesense.NewClient, "https://pagesense.zoho.com/pagesense/rest/v1",
		append([]pagesense.Option{pagesense.WithToken("tok"), pagesense.WithRetryMax(0)}, opts...)...)
	mt.RegisterNoResponder(f.Responder())
	return c
}

func pageVisit(name string) *pagesense.GoalInput {
	return &pagesense.GoalInput{DisplayName: name, GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/" + name}
}

func TestGoalLifecycle(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	ctx := context.Background()
	p := newClient(t, f).Project("portal", "site")

	a, err := p.CreateGoal(ctx, &pagesense.GoalInput{
		DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog",
		IncludeURLs: []string{"https://example.com/*"}, URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := pagesense.Goal{
		GoalID: "1", Linkname: "engaged-reader", DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal,
		GoalURL: "https://example.com/blog", IncludeURLs: []string{"https://example.com/*"}, ExcludeURLs: []string{},
		URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30, ProjectLinkname: "site",
		Status: "2", CreatedAt: a.CreatedAt,
	}
	if a.CreatedAt.IsZero() || a.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt = %v, want a UTC time", a.CreatedAt)
	}
	if !reflect.DeepEqual(*a, want) {
		t.Fatalf("created\n got %+v\nwant %+v", *a, want)
	}
	b, err := p.CreateGoal(ctx, pageVisit("pricing"))
	if err != nil {
		t.Fatal(err)
	}

	goals, err := p.ListGoals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(goals, []pagesense.Goal{*a, *b}) {
		t.Errorf("listed %+v", goals)
	}
	if !reflect.DeepEqual(f.Goals("portal", "site"), goals) {
		t.Errorf("fake state %+v differs from the list", f.Goals("portal", "site"))
	}

	got, err := p.GetGoal(ctx, "pricing")
	if err != nil || !reflect.DeepEqual(*got, *b) {
		t.Errorf("GetGoal = %+v, %v", got, err)
	}
	if err := p.DeleteGoal(ctx, "engaged-reader"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.GetGoal(ctx, "engaged-reader"); !errors.Is(err, pagesense.ErrNotFound) {
		t.Errorf("GetGoal after delete: %v, want ErrNotFound", err)
	}
	err = p.DeleteGoal(ctx, "engaged-reader")
	var apiErr *pagesense.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "10404" || !strings.Contains(apiErr.Message, "engaged-reader") {
		t.Errorf("second delete: %v, want a 404 envelope", err)
	}
	if !errors.Is(err, pagesense.ErrNotFound) {
		t.Errorf("second delete does not match ErrNotFound")
	}
	if goals, _ := p.ListGoals(ctx); len(goals) != 1 || goals[0].Linkname != "pricing" {
		t.Errorf("after delete: %+v", goals)
	}
}

func TestLinknames(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newClient(t, pagesensetest.New())
	site, shop := c.Project("portal", "site"), c.Project("portal", "shop")
	for _, tc := range []struct {
		p          *pagesense.Project
		name, want string
	}{
		{site, "Engaged Reader", "engaged-reader"},
		{site, "Engaged Reader", "engaged-reader-2"},
		{site, "engaged reader!", "engaged-reader-3"},
		{shop, "Engaged Reader", "engaged-reader-4"}, // unique in the portal: DELETE names no project
		{site, "  Sign-up -- Now!! ", "sign-up-now"},
		{site, "Café 2024", "caf-2024"},
		{site, "!!!", "goal"},
	} {
		g, err := tc.p.CreateGoal(ctx, pageVisit(tc.name))
		if err != nil {
			t.Fatal(err)
		}
		if g.Linkname != tc.want {
			t.Errorf("%q: linkname %q, want %q", tc.name, g.Linkname, tc.want)
		}
	}
	other, err := c.Project("other-portal", "site").CreateGoal(ctx, pageVisit("Engaged Reader"))
	if err != nil || other.Linkname != "engaged-reader" {
		t.Errorf("another portal: %+v, %v", other, err)
	}
	if goals, _ := shop.ListGoals(ctx); len(goals) != 1 || goals[0].ProjectLinkname != "shop" {
		t.Errorf("projects are not separate: %+v", goals)
	}
}

func TestCustomEvents(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := pagesensetest.New()
	c := newClient(t, f)
	site := c.Project("portal", "site")

	e, err := site.CreateCustomEvent(ctx, "Add to cart")
	if err != nil {
		t.Fatal(err)
	}
	want := pagesense.CustomEvent{EventID: "1", Linkname: "add-to-cart", Name: "Add to cart", ProjectLinkname: "site"}
	if *e != want {
		t.Errorf("created %+v, want %+v", *e, want)
	}
	if _, err := c.Project("portal", "shop").CreateCustomEvent(ctx, "Add to cart"); err != nil {
		t.Errorf("the same name in another project: %v", err)
	}
	_, err = site.CreateCustomEvent(ctx, "Add to cart")
	var apiErr *pagesense.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || apiErr.Code != "10400" || !errors.Is(err, pagesense.ErrInvalid) {
		t.Errorf("duplicate: %v, want a 400 envelope", err)
	}
	events, err := site.ListCustomEvents(ctx)
	if err != nil || !reflect.DeepEqual(events, []pagesense.CustomEvent{want}) {
		t.Errorf("listed %+v, %v", events, err)
	}
	if !reflect.DeepEqual(f.CustomEvents("portal", "site"), events) {
		t.Errorf("fake state %+v", f.CustomEvents("portal", "site"))
	}
	if events, err := c.Project("portal", "empty").ListCustomEvents(ctx); err != nil || events == nil || len(events) != 0 {
		t.Errorf("empty project: %#v, %v", events, err)
	}
}

func TestRequiresZohoToken(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(pagesensetest.New().Responder())
	// NewClient refuses a client without credentials, so strip them on the way.
	c, err := pagesense.NewClient(pagesense.WithHTTPClient(&http.Client{Transport: stripAuth{mt}}), pagesense.WithBaseURL("https://x.example"), pagesense.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Project("p", "s").ListGoals(context.Background())
	var apiErr *pagesense.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "10401" || !errors.Is(err, pagesense.ErrUnauthorized) {
		t.Errorf("err = %v, want a 401 envelope", err)
	}

	srv := pagesensetest.NewServer()
	defer srv.Close()
	for _, auth := range []string{"Bearer t", "Zoho-oauthtoken ", "zoho-oauthtoken t"} {
		req, _ := http.NewRequest("GET", srv.URL+"/portal/p/projectgoals/s", nil)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("Authorization %q: status %d, want 401", auth, resp.StatusCode)
		}
	}
}

// Raw requests reach what the client's own validation never sends.
func TestInvalidRequests(t *testing.T) {
	t.Parallel()
	srv := pagesensetest.NewServer()
	defer srv.Close()
	for _, tc := range []struct {
		method, path, body string
		status, code       int
	}{
		{"POST", "/portal/p/projectgoals/site", `not json`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/projectgoals/site", `{"goal": {}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/projectgoals/site", `{"projectgoal": {"display_name": "x", "goal_type": 99, "project_linkname": "site"}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/projectgoals/site", `{"projectgoal": {"display_name": "x", "goal_type": 8, "project_linkname": "site"}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/projectgoals/site", `{"projectgoal": {"display_name": "x", "goal_type": 2}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/projectgoals/site", `{"projectgoal": {"display_name": "x", "goal_type": 2, "project_linkname": "shop"}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/customevents", `{"customevent": {"event_name": "e"}}`, 400, pagesensetest.CodeInvalid},
		{"POST", "/portal/p/customevents", `{}`, 400, pagesensetest.CodeInvalid},
		{"GET", "/portal/p/customevents", ``, 400, pagesensetest.CodeInvalid},
		{"GET", "/portal/p/projects", ``, 404, pagesensetest.CodeNotFound},
		{"GET", "/elsewhere", ``, 404, pagesensetest.CodeNotFound},
		{"PUT", "/portal/p/projectgoals/site", `{}`, 400, pagesensetest.CodeInvalid},
		{"PUT", "/portal/p/projectgoals/nogoal", `{"projectgoal": {"display_name": "x", "project_linkname": "site"}}`, 404, pagesensetest.CodeNotFound},
		{"PATCH", "/portal/p/projectgoals/site", `{}`, 405, pagesensetest.CodeMethodNotAllowed},
		{"PATCH", "/portal/p/customevents", `{}`, 405, pagesensetest.CodeMethodNotAllowed},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+"/pagesense/rest/v1"+tc.path, strings.NewReader(tc.body))
		req.Header.Set("Authorization", "Zoho-oauthtoken t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var env struct {
			StatusCode int    `json:"status_code"`
			Message    string `json:"message"`
		}
		err = decode(resp, &env)
		if resp.StatusCode != tc.status || err != nil || env.StatusCode != tc.code || env.Message == "" {
			t.Errorf("%s %s %s: %d %+v %v; want %d with code %d", tc.method, tc.path, tc.body, resp.StatusCode, env, err, tc.status, tc.code)
		}
	}
}

func TestServerEnvelope(t *testing.T) {
	t.Parallel()
	srv := pagesensetest.NewServer()
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/portal/p/projectgoals/site", nil)
	req.Header.Set("Authorization", "Zoho-oauthtoken t")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	if err := decode(resp, &env); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"status_code": "10000", "status_string": "Operation completed successfully",
		"projectgoals": map[string]any{}, "count": float64(0), "timeTakenToProcessTheResult": "1",
	}
	if !reflect.DeepEqual(env, want) {
		t.Errorf("envelope %v, want %v", env, want)
	}
}

func TestConcurrentCreates(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	srv := pagesensetest.NewServerWith(f)
	defer srv.Close()
	c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Project("portal", "site")
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if _, err := p.CreateGoal(context.Background(), pageVisit("Same Name")); err != nil {
				t.Error(err)
			}
			if _, err := p.CreateCustomEvent(context.Background(), fmt.Sprint("event ", i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, g := range f.Goals("portal", "site") {
		if seen[g.Linkname] || seen["id"+g.GoalID] {
			t.Errorf("duplicate linkname or id: %+v", g)
		}
		seen[g.Linkname], seen["id"+g.GoalID] = true, true
	}
	if len(seen) != 40 || len(f.CustomEvents("portal", "site")) != 20 {
		t.Errorf("%d goals, %d events; want 20 each", len(seen)/2, len(f.CustomEvents("portal", "site")))
	}
}

// stripAuth sends requests on without their Authorization header.
type stripAuth struct{ rt http.RoundTripper }

func (s stripAuth) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Del("Authorization")
	return s.rt.RoundTrip(r)
}
