package pagesense_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/pagesense"
)

// officialTimeSpent is the official create example (VENDOR-NOTES.md).
const officialTimeSpent = `{"projectgoal":{"display_name":"Engaged Reader","goal_type":8,"goal_url":"https://example.com/blog","include_urls":[],"exclude_urls":[],"url":[{"match_type":1}],"time_threshold":30,"project_linkname":"website-performance-project"}}`

const createdGoal = `{"goal_id": 4000000123, "linkname": "engaged-reader", "display_name": "Engaged Reader",
	"goal_type": 8, "goal_url": "https://example.com/blog", "include_urls": [], "exclude_urls": [],
	"url": [{"match_type": 1}], "time_threshold": 30, "project_linkname": "website-performance-project",
	"status": 1, "created_time": "2024-05-01T10:00:00Z"}`

var wantCreated = pagesense.Goal{
	GoalID: "4000000123", Linkname: "engaged-reader", DisplayName: "Engaged Reader",
	GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog",
	IncludeURLs: []string{}, ExcludeURLs: []string{},
	URL:           []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}},
	TimeThreshold: 30, ProjectLinkname: "website-performance-project", Status: "1",
	CreatedAt: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC),
}

func TestCreateGoal_OfficialExample(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(201, `{"status_code": "10000", "status_string": "Operation completed successfully",
		"projectgoal": `+createdGoal+`, "timeTakenToProcessTheResult": "12"}`)
	mt.RegisterResponder("POST", base+"/portal/my-portal/projectgoals/website-performance-project", x.responder())

	g, err := c.Project("my-portal", "website-performance-project").CreateGoal(context.Background(), &pagesense.GoalInput{
		DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog",
		URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30,
	})
	if err != nil {
		t.Fatal(err)
	}
	req := x.only(t)
	checkRequest(t, req, "POST", base+"/portal/my-portal/projectgoals/website-performance-project", true)
	if string(req.Body) != officialTimeSpent {
		t.Errorf("body\n got %s\nwant %s", req.Body, officialTimeSpent)
	}
	if !reflect.DeepEqual(*g, wantCreated) {
		t.Errorf("goal\n got %+v\nwant %+v", *g, wantCreated)
	}
}

func TestCreateGoal_MinimalBodySendsEmptyLists(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(200, `{"status_code": 10000, "projectgoal": {"goal_id": "7", "linkname": "cta", "display_name": "CTA", "goal_type": 2}}`)
	mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site", x.responder())

	if _, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "CTA", GoalType: pagesense.LinkClickGoal}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(x.only(t).Body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"projectgoal": map[string]any{
		"display_name": "CTA", "goal_type": float64(2), "include_urls": []any{}, "exclude_urls": []any{},
		"project_linkname": "site",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("body\n got %v\nwant %v", got, want)
	}
}

func TestCreateGoal_PayloadShapes(t *testing.T) {
	t.Parallel()
	const g = `{"goal_id": "9", "linkname": "buy", "display_name": "Buy", "goal_type": "REVENUE_GOAL"}`
	// project_linkname and the empty lists are filled from the request.
	want := pagesense.Goal{GoalID: "9", Linkname: "buy", DisplayName: "Buy", GoalType: pagesense.RevenueGoal,
		IncludeURLs: []string{}, ExcludeURLs: []string{}, ProjectLinkname: "site"}
	for name, payload := range map[string]string{
		"singular object":     `"projectgoal": ` + g,
		"singular array":      `"projectgoal": [` + g + `]`,
		"plural object":       `"projectgoals": ` + g,
		"plural array":        `"projectgoals": [` + g + `]`,
		"null then plural":    `"projectgoal": null, "projectgoals": ` + g,
		"empty array, plural": `"projectgoal": [], "projectgoals": [` + g + `]`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site",
				answer(200, `{"status_code": "10000", `+payload+`, "timeTakenToProcessTheRequest": 3}`).responder())
			got, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "Buy", GoalType: pagesense.RevenueGoal})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("got %+v, want %+v", *got, want)
			}
		})
	}
}

