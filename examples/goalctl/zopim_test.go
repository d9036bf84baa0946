package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/triggers"
)

// demoGoals are the goals --fake seeds.
func demoGoals() []goals.Goal {
	return []goals.Goal{{
		ID: 1, Name: "Pricing page", Description: "Reached the pricing page", Enabled: true,
		AttributionModel: goals.FirstTouch, AttributionPeriod: 30,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "https://example.com/pricing"},
		}},
	}, {
		ID: 2, Name: "Checkout", Description: "Went to the cart or the checkout", Enabled: true,
		AttributionModel: goals.LastTouch, AttributionPeriod: 7,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/cart"},
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/checkout"},
		}},
	}}
}

func TestZopimGoalsList(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "zopim", "goals", "list")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[[]goals.Goal](t, r), demoGoals())
	if want := fakeNoticePrefix + "Zendesk Chat API with demo data; nothing is sent\n"; r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}

	r = runFake(t, newFakes(t), "--output", "table", "zopim", "goals", "list")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"ID  NAME          ENABLED  MODEL        PERIOD  CONDITIONS",
		"1   Pricing page  true     first_touch  30      equals=https://example.com/pricing",
		"2   Checkout      true     last_touch   7       contains=/cart contains=/checkout",
	)
}

func TestZopimGoalsListEmpty(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	for _, id := range []string{"1", "2"} {
		wantCode(t, runFake(t, fs, "zopim", "goals", "delete", id), exitOK)
	}
	r := runFake(t, fs, "zopim", "goals", "list")
	wantCode(t, r, exitOK)
	if r.stdout != "[]\n" {
		t.Errorf("stdout %q, want []", r.stdout)
	}
}

func TestZopimGoalsGet(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "zopim", "goals", "get", "2")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[goals.Goal](t, r), demoGoals()[1])
}

func TestZopimGoalsGetUnknown(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "zopim", "goals", "get", "99")
	wantCode(t, r, exitAPI)
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
	wantLines(t, r.stderr,
		fakeNoticePrefix+"Zendesk Chat API with demo data; nothing is sent",
		"goalctl: zopim goals get: API error: 404 Not Found",
		"  code:    Not Found",
		"  message: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
		"  request: GET https://fake.goalctl.invalid/api/goals/99",
	)
}

func TestZopimGoalsCreate(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "zopim", "goals", "create", "--name", "Signup", "--description", "Signed up",
		"--enabled", "--attribution-model", "first_touch", "--attribution-period", "15",
		"--condition", "equals=https://x/?a=b", "--condition", "contains=cart")
	wantCode(t, r, exitOK)
	want := goals.Goal{
		ID: 3, Name: "Signup", Description: "Signed up", Enabled: true,
		AttributionModel: goals.FirstTouch, AttributionPeriod: 15,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "https://x/?a=b"},
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "cart"},
		}},
	}
	wantEqual(t, decodeJSON[goals.Goal](t, r), want)
	wantEqual(t, fs.goals.Goals()[2], want)
	// JSON output keeps & as typed (no HTML escaping).
	if !strings.Contains(r.stdout, `"value": "https://x/?a=b"`) {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestZopimGoalsCreateDisabledTable(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "--output", "table", "zopim", "goals", "create", "--name", "Off", "--enabled=false")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"ID  NAME  ENABLED  MODEL  PERIOD  CONDITIONS",
		"3   Off   false    -      0       -",
	)
}

func TestZopimGoalsUpdate(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "zopim", "goals", "update", "1", "--name", "Pricing", "--enabled=false")
	wantCode(t, r, exitOK)
	want := demoGoals()[0]
	want.Name, want.Enabled = "Pricing", false // nothing else changes
	wantEqual(t, decodeJSON[goals.Goal](t, r), want)
	wantEqual(t, fs.goals.Goals()[0], want)

	r = runFake(t, fs, "zopim", "goals", "update", "1", "--condition", "contains=/plans", "--attribution-model", "last_touch")
	wantCode(t, r, exitOK)
	want.AttributionModel = goals.LastTouch
	want.Settings.Conditions = []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/plans"}}
	wantEqual(t, decodeJSON[goals.Goal](t, r), want)
}

