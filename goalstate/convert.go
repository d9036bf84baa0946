package goalstate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Conversions between the file's types and the SDK's, both ways. Export
// uses the From functions; plan and apply use the methods.

func (c ZendeskCondition) sdk() goals.Condition {
	t := goals.ConditionType(c.Type)
	if t == "" {
		t = goals.ConditionURL
	}
	return goals.Condition{Type: t, Operator: goals.Operator(c.Operator), Value: c.Value}
}

// goal is the goal as the SDK models it, for Matches.
func (g *ZendeskGoal) goal() goals.Goal {
	out := goals.Goal{
		Name: g.Name, Description: g.Description, Enabled: enabled(g.Enabled),
		AttributionModel: goals.AttributionModel(g.AttributionModel), AttributionPeriod: g.AttributionPeriod,
	}
	for _, c := range g.Conditions {
		out.Settings.Conditions = append(out.Settings.Conditions, c.sdk())
	}
	return out
}

// params are every field of the goal, for a create.
func (g *ZendeskGoal) params() *goals.GoalParams {
	sdk := g.goal()
	return &goals.GoalParams{
		Name: &sdk.Name, Description: &sdk.Description, Enabled: &sdk.Enabled,
		AttributionModel: &sdk.AttributionModel, AttributionPeriod: &sdk.AttributionPeriod,
		Settings: &sdk.Settings,
	}
}

// zendeskGoalFrom is a live goal in the file's vocabulary.
func zendeskGoalFrom(g goals.Goal) ZendeskGoal {
	out := ZendeskGoal{
		Name: g.Name, Description: g.Description, Enabled: ptr(g.Enabled),
		AttributionModel: string(g.AttributionModel), AttributionPeriod: g.AttributionPeriod,
	}
	for _, c := range g.Settings.Conditions {
		out.Conditions = append(out.Conditions, ZendeskCondition{Type: string(c.Type), Operator: string(c.Operator), Value: c.Value})
	}
	return out
}

// sdk is the definition as the SDK sends it.
func (d *TriggerDefinition) sdk() (*triggers.Definition, error) {
	if d == nil {
		return nil, nil
	}
	out := &triggers.Definition{Event: d.Event, Version: d.Version, Editor: d.Editor}
	var err error
	if d.Condition != nil {
		if out.Condition, err = json.Marshal(d.Condition); err != nil {
			return nil, fmt.Errorf("definition.condition: %w", err)
		}
	}
	if d.Actions != nil {
		if out.Actions, err = json.Marshal(d.Actions); err != nil {
			return nil, fmt.Errorf("definition.actions: %w", err)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Extra)) {
		raw, err := json.Marshal(d.Extra[k])
		if err != nil {
			return nil, fmt.Errorf("definition.extra.%s: %w", k, err)
		}
		if out.Extra == nil {
			out.Extra = map[string]json.RawMessage{}
		}
		out.Extra[k] = raw
	}
	return out, nil
}

// params are every field of the trigger, for a create or a replace.
func (t *Trigger) params() (*triggers.TriggerParams, error) {
	def, err := t.Definition.sdk()
	if err != nil {
		return nil, err
	}
	return &triggers.TriggerParams{
		Name: ptr(t.Name), Description: ptr(t.Description), Enabled: ptr(enabled(t.Enabled)), Definition: def,
	}, nil
}

// triggerFrom is a live trigger in the file's vocabulary.
func triggerFrom(t triggers.Trigger) (Trigger, error) {
	out := Trigger{Name: t.Name, Description: t.Description, Enabled: ptr(t.Enabled)}
	if d := t.Definition; d != nil {
		def := &TriggerDefinition{Event: d.Event, Version: d.Version, Editor: d.Editor}
		var err error
		if def.Condition, err = jsonValue(d.Condition); err != nil {
			return out, fmt.Errorf("trigger %q: definition.condition: %w", t.Name, err)
		}
		if def.Actions, err = jsonValue(d.Actions); err != nil {
			return out, fmt.Errorf("trigger %q: definition.actions: %w", t.Name, err)
		}
		for k, raw := range d.Extra {
			v, err := jsonValue(raw)
			if err != nil {
				return out, fmt.Errorf("trigger %q: definition.%s: %w", t.Name, k, err)
			}
			if def.Extra == nil {
				def.Extra = map[string]any{}
			}
			def.Extra[k] = v
		}
		out.Definition = def
	}
	return out, nil
}

