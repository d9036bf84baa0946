package pagesense_test

import (
	"encoding/json"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
)

func TestGoalTypeNames(t *testing.T) {
	t.Parallel()
	names := []string{"PAGE_VISIT_GOAL", "LINK_CLICK_GOAL", "FORM_SUBMIT_GOAL", "ELEMENT_CLICK_GOAL", "ENGAGEMENT_GOAL",
		"CUSTOM_EVENT_GOAL", "REVENUE_GOAL", "TIME_SPENT_GOAL", "PAGE_VIEW_VIRTUAL_GOAL", "FULLSTACK_CUSTOM_EVENT_GOAL"}
	for i, name := range names {
		gt := pagesense.GoalType(i + 1)
		if gt.String() != name || !gt.Valid() {
			t.Errorf("GoalType(%d) = %q valid %v, want %q", i+1, gt, gt.Valid(), name)
		}
		if p, err := pagesense.ParseGoalType(name); p != gt || err != nil {
			t.Errorf("ParseGoalType(%q) = %v, %v", name, p, err)
		}
	}
	if pagesense.FullstackCustomEventGoal != 10 || pagesense.TimeSpentGoal != 8 {
		t.Error("goal type numbering is off")
	}
	for _, bad := range []pagesense.GoalType{0, 11, -1} {
		if bad.Valid() || bad.String() != "GoalType("+itoa(int(bad))+")" {
			t.Errorf("GoalType(%d): valid %v, String %q", int(bad), bad.Valid(), bad)
		}
	}
}

func TestParseGoalType(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]pagesense.GoalType{
		"TIME_SPENT_GOAL": pagesense.TimeSpentGoal, "time_spent_goal": pagesense.TimeSpentGoal,
		" 8 ": pagesense.TimeSpentGoal, "10": pagesense.FullstackCustomEventGoal, "page_visit_goal": pagesense.PageVisitGoal,
	} {
		if got, err := pagesense.ParseGoalType(in); got != want || err != nil {
			t.Errorf("ParseGoalType(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "11", "TIME_SPENT", "SIMPLE_MATCH"} {
		if _, err := pagesense.ParseGoalType(in); err == nil {
			t.Errorf("ParseGoalType(%q) succeeded", in)
		}
	}
}

func TestURLMatchTypeNames(t *testing.T) {
	t.Parallel()
	want := map[pagesense.URLMatchType]string{
		1: "SIMPLE_MATCH", 2: "EXACT_MATCH", 3: "PATTERN_MATCH", 4: "REGEX_MATCH", 5: "CONTAINS_MATCH",
		6: "STARTS_WITH", 7: "ENDS_WITH", 8: "DOMAIN", 10: "URL_GROUP_MATCH",
	}
	for mt, name := range want {
		if mt.String() != name || !mt.Valid() {
			t.Errorf("URLMatchType(%d) = %q valid %v, want %q", int(mt), mt, mt.Valid(), name)
		}
		if p, err := pagesense.ParseURLMatchType(name); p != mt || err != nil {
			t.Errorf("ParseURLMatchType(%q) = %v, %v", name, p, err)
		}
		if p, err := pagesense.ParseURLMatchType(itoa(int(mt))); p != mt || err != nil {
			t.Errorf("ParseURLMatchType(%d) = %v, %v", int(mt), p, err)
		}
	}
	if pagesense.Domain != 8 || pagesense.URLGroupMatch != 10 {
		t.Error("match type numbering is off")
	}
	for _, bad := range []pagesense.URLMatchType{0, 9, 11} {
		if bad.Valid() || bad.String() != "URLMatchType("+itoa(int(bad))+")" {
			t.Errorf("URLMatchType(%d): valid %v, String %q", int(bad), bad.Valid(), bad)
		}
		if _, err := pagesense.ParseURLMatchType(itoa(int(bad))); err == nil {
			t.Errorf("ParseURLMatchType(%d) succeeded", int(bad))
		}
	}
	if _, err := pagesense.ParseURLMatchType("PAGE_VISIT_GOAL"); err == nil {
		t.Error("ParseURLMatchType accepted a goal type name")
	}
}

func TestEnumJSON(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]pagesense.GoalType{
		`8`: pagesense.TimeSpentGoal, `"8"`: pagesense.TimeSpentGoal, `"TIME_SPENT_GOAL"`: pagesense.TimeSpentGoal,
		`"time_spent_goal"`: pagesense.TimeSpentGoal, `12`: 12, `"12"`: 12, `null`: 0,
	} {
		var got pagesense.GoalType
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("GoalType from %s = %d, %v; want %d", in, int(got), err, int(want))
		}
	}
	for in, want := range map[string]pagesense.URLMatchType{`1`: pagesense.SimpleMatch, `"10"`: pagesense.URLGroupMatch, `"DOMAIN"`: pagesense.Domain} {
		var got pagesense.URLMatchType
		if err := json.Unmarshal([]byte(in), &got); err != nil || got != want {
			t.Errorf("URLMatchType from %s = %d, %v; want %d", in, int(got), err, int(want))
		}
	}
	for _, bad := range []string{`"NOPE"`, `true`, `{}`, `1.5`} {
		var gt pagesense.GoalType
		if err := json.Unmarshal([]byte(bad), &gt); err == nil {
			t.Errorf("GoalType from %s: no error", bad)
		}
		var mt pagesense.URLMatchType
		if err := json.Unmarshal([]byte(bad), &mt); err == nil {
			t.Errorf("URLMatchType from %s: no error", bad)
		}
	}
	b, err := json.Marshal(pagesense.URLRule{MatchType: pagesense.Domain})
	if err != nil || string(b) != `{"match_type":8}` {
		t.Errorf("URLRule encodes as %s, %v", b, err)
	}
	b, err = json.Marshal(struct{ T pagesense.GoalType }{pagesense.RevenueGoal})
	if err != nil || string(b) != `{"T":7}` {
		t.Errorf("GoalType encodes as %s, %v", b, err)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
