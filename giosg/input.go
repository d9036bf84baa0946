package giosg

import (
	"encoding/json"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// GoalInput is the body of CreateGoal (POST) and UpdateGoal (PUT). Every
// required field is always sent: nil AllowedRooms and Conditions go out as
// [], never null. DefaultValue is sent only when set.
type GoalInput struct {
	Name         string
	AllowAnyRoom bool
	// AllowedRooms must be non-empty when AllowAnyRoom is false.
	AllowedRooms []string
	DefaultValue *Decimal
	Conditions   []Condition
}

// goalInputJSON is the wire form of GoalInput. Its fields are plain types
// (the Decimal as its text, settings as a map): encoding/json re-scans the
// output of every MarshalJSON it calls, so the body avoids them.
type goalInputJSON struct {
	Name         string          `json:"name"`
	AllowAnyRoom bool            `json:"allow_any_room"`
	AllowedRooms []string        `json:"allowed_rooms"`
	DefaultValue *string         `json:"default_value,omitempty"`
	Conditions   []conditionJSON `json:"conditions"`
}

// conditionJSON is Condition on the wire, settings never null.
type conditionJSON struct {
	Negate   bool           `json:"negate"`
	Settings map[string]any `json:"settings"`
	Type     ConditionType  `json:"type"`
	Value    string         `json:"value"`
}

// noSettings is encoded for nil settings; it is only ever read.
var noSettings = map[string]any{}

// conditionsJSON converts conditions for the wire; nil becomes [].
func conditionsJSON(cs []Condition) []conditionJSON {
	out := make([]conditionJSON, len(cs))
	for i, c := range cs {
		out[i] = conditionJSON{Negate: c.Negate, Settings: c.Settings, Type: c.Type, Value: c.Value}
		if c.Settings == nil {
			out[i].Settings = noSettings
		}
	}
	return out
}

// MarshalJSON encodes the input as the API documents it. An invalid
// DefaultValue is an error rather than a wrong amount on the wire.
func (in GoalInput) MarshalJSON() ([]byte, error) {
	if in.DefaultValue != nil && !in.DefaultValue.Valid() {
		return nil, errInvalidDecimal(*in.DefaultValue)
	}
	return json.Marshal(goalInputJSON{
		Name:         in.Name,
		AllowAnyRoom: in.AllowAnyRoom,
		AllowedRooms: nonNil(in.AllowedRooms),
		DefaultValue: (*string)(in.DefaultValue),
		Conditions:   conditionsJSON(in.Conditions),
	})
}

// validate applies the documented rules, naming the wire field at fault.
func (in *GoalInput) validate() error {
	if in == nil {
		return transport.Invalid("goal", "input is nil")
	}
	if strings.TrimSpace(in.Name) == "" {
		return transport.Invalid("name", "must not be empty")
	}
	if err := validRooms("allowed_rooms", in.AllowedRooms); err != nil {
		return err
	}
	if !in.AllowAnyRoom && len(in.AllowedRooms) == 0 {
		return transport.Invalid("allowed_rooms", "must list at least one room when allow_any_room is false")
	}
	if err := validDefault(in.DefaultValue); err != nil {
		return err
	}
	return transport.ValidUTF8("", in)
}

// GoalPatch is the body of PatchGoal: only the fields that are set (non-nil)
// are sent.
type GoalPatch struct {
	Name         *string
	AllowAnyRoom *bool
	AllowedRooms *[]string
	DefaultValue *Decimal
	Conditions   *[]Condition
}

// goalPatchJSON is the wire form of GoalPatch, in plain types like
// goalInputJSON.
type goalPatchJSON struct {
	Name         *string          `json:"name,omitempty"`
	AllowAnyRoom *bool            `json:"allow_any_room,omitempty"`
	AllowedRooms *[]string        `json:"allowed_rooms,omitempty"`
	DefaultValue *string          `json:"default_value,omitempty"`
	Conditions   *[]conditionJSON `json:"conditions,omitempty"`
}

// MarshalJSON encodes the set fields; a set but nil list is sent as [].
func (p GoalPatch) MarshalJSON() ([]byte, error) {
	if p.DefaultValue != nil && !p.DefaultValue.Valid() {
		return nil, errInvalidDecimal(*p.DefaultValue)
	}
	w := goalPatchJSON{Name: p.Name, AllowAnyRoom: p.AllowAnyRoom, DefaultValue: (*string)(p.DefaultValue)}
	if p.AllowedRooms != nil {
		rooms := nonNil(*p.AllowedRooms)
		w.AllowedRooms = &rooms
	}
	if p.Conditions != nil {
		conds := conditionsJSON(*p.Conditions)
		w.Conditions = &conds
	}
	return json.Marshal(w)
}

// validate checks the set fields; rules that span fields apply only when
// both are in the patch (the server knows the rest).
func (p *GoalPatch) validate() error {
	if p == nil {
		return transport.Invalid("goal", "patch is nil")
	}
	if *p == (GoalPatch{}) {
		return transport.Invalid("patch", "a patch must set at least one field")
	}
	if p.Name != nil && strings.TrimSpace(*p.Name) == "" {
		return transport.Invalid("name", "must not be empty")
	}
	if p.AllowedRooms != nil {
		if err := validRooms("allowed_rooms", *p.AllowedRooms); err != nil {
			return err
		}
		if p.AllowAnyRoom != nil && !*p.AllowAnyRoom && len(*p.AllowedRooms) == 0 {
			return transport.Invalid("allowed_rooms", "must list at least one room when allow_any_room is false")
		}
	}
	if err := validDefault(p.DefaultValue); err != nil {
		return err
	}
	return transport.ValidUTF8("", p)
}

// validRooms checks that every room id is present. Ids are not checked for
// hex: the documented room ids are not valid hex either.
func validRooms(field string, rooms []string) error {
	for i, r := range rooms {
		if strings.TrimSpace(r) == "" {
			return transport.Invalid(field, "room %d is empty", i)
		}
	}
	return nil
}

func validDefault(d *Decimal) error {
	if d != nil && !d.Valid() {
		return transport.Invalid("default_value", "%q is not a decimal ([+-]digits[.digits])", string(*d))
	}
	return nil
}

// nonNil turns a nil slice into an empty one, so it encodes as [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
