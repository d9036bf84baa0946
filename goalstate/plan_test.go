package goalstate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

func TestPlan_ZendeskLimitFailsNamingTheGoals(t *testing.T) {
	w := newWorld(t)
	for _, n := range []string{"a", "b", "c"} {
		w.seedGoal(t, n, true)
	}
	doc := load(t, `version: 1
zendesk:
  goals:
    - {name: d, attribution_model: first_touch, attribution_period: 1}
    - {name: e, attribution_model: first_touch, attribution_period: 1}
    - {name: f, attribution_model: first_touch, attribution_period: 1}
`, nil)
	w.requests()
	_, err := MakePlan(context.Background(), doc, w.targets, Options{})
	var re *RuleError
	if !errors.As(err, &re) || !errors.Is(err, ErrRule) {
		t.Fatalf("err = %v, want a *RuleError", err)
	}
	want := []string{"d", "e", "f", "a (not in the file)", "b (not in the file)", "c (not in the file)"}
	if !slices.Equal(re.Names, want) {
		t.Errorf("names = %q, want %q", re.Names, want)
	}
	if got := writes(w.requests()); len(got) != 0 {
		t.Errorf("sent %q", got)
	}
	// With --prune the three unlisted goals go, and the plan fits.
	p := w.plan(t, doc, Options{Prune: true})
	if got := actions(p); !slices.Equal(got[:3], []string{"delete zendesk.goals a", "delete zendesk.goals b", "delete zendesk.goals c"}) {
		t.Errorf("deletes are not first: %q", got)
	}
}

func TestPlan_DisablesComeBeforeEnablesAndApplyNeverCrossesTheLimit(t *testing.T) {
	w := newWorld(t)
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		w.seedGoal(t, n, true)
	}
	w.seedGoal(t, "f", false)
	// f is enabled first in the file, a disabled last: applied in file
	// order the fake would refuse f with "Goals limit exceeded".
	doc := load(t, `version: 1
zendesk:
  goals:
    - {name: f, enabled: true, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /f}]}
    - {name: b, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /b}]}
    - {name: c, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /c}]}
    - {name: d, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /d}]}
    - {name: e, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /e}]}
    - {name: a, enabled: false, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /a}]}
`, nil)
	p := w.plan(t, doc, Options{})
	if got, want := actions(p), []string{"disable zendesk.goals a", "update zendesk.goals f"}; !slices.Equal(got, want) {
		t.Fatalf("plan = %q, want %q", got, want)
	}
	if f := p.Changes[0].Fields; len(f) != 1 || f[0] != (FieldChange{Field: "enabled", Old: true, New: false}) {
		t.Errorf("disable fields = %+v", f)
	}
	w.requests()
	if _, err := Apply(context.Background(), p, w.targets); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if got, want := writes(w.requests()), []string{"PUT /goals/1", "PUT /goals/6"}; !slices.Equal(got, want) {
		t.Errorf("writes = %q, want %q", got, want)
	}
}

func TestPlan_TriggerRenameIsExplicitAndDefinitionChangeIsAReplace(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	def := &triggers.Definition{Event: "chat_requested", Condition: json.RawMessage(`["eq","@visitor_served",false]`), Actions: json.RawMessage(`[["wait",5]]`), Version: 1, Editor: "advanced"}
	for _, n := range []string{"Old name", "Greeter"} {
		if _, err := w.trig.Create(ctx, &triggers.TriggerParams{Name: ptr(n), Enabled: ptr(true), Definition: def}); err != nil {
			t.Fatal(err)
		}
	}
	// Without renamed_from a new name is a create (and, with prune, the
	// old one a delete): never guessed as a rename.
	doc := load(t, `version: 1
zendesk:
  triggers:
    - name: New name
    - name: Greeter
`, nil)
	p := w.plan(t, doc, Options{})
	if got, want := actions(p), []string{"create zendesk.triggers New name"}; !slices.Equal(got, want) {
		t.Errorf("no renamed_from: plan = %q, want %q", got, want)
	}
	doc = load(t, `version: 1
zendesk:
  triggers:
    - name: New name
      renamed_from: Old name
    - name: Greeter
      definition:
        event: chat_requested
        condition: ["eq", "@visitor_served", true]
        actions: [["wait", 5]]
`, nil)
	p = w.plan(t, doc, Options{})
	if got, want := actions(p), []string{"rename zendesk.triggers New name", "replace zendesk.triggers Greeter"}; !slices.Equal(got, want) {
		t.Fatalf("plan = %q, want %q", got, want)
	}
	if c := p.Changes[0]; c.RenamedFrom != "Old name" || c.Key != "Old name" || len(c.Fields) != 1 || c.Fields[0].Field != "name" {
		t.Errorf("rename = %+v", c)
	}
	if c := p.Changes[1]; !strings.Contains(c.Reason, "cannot edit a trigger definition") || c.Fields[0].Field != "definition.condition" {
		t.Errorf("replace = %+v", c)
	}
	w.requests()
	if _, err := Apply(ctx, p, w.targets); err != nil {
		t.Fatal(err)
	}
	if got, want := writes(w.requests()), []string{"PUT /triggers/Old name", "DELETE /triggers/Greeter", "POST /triggers"}; !slices.Equal(got, want) {
		t.Errorf("writes = %q, want %q", got, want)
	}
	if p := w.plan(t, doc, Options{}); p.HasChanges() {
		t.Errorf("after apply: %q", actions(p))
	}
}

