package triggers

import (
	"encoding/json"

	"github.com/goalkit/goalkit/internal/zopim"
)

// Trigger is an automated chat action: when Definition's event happens and
// its condition holds, the actions run.
type Trigger struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"` // also the trigger's key in URLs
	Description string `json:"description"`
	// Enabled is 1/0 in the docs and true/false in real responses: both
	// decode; it encodes as 1/0. Absent decodes as false.
	Enabled bool `json:"enabled"`
	// Definition is not in the seed docs but in real responses; nil when
	// the API leaves it out.
	Definition *Definition `json:"definition,omitempty"`
}

// triggerWire is a trigger on the wire: the same fields, method-less, with
// the lenient enabled flag (the technique every dialect uses; see
// internal/wirecheck). The client decodes into it directly, so a list is
// scanned once.
type triggerWire struct {
	ID          int64      `json:"id"`
	Name        string     `json:"name"`
	Description string     `json:"description"`
	Enabled     zopim.Flag `json:"enabled"`
	// validDefinition: Definition decoding without re-checking what
	// encoding/json has checked.
	Definition *validDefinition `json:"definition,omitempty"`
}

func wireOf(t *Trigger) triggerWire {
	return triggerWire{ID: t.ID, Name: t.Name, Description: t.Description, Enabled: zopim.Flag(t.Enabled), Definition: (*validDefinition)(t.Definition)}
}

func (w *triggerWire) trigger() Trigger {
	return Trigger{ID: w.ID, Name: w.Name, Description: w.Description, Enabled: bool(w.Enabled), Definition: (*Definition)(w.Definition)}
}

// UnmarshalJSON decodes a trigger, accepting enabled as 1/0 or true/false.
// Fields absent from b keep their values.
func (t *Trigger) UnmarshalJSON(b []byte) error {
	w := wireOf(t)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*t = w.trigger()
	return nil
}

// MarshalJSON encodes a trigger as the docs show it, enabled as 1/0.
func (t Trigger) MarshalJSON() ([]byte, error) {
	return json.Marshal(wireOf(&t))
}
