package goals

import (
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/wirecheck"
)

// TestGoalWireMirrorsGoal: a field added to Goal but not to its wire
// struct, or not copied, fails here instead of being dropped.
func TestGoalWireMirrorsGoal(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Goal](), reflect.TypeFor[goalWire]())
	wirecheck.RoundTrip(t, wireOf, (*goalWire).goal)
}

// requestWire is the wire struct GoalParams.MarshalJSON writes by hand:
// the reference its bytes and its UTF-8 checks are compared with.
type requestWire struct {
	Name              *string           `json:"name,omitempty"`
	Description       *string           `json:"description,omitempty"`
	Enabled           *int              `json:"enabled,omitempty"`
	AttributionModel  *AttributionModel `json:"attribution_model,omitempty"`
	AttributionPeriod *int              `json:"attribution_period,omitempty"`
	Settings          settingsWire      `json:"settings,omitzero"` // zero: not set
}

// settingsWire is Settings without its MarshalJSON; conditions are never
// null.
type settingsWire struct {
	Conditions []Condition `json:"conditions"`
}

func (p *GoalParams) wire() *requestWire {
	w := &requestWire{Name: p.Name, Description: p.Description, AttributionModel: p.AttributionModel, AttributionPeriod: p.AttributionPeriod}
	if p.Enabled != nil {
		w.Enabled = new(int)
		if *p.Enabled {
			*w.Enabled = 1
		}
	}
	if p.Settings != nil {
		w.Settings.Conditions = p.Settings.Conditions
		if w.Settings.Conditions == nil {
			w.Settings.Conditions = []Condition{}
		}
	}
	return w
}

// FuzzGoalParamsEncoder: the hand-written MarshalJSON writes json.Marshal's
// bytes for the wire struct, whatever is set and whatever the text.
func FuzzGoalParamsEncoder(f *testing.F) {
	f.Add(uint8(0xff), "Goal 3", "A goal", true, "first_touch", 15, "url", "equals", "http://cart.com/", 1)
	f.Add(uint8(0), "", "", false, "", 0, "", "", "", 0)
	f.Add(uint8(0x2a), "<caf\xe9>\"\\\n", "\u2028", false, "x&y", -7, "\x00", "\x7f", "é", 2)
	f.Fuzz(func(t *testing.T, set uint8, name, desc string, enabled bool, model string, period int, typ, op, value string, conds int) {
		var p GoalParams
		if set&1 != 0 {
			p.Name = &name
		}
		if set&2 != 0 {
			p.Description = &desc
		}
		if set&4 != 0 {
			p.Enabled = &enabled
		}
		if set&8 != 0 {
			p.AttributionModel = Ptr(AttributionModel(model))
		}
		if set&16 != 0 {
			p.AttributionPeriod = &period
		}
		if set&32 != 0 {
			p.Settings = &Settings{}
			for i := range conds % 3 {
				p.Settings.Conditions = append(p.Settings.Conditions, Condition{Type: ConditionType(typ), Operator: Operator(op), Value: value[:len(value)*i/2]})
			}
		}
		wirecheck.EncodesAs(t, p, p.wire())
	})
}

// TestGoalParamsChecksEveryText: Validate refuses every text field that is
// not valid UTF-8 with transport.ValidUTF8's error over the wire struct.
func TestGoalParamsChecksEveryText(t *testing.T) {
	var p GoalParams
	wirecheck.Fill(&p)
	wirecheck.EveryText(t, &p, p.Validate, func() error { return transport.ValidUTF8("", p.wire()) })
}

// TestConditionWireMirrorsCondition: the method-less condition and
// settings wire types keep every field and key of the public ones.
func TestConditionWireMirrorsCondition(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Condition](), reflect.TypeFor[conditionWire]())
	wirecheck.SameFields(t, reflect.TypeFor[Settings](), reflect.TypeFor[settingsIn]())
}

// TestConditionsShareOneArrayWithoutAliasing: List converts every goal's
// conditions into one array; appending to one goal's never writes into
// the next goal's.
func TestConditionsShareOneArrayWithoutAliasing(t *testing.T) {
	ws := []goalWire{
		{ID: 1, Settings: settingsIn{Conditions: []conditionWire{{Type: "url", Operator: "equals", Value: "a"}}}},
		{ID: 2, Settings: settingsIn{Conditions: []conditionWire{{Type: "url", Operator: "contains", Value: "b"}}}},
		{ID: 3},
	}
	arena := make([]Condition, 0, 2)
	gs := []Goal{ws[0].goalIn(&arena), ws[1].goalIn(&arena), ws[2].goalIn(&arena)}
	if gs[2].Settings.Conditions != nil {
		t.Errorf("absent conditions became %v", gs[2].Settings.Conditions)
	}
	gs[0].Settings.Conditions = append(gs[0].Settings.Conditions, Condition{Value: "appended"})
	if got := gs[1].Settings.Conditions[0]; got != (Condition{Type: ConditionURL, Operator: OperatorContains, Value: "b"}) {
		t.Errorf("goal 2's condition is %+v after an append to goal 1's", got)
	}
}

// TestGoalParamsEncoderWritesEveryField: with every field set, the
// hand-written body has a key for each; a field added to GoalParams but
// not to MarshalJSON fails here.
func TestGoalParamsEncoderWritesEveryField(t *testing.T) {
	var p GoalParams
	wirecheck.Fill(&p)
	wirecheck.WritesEveryField(t, &p, p, 0)
}
