package goalstate

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// fixturesDir holds the recorded vendor objects: the module's copy of
// ../shared/fixtures, kept equal to it by internal/fixtures.
const fixturesDir = "../internal/fixtures/testdata"

// roundTrip checks the law: export, encode, load, plan against the same
// account: no changes.
func roundTrip(t *testing.T, w *world) *Document {
	t.Helper()
	ctx := context.Background()
	exported, err := Export(ctx, w.targets, AllResources)
	if err != nil {
		t.Fatalf("Export: %v", err)
	}
	text, err := Encode(exported)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load(text, LoadOptions{})
	if err != nil {
		t.Fatalf("Load of the export: %v\n%s", err, text)
	}
	p, err := MakePlan(ctx, doc, w.targets, Options{Prune: true})
	if err != nil {
		t.Fatalf("MakePlan: %v\n%s", err, text)
	}
	if p.HasChanges() || len(p.Notes) > 0 {
		var b strings.Builder
		_ = p.WriteText(&b, false)
		t.Fatalf("a plan of a fresh export is not empty:\n%s\nexport:\n%s", b.String(), text)
	}
	return doc
}

// fixture reads a recorded object, skipping the test when the fixtures are
// not beside the repository.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(fixturesDir, name))
	if os.IsNotExist(err) {
		t.Fatalf("fixtures not found at %s: %v", fixturesDir, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// readFixture decodes a recorded object.
func readFixture(t *testing.T, name string, v any) {
	t.Helper()
	if err := json.Unmarshal(fixture(t, name), v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// seedOne seeds a fake with the one object a fixture records.
func seedOne[T any](seed func(*world, T) error) func(*world, io.Reader) error {
	return func(w *world, r io.Reader) error {
		var v T
		if err := json.NewDecoder(r).Decode(&v); err != nil {
			return err
		}
		return seed(w, v)
	}
}

// countObjects counts the goals, triggers and events of a document.
func countObjects(d *Document) int {
	n := 0
	if d.Zendesk != nil {
		n += len(d.Zendesk.Goals) + len(d.Zendesk.Triggers)
	}
	if d.Giosg != nil {
		n += len(d.Giosg.Goals)
	}
	if d.PageSense != nil {
		n += len(d.PageSense.Goals) + len(d.PageSense.CustomEvents)
	}
	return n
}

// TestRoundTrip_RecordedObjects loads the recorded objects into the fakes as
// they are (the test kit's LoadJSON) and checks the law on each account.
func TestRoundTrip_RecordedObjects(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		file string
		load func(w *world, r io.Reader) error
	}{
		{"zendesk-chat_goals-list_docs-example.json", func(w *world, r io.Reader) error { return w.zfake.LoadJSON(r) }},
		{"zendesk-chat_goals_airbyte-expected-records.json", func(w *world, r io.Reader) error { return w.zfake.LoadJSON(r) }},
		{"zendesk-chat_triggers-list_docs-example.json", func(w *world, r io.Reader) error { return w.tfake.LoadJSON(r) }},
		{"zendesk-chat_triggers_airbyte-expected-records.json", func(w *world, r io.Reader) error { return w.tfake.LoadJSON(r) }},
		{"giosg_goals-list_docs-example.json", func(w *world, r io.Reader) error { return w.giosg.LoadJSON(r) }},
		{"zendesk-chat_goal_docs-example.json", seedOne(func(w *world, g goals.Goal) error { return w.zfake.Seed(g) })},
		{"zendesk-chat_goal-update-response_docs-example.json", seedOne(func(w *world, g goals.Goal) error { return w.zfake.Seed(g) })},
		{"zendesk-chat_trigger_docs-example.json", seedOne(func(w *world, tr triggers.Trigger) error { return w.tfake.Seed(tr) })},
		{"zendesk-chat_trigger-update-response_docs-example.json", seedOne(func(w *world, tr triggers.Trigger) error { return w.tfake.Seed(tr) })},
	} {
		t.Run(tc.file, func(t *testing.T) {
			raw := fixture(t, tc.file)
			w := newWorld(t)
			if err := tc.load(w, bytes.NewReader(raw)); err != nil {
				t.Fatalf("seeding: %v", err)
			}
			var page giosg.GoalPage
			if json.Unmarshal(raw, &page) == nil && len(page.Results) > 0 {
				w.targets.Giosg = w.giosgAPI.Org(page.Results[0].OrganizationID)
			}
			doc := roundTrip(t, w)
			if n := countObjects(doc); n == 0 {
				t.Errorf("exported nothing from %s", tc.file)
			}
		})
	}
	t.Run("pagesense_create-goal-request_docs-creategoals.json", func(t *testing.T) {
		var body struct {
			ProjectGoal pagesense.Goal `json:"projectgoal"`
		}
		readFixture(t, "pagesense_create-goal-request_docs-creategoals.json", &body)
		w := newWorld(t)
		g := body.ProjectGoal
		if _, err := w.project.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: g.DisplayName, GoalType: g.GoalType, GoalURL: g.GoalURL, IncludeURLs: g.IncludeURLs, ExcludeURLs: g.ExcludeURLs, URL: g.URL, TimeThreshold: g.TimeThreshold}); err != nil {
			t.Fatal(err)
		}
		var ev struct {
			CustomEvent struct {
				Name string `json:"event_name"`
			} `json:"customevent"`
		}
		readFixture(t, "pagesense_create-custom-event-request_docs-createeventsapi.json", &ev)
		if _, err := w.project.CreateCustomEvent(ctx, ev.CustomEvent.Name); err != nil {
			t.Fatal(err)
		}
		roundTrip(t, w)
	})
}

// TestRoundTrip_RandomStates seeds the fakes with random objects (a fixed
// seed, a bounded count) and checks the law on each state.
func TestRoundTrip_RandomStates(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	rng := rand.New(rand.NewPCG(15, 2026))
	for round := range rounds {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			w := newWorld(t)
			seedRandom(t, w, rng)
			roundTrip(t, w)
		})
	}
}