// input is the goal as giosg's CreateGoal and UpdateGoal take it.
func (g *GiosgGoal) input() *giosg.GoalInput {
	in := &giosg.GoalInput{Name: g.Name, AllowAnyRoom: g.AllowAnyRoom, AllowedRooms: g.AllowedRooms}
	if g.DefaultValue != "" {
		in.DefaultValue = ptr(giosg.Decimal(g.DefaultValue))
	}
	for _, c := range g.Conditions {
		in.Conditions = append(in.Conditions, giosg.Condition{
			Type: giosg.ConditionType(c.Type), Value: c.Value, Negate: c.Negate, Settings: giosg.Settings(c.Settings),
		})
	}
	return in
}

// giosgGoalFrom is a live goal in the file's vocabulary.
func giosgGoalFrom(g giosg.Goal) (GiosgGoal, error) {
	out := GiosgGoal{Name: g.Name, AllowAnyRoom: g.AllowAnyRoom, AllowedRooms: g.AllowedRooms}
	if len(out.AllowedRooms) == 0 {
		out.AllowedRooms = nil
	}
	if g.DefaultValue != nil {
		out.DefaultValue = string(*g.DefaultValue)
	}
	for _, c := range g.Conditions {
		gc := GiosgCondition{Type: int(c.Type), Value: c.Value, Negate: c.Negate}
		if len(c.Settings) > 0 {
			raw, err := json.Marshal(c.Settings)
			if err != nil {
				return out, err
			}
			v, err := jsonValue(raw)
			if err != nil {
				return out, fmt.Errorf("giosg goal %q: condition settings: %w", g.Name, err)
			}
			gc.Settings, _ = v.(map[string]any)
		}
		out.Conditions = append(out.Conditions, gc)
	}
	return out, nil
}

// input is the goal as PageSense's CreateGoal takes it.
func (g *PageSenseGoal) input() (*pagesense.GoalInput, error) {
	t, err := pagesense.ParseGoalType(g.GoalType)
	if err != nil {
		return nil, err
	}
	in := &pagesense.GoalInput{
		DisplayName: g.DisplayName, GoalType: t, GoalURL: g.GoalURL,
		IncludeURLs: g.IncludeURLs, ExcludeURLs: g.ExcludeURLs, TimeThreshold: g.TimeThreshold,
	}
	for _, r := range g.URL {
		mt, err := pagesense.ParseURLMatchType(r.MatchType)
		if err != nil {
			return nil, err
		}
		in.URL = append(in.URL, pagesense.URLRule{MatchType: mt, Value: r.Value})
	}
	return in, nil
}

// pageSenseGoalFrom is a live goal in the file's vocabulary.
func pageSenseGoalFrom(g pagesense.Goal) PageSenseGoal {
	out := PageSenseGoal{
		DisplayName: g.DisplayName, GoalType: g.GoalType.String(), GoalURL: g.GoalURL,
		IncludeURLs: nonEmpty(g.IncludeURLs), ExcludeURLs: nonEmpty(g.ExcludeURLs), TimeThreshold: g.TimeThreshold,
	}
	for _, r := range g.URL {
		out.URL = append(out.URL, PageSenseURLRule{MatchType: r.MatchType.String(), Value: r.Value})
	}
	return out
}

// jsonValue decodes raw JSON into plain values, integers as int64 so that
// ids in trigger actions keep every digit; empty input is nil.
func jsonValue(raw []byte) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return plainNumbers(v), nil
}

// plainNumbers replaces json.Number with int64 or float64.
func plainNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = plainNumbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = plainNumbers(x[k])
		}
	}
	return v
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func ptr[T any](v T) *T { return &v }
