package pagesense_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
)

func TestUpdateGoal_SendsOnlySetFieldsToGoalPath(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(200, `{"status_code": "10000", "status_string": "All resource were processed successfully.",
		"projectgoals": [{"goal_id": 2000000041003, "goal_status": 2, "linkname": "engaged-reader",
		"project_linkname": "site", "success": true}], "timeTakenToProcessTheRequest": "20 ms"}`)
	mt.RegisterResponder("PUT", base+"/portal/p/projectgoals/engaged-reader", x.responder())

	name, secs := "Deep reader", 45
	g, err := c.Project("p", "site").UpdateGoal(context.Background(), "engaged-reader",
		&pagesense.GoalPatch{DisplayName: &name, TimeThreshold: &secs, ExcludeURLs: &[]string{}})
	if err != nil {
		t.Fatal(err)
	}
	req := x.only(t)
	checkRequest(t, req, "PUT", base+"/portal/p/projectgoals/engaged-reader", true)
	const wantBody = `{"projectgoal":{"display_name":"Deep reader","exclude_urls":[],"time_threshold":45,"project_linkname":"site"}}`
	if string(req.Body) != wantBody {
		t.Errorf("body\n got %s\nwant %s", req.Body, wantBody)
	}
	want := pagesense.Goal{GoalID: "2000000041003", Linkname: "engaged-reader", DisplayName: "Deep reader",
		ExcludeURLs: []string{}, TimeThreshold: 45, ProjectLinkname: "site", Status: "2"}
	if !reflect.DeepEqual(*g, want) {
		t.Errorf("goal\n got %+v\nwant %+v", *g, want)
	}
}

func TestUpdateGoal_RefusedBeforeSending(t *testing.T) {
	t.Parallel()
	blank, zero := " ", 0
	for _, tc := range []struct {
		name, field string
		patch       *pagesense.GoalPatch
	}{
		{"nil patch", "projectgoal", nil},
		{"empty patch", "projectgoal", &pagesense.GoalPatch{}},
		{"blank name", "display_name", &pagesense.GoalPatch{DisplayName: &blank}},
		{"zero threshold", "time_threshold", &pagesense.GoalPatch{TimeThreshold: &zero}},
		{"bad match type", "match_type", &pagesense.GoalPatch{URL: &[]pagesense.URLRule{{MatchType: 9}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			x := answer(200, `{"status_code": "10000"}`)
			mt.RegisterNoResponder(x.responder())
			_, err := c.Project("p", "site").UpdateGoal(context.Background(), "g", tc.patch)
			var ve *pagesense.ValidationError
			if !errors.As(err, &ve) || ve.Field != tc.field {
				t.Fatalf("err = %v, want a ValidationError on %s", err, tc.field)
			}
			if x.count() != 0 {
				t.Errorf("%d requests sent", x.count())
			}
		})
	}
}

// Every official write sample answers per-item success; status_code 10000
// with an item saying success: false is a failure, not a silent success.
func TestWrites_PerItemFailureIsAPIError(t *testing.T) {
	t.Parallel()
	name := "x"
	for _, tc := range []struct {
		name, method, path, body, wantMsg, wantCode string
		run                                         func(*pagesense.Project) error
	}{
		{"CreateGoal", "POST", "/portal/p/projectgoals/site",
			`{"status_code": "10000", "projectgoals": [{"linkname": "buy", "success": false, "message": "Goal name already exists"}]}`,
			`projectgoal "buy": Goal name already exists`, "",
			func(p *pagesense.Project) error {
				_, err := p.CreateGoal(context.Background(), &pagesense.GoalInput{DisplayName: "Buy", GoalType: pagesense.RevenueGoal})
				return err
			}},
		{"DeleteGoal", "DELETE", "/portal/p/projectgoals/buy",
			`{"status_code": "10000", "projectgoals": [{"created_time": 1761732418306, "time_spent_seconds": "", "goal_type": 8, "goal_status": 2, "linkname": "buy", "success": false, "code": "20404"}]}`,
			`projectgoal "buy": code 20404`, "20404",
			func(p *pagesense.Project) error { return p.DeleteGoal(context.Background(), "buy") }},
		{"UpdateGoal", "PUT", "/portal/p/projectgoals/buy",
			`{"status_code": "10000", "projectgoals": {"linkname": "buy", "success": "false"}}`,
			`projectgoal "buy": success: false`, "",
			func(p *pagesense.Project) error {
				_, err := p.UpdateGoal(context.Background(), "buy", &pagesense.GoalPatch{DisplayName: &name})
				return err
			}},
		{"CreateCustomEvent", "POST", "/portal/p/customevents",
			`{"customevents": [{"event_id": 1, "success": false, "message": "Event exists"}]}`,
			`customevent: Event exists`, "",
			func(p *pagesense.Project) error {
				_, err := p.CreateCustomEvent(context.Background(), "Signup")
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			x := answer(200, tc.body)
			mt.RegisterResponder(tc.method, base+tc.path, x.responder())
			err := tc.run(c.Project("p", "site"))
			var ae *pagesense.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want an *APIError", err)
			}
			if ae.Message != tc.wantMsg || ae.Code != tc.wantCode || ae.StatusCode != 200 || ae.Method != tc.method {
				t.Errorf("APIError = %d %s code %q message %q, want 200 %s code %q message %q",
					ae.StatusCode, ae.Method, ae.Code, ae.Message, tc.method, tc.wantCode, tc.wantMsg)
			}
			if x.count() != 1 {
				t.Errorf("%d requests, want 1 (no retry of a refused write)", x.count())
			}
		})
	}
}