func TestZopimGoalsDelete(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "zopim", "goals", "delete", "2")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[map[string]string](t, r), map[string]string{"deleted": "2"})
	wantEqual(t, fs.goals.Goals(), demoGoals()[:1])

	r = runFake(t, fs, "--output", "table", "zopim", "goals", "delete", "1")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout, "DELETED", "1")

	r = runFake(t, fs, "zopim", "goals", "delete", "1")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "goalctl: zopim goals delete: API error: 404 Not Found\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

// TestZopimGoalsLimit creates enabled goals until the account's limit of 5:
// the sixth is refused by the API.
func TestZopimGoalsLimit(t *testing.T) {
	t.Parallel()
	fs := newFakes(t) // two enabled goals
	for _, name := range []string{"Three", "Four", "Five"} {
		wantCode(t, runFake(t, fs, "zopim", "goals", "create", "--name", name, "--enabled"), exitOK)
	}
	r := runFake(t, fs, "zopim", "goals", "create", "--name", "Six", "--enabled")
	wantCode(t, r, exitAPI)
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
	wantLines(t, r.stderr,
		fakeNoticePrefix+"Zendesk Chat API with demo data; nothing is sent",
		"goalctl: zopim goals create: API error: 400 Bad Request",
		"  code:    Bad Request",
		"  message: Goals limit exceeded",
		"  request: POST https://fake.goalctl.invalid/api/goals",
		"  hint: an account may have 5 enabled goals; disable or delete one first",
	)
	if n := len(fs.goals.Goals()); n != 5 {
		t.Errorf("%d goals stored, want 5", n)
	}
	// A disabled goal does not count.
	wantCode(t, runFake(t, fs, "zopim", "goals", "create", "--name", "Six", "--enabled=false"), exitOK)
}

// TestZopimGoalsValidation: input the SDK refuses is a usage error (exit 2)
// and nothing reaches the API.
func TestZopimGoalsValidation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"create", "--description", "no name"}, "goalctl: zopim goals create: invalid name: is required to create a goal"},
		{[]string{"create", "--name", " "}, "goalctl: zopim goals create: invalid name: "},
		{[]string{"create", "--name", "N", "--attribution-period", "31"}, "goalctl: zopim goals create: invalid attribution_period: "},
		{[]string{"create", "--name", "N", "--attribution-model", "middle"}, "goalctl: zopim goals create: invalid attribution_model: "},
		{[]string{"create", "--name", "N", "--condition", "equals=cart"}, "goalctl: zopim goals create: invalid settings.conditions[0].value: "},
		{[]string{"create", "--name", "N", "--condition", "contains=a", "--condition", "regex=.*"}, "goalctl: zopim goals create: invalid settings.conditions[1].operator: "},
		{[]string{"update", "1"}, "goalctl: zopim goals update: invalid "},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			fs := newFakes(t)
			r := runFake(t, fs, append([]string{"zopim", "goals"}, tc.args...)...)
			wantCode(t, r, exitUsage)
			_, errs, _ := strings.Cut(r.stderr, "\n") // after the fake notice
			if !strings.HasPrefix(errs, tc.want) {
				t.Errorf("stderr:\n%s\nwant a line starting %q", r.stderr, tc.want)
			}
			if !strings.Contains(errs, "\n\nUsage: goalctl zopim goals "+tc.args[0]+" [flags]") {
				t.Errorf("no usage on stderr:\n%s", r.stderr)
			}
			wantEqual(t, fs.goals.Goals(), demoGoals())
		})
	}
}

// demoTriggers are the triggers --fake seeds.
func demoTriggers() []triggers.Trigger {
	return []triggers.Trigger{{
		ID: 1, Name: "Greet returning visitors", Description: "Welcome back visitors who were served before", Enabled: true,
		Definition: &triggers.Definition{
			Event:     "chat_requested",
			Condition: json.RawMessage(`["and",["eq","@visitor_served",true],["not",["firedBefore"]]]`),
			Actions:   json.RawMessage(`[["sendMessageToVisitor","Support","Welcome back!"]]`),
			Editor:    "advanced",
		},
	}, {
		ID: 2, Name: "Offer help on pricing", Description: "Nudge visitors who linger on pricing", Enabled: false,
		Definition: &triggers.Definition{
			Event:     "page_enter",
			Condition: json.RawMessage(`["icontains","@visitor_page_url","pricing"]`),
			Actions:   json.RawMessage(`[["wait",30],["sendMessageToVisitor","Sales","Questions about our plans?"]]`),
			Editor:    "simple",
		},
	}}
}

