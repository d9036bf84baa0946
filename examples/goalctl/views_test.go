package main

import (
	"strings"
	"testing"
)

// TestJSONShowsPlainValues: --output json shows Zendesk's enabled as
// true/false and PageSense's enums by name, not the wire's 1/0 and numbers.
func TestJSONShowsPlainValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args      []string
		want, not []string
	}{
		{[]string{"zopim", "goals", "get", "1"}, []string{`"enabled": true`}, []string{`"enabled": 1`}},
		{[]string{"zopim", "goals", "list"}, []string{`"enabled": true`}, []string{`"enabled": 1`, `"enabled": 0`}},
		{[]string{"zopim", "triggers", "list"}, []string{`"enabled": true`, `"enabled": false`}, []string{`"enabled": 1`, `"enabled": 0`}},
		{[]string{"pagesense", "goals", "list"}, []string{`"goal_type": "PAGE_VISIT_GOAL"`, `"goal_type": "TIME_SPENT_GOAL"`, `"match_type": "SIMPLE_MATCH"`}, []string{`"goal_type": 1`, `"match_type": 1`}},
	} {
		r := runFake(t, newFakes(t), tc.args...)
		wantCode(t, r, exitOK)
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%v: stdout lacks %s:\n%s", tc.args, w, r.stdout)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(r.stdout, n) {
				t.Errorf("%v: stdout has %s:\n%s", tc.args, n, r.stdout)
			}
		}
	}
}