func TestPlan_GiosgRemovalIsReportedAndCustomEventsAreCreateOnly(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.org.CreateGoal(ctx, &giosg.GoalInput{Name: "Gone from the file", AllowAnyRoom: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.project.CreateCustomEvent(ctx, "legacy_event"); err != nil {
		t.Fatal(err)
	}
	doc := load(t, "version: 1\ngiosg:\n  goals: []\npagesense:\n  custom_events: [signup]\n", nil)
	p := w.plan(t, doc, Options{Prune: true})
	if got, want := actions(p), []string{"create pagesense.custom_events signup"}; !slices.Equal(got, want) {
		t.Errorf("plan = %q, want %q", got, want)
	}
	var notes []string
	for _, n := range p.Notes {
		notes = append(notes, string(n.Resource)+" "+n.Name+": "+n.Message)
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "giosg has no goal delete") || !strings.Contains(notes[1], "create-only") {
		t.Errorf("notes = %q", notes)
	}
}

func TestPlan_WithoutPruneUnlistedObjectsAreNotes(t *testing.T) {
	w := newWorld(t)
	w.seedGoal(t, "Unlisted", true)
	p := w.plan(t, load(t, "version: 1\nzendesk:\n  goals: []\n", nil), Options{})
	if p.HasChanges() || len(p.Notes) != 1 || !strings.Contains(p.Notes[0].Message, "--prune deletes it") {
		t.Errorf("changes %q notes %+v", actions(p), p.Notes)
	}
}

func TestPlan_FailingGoalTestFailsThePlanBeforeAnythingIsSent(t *testing.T) {
	w := newWorld(t)
	doc := load(t, `version: 1
zendesk:
  goals:
    - name: Checkout
      attribution_model: last_touch
      attribution_period: 7
      conditions: [{operator: equals, value: "https://example.com/checkout"}]
      tests:
        match: ["https://example.com/checkout", "https://example.com/cart"]
pagesense:
  goals:
    - display_name: Pricing
      goal_type: PAGE_VISIT_GOAL
      goal_url: https://example.com/pricing
      url: [{match_type: SIMPLE_MATCH}]
      tests:
        match: ["http://www.example.com/pricing/?utm=x"]
        no_match: ["https://example.com/pricing"]
`, nil)
	_, err := MakePlan(context.Background(), doc, w.targets, Options{})
	var ge *GoalTestError
	if !errors.As(err, &ge) || !errors.Is(err, ErrGoalTest) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`zendesk goal "Checkout": https://example.com/cart should match`,
		`pagesense goal "Pricing": https://example.com/pricing should not match`,
	}
	if !slices.Equal(ge.Failures, want) {
		t.Errorf("failures = %q, want %q", ge.Failures, want)
	}
	if got := w.requests(); len(got) != 0 {
		t.Errorf("sent %q", got)
	}
}

func TestPlan_OneListCallPerResource(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	var b strings.Builder
	b.WriteString("version: 1\nzendesk:\n  goals:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - {name: g%d, enabled: false, attribution_model: first_touch, attribution_period: 3}\n", i)
	}
	b.WriteString("  triggers:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - {name: t%d}\n", i)
	}
	b.WriteString("giosg:\n  goals:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - {name: g%d, allow_any_room: true}\n", i)
	}
	b.WriteString("pagesense:\n  goals:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - {display_name: g%d, goal_type: ENGAGEMENT_GOAL}\n", i)
	}
	b.WriteString("  custom_events:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    - e%d\n", i)
	}
	doc := load(t, b.String(), nil)
	if _, err := Apply(ctx, w.plan(t, doc, Options{}), w.targets); err != nil {
		t.Fatal(err)
	}
	w.requests()
	p := w.plan(t, doc, Options{})
	if p.HasChanges() {
		t.Errorf("changes after apply: %q", actions(p)[:1])
	}
	if got := w.requests(); len(got) != 5 {
		t.Errorf("a plan of 500 objects read %d times: %q", len(got), got)
	}
}

