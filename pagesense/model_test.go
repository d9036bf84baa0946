package pagesense_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/goalkit/goalkit/pagesense"
)

// Models decode with plain json.Unmarshal, ids as strings or numbers.
func TestGoalUnmarshal(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`{"goal_id": 98765432109876543, "linkname": "l", "display_name": "d", "goal_type": 2, "time_threshold": 5, "status": 0, "x": [1]}`,
		`{"goal_id": "98765432109876543", "linkname": "l", "display_name": "d", "goal_type": "LINK_CLICK_GOAL", "time_threshold": "5", "status": "0"}`,
	} {
		var g pagesense.Goal
		if err := json.Unmarshal([]byte(in), &g); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		want := pagesense.Goal{GoalID: "98765432109876543", Linkname: "l", DisplayName: "d", GoalType: pagesense.LinkClickGoal, TimeThreshold: 5, Status: "0"}
		if !reflect.DeepEqual(g, want) {
			t.Errorf("%s\n got %+v\nwant %+v", in, g, want)
		}
	}
	var g pagesense.Goal
	for _, bad := range []string{`{"goal_id": true}`, `{"time_threshold": "soon"}`, `{"goal_id": {}}`, `[`} {
		if err := json.Unmarshal([]byte(bad), &g); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestGoalRoundTrip(t *testing.T) {
	t.Parallel()
	g := pagesense.Goal{
		GoalID: "1", Linkname: "l", DisplayName: "d", GoalType: pagesense.PageVisitGoal, GoalURL: "https://x",
		URL: []pagesense.URLRule{{MatchType: pagesense.RegexMatch, Value: "^x$"}}, Selectors: json.RawMessage(`{"css":"#a"}`),
	}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var back pagesense.Goal
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, g) {
		t.Errorf("round trip %s: %+v, %v", b, back, err)
	}
}

func TestCustomEventUnmarshal(t *testing.T) {
	t.Parallel()
	var es []pagesense.CustomEvent
	if err := json.Unmarshal([]byte(`[{"event_id": 3, "linkname": "a", "event_name": "A"}, {"event_id": "4", "event_name": "B", "project_linkname": "p"}]`), &es); err != nil {
		t.Fatal(err)
	}
	want := []pagesense.CustomEvent{{EventID: "3", Linkname: "a", Name: "A"}, {EventID: "4", Name: "B", ProjectLinkname: "p"}}
	if !reflect.DeepEqual(es, want) {
		t.Errorf("got %+v, want %+v", es, want)
	}
}

// Read answers spell fields differently from the create body; both decode.
func TestGoal_DecodesReadFieldNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		want     pagesense.Goal
	}{
		{"answer names", `{"linkname": "buy", "goal_status": 2, "element_css_selector": "#buy > a",
			"time_spent_seconds": "45", "created_time": 1761732418306}`,
			pagesense.Goal{Linkname: "buy", Status: "2", ElementSelector: "#buy > a", TimeThreshold: 45,
				CreatedAt: time.Date(2025, 10, 29, 10, 6, 58, 306e6, time.UTC)}},
		{"unset threshold", `{"time_spent_seconds": "", "time_threshold": 0, "created_time": "1761732418306"}`,
			pagesense.Goal{CreatedAt: time.UnixMilli(1761732418306).UTC()}},
		{"old names", `{"status": "ACTIVE", "time_threshold": "30", "selectors": [".a"]}`,
			pagesense.Goal{Status: "ACTIVE", TimeThreshold: 30, Selectors: json.RawMessage(`[".a"]`)}},
		{"new names win", `{"status": "1", "goal_status": 2, "time_threshold": 30, "time_spent_seconds": 60}`,
			pagesense.Goal{Status: "2", TimeThreshold: 60}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var g pagesense.Goal
			if err := json.Unmarshal([]byte(tc.in), &g); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %+v\nwant %+v", g, tc.want)
			}
			// Goal's own encoding decodes back to the same goal.
			b, err := json.Marshal(g)
			if err != nil {
				t.Fatal(err)
			}
			var back pagesense.Goal
			if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, g) {
				t.Errorf("round trip via %s: %+v, %v", b, back, err)
			}
		})
	}
}