// The official overview's typical response carries "projectgoals": {}.
func TestLists_ObjectShapedPayload(t *testing.T) {
	t.Parallel()
	const goal = `{"goal_id": 5, "linkname": "cta", "display_name": "CTA", "goal_type": 2, "goal_status": 2}`
	for _, tc := range []struct {
		name, payload string
		want          []string
	}{
		{"empty object", `{}`, []string{}},
		{"empty object with space", `{ }`, []string{}},
		{"one goal object", goal, []string{"cta"}},
		{"array", `[` + goal + `]`, []string{"cta"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt, c := newClient(t)
			mt.RegisterResponder("GET", base+"/portal/p/projectgoals/site",
				answer(200, `{"status_code": "10000", "projectgoals": `+tc.payload+`, "status_string": "Operation completed successfully"}`).responder())
			mt.RegisterResponder("GET", base+"/portal/p/customevents?project_linkname=site",
				answer(200, `{"status_code": "10000", "customevents": `+tc.payload+`}`).responder())
			p := c.Project("p", "site")
			goals, err := p.ListGoals(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, g := range goals {
				got = append(got, g.Linkname)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("goals = %v, want %v", got, tc.want)
			}
			events, err := p.ListCustomEvents(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(events) != len(tc.want) {
				t.Errorf("events = %+v, want %d", events, len(tc.want))
			}
			_, err = p.GetGoal(context.Background(), "cta")
			if len(tc.want) == 0 && !errors.Is(err, pagesense.ErrNotFound) {
				t.Errorf("GetGoal on an empty project: %v, want ErrNotFound", err)
			}
			if len(tc.want) == 1 && err != nil {
				t.Errorf("GetGoal: %v", err)
			}
		})
	}
}

// The official create-event answer has no envelope and no event_name.
func TestCreateCustomEvent_FillsNameFromRequest(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	x := answer(200, `{"customevents": [{"event_id": 2000000027087, "success": true, "linkname": "premiumsignupcta"}]}`)
	mt.RegisterResponder("POST", base+"/portal/p/customevents", x.responder())
	e, err := c.Project("p", "saas-growth-project").CreateCustomEvent(context.Background(), "PremiumSignupCTA")
	if err != nil {
		t.Fatal(err)
	}
	want := pagesense.CustomEvent{EventID: "2000000027087", Linkname: "premiumsignupcta", Name: "PremiumSignupCTA", ProjectLinkname: "saas-growth-project"}
	if *e != want {
		t.Errorf("event = %+v, want %+v", *e, want)
	}
}

// A create answer that names only ids keeps them and takes the rest from
// the input; what the answer does say wins.
func TestCreateGoal_FillsFromInputNeverOverwrites(t *testing.T) {
	t.Parallel()
	mt, c := newClient(t)
	mt.RegisterResponder("POST", base+"/portal/p/projectgoals/site", answer(200,
		`{"status_code": "10000", "projectgoals": [{"goal_id": 7, "goal_status": 2, "linkname": "cta", "display_name": "CTA (server)", "success": true}]}`).responder())
	g, err := c.Project("p", "site").CreateGoal(context.Background(), &pagesense.GoalInput{
		DisplayName: "CTA", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/",
		URL: []pagesense.URLRule{{MatchType: pagesense.ExactMatch}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := pagesense.Goal{GoalID: "7", Linkname: "cta", DisplayName: "CTA (server)", GoalType: pagesense.PageVisitGoal,
		GoalURL: "https://example.com/", IncludeURLs: []string{}, ExcludeURLs: []string{},
		URL: []pagesense.URLRule{{MatchType: pagesense.ExactMatch}}, ProjectLinkname: "site", Status: "2"}
	if !reflect.DeepEqual(*g, want) {
		t.Errorf("goal\n got %+v\nwant %+v", *g, want)
	}
}