// Awkward text for names and values: YAML indicators, quotes, variable
// syntax, numbers and booleans as text, non-ASCII.
var awkward = []string{"plain", "a: b", "- dash", "#hash", "'quote'", `"dq"`, "${VAR}", "$${x}", "yes", "null", "10", "ünï", " lead", "tab\there", "line\nbreak", "[x]", "{y}", "*star", "&amp", "@at", "%pct"}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func seedRandom(t *testing.T, w *world, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	active := 0
	for i := range rng.IntN(7) {
		on := rng.IntN(2) == 0 && active < goals.MaxActiveGoals
		if on {
			active++
		}
		var conds []goals.Condition
		for range rng.IntN(3) {
			if rng.IntN(2) == 0 {
				conds = append(conds, goals.Condition{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "https://example.com/" + pick(rng, awkward)})
			} else {
				conds = append(conds, goals.Condition{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: pick(rng, awkward)})
			}
		}
		_, err := w.goals.Create(ctx, &goals.GoalParams{
			Name: ptr(fmt.Sprintf("%s %d", pick(rng, awkward), i)), Description: ptr(pick(rng, awkward)), Enabled: &on,
			AttributionModel: ptr([]goals.AttributionModel{goals.FirstTouch, goals.LastTouch}[rng.IntN(2)]), AttributionPeriod: ptr(1 + rng.IntN(30)),
			Settings: &goals.Settings{Conditions: conds},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range rng.IntN(5) {
		def := &triggers.Definition{
			Event:     []string{"page_enter", "chat_requested", "chat_message"}[rng.IntN(3)],
			Condition: json.RawMessage(fmt.Sprintf(`["and",["eq","@visitor_served",%v],["stillOnSite",%d],["icontains","@visitor_page_url",%q]]`, rng.IntN(2) == 0, rng.IntN(100000), pick(rng, awkward))),
			Actions:   json.RawMessage(fmt.Sprintf(`[["wait",%d.5],["sendMessageToVisitor","Support",%q]]`, rng.IntN(60), pick(rng, awkward))),
			Version:   rng.IntN(3), Editor: []string{"", "simple", "advanced"}[rng.IntN(3)],
		}
		if rng.IntN(4) == 0 {
			def = nil
		}
		if _, err := w.trig.Create(ctx, &triggers.TriggerParams{Name: ptr(fmt.Sprintf("%s %d", pick(rng, awkward), i)), Description: ptr(pick(rng, awkward)), Enabled: ptr(rng.IntN(2) == 0), Definition: def}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range rng.IntN(5) {
		in := giosg.GoalInput{Name: fmt.Sprintf("%s %d", pick(rng, awkward), i), AllowAnyRoom: rng.IntN(2) == 0}
		if !in.AllowAnyRoom {
			in.AllowedRooms = []string{"room-b", "room-a"}[:1+rng.IntN(2)]
		}
		if rng.IntN(2) == 0 {
			in.DefaultValue = ptr(giosg.Decimal([]string{"10.00", "0.10", "14.15", "-3.5", "100"}[rng.IntN(5)]))
		}
		for range rng.IntN(3) {
			in.Conditions = append(in.Conditions, giosg.Condition{Type: giosg.ConditionType(1 + rng.IntN(30)), Value: pick(rng, awkward), Negate: rng.IntN(2) == 0,
				Settings: giosg.Settings{"threshold": json.Number(fmt.Sprint(rng.IntN(1000))), "label": pick(rng, awkward)}})
		}
		if _, err := w.org.CreateGoal(ctx, &in); err != nil {
			t.Fatal(err)
		}
	}
	for i := range rng.IntN(5) {
		in := &pagesense.GoalInput{DisplayName: fmt.Sprintf("%s %d", pick(rng, awkward), i), GoalType: pagesense.EngagementGoal}
		switch rng.IntN(3) {
		case 0:
			in.GoalType, in.GoalURL = pagesense.PageVisitGoal, "https://example.com/"+pick(rng, awkward)
			in.URL = []pagesense.URLRule{{MatchType: pagesense.URLMatchType(1 + rng.IntN(8))}}
			in.ExcludeURLs = []string{"https://example.com/x"}[:rng.IntN(2)]
		case 1:
			in.GoalType, in.GoalURL, in.TimeThreshold = pagesense.TimeSpentGoal, "https://example.com/blog", 1+rng.IntN(600)
		}
		if _, err := w.project.CreateGoal(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for i := range rng.IntN(4) {
		if _, err := w.project.CreateCustomEvent(ctx, fmt.Sprintf("event_%d_%d", i, rng.IntN(100))); err != nil {
			t.Fatal(err)
		}
	}
}

// TestApply_ConvergesOnRandomStates brings a random account back to its
// export after random edits (and applies it to another random account):
// afterwards a plan shows nothing but what the vendors cannot do (a
// PageSense goal type change).
func TestApply_ConvergesOnRandomStates(t *testing.T) {
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	rng := rand.New(rand.NewPCG(15, 7))
	ctx := context.Background()
	for round := range rounds {
		t.Run(fmt.Sprint(round), func(t *testing.T) {
			from := newWorld(t)
			seedRandom(t, from, rng)
			doc, err := Export(ctx, from.targets, AllResources)
			if err != nil {
				t.Fatal(err)
			}
			to := from
			if round%3 == 2 {
				to = newWorld(t)
				seedRandom(t, to, rng)
			} else {
				editRandom(t, from, rng)
			}
			p, err := MakePlan(ctx, doc, to.targets, Options{Prune: true})
			if err != nil {
				t.Fatalf("MakePlan: %v", err)
			}
			rep, err := Apply(ctx, viaJSON(t, p), to.targets)
			if err != nil {
				t.Fatalf("Apply: %v\nplan: %q", err, actions(p))
			}
			after, err := MakePlan(ctx, doc, to.targets, Options{Prune: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range after.Changes {
				if c.Action != ActionCannot {
					t.Errorf("left after apply: %s %s %q %+v", c.Action, c.Resource, c.Name, c.Fields)
				}
			}
			if len(rep.NotApplied) != len(after.Changes) {
				t.Errorf("%d not applied, %d left", len(rep.NotApplied), len(after.Changes))
			}
		})
	}
}

// editRandom changes, deletes and adds objects as someone in the vendors'
// consoles would.
func editRandom(t *testing.T, w *world, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	gs, err := w.goals.List(ctx)
	check(err)
	for _, g := range gs {
		switch rng.IntN(4) {
		case 0:
			_, err = w.goals.Update(ctx, g.ID, &goals.GoalParams{Description: ptr("edited"), AttributionPeriod: ptr(1 + rng.IntN(30)), Enabled: ptr(false)})
		case 1:
			err = w.goals.Delete(ctx, g.ID)
		case 2:
			_, err = w.goals.Update(ctx, g.ID, &goals.GoalParams{Settings: &goals.Settings{Conditions: []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "edited"}}}})
		}
		check(err)
	}
	ts, err := w.trig.List(ctx)
	check(err)
	for _, tr := range ts {
		switch rng.IntN(4) {
		case 0:
			_, err = w.trig.Update(ctx, tr.Name, &triggers.TriggerParams{Description: ptr("edited"), Enabled: ptr(!tr.Enabled)})
		case 1:
			err = w.trig.Delete(ctx, tr.Name)
		case 2:
			_, err = w.trig.Replace(ctx, tr.Name, &triggers.TriggerParams{Name: ptr(tr.Name), Enabled: ptr(tr.Enabled), Description: ptr(tr.Description),
				Definition: &triggers.Definition{Event: "page_enter", Condition: json.RawMessage(`["eq","@visitor_served",true]`), Actions: json.RawMessage(`[["wait",1]]`)}})
		}
		check(err)
	}
	for g, err := range w.org.AllGoals(ctx, nil) {
		check(err)
		if rng.IntN(2) == 0 {
			_, err = w.org.PatchGoal(ctx, g.ID, &giosg.GoalPatch{AllowAnyRoom: ptr(false), AllowedRooms: ptr([]string{"room-edited"}), Conditions: ptr([]giosg.Condition{})})
			check(err)
		}
	}
	ps, err := w.project.ListGoals(ctx)
	check(err)
	for _, g := range ps {
		switch rng.IntN(3) {
		case 0:
			err = w.project.DeleteGoal(ctx, g.Linkname)
		case 1:
			_, err = w.project.UpdateGoal(ctx, g.Linkname, &pagesense.GoalPatch{GoalURL: ptr("https://example.com/edited"), ExcludeURLs: ptr([]string{"https://example.com/no"})})
		}
		check(err)
	}
	_, err = w.goals.Create(ctx, &goals.GoalParams{Name: ptr("added by hand"), Enabled: ptr(false), AttributionModel: ptr(goals.FirstTouch), AttributionPeriod: ptr(3)})
	check(err)
}
