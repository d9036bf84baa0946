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
	ID                int64            `json:"id"`
	Name              string           `json:"name"`
	Description       string           `json:"description"`
	Enabled           zopim.Flag       `json:"enabled"`
	AttributionModel  AttributionModel `json:"attribution_model"`
	AttributionPeriod int              `json:"attribution_period"`
	// settingsWire, not Settings: a type with methods costs encoding/json
	// two interface checks per value.
	Settings settingsWire `json:"settings"`
}

func (w *goalWire) goal() Goal {
	return Goal{
		ID: w.ID, Name: w.Name, Description: w.Description, Enabled: bool(w.Enabled),
		AttributionModel: w.AttributionModel, AttributionPeriod: w.AttributionPeriod, Settings: Settings(w.Settings),
	}
}

func wireOf(g *Goal) goalWire {
	w := goalWire{
		ID: g.ID, Name: g.Name, Description: g.Description, Enabled: zopim.Flag(g.Enabled),
		AttributionModel: g.AttributionModel, AttributionPeriod: g.AttributionPeriod, Settings: settingsWire(g.Settings),
	}
	if w.Settings.Conditions == nil {
		w.Settings.Conditions = []Condition{} // encoded as [], never null
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
