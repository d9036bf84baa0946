package triggers

import (
	"bytes"
	"encoding/json"
	"maps"
)

// Definition is what a trigger does. Condition and Actions are the API's
// nested prefix expressions, e.g. ["and", ["eq", "@visitor_served", false],
// ["not", ["firedBefore"]]] and [["wait", 5], ["sendMessageToVisitor",
// "Support", "Hi"]], kept as raw JSON so nothing is lost or reordered.
//
// Keys this package does not model are kept in Extra and sent back
// unchanged, so a definition read with Get survives an Update. A zero
// Version or an empty Event or Editor is not sent, nor is a nil Condition
// or Actions.
type Definition struct {
	Event     string          `json:"event"`     // e.g. "chat_requested"
	Condition json.RawMessage `json:"condition"` // a prefix expression
	Actions   json.RawMessage `json:"actions"`   // a list of actions
	Version   int             `json:"version"`
	Editor    string          `json:"editor"` // e.g. "simple" or "advanced"
	// Extra holds the other keys of the definition as received (also a
	// known key whose value had an unexpected type).
	Extra map[string]json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the known keys into their fields and keeps the rest
// in Extra. The object is read in one pass (see scanDefinition); a key
// written with escapes or twice takes the general path through a map.
func (d *Definition) UnmarshalJSON(b []byte) error {
	if nd, ok := scanDefinition(b); ok {
		*d = nd
		return nil
	}
	return d.unmarshalViaMap(b)
}

// unmarshalViaMap is the general decoder: every key into a map, then the
// known ones moved into their fields.
func (d *Definition) unmarshalViaMap(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	var nd Definition
	take(m, "event", &nd.Event)
	take(m, "version", &nd.Version)
	take(m, "editor", &nd.Editor)
	nd.Condition = takeRaw(m, "condition")
	nd.Actions = takeRaw(m, "actions")
	if len(m) > 0 {
		nd.Extra = m
	}
	*d = nd
	return nil
}

// take moves key from m into v when it decodes; null counts as absent. A
// value of another type stays in m, to be sent back as it came.
func take(m map[string]json.RawMessage, key string, v any) {
	raw, ok := m[key]
	if !ok {
		return
	}
	if isNull(raw) || json.Unmarshal(raw, v) == nil {
		delete(m, key)
	}
}

// takeRaw moves key out of m as raw JSON; null counts as absent.
func takeRaw(m map[string]json.RawMessage, key string) json.RawMessage {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	delete(m, key)
	if isNull(raw) {
		return nil
	}
	return raw
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// MarshalJSON encodes Extra and the set fields as one object; a field wins
// over an Extra entry of the same key.
func (d Definition) MarshalJSON() ([]byte, error) {
	if len(d.Extra) == 0 {
		// The same bytes as the map below, keys in the same (sorted)
		// order, without building the map.
		return json.Marshal(d.out())
	}
	return d.marshalViaMap()
}

// definitionOut is a Definition without Extra, its keys sorted as
// encoding/json sorts a map's, each left out where marshalViaMap leaves it.
type definitionOut struct {
	Actions   json.RawMessage `json:"actions,omitzero"`
	Condition json.RawMessage `json:"condition,omitzero"`
	Editor    string          `json:"editor,omitempty"`
	Event     string          `json:"event,omitempty"`
	Version   int             `json:"version,omitempty"`
}

func (d *Definition) out() *definitionOut {
	return &definitionOut{Actions: d.Actions, Condition: d.Condition, Editor: d.Editor, Event: d.Event, Version: d.Version}
}

// marshalViaMap is the general encoder: Extra and the set fields in one map.
func (d Definition) marshalViaMap() ([]byte, error) {
	m := maps.Clone(d.Extra)
	if m == nil {
		m = map[string]json.RawMessage{}
	}
	if d.Event != "" {
		m["event"], _ = json.Marshal(d.Event)
	}
	if d.Condition != nil {
		m["condition"] = d.Condition
	}
	if d.Actions != nil {
		m["actions"] = d.Actions
	}
	if d.Version != 0 {
		m["version"], _ = json.Marshal(d.Version)
	}
	if d.Editor != "" {
		m["editor"], _ = json.Marshal(d.Editor)
	}
	return json.Marshal(m)
}

// Clone returns a deep copy of d (nil for nil).
func (d *Definition) Clone() *Definition {
	if d == nil {
		return nil
	}
	c := *d
	c.Condition = bytes.Clone(d.Condition)
	c.Actions = bytes.Clone(d.Actions)
	if d.Extra != nil {
		c.Extra = make(map[string]json.RawMessage, len(d.Extra))
		for k, v := range d.Extra {
			c.Extra[k] = bytes.Clone(v)
		}
	}
	return &c
}
