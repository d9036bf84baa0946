package goals

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// GoalParams is the body of Create and Update. Only the fields set (non-nil)
// are sent; the id never is. Fill them with Ptr:
//
//	&goals.GoalParams{Name: goals.Ptr("Pricing"), Enabled: goals.Ptr(true)}
//
// Create requires Name; the API documents every field as optional, but a
// goal without a name cannot be told apart in the dashboard. Update
// requires at least one field.
type GoalParams struct {
	Name              *string
	Description       *string
	Enabled           *bool // sent as 1/0
	AttributionModel  *AttributionModel
	AttributionPeriod *int // days, 1..30
	Settings          *Settings
}

// paramsWire is the JSON shape of GoalParams.
type paramsWire struct {
	Name              *string           `json:"name,omitempty"`
	Description       *string           `json:"description,omitempty"`
	Enabled           *zopim.Flag       `json:"enabled,omitempty"`
	AttributionModel  *AttributionModel `json:"attribution_model,omitempty"`
	AttributionPeriod *int              `json:"attribution_period,omitempty"`
	Settings          *Settings         `json:"settings,omitempty"`
}

// requestWire is what Create and Update send: plain field types, so
// encoding/json does not call (and then re-scan) a MarshalJSON per field.
type requestWire struct {
	Name              *string           `json:"name,omitempty"`
	Description       *string           `json:"description,omitempty"`
	Enabled           *int              `json:"enabled,omitempty"` // &enabledOne or &enabledZero
	AttributionModel  *AttributionModel `json:"attribution_model,omitempty"`
	AttributionPeriod *int              `json:"attribution_period,omitempty"`
	Settings          settingsWire      `json:"settings,omitzero"` // zero: not set
}

// enabledOne and enabledZero are what "enabled" points at: 1 or 0, as the
// docs show. They are only ever read.
var enabledOne, enabledZero = 1, 0

// settingsWire is Settings without its MarshalJSON; conditions are never
// null.
type settingsWire struct {
	Conditions []Condition `json:"conditions"`
}

// MarshalJSON encodes the set fields only, enabled as 1/0.
func (p GoalParams) MarshalJSON() ([]byte, error) {
	return json.Marshal(p.wire())
}

// wire is what Create and Update send.
func (p *GoalParams) wire() *requestWire {
	w := &requestWire{
		Name: p.Name, Description: p.Description,
		AttributionModel: p.AttributionModel, AttributionPeriod: p.AttributionPeriod,
	}
	if p.Enabled != nil {
		w.Enabled = &enabledZero
		if *p.Enabled {
			w.Enabled = &enabledOne
		}
	}
	if p.Settings != nil {
		w.Settings.Conditions = p.Settings.Conditions
		if w.Settings.Conditions == nil {
			w.Settings.Conditions = []Condition{} // never null; non-nil, so not omitted
		}
	}
	return w
}

// UnmarshalJSON decodes a request body (as a fake server does); absent
// fields stay nil, enabled may be 1/0 or true/false.
func (p *GoalParams) UnmarshalJSON(b []byte) error {
	var w paramsWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = GoalParams{
		Name: w.Name, Description: w.Description, Enabled: (*bool)(w.Enabled),
		AttributionModel: w.AttributionModel, AttributionPeriod: w.AttributionPeriod, Settings: w.Settings,
	}
	return nil
}

// Validate checks the fields that are set against the documented rules:
// a non-blank name, attribution_period 1..30, attribution_model
// first_touch or last_touch, and each condition of type url with operator
// equals (value starting with http:// or https://) or contains (non-empty
// value). The *ValidationError names the wire field, e.g.
// "settings.conditions[1].value". Create and Update call it before sending.
func (p *GoalParams) Validate() error {
	if p == nil {
		return nil
	}
	if p.Name != nil && strings.TrimSpace(*p.Name) == "" {
		return transport.Invalid("name", "must not be blank")
	}
	if err := transport.ValidUTF8("", p.wire()); err != nil {
		return err
	}
	if m := p.AttributionModel; m != nil && !m.Valid() {
		return transport.Invalid("attribution_model", "must be %q or %q, got %q", FirstTouch, LastTouch, *m)
	}
	if d := p.AttributionPeriod; d != nil && (*d < 1 || *d > 30) {
		return transport.Invalid("attribution_period", "must be between 1 and 30 days, got %d", *d)
	}
	if p.Settings != nil {
		for i, c := range p.Settings.Conditions {
			if err := c.validate(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// IsZero reports whether no field is set.
func (p *GoalParams) IsZero() bool {
	return p == nil || *p == GoalParams{}
}

func (p *GoalParams) validateCreate() error {
	if p == nil || p.Name == nil {
		return transport.Invalid("name", "is required to create a goal")
	}
	return p.Validate()
}

func (p *GoalParams) validateUpdate() error {
	if p.IsZero() {
		return transport.Invalid("params", "an update must set at least one field")
	}
	return p.Validate()
}

// validate checks condition i of the settings.
func (c Condition) validate(i int) error {
	field := func(name string) string {
		return fmt.Sprintf("settings.conditions[%d].%s", i, name)
	}
	if !c.Type.Valid() {
		return transport.Invalid(field("type"), "must be %q, got %q", ConditionURL, c.Type)
	}
	switch c.Operator {
	case OperatorEquals:
		if !strings.HasPrefix(c.Value, "http://") && !strings.HasPrefix(c.Value, "https://") {
			return transport.Invalid(field("value"), "with operator equals must start with http:// or https://, got %q", c.Value)
		}
	case OperatorContains:
		if c.Value == "" {
			return transport.Invalid(field("value"), "must not be empty")
		}
	default:
		return transport.Invalid(field("operator"), "must be %q or %q, got %q", OperatorEquals, OperatorContains, c.Operator)
	}
	return nil
}
