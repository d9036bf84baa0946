package main

import (
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// The JSON goalctl prints is the SDK's objects with their field names but
// plain values: the SDK's MarshalJSON methods write the wire's encoding
// (Zendesk "enabled" as 1/0, PageSense enums as numbers), which is the API's
// business, not the operator's. Each view is a defined type over the SDK's,
// which keeps the fields and tags but drops the MarshalJSON method.

// zopimGoalJSON prints a Zendesk goal with enabled as true/false.
type zopimGoalJSON goals.Goal

// zopimTriggerJSON prints a Zendesk trigger with enabled as true/false.
type zopimTriggerJSON triggers.Trigger

// pagesenseGoalJSON prints a PageSense goal with its goal type and URL
// match types by name ("TIME_SPENT_GOAL", not 8).
type pagesenseGoalJSON struct {
	plainPageSenseGoal
	GoalType string              `json:"goal_type"`
	URL      []pagesenseRuleJSON `json:"url,omitempty"`
}

// plainPageSenseGoal is pagesense.Goal without methods, so that embedding it
// never promotes a MarshalJSON over the view's own fields.
type plainPageSenseGoal pagesense.Goal

// pagesenseRuleJSON prints a URL rule with its match type by name.
type pagesenseRuleJSON struct {
	plainURLRule
	MatchType string `json:"match_type"`
}

// plainURLRule is pagesense.URLRule without methods (see plainPageSenseGoal).
type plainURLRule pagesense.URLRule

func pagesenseGoalView(g pagesense.Goal) pagesenseGoalJSON {
	v := pagesenseGoalJSON{plainPageSenseGoal: plainPageSenseGoal(g), GoalType: g.GoalType.String()}
	for _, r := range g.URL {
		v.URL = append(v.URL, pagesenseRuleJSON{plainURLRule: plainURLRule(r), MatchType: r.MatchType.String()})
	}
	return v
}

// views converts a list for printing; an empty list prints as [], not null.
func views[T, V any](list []T, view func(T) V) []V {
	out := make([]V, len(list))
	for i, x := range list {
		out[i] = view(x)
	}
	return out
}
