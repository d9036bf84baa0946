package triggers

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

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

// paramsOut is paramsWire for encoding: a definition without Extra is the
// plain definitionOut, which encoding/json writes in the same pass instead
// of calling Definition.MarshalJSON and re-scanning its output.
type paramsOut struct {
	Name        *string     `json:"name,omitempty"`
	Description *string     `json:"description,omitempty"`
	Enabled     *zopim.Flag `json:"enabled,omitempty"`
	Definition  any         `json:"definition,omitempty"`
}

// MarshalJSON encodes the set fields only, enabled as 1/0.
func (p TriggerParams) MarshalJSON() ([]byte, error) {
	out := paramsOut{Name: p.Name, Description: p.Description, Enabled: (*zopim.Flag)(p.Enabled)}
	if d := p.Definition; d != nil {
		if len(d.Extra) == 0 {
			out.Definition = d.out()
		} else {
			out.Definition = d
		}
	}
	return json.Marshal(out)
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
	if err := p.validText(); err != nil {
		return err
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

// validText refuses text that is not valid UTF-8 (JSON encoding would
// silently turn it into U+FFFD), naming the field as transport.ValidUTF8
// names it, without its reflection on the create path
// (TestTriggerParamsChecksEveryText).
func (p *TriggerParams) validText() error {
	for _, f := range [...]struct {
		name string
		s    *string
	}{{"name", p.Name}, {"description", p.Description}} {
		if f.s != nil {
			if err := transport.ValidString(f.name, *f.s); err != nil {
				return err
			}
		}
	}
	d := p.Definition
	if d == nil {
		return nil
	}
	if err := transport.ValidString("definition.event", d.Event); err != nil {
		return err
	}
	for _, f := range [...]struct {
		name string
		raw  json.RawMessage
	}{{"definition.condition", d.Condition}, {"definition.actions", d.Actions}} {
		if !utf8.Valid(f.raw) {
			return transport.Invalid(f.name, "is not valid UTF-8")
		}
	}
	if err := transport.ValidString("definition.editor", d.Editor); err != nil {
		return err
	}
	if len(d.Extra) > 0 { // rare: the general walk
		return transport.ValidUTF8("definition.extra", d.Extra)
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