func TestCreateGoal_MalformedPayload(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"two goals":  `{"status_code": "10000", "projectgoals": [{"goal_id": 1}, {"goal_id": 2}]}`,
		"no payload": `{"status_code": "10000", "status_string": "ok"}`,
		"empty body": ``,
		"truncated":  `{"status_code": "10000", "projectgoal": {"goal_id"`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site", answer(200, body).responder())
			_, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "x", GoalType: pagesense.LinkClickGoal})
			if !errors.Is(err, pagesense.ErrMalformedResponse) {
				t.Errorf("err = %v, want ErrMalformedResponse", err)
			}
		})
	}
}

const listBody = `{
	"status_code": %s,
	"status_string": "Operation completed successfully",
	"count": 2,
	%s: "4",
	"projectgoals": [
		{"goal_id": 101, "linkname": "pricing-visit", "display_name": "Pricing visit", "goal_type": 1,
		 "goal_url": "https://example.com/pricing", "include_urls": ["https://example.com/*"], "exclude_urls": [],
		 "url": [{"match_type": 3, "value": "https://example.com/pricing*"}], "project_linkname": "site",
		 "status": "ACTIVE", "selectors": [".buy"], "unknown_field": {"nested": true}},
		{"goal_id": "102", "linkname": "engaged", "display_name": "Engaged", "goal_type": "8",
		 "time_threshold": "45", "project_linkname": "site"}
	]
}`

var wantList = []pagesense.Goal{
	{
		GoalID: "101", Linkname: "pricing-visit", DisplayName: "Pricing visit", GoalType: pagesense.PageVisitGoal,
		GoalURL: "https://example.com/pricing", IncludeURLs: []string{"https://example.com/*"}, ExcludeURLs: []string{},
		URL:             []pagesense.URLRule{{MatchType: pagesense.PatternMatch, Value: "https://example.com/pricing*"}},
		ProjectLinkname: "site", Status: "ACTIVE", Selectors: json.RawMessage(`[".buy"]`),
	},
	{GoalID: "102", Linkname: "engaged", DisplayName: "Engaged", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 45, ProjectLinkname: "site"},
}

func listJSON(code, timingKey string) string {
	return strings.Replace(strings.Replace(listBody, "%s", code, 1), "%s", `"`+timingKey+`"`, 1)
}

func TestListGoals(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, code, timing string }{
		{"string code, Result timing", `"10000"`, "timeTakenToProcessTheResult"},
		{"number code, Request timing", `10000`, "timeTakenToProcessTheRequest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			x := answer(200, listJSON(tc.code, tc.timing))
			mt.RegisterResponder("GET", base+"/portal/my%20portal/projectgoals/site", x.responder())
			got, err := c.Project("my portal", "site").ListGoals(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			checkRequest(t, x.only(t), "GET", base+"/portal/my%20portal/projectgoals/site", false)
			if !reflect.DeepEqual(got, wantList) {
				t.Errorf("goals\n got %+v\nwant %+v", got, wantList)
			}
		})
	}
}

