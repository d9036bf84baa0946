package goals_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/goals"
)

func TestGoal_PlainJSONUnmarshal(t *testing.T) {
	t.Parallel()
	var g goals.Goal
	if err := json.Unmarshal([]byte(seedGoal), &g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, goal1) {
		t.Errorf("got %+v\nwant %+v", g, goal1)
	}
	for in, want := range map[string]bool{`1`: true, `0`: false, `true`: true, `false`: false, `"1"`: true, `"false"`: false} {
		var g goals.Goal
		if err := json.Unmarshal([]byte(`{"enabled":`+in+`}`), &g); err != nil || g.Enabled != want {
			t.Errorf("enabled %s: %v, %v; want %v", in, g.Enabled, err, want)
		}
	}
	for _, in := range []string{`2`, `"yes"`, `[]`, `{}`} {
		var g goals.Goal
		if err := json.Unmarshal([]byte(`{"enabled":`+in+`}`), &g); err == nil {
			t.Errorf("enabled %s accepted", in)
		}
	}
}

func TestGoal_MarshalAsDocumented(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(goal1)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, b, seedGoal) // enabled as 1, every field under its wire name
	var back goals.Goal
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, goal1) {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	off := goal1
	off.Enabled = false
	b, _ = json.Marshal(&off)
	var m map[string]any
	json.Unmarshal(b, &m)
	if m["enabled"] != float64(0) {
		t.Errorf("disabled goal encodes enabled as %v, want 0", m["enabled"])
	}
}

func TestGoalParams_JSONRoundTrip(t *testing.T) {
	t.Parallel()
	var p goals.GoalParams
	if err := json.Unmarshal([]byte(seedCreateBody), &p); err != nil {
		t.Fatal(err)
	}
	want := goals.GoalParams{
		Name: goals.Ptr("Goal 3"), Description: goals.Ptr("A new goal"), Enabled: goals.Ptr(true),
		AttributionModel: goals.Ptr(goals.FirstTouch), AttributionPeriod: goals.Ptr(15),
		Settings: conds(url(goals.OperatorEquals, "http://mysite.com/")),
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("decoded %+v", p)
	}
	b, _ := json.Marshal(p)
	jsonEqual(t, b, seedCreateBody)

	var partial goals.GoalParams
	json.Unmarshal([]byte(`{"enabled": false}`), &partial)
	if partial.Enabled == nil || *partial.Enabled || partial.Name != nil || !(&goals.GoalParams{}).IsZero() || partial.IsZero() {
		t.Errorf("partial decode %+v", partial)
	}
}

func TestEnums(t *testing.T) {
	t.Parallel()
	if goals.FirstTouch.String() != "first_touch" || goals.LastTouch.String() != "last_touch" ||
		goals.OperatorEquals.String() != "equals" || goals.OperatorContains.String() != "contains" ||
		goals.ConditionURL.String() != "url" {
		t.Error("enum wire values changed")
	}
	for v, want := range map[goals.AttributionModel]bool{goals.FirstTouch: true, goals.LastTouch: true, "": false, "First_Touch": false} {
		if v.Valid() != want {
			t.Errorf("AttributionModel(%q).Valid() = %v", v, !want)
		}
	}
	for v, want := range map[goals.Operator]bool{goals.OperatorEquals: true, goals.OperatorContains: true, "regex": false, "": false} {
		if v.Valid() != want {
			t.Errorf("Operator(%q).Valid() = %v", v, !want)
		}
	}
	for v, want := range map[goals.ConditionType]bool{goals.ConditionURL: true, "path": false, "": false} {
		if v.Valid() != want {
			t.Errorf("ConditionType(%q).Valid() = %v", v, !want)
		}
	}
	if goals.MaxActiveGoals != 5 {
		t.Error("MaxActiveGoals changed")
	}
}

func TestGoalEncodesNilConditionsAsEmptyList(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(goals.Goal{ID: 1, Name: "g"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"settings":{"conditions":[]}`) {
		t.Errorf("encoded %s, want conditions as []", b)
	}
}
