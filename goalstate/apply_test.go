package goalstate

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

const applyDoc = `version: 1
zendesk:
  goals:
    - {name: one, attribution_model: first_touch, attribution_period: 3, conditions: [{operator: contains, value: /one}]}
    - {name: two, attribution_model: first_touch, attribution_period: 3, conditions: [{operator: contains, value: /two}]}
  triggers:
    - name: Greeter
      enabled: false
      definition: {event: page_enter, condition: ["icontains", "@visitor_page_url", "pricing"], actions: [["wait", 30]], editor: simple}
giosg:
  goals:
    - {name: Sale, allow_any_room: true, default_value: "10.0"}
pagesense:
  goals:
    - {display_name: Pricing, goal_type: PAGE_VISIT_GOAL, goal_url: "https://example.com/pricing", url: [{match_type: SIMPLE_MATCH}]}
  custom_events: [signup]
`

// viaJSON is the plan as goalctl apply reads it from plan.json.
func viaJSON(t *testing.T, p *Plan) *Plan {
	t.Helper()
	raw, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var out Plan
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestApply_InterruptedByAFaultThenResumed(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	doc := load(t, applyDoc, nil)
	p := viaJSON(t, w.plan(t, doc, Options{}))
	if len(p.Changes) != 6 {
		t.Fatalf("plan = %q", actions(p))
	}
	// The giosg create fails with an answer (a 400): its outcome is known.
	if err := w.giosg.Inject(giosgtest.Fault{Method: http.MethodPost, Times: 1, Status: http.StatusBadRequest, Body: `{"name": ["Refused by the test."]}`}); err != nil {
		t.Fatal(err)
	}
	w.requests()
	rep, err := Apply(ctx, p, w.targets)
	var ae *ApplyError
	if !errors.As(err, &ae) || ae.Change.Resource != GiosgGoals || !errors.Is(err, goals.ErrInvalid) {
		t.Fatalf("err = %v, want the giosg create's *ApplyError matching ErrInvalid", err)
	}
	if len(rep.Applied) != 3 || len(rep.NotApplied) != 3 || len(rep.AlreadyApplied) != 0 {
		t.Errorf("report: %d applied, %d not applied, %d already", len(rep.Applied), len(rep.NotApplied), len(rep.AlreadyApplied))
	}
	if got := writes(w.requests()); len(got) != 4 {
		t.Errorf("first run wrote %q, want 3 creates and the failed one", got)
	}
	// Resumed: the same plan, the fault spent; the first three are skipped.
	rep, err = Apply(ctx, p, w.targets)
	if err != nil {
		t.Fatalf("resume: %v", err)
	}
	if len(rep.Applied) != 3 || len(rep.AlreadyApplied) != 3 || len(rep.NotApplied) != 0 {
		t.Errorf("resume report: %d applied, %d already, %d not", len(rep.Applied), len(rep.AlreadyApplied), len(rep.NotApplied))
	}
	if got, want := writes(w.requests()), []string{"POST /orgs/org-1/goals", "POST /portal/portal/projectgoals/project", "POST /portal/portal/customevents"}; !slices.Equal(got, want) {
		t.Errorf("resume wrote %q, want %q", got, want)
	}
	// And a third run does nothing at all.
	rep, err = Apply(ctx, p, w.targets)
	if err != nil || len(rep.AlreadyApplied) != 6 {
		t.Errorf("third run: %v, %+v", err, rep)
	}
	if got := writes(w.requests()); len(got) != 0 {
		t.Errorf("third run wrote %q", got)
	}
	if p := w.plan(t, doc, Options{}); p.HasChanges() {
		t.Errorf("plan after apply: %q", actions(p))
	}
}

func TestApply_CreateWithUnknownOutcomeIsReadBackNotRepeated(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	p := w.plan(t, load(t, applyDoc, nil), Options{})
	// The fake creates the first goal, then resets the connection: the
	// client cannot know whether the goal exists.
	if err := w.zfake.Inject(goalstest.Fault{Route: "POST /goals", Times: 1, AfterApply: true, Drop: true}); err != nil {
		t.Fatal(err)
	}
	w.requests()
	rep, err := Apply(ctx, p, w.targets)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if len(rep.Applied) != 6 {
		t.Errorf("applied %d of 6", len(rep.Applied))
	}
	reqs := w.requests()
	if got := slices.Index(reqs, "POST /goals"); got < 0 || reqs[got+1] != "GET /goals" || reqs[got+2] != "POST /goals" {
		t.Errorf("after the lost answer the goals were not read back first: %q", reqs)
	}
	list, err := w.goals.List(ctx)
	if err != nil || len(list) != 2 {
		t.Errorf("live goals: %d (%v), want 2: none created twice", len(list), err)
	}
}

func TestApply_RefusesWhenTheLiveStateMoved(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	g := w.seedGoal(t, "one", true)
	p := w.plan(t, load(t, applyDoc, nil), Options{})
	// Someone edits the goal in the console after the plan.
	if _, err := w.goals.Update(ctx, g.ID, &goals.GoalParams{Description: ptr("hand edit")}); err != nil {
		t.Fatal(err)
	}
	w.seedGoal(t, "three", false)
	w.requests()
	_, err := Apply(ctx, p, w.targets)
	var me *StateMovedError
	if !errors.As(err, &me) || !errors.Is(err, ErrStateMoved) {
		t.Fatalf("err = %v, want *StateMovedError", err)
	}
	want := []string{`zendesk.goals "one": changed by someone else`, `zendesk.goals "three" (2): created since the plan`}
	if !slices.Equal(me.Moved, want) {
		t.Errorf("moved = %q, want %q", me.Moved, want)
	}
	if got := writes(w.requests()); len(got) != 0 {
		t.Errorf("sent %q", got)
	}
}

func TestApply_UnknownCreateThenRerunFindsIt(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	doc := load(t, applyDoc, nil)
	p := w.plan(t, doc, Options{})
	// The first goal create is done but its answer is lost, and the read
	// back fails too: the network is down.
	down := false
	w.setFault(func(r *http.Request) (int, bool) {
		switch {
		case down:
			return http.StatusServiceUnavailable, false
		case r.Method == http.MethodPost && r.URL.Path == "/goals":
			down = true
			return http.StatusBadGateway, true
		}
		return 0, false
	})
	rep, err := Apply(ctx, p, w.targets)
	if err == nil || len(rep.Unknown) != 1 || rep.Unknown[0].Name != "one" || len(rep.NotApplied) != 5 || len(rep.Applied) != 0 {
		t.Fatalf("err = %v, report %+v", err, rep)
	}
	var b strings.Builder
	_ = rep.WriteText(&b)
	if !strings.Contains(b.String(), `outcome unknown: create zendesk.goals "one"`) {
		t.Errorf("report text:\n%s", b.String())
	}
	// The network is back: the rerun finds "one" and does not create it again.
	w.setFault(nil)
	w.requests()
	rep, err = Apply(ctx, p, w.targets)
	if err != nil || len(rep.AlreadyApplied) != 1 || len(rep.Applied) != 5 {
		t.Fatalf("rerun: %v, %+v", err, rep)
	}
	if got := writes(w.requests()); slices.Contains(got[1:], "POST /goals") || got[0] != "POST /goals" {
		t.Errorf("rerun writes %q: one goal create (two), not three", got)
	}
	list, _ := w.goals.List(ctx)
	if len(list) != 2 {
		t.Errorf("%d goals, want 2", len(list))
	}
}
