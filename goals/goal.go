package goals

import (
	"encoding/json"

	"github.com/goalkit/goalkit/internal/zopim"
)

// Goal is a URL-based conversion goal.
type Goal struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Enabled is 1/0 in the docs and true/false in real responses: both
	// decode; it encodes as 1/0. Absent decodes as false.
	Enabled           bool             `json:"enabled"`
	AttributionModel  AttributionModel `json:"attribution_model"`
	AttributionPeriod int              `json:"attribution_period"` // days, 1..30
	Settings          Settings         `json:"settings"`
}

// Settings holds a goal's conditions; the goal is met when any one is.
type Settings struct {
	Conditions []Condition `json:"conditions"`
}

// Condition is one rule on the visited URL.
type Condition struct {
	Type     ConditionType `json:"type"`
	Operator Operator      `json:"operator"`
	// Value is the URL (OperatorEquals: must start with http:// or
	// https://) or the substring (OperatorContains) to look for.
	Value string `json:"value"`
}

// goalWire is Goal on the wire: the same fields, with the lenient enabled
// flag. The client decodes into it directly, so a list is scanned once (a
// Goal.UnmarshalJSON per element would make encoding/json scan each goal
// twice).
type goalWire struct {
	ID                int64      `json:"id"`
	Name              string     `json:"name"`
	Description       string     `json:"description"`
	Enabled           zopim.Flag `json:"enabled"`
	AttributionModel  string     `json:"attribution_model"`
	AttributionPeriod int        `json:"attribution_period"`
	// Method-less types (string, conditionWire), not the enums: a type
	// with methods costs encoding/json two interface checks per value.
	Settings settingsIn `json:"settings"`
}

// settingsIn and conditionWire are Settings and Condition with plain
// strings for the enum types.
type settingsIn struct {
	Conditions []conditionWire `json:"conditions"`
}

type conditionWire struct {
	Type     string `json:"type"`
	Operator string `json:"operator"`
	Value    string `json:"value"`
}

func (w *goalWire) goal() Goal { return w.goalIn(nil) }

// goalIn converts w, taking its conditions from arena's spare capacity
// when it has room (List: one allocation for every goal's conditions).
func (w *goalWire) goalIn(arena *[]Condition) Goal {
	return Goal{
		ID: w.ID, Name: w.Name, Description: w.Description, Enabled: bool(w.Enabled),
		AttributionModel: AttributionModel(w.AttributionModel), AttributionPeriod: w.AttributionPeriod,
		Settings: Settings{Conditions: conditionsOf(w.Settings.Conditions, arena)},
	}
}

// conditionsOf converts wire conditions (nil stays nil, empty stays
// empty), into a slice of arena's spare capacity if it has room.
func conditionsOf(ws []conditionWire, arena *[]Condition) []Condition {
	if ws == nil {
		return nil
	}
	var out []Condition
	if a := arena; a != nil && cap(*a)-len(*a) >= len(ws) {
		n := len(*a)
		out = (*a)[n : n+len(ws) : n+len(ws)] // capped: an append never runs into the next goal's
		*a = (*a)[:n+len(ws)]
	} else {
		out = make([]Condition, len(ws))
	}
	for i, c := range ws {
		out[i] = Condition{Type: ConditionType(c.Type), Operator: Operator(c.Operator), Value: c.Value}
	}
	return out
}

func wireOf(g *Goal) goalWire {
	w := goalWire{
		ID: g.ID, Name: g.Name, Description: g.Description, Enabled: zopim.Flag(g.Enabled),
		AttributionModel: string(g.AttributionModel), AttributionPeriod: g.AttributionPeriod,
		Settings: settingsIn{Conditions: make([]conditionWire, len(g.Settings.Conditions))}, // encoded as [], never null
	}
	for i, c := range g.Settings.Conditions {
		w.Settings.Conditions[i] = conditionWire{Type: string(c.Type), Operator: string(c.Operator), Value: c.Value}
	}
	return w
}

// UnmarshalJSON decodes a goal, accepting enabled as 1/0 or true/false.
// Fields absent from b keep their values.
func (g *Goal) UnmarshalJSON(b []byte) error {
	w := wireOf(g)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*g = w.goal()
	return nil
}

// MarshalJSON encodes a goal as the docs show it, enabled as 1/0.
func (g Goal) MarshalJSON() ([]byte, error) {
	return json.Marshal(wireOf(&g))
}

// MarshalJSON sends a nil condition list as [] rather than null.
func (s Settings) MarshalJSON() ([]byte, error) {
	type plain Settings
	if s.Conditions == nil {
		s.Conditions = []Condition{}
	}
	return json.Marshal(plain(s))
}
