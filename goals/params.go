package goals

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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

// MarshalJSON encodes the set fields only, enabled as 1/0, conditions
// never null. Create and Update send it. It is written by hand (a create is
// a hot path, and this is a fifth of encoding/json's cost): the bytes are
// json.Marshal's over the wire struct {name, description, enabled as an
// int, attribution_model, attribution_period, all omitempty; settings
// omitzero} (FuzzGoalParamsEncoder).
func (p GoalParams) MarshalJSON() ([]byte, error) {
	n := 0
	if p.Settings != nil {
		for _, c := range p.Settings.Conditions {
			n += len(`{"type":"","operator":"","value":""},`) + len(c.Type) + len(c.Operator) + len(c.Value)
		}
	}
	b := zopim.AppendParams(n+64, p.Name, p.Description, p.Enabled)
	if p.AttributionModel != nil {
		b = transport.AppendJSONString(transport.AppendJSONKey(b, "attribution_model"), *p.AttributionModel)
	}
	if p.AttributionPeriod != nil {
		b = strconv.AppendInt(transport.AppendJSONKey(b, "attribution_period"), int64(*p.AttributionPeriod), 10)
	}
	if p.Settings != nil {
		b = append(transport.AppendJSONKey(b, "settings"), `{"conditions":[`...)
		for i, c := range p.Settings.Conditions {
			if i > 0 {
				b = append(b, ',')
			}
			b = transport.AppendJSONString(append(b, `{"type":`...), c.Type)
			b = transport.AppendJSONString(append(b, `,"operator":`...), c.Operator)
			b = transport.AppendJSONString(append(b, `,"value":`...), c.Value)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	return append(b, '}'), nil
}

// validText refuses text that is not valid UTF-8 (JSON encoding would
// silently turn it into U+FFFD), naming the field as transport.ValidUTF8
// names it on the wire form, without its reflection on the create path
// (TestGoalParamsChecksEveryText).
func (p *GoalParams) validText() error {
	for _, f := range [...]struct {
		name string
		s    *string
	}{{"name", p.Name}, {"description", p.Description}, {"attribution_model", (*string)(p.AttributionModel)}} {
		if f.s != nil {
			if err := transport.ValidString(f.name, *f.s); err != nil {
				return err
			}
		}
	}
	if p.Settings == nil {
		return nil
	}
	for i, c := range p.Settings.Conditions {
		for _, f := range [...]struct{ name, s string }{{"type", string(c.Type)}, {"operator", string(c.Operator)}, {"value", c.Value}} {
			if !utf8.ValidString(f.s) {
				return transport.Invalid(fmt.Sprintf("settings.conditions[%d].%s", i, f.name), "is not valid UTF-8")
			}
		}
	}
	return nil
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
	if err := p.validText(); err != nil {
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
