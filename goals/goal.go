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

// goalWire is Goal with the lenient enabled flag; the embedded alias has
// Goal's other fields without its methods.
type goalWire struct {
	*goalAlias
	Enabled zopim.Flag `json:"enabled"`
}

type goalAlias Goal

// UnmarshalJSON decodes a goal, accepting enabled as 1/0 or true/false.
func (g *Goal) UnmarshalJSON(b []byte) error {
	w := goalWire{goalAlias: (*goalAlias)(g), Enabled: zopim.Flag(g.Enabled)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	g.Enabled = bool(w.Enabled)
	return nil
}

// MarshalJSON encodes a goal as the docs show it, enabled as 1/0.
func (g Goal) MarshalJSON() ([]byte, error) {
	return json.Marshal(goalWire{goalAlias: (*goalAlias)(&g), Enabled: zopim.Flag(g.Enabled)})
}

// MarshalJSON sends a nil condition list as [] rather than null.
func (s Settings) MarshalJSON() ([]byte, error) {
	type plain Settings
	if s.Conditions == nil {
		s.Conditions = []Condition{}
	}
	return json.Marshal(plain(s))
}