func TestPlan_PageSenseGoalUpdateAndTypeChange(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, in := range []*pagesense.GoalInput{
		{DisplayName: "Pricing", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing", URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}},
		{DisplayName: "Reader", GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog", TimeThreshold: 30},
	} {
		if _, err := w.project.CreateGoal(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	doc := load(t, `version: 1
pagesense:
  goals:
    - display_name: Pricing
      goal_type: PAGE_VISIT_GOAL
      goal_url: https://example.com/plans
      exclude_urls: [https://example.com/plans/old]
      url: [{match_type: SIMPLE_MATCH}]
    - {display_name: Reader, goal_type: ENGAGEMENT_GOAL}
`, nil)
	p := w.plan(t, doc, Options{})
	if got, want := actions(p), []string{"update pagesense.goals Pricing", "cannot pagesense.goals Reader"}; !slices.Equal(got, want) {
		t.Fatalf("plan = %q, want %q", got, want)
	}
	if f := p.Changes[0].Fields; len(f) != 2 || f[0].Field != "goal_url" || f[1].Field != "exclude_urls" {
		t.Errorf("fields = %+v", f)
	}
	if r := p.Changes[1].Reason; !strings.Contains(r, "goal_type cannot change") {
		t.Errorf("reason = %q", r)
	}
	w.requests()
	rep, err := Apply(ctx, p, w.targets)
	if err != nil || len(rep.Applied) != 1 || len(rep.NotApplied) != 1 {
		t.Fatalf("Apply: %v %+v", err, rep)
	}
	if got := writes(w.requests()); len(got) != 1 || !strings.HasPrefix(got[0], "PUT /portal/portal/projectgoals/") {
		t.Errorf("writes = %q", got)
	}
	if got := actions(w.plan(t, doc, Options{})); !slices.Equal(got, []string{"cannot pagesense.goals Reader"}) {
		t.Errorf("after apply: %q", got)
	}
}

// TestPlan_GoalRenamesKeepTheGoal: renamed_from renames a goal in place in
// every dialect (its conversions stay with it), never a delete and a create.
func TestPlan_GoalRenamesKeepTheGoal(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	zg := w.seedGoal(t, "old", true)
	gg, err := w.org.CreateGoal(ctx, &giosg.GoalInput{Name: "old", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	pg, err := w.project.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "old", GoalType: pagesense.EngagementGoal})
	if err != nil {
		t.Fatal(err)
	}
	doc := load(t, `version: 1
zendesk:
  goals:
    - {name: new, renamed_from: old, attribution_model: first_touch, attribution_period: 7, conditions: [{operator: contains, value: /old}]}
giosg:
  goals: [{name: new, renamed_from: old, allow_any_room: true}]
pagesense:
  goals: [{display_name: new, renamed_from: old, goal_type: ENGAGEMENT_GOAL}]
`, nil)
	p := w.plan(t, doc, Options{Prune: true})
	want := []string{"rename zendesk.goals new", "rename giosg.goals new", "rename pagesense.goals new"}
	if got := actions(p); !slices.Equal(got, want) {
		t.Fatalf("plan = %q, want %q", got, want)
	}
	for i, key := range []string{fmt.Sprint(zg.ID), gg.ID, pg.Linkname} {
		if c := p.Changes[i]; c.Key != key || c.RenamedFrom != "old" || len(c.Fields) != 1 || c.Fields[0].New != "new" {
			t.Errorf("change %d = %+v", i, c)
		}
	}
	w.requests()
	if _, err := Apply(ctx, viaJSON(t, p), w.targets); err != nil {
		t.Fatal(err)
	}
	if got := writes(w.requests()); len(got) != 3 || slices.ContainsFunc(got, func(r string) bool { return !strings.HasPrefix(r, "PUT ") }) {
		t.Errorf("writes = %q, want three PUTs", got)
	}
	if p := w.plan(t, doc, Options{Prune: true}); p.HasChanges() {
		t.Errorf("after apply: %q", actions(p))
	}
}