func TestListGoals_Empty(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"empty array": `{"status_code": "10000", "count": 0, "projectgoals": []}`,
		"absent":      `{"status_code": "10000", "count": 0}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			mt.RegisterResponder("GET", base+"/portal/p/projectgoals/site", answer(200, body).responder())
			got, err := c.Project("p", "site").ListGoals(context.Background())
			if err != nil || got == nil || len(got) != 0 {
				t.Errorf("got %#v, %v; want an empty, non-nil list", got, err)
			}
		})
	}
}

func TestGetGoal(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(200, listJSON(`"10000"`, "timeTakenToProcessTheResult"))
	mt.RegisterResponder("GET", base+"/portal/p/projectgoals/site", x.responder())
	p := c.Project("p", "site")

	g, err := p.GetGoal(context.Background(), "engaged")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*g, wantList[1]) {
		t.Errorf("got %+v, want %+v", *g, wantList[1])
	}
	checkRequest(t, x.only(t), "GET", base+"/portal/p/projectgoals/site", false)

	_, err = p.GetGoal(context.Background(), "missing-goal")
	if !errors.Is(err, pagesense.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	var apiErr *pagesense.APIError
	if errors.As(err, &apiErr) {
		t.Errorf("a goal absent from a good list is not an APIError: %v", apiErr)
	}
	if !strings.Contains(err.Error(), `"missing-goal"`) {
		t.Errorf("error %q does not name the linkname", err)
	}
}

func TestDeleteGoal(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		status int
		body   string
	}{
		"envelope":   {200, `{"status_code": "10000", "status_string": "Operation completed successfully"}`},
		"no content": {204, ``},
		"empty 200":  {200, ``},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			x := answer(tc.status, tc.body)
			mt.RegisterResponder("DELETE", base+"/portal/p/projectgoals/a%2Fb", x.responder())
			if err := c.Project("p", "site").DeleteGoal(context.Background(), "a/b"); err != nil {
				t.Fatal(err)
			}
			checkRequest(t, x.only(t), "DELETE", base+"/portal/p/projectgoals/a%2Fb", false)
		})
	}
}

func TestCreateCustomEvent(t *testing.T) {
	t.Parallel()
	for name, payload := range map[string]string{
		"singular": `"customevent": {"event_id": 55, "linkname": "signup", "event_name": "signup", "project_linkname": "site"}`,
		"plural":   `"customevents": [{"event_id": "55", "linkname": "signup", "event_name": "signup", "project_linkname": "site"}]`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			x := answer(201, `{"status_code": "10000", `+payload+`}`)
			mt.RegisterResponder("POST", base+"/portal/p/customevents", x.responder())
			e, err := c.Project("p", "site").CreateCustomEvent(context.Background(), "signup")
			if err != nil {
				t.Fatal(err)
			}
			req := x.only(t)
			checkRequest(t, req, "POST", base+"/portal/p/customevents", true)
			if want := `{"customevent":{"event_name":"signup","project_linkname":"site"}}`; string(req.Body) != want {
				t.Errorf("body %s, want %s", req.Body, want)
			}
			want := pagesense.CustomEvent{EventID: "55", Linkname: "signup", Name: "signup", ProjectLinkname: "site"}
			if *e != want {
				t.Errorf("got %+v, want %+v", *e, want)
			}
		})
	}
}

func TestListCustomEvents(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(200, `{"status_code": 10000, "count": 2, "timeTakenToProcessTheResult": 2, "customevents": [
		{"event_id": 1, "linkname": "signup", "event_name": "signup"},
		{"event_id": "2", "linkname": "add-to-cart", "event_name": "Add to cart", "project_linkname": "my site", "extra": 1}]}`)
	mt.RegisterResponder("GET", base+"/portal/p/customevents", x.responder())
	got, err := c.Project("p", "my site").ListCustomEvents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkRequest(t, x.only(t), "GET", base+"/portal/p/customevents?project_linkname=my+site", false)
	want := []pagesense.CustomEvent{
		{EventID: "1", Linkname: "signup", Name: "signup"},
		{EventID: "2", Linkname: "add-to-cart", Name: "Add to cart", ProjectLinkname: "my site"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// A status_code other than 10000 is a failure even at HTTP 200, for every
// method.
func TestEnvelopeFailureAt200(t *testing.T) {
	t.Parallel()
	calls := map[string]struct {
		method, url string
		call        func(*pagesense.Project) error
	}{
		"ListGoals": {"GET", base + "/portal/p/projectgoals/site", func(p *pagesense.Project) error {
			_, err := p.ListGoals(context.Background())
			return err
		}},
		"CreateGoal": {"POST", base + "/portal/p/projectgoals/site", func(p *pagesense.Project) error {
			_, err := p.CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "x", GoalType: pagesense.FormSubmitGoal})
			return err
		}},
		"DeleteGoal": {"DELETE", base + "/portal/p/projectgoals/g", func(p *pagesense.Project) error {
			return p.DeleteGoal(context.Background(), "g")
		}},
		"CreateCustomEvent": {"POST", base + "/portal/p/customevents", func(p *pagesense.Project) error {
			_, err := p.CreateCustomEvent(context.Background(), "e")
			return err
		}},
		"ListCustomEvents": {"GET", base + "/portal/p/customevents", func(p *pagesense.Project) error {
			_, err := p.ListCustomEvents(context.Background())
			return err
		}},
	}
	bodies := []struct{ body, code, msg string }{
		{`{"status_code": "10503", "message": "Project does not exist", "status_string": "failure"}`, "10503", "Project does not exist"},
		{`{"status_code": 7201, "status_string": "Invalid input"}`, "7201", "Invalid input"},
	}
	for name, tc := range calls {
		for _, b := range bodies {
			t.Run(name+"/"+b.code, func(t *testing.T) {
				t.Parallel()
				mt, c := newClient(t)
				mt.RegisterResponder(tc.method, tc.url, answer(200, b.body).responder())
				err := tc.call(c.Project("p", "site"))
				var apiErr *pagesense.APIError
				if !errors.As(err, &apiErr) {
					t.Fatalf("err = %v, want *APIError", err)
				}
				if apiErr.StatusCode != 200 || apiErr.Code != b.code || apiErr.Message != b.msg {
					t.Errorf("APIError = %d %q %q, want 200 %q %q", apiErr.StatusCode, apiErr.Code, apiErr.Message, b.code, b.msg)
				}
			})
		}
	}
}

func TestHTTPErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		status    int
		body      string
		sentinel  error
		code, msg string
		attempts  int
	}{
		{400, `{"status_code": 7000, "message": "Invalid project linkname"}`, pagesense.ErrInvalid, "7000", "Invalid project linkname", 1},
		{401, `{"status_code": "7101", "message": "Invalid OAuth token"}`, pagesense.ErrUnauthorized, "7101", "Invalid OAuth token", 1},
		{403, `{"status_code": 7102, "message": "Scope mismatch"}`, pagesense.ErrForbidden, "7102", "Scope mismatch", 1},
		{404, `{"status_code": 7300, "message": "Project not found"}`, pagesense.ErrNotFound, "7300", "Project not found", 1},
		{429, `{"status_code": 7400, "message": "Too many requests"}`, pagesense.ErrRateLimited, "7400", "Too many requests", 3},
		{500, `<html><body>Internal error</body></html>`, nil, "", "", 3},
		{502, ``, nil, "", "", 3},
		{404, `{"status_code": 7300, "mess`, pagesense.ErrNotFound, "", "", 1},
	} {
		t.Run(tc.body, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t, pagesense.WithRetryMax(2))
			x := answer(tc.status, tc.body)
			mt.RegisterResponder("GET", base+"/portal/p/projectgoals/site", x.responder())
			_, err := c.Project("p", "site").ListGoals(context.Background())
			var apiErr *pagesense.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Code != tc.code || apiErr.Message != tc.msg {
				t.Errorf("APIError = %d %q %q, want %d %q %q", apiErr.StatusCode, apiErr.Code, apiErr.Message, tc.status, tc.code, tc.msg)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.sentinel)
			}
			if got := x.count(); got != tc.attempts {
				t.Errorf("attempts = %d, want %d", got, tc.attempts)
			}
			if strings.Contains(err.Error(), "tok-123") {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}
}