// wantSameJSON compares stdout with want as JSON values, so that raw JSON
// parts (trigger definitions) compare by meaning, not by indentation.
func wantSameJSON(t *testing.T, r result, want any) {
	t.Helper()
	got := decodeJSON[any](t, r)
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var w any
	if err := json.Unmarshal(b, &w); err != nil {
		t.Fatal(err)
	}
	wantEqual(t, got, w)
}

func TestZopimTriggersList(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "zopim", "triggers", "list")
	wantCode(t, r, exitOK)
	wantSameJSON(t, r, demoTriggers())
	got := decodeJSON[[]triggers.Trigger](t, r)
	if len(got) != 2 || got[1].Name != "Offer help on pricing" || got[1].Enabled || got[1].Definition.Event != "page_enter" {
		t.Errorf("decoded %+v", got)
	}

	r = runFake(t, newFakes(t), "--output", "table", "zopim", "triggers", "list")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"ID  NAME                      ENABLED  EVENT           DESCRIPTION",
		"1   Greet returning visitors  true     chat_requested  Welcome back visitors who were served before",
		"2   Offer help on pricing     false    page_enter      Nudge visitors who linger on pricing",
	)
}

func TestZopimTriggersGet(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "zopim", "triggers", "get", "Offer help on pricing")
	wantCode(t, r, exitOK)
	wantSameJSON(t, r, demoTriggers()[1])

	r = runFake(t, newFakes(t), "zopim", "triggers", "get", "No such trigger")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "goalctl: zopim triggers get: API error: 404 Not Found\n") ||
		!strings.Contains(r.stderr, "  request: GET https://fake.goalctl.invalid/api/triggers/No%20such%20trigger\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestZopimTriggersCreate(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	def := `{"event":"chat_requested","condition":["eq","@visitor_served",false],"actions":[["sendMessageToVisitor","Support","Hi"]],"custom":{"kept":1}}`
	r := runFake(t, fs, "zopim", "triggers", "create", "--name", "Hello", "--description", "Say hi", "--enabled", "--definition", def)
	wantCode(t, r, exitOK)
	var d triggers.Definition
	if err := json.Unmarshal([]byte(def), &d); err != nil {
		t.Fatal(err)
	}
	want := triggers.Trigger{ID: 3, Name: "Hello", Description: "Say hi", Enabled: true, Definition: &d}
	wantSameJSON(t, r, want)
	stored := fs.triggers.Triggers()
	if len(stored) != 3 || stored[2].Name != "Hello" || string(stored[2].Definition.Extra["custom"]) != `{"kept":1}` {
		t.Errorf("stored %+v", stored)
	}

	r = runFake(t, fs, "zopim", "triggers", "create", "--name", "Hello")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "API error: 400 Bad Request\n  code:    Bad Request\n  message: Trigger name already exists\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}

	r = runFake(t, fs, "zopim", "triggers", "create", "--description", "nameless")
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "goalctl: zopim triggers create: invalid name: ") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestZopimTriggersUpdateRenames(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "--output", "table", "zopim", "triggers", "update", "Greet returning visitors", "--name", "Greet", "--enabled=false")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"ID  NAME   ENABLED  EVENT           DESCRIPTION",
		"1   Greet  false    chat_requested  Welcome back visitors who were served before",
	)
	want := demoTriggers()[0]
	want.Name, want.Enabled = "Greet", false
	wantSameJSON(t, runFake(t, fs, "zopim", "triggers", "get", "Greet"), want)
	wantCode(t, runFake(t, fs, "zopim", "triggers", "get", "Greet returning visitors"), exitAPI)

	// A definition is changed by delete and create (Replace): a new id.
	r = runFake(t, fs, "zopim", "triggers", "update", "Greet", "--definition", `{"event":"page_enter"}`)
	wantCode(t, r, exitOK)
	want.Definition = &triggers.Definition{Event: "page_enter"} // replaced whole
	want.ID = 3
	wantSameJSON(t, r, want)
	wantSameJSON(t, runFake(t, fs, "zopim", "triggers", "get", "Greet"), want)
}

func TestZopimTriggersDelete(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "zopim", "triggers", "delete", "Offer help on pricing")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[map[string]string](t, r), map[string]string{"deleted": "Offer help on pricing"})
	if got := fs.triggers.Triggers(); len(got) != 1 || got[0].Name != "Greet returning visitors" {
		t.Errorf("stored %+v", got)
	}
}
