package goalstate

import (
	"encoding/json"
	"math/big"
	"reflect"
	"slices"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// FieldChange is one field a planned update changes, in the file's
// vocabulary: Old is the live value, New the desired one.
type FieldChange struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

// Comparisons are semantic, so that a fresh export plans no change: values
// the SDK already normalizes (enabled 1/true, giosg's three spellings of
// allow_any_room) arrive equal; what is left is compared here: JSON values as
// values, amounts as numbers ("10.0" is "10.00"), unordered lists as sets,
// and empty as absent.

// diff collects field changes.
type diff []FieldChange

func (d *diff) add(field string, old, new any, equal bool) {
	if !equal {
		*d = append(*d, FieldChange{Field: field, Old: old, New: new})
	}
}

// zendeskGoalDiff is what must change for have to become want.
func zendeskGoalDiff(want *ZendeskGoal, have goals.Goal) []FieldChange {
	live := zendeskGoalFrom(have)
	var d diff
	d.add("name", live.Name, want.Name, live.Name == want.Name)
	d.add("description", live.Description, want.Description, live.Description == want.Description)
	d.add("enabled", *live.Enabled, enabled(want.Enabled), *live.Enabled == enabled(want.Enabled))
	d.add("attribution_model", live.AttributionModel, want.AttributionModel, live.AttributionModel == want.AttributionModel)
	d.add("attribution_period", live.AttributionPeriod, want.AttributionPeriod, live.AttributionPeriod == want.AttributionPeriod)
	wc, hc := want.goal().Settings.Conditions, []goals.Condition(nil)
	for _, c := range live.Conditions {
		hc = append(hc, c.sdk())
	}
	d.add("conditions", live.Conditions, want.Conditions, slices.Equal(wc, hc))
	return d
}

// triggerDiff is what must change for have to become want, and whether the
// definition is among it (which the API cannot edit). A definition left out
// of the file, a zero version and an empty editor or extra are not managed.
func triggerDiff(want *Trigger, have triggers.Trigger) (fields []FieldChange, definition bool) {
	var d diff
	d.add("name", have.Name, want.Name, have.Name == want.Name)
	d.add("description", have.Description, want.Description, have.Description == want.Description)
	d.add("enabled", have.Enabled, enabled(want.Enabled), have.Enabled == enabled(want.Enabled))
	if w := want.Definition; w != nil {
		live, _ := triggerFrom(have)
		h := live.Definition
		if h == nil {
			h = &TriggerDefinition{}
		}
		before := len(d)
		d.add("definition.event", h.Event, w.Event, h.Event == w.Event)
		d.add("definition.condition", h.Condition, w.Condition, jsonEqual(h.Condition, w.Condition))
		d.add("definition.actions", h.Actions, w.Actions, jsonEqual(h.Actions, w.Actions))
		d.add("definition.version", h.Version, w.Version, w.Version == 0 || h.Version == w.Version)
		d.add("definition.editor", h.Editor, w.Editor, w.Editor == "" || h.Editor == w.Editor)
		d.add("definition.extra", h.Extra, w.Extra, len(w.Extra) == 0 || jsonEqual(h.Extra, w.Extra))
		definition = len(d) > before
	}
	return d, definition
}

// giosgGoalDiff is what must change for have to become want.
func giosgGoalDiff(want *GiosgGoal, have giosg.Goal) ([]FieldChange, error) {
	live, err := giosgGoalFrom(have)
	if err != nil {
		return nil, err
	}
	var d diff
	d.add("name", live.Name, want.Name, live.Name == want.Name)
	d.add("allow_any_room", live.AllowAnyRoom, want.AllowAnyRoom, live.AllowAnyRoom == want.AllowAnyRoom)
	d.add("allowed_rooms", live.AllowedRooms, want.AllowedRooms, sameSet(live.AllowedRooms, want.AllowedRooms))
	d.add("default_value", live.DefaultValue, want.DefaultValue, sameAmount(live.DefaultValue, want.DefaultValue))
	d.add("conditions", live.Conditions, want.Conditions, jsonEqual(giosgConditions(live.Conditions), giosgConditions(want.Conditions)))
	return d, nil
}

// giosgConditions drops empty settings, which giosg sends as {}.
func giosgConditions(cs []GiosgCondition) []GiosgCondition {
	out := slices.Clone(cs)
	for i := range out {
		if len(out[i].Settings) == 0 {
			out[i].Settings = nil
		}
	}
	return out
}

// pageSenseGoalDiff is what must change for have to become want.
func pageSenseGoalDiff(want *PageSenseGoal, have pagesense.Goal) []FieldChange {
	live := pageSenseGoalFrom(have)
	var d diff
	d.add("display_name", live.DisplayName, want.DisplayName, live.DisplayName == want.DisplayName)
	d.add("goal_type", live.GoalType, want.GoalType, live.GoalType == want.GoalType)
	d.add("goal_url", live.GoalURL, want.GoalURL, live.GoalURL == want.GoalURL)
	d.add("include_urls", live.IncludeURLs, want.IncludeURLs, slices.Equal(live.IncludeURLs, want.IncludeURLs))
	d.add("exclude_urls", live.ExcludeURLs, want.ExcludeURLs, slices.Equal(live.ExcludeURLs, want.ExcludeURLs))
	d.add("url", live.URL, want.URL, slices.Equal(live.URL, want.URL))
	d.add("time_threshold", live.TimeThreshold, want.TimeThreshold, live.TimeThreshold == want.TimeThreshold)
	return d
}

// jsonEqual compares two values as JSON values: 5 and 5.0 are equal, key
// order does not matter, null and absent are equal.
func jsonEqual(a, b any) bool {
	na, errA := normalJSON(a)
	nb, errB := normalJSON(b)
	return errA == nil && errB == nil && reflect.DeepEqual(na, nb)
}

func normalJSON(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(raw, &out)
	return out, err
}

// sameSet compares two lists ignoring order (room ids).
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// sameAmount compares decimal texts as numbers, "" meaning unset.
func sameAmount(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ra, okA := new(big.Rat).SetString(a)
	rb, okB := new(big.Rat).SetString(b)
	if !okA || !okB {
		return a == b
	}
	return ra.Cmp(rb) == 0
}