func TestRateLimitedThenSuccess(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(429, `{"status_code": 7400, "message": "Too many requests"}`).
		then(200, `{"status_code": "10000", "projectgoal": {"goal_id": 1, "linkname": "x"}}`)
	mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site", x.responder())
	g, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "x", GoalType: pagesense.LinkClickGoal})
	if err != nil {
		t.Fatal(err)
	}
	if g.GoalID != "1" || x.count() != 2 {
		t.Errorf("goal %+v after %d attempts, want goal 1 after 2", g, x.count())
	}
}

// POST is never retried on 5xx: the goal might have been created.
func TestCreateGoal_NotRetriedOnServerError(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(503, `{"status_code": 9999, "message": "busy"}`)
	mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site", x.responder())
	_, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "x", GoalType: pagesense.LinkClickGoal})
	var apiErr *pagesense.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || apiErr.Code != "9999" {
		t.Fatalf("err = %v, want a 503 APIError with code 9999", err)
	}
	if x.count() != 1 {
		t.Errorf("attempts = %d, want 1", x.count())
	}
}

func TestValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	good := func(mod func(*pagesense.GoalInput)) *pagesense.GoalInput {
		in := &pagesense.GoalInput{DisplayName: "Pricing", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing"}
		mod(in)
		return in
	}
	createIn := func(in *pagesense.GoalInput) func(*pagesense.Client) error {
		return func(c *pagesense.Client) error { _, err := c.Project("p", "site").CreateGoal(ctx, in); return err }
	}
	for _, tc := range []struct {
		name, field string
		call        func(*pagesense.Client) error
	}{
		{"nil input", "projectgoal", createIn(nil)},
		{"empty display name", "display_name", createIn(good(func(in *pagesense.GoalInput) { in.DisplayName = "" }))},
		{"blank display name", "display_name", createIn(good(func(in *pagesense.GoalInput) { in.DisplayName = " \t" }))},
		{"zero goal type", "goal_type", createIn(good(func(in *pagesense.GoalInput) { in.GoalType = 0 }))},
		{"goal type 11", "goal_type", createIn(good(func(in *pagesense.GoalInput) { in.GoalType = 11 }))},
		{"time spent without threshold", "time_threshold", createIn(good(func(in *pagesense.GoalInput) { in.GoalType = pagesense.TimeSpentGoal }))},
		{"negative threshold", "time_threshold", createIn(good(func(in *pagesense.GoalInput) { in.GoalType = pagesense.TimeSpentGoal; in.TimeThreshold = -5 }))},
		{"negative threshold, other type", "time_threshold", createIn(good(func(in *pagesense.GoalInput) { in.TimeThreshold = -1 }))},
		{"page visit without URL", "goal_url", createIn(good(func(in *pagesense.GoalInput) { in.GoalURL = "" }))},
		{"match type 9", "match_type", createIn(good(func(in *pagesense.GoalInput) { in.URL = []pagesense.URLRule{{MatchType: 1}, {MatchType: 9}} }))},
		{"match type 0", "match_type", createIn(good(func(in *pagesense.GoalInput) { in.URL = []pagesense.URLRule{{}} }))},
		{"empty event name", "event_name", func(c *pagesense.Client) error {
			_, err := c.Project("p", "site").CreateCustomEvent(ctx, " ")
			return err
		}},
		{"empty portal", "portal_name", func(c *pagesense.Client) error { _, err := c.Project("", "site").ListGoals(ctx); return err }},
		{"empty project", "project_linkname", func(c *pagesense.Client) error { _, err := c.Project("p", "").ListCustomEvents(ctx); return err }},
		{"empty project on create", "project_linkname", func(c *pagesense.Client) error {
			_, err := c.Project("p", "").CreateGoal(ctx, good(func(*pagesense.GoalInput) {}))
			return err
		}},
		{"empty project on event", "project_linkname", func(c *pagesense.Client) error { _, err := c.Project("p", "").CreateCustomEvent(ctx, "e"); return err }},
		{"empty goal linkname on get", "linkname", func(c *pagesense.Client) error { _, err := c.Project("p", "site").GetGoal(ctx, ""); return err }},
		{"empty goal linkname on delete", "linkname", func(c *pagesense.Client) error { return c.Project("p", "site").DeleteGoal(ctx, "") }},
		{"empty portal on delete", "portal_name", func(c *pagesense.Client) error { return c.Project("", "site").DeleteGoal(ctx, "g") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			err := tc.call(c)
			var ve *pagesense.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want *ValidationError", err)
			}
			if ve.Field != tc.field {
				t.Errorf("Field = %q, want %q", ve.Field, tc.field)
			}
			if !errors.Is(err, pagesense.ErrInvalid) {
				t.Errorf("%v does not match ErrInvalid", err)
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent, want none", n)
			}
		})
	}
}

func TestGoalInputValidate_AcceptsGoodInput(t *testing.T) {
	t.Parallel()
	for _, in := range []pagesense.GoalInput{
		{DisplayName: "a", GoalType: pagesense.PageVisitGoal, GoalURL: "https://x"},
		{DisplayName: "a", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 1},
		{DisplayName: "a", GoalType: pagesense.FullstackCustomEventGoal, URL: []pagesense.URLRule{{MatchType: pagesense.URLGroupMatch}, {MatchType: pagesense.Domain}}},
	} {
		if err := in.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", in, err)
		}
	}
}
