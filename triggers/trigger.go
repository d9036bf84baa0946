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

// triggerWire is Trigger with the lenient enabled flag.
type triggerWire struct {
	*triggerAlias
	Enabled zopim.Flag `json:"enabled"`
}

type triggerAlias Trigger

// UnmarshalJSON decodes a trigger, accepting enabled as 1/0 or true/false.
func (t *Trigger) UnmarshalJSON(b []byte) error {
	w := triggerWire{triggerAlias: (*triggerAlias)(t), Enabled: zopim.Flag(t.Enabled)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	t.Enabled = bool(w.Enabled)
	return nil
}

// MarshalJSON encodes a trigger as the docs show it, enabled as 1/0.
func (t Trigger) MarshalJSON() ([]byte, error) {
	return json.Marshal(triggerWire{triggerAlias: (*triggerAlias)(&t), Enabled: zopim.Flag(t.Enabled)})
}
