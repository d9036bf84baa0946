package triggers

import (
	"encoding/json"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// TriggerParams is the body of Create, Update and Replace. Only the fields
// set (non-nil) are sent; the id never is. Create and Replace require Name
// (triggers are addressed by name); Update requires at least one field and
// no Definition (the API does not edit definitions in an update), and a
// set Name renames the trigger.
type TriggerParams struct {
	Name        *string
	Description *string
	Enabled     *bool // sent as 1/0
	Definition  *Definition
}

// paramsWire is the JSON shape of TriggerParams.
type paramsWire struct {
	Name        *string     `json:"name,omitempty"`
	Description *string     `json:"description,omitempty"`
	Enabled     *zopim.Flag `json:"enabled,omitempty"`
	Definition  *Definition `json:"definition,omitempty"`
}

// MarshalJSON encodes the set fields only, enabled as 1/0.
func (p TriggerParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(paramsWire{Name: p.Name, Description: p.Description, Enabled: (*zopim.Flag)(p.Enabled), Definition: p.Definition})
}

// UnmarshalJSON decodes a request body (as a fake server does); absent
// fields stay nil, enabled may be 1/0 or true/false.
func (p *TriggerParams) UnmarshalJSON(b []byte) error {
	var w paramsWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = TriggerParams{Name: w.Name, Description: w.Description, Enabled: (*bool)(w.Enabled), Definition: w.Definition}
	return nil
}

// IsZero reports whether no field is set.
func (p *TriggerParams) IsZero() bool {
	return p == nil || *p == TriggerParams{}
}

// Validate checks the fields that are set: a name that is not blank, and
// definition parts (condition, actions, extra keys) that are valid JSON.
// Create and Update call it before sending.
func (p *TriggerParams) Validate() error {
	if p == nil {
		return nil
	}
	if p.Name != nil && strings.TrimSpace(*p.Name) == "" {
		return transport.Invalid("name", "must not be blank")
	}
	if d := p.Definition; d != nil {
		if d.Condition != nil && !json.Valid(d.Condition) {
			return transport.Invalid("definition.condition", "is not valid JSON")
		}
		if d.Actions != nil && !json.Valid(d.Actions) {
			return transport.Invalid("definition.actions", "is not valid JSON")
		}
		for k, v := range d.Extra {
			if v != nil && !json.Valid(v) {
				return transport.Invalid("definition."+k, "is not valid JSON")
			}
		}
	}
	return nil
}

func (p *TriggerParams) validateCreate() error {
	if p == nil || p.Name == nil {
		return transport.Invalid("name", "is required to create a trigger")
	}
	return p.Validate()
}

func (p *TriggerParams) validateUpdate() error {
	if p.IsZero() {
		return transport.Invalid("params", "an update must set at least one field")
	}
	if p.Definition != nil {
		return transport.Invalid("definition", "Zendesk's Update Trigger does not edit definitions: "+
			"use Client.Replace with the full trigger (it deletes the trigger and creates it again), "+
			"or leave Definition nil to change the name, description or enabled flag")
	}
	return p.Validate()
}
