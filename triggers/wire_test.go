package triggers

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/wirecheck"
)

// TestTriggerWireMirrorsTrigger: a field added to Trigger but not to its
// wire struct, or not copied, fails here instead of being dropped.
func TestTriggerWireMirrorsTrigger(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Trigger](), reflect.TypeFor[triggerWire]())
	wirecheck.RoundTrip(t, wireOf, (*triggerWire).trigger)
}

// TestTriggerEncodesItsDefinitionWhole: the wire's definition type encodes
// as Definition does, extra keys included.
func TestTriggerEncodesItsDefinitionWhole(t *testing.T) {
	tr := Trigger{ID: 1, Definition: &Definition{Event: "e", Extra: map[string]json.RawMessage{"k": json.RawMessage(`[1]`)}}}
	b, err := json.Marshal(tr)
	if want := `{"id":1,"name":"","description":"","enabled":0,"definition":{"event":"e","k":[1]}}`; err != nil || string(b) != want {
		t.Errorf("Marshal = %s, %v; want %s", b, err, want)
	}
}
