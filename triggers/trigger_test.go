package triggers_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/triggers"
)

func TestTrigger_PlainJSON(t *testing.T) {
	t.Parallel()
	var tr triggers.Trigger
	if err := json.Unmarshal([]byte(recordedTrigger), &tr); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	// Encoded as the docs show: enabled 1; the definition as it came.
	var m map[string]json.RawMessage
	json.Unmarshal(b, &m)
	if string(m["enabled"]) != "1" {
		t.Errorf("enabled encodes as %s", m["enabled"])
	}
	jsonEqual(t, m["definition"], recordedDefinition)

	var seed triggers.Trigger
	if err := json.Unmarshal([]byte(seedTrigger), &seed); err != nil || !seed.Enabled || seed.Definition != nil {
		t.Errorf("seed: %+v, %v", seed, err)
	}
	if err := json.Unmarshal([]byte(`{"enabled": "on"}`), &seed); err == nil {
		t.Error(`enabled "on" accepted`)
	}
}

func TestDefinition_Encoding(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		d    triggers.Definition
		want string
	}{
		"zero":       {triggers.Definition{}, `{}`},
		"event":      {triggers.Definition{Event: "chat_requested"}, `{"event":"chat_requested"}`},
		"all":        {triggers.Definition{Event: "e", Condition: json.RawMessage(`["x"]`), Actions: json.RawMessage(`[]`), Version: 2, Editor: "simple"}, `{"actions":[],"condition":["x"],"editor":"simple","event":"e","version":2}`},
		"extra":      {triggers.Definition{Event: "e", Extra: map[string]json.RawMessage{"z": json.RawMessage(`true`)}}, `{"event":"e","z":true}`},
		"field wins": {triggers.Definition{Version: 3, Extra: map[string]json.RawMessage{"version": json.RawMessage(`"old"`)}}, `{"version":3}`},
	}
	for name, tc := range cases {
		b, err := json.Marshal(tc.d)
		if err != nil || string(b) != tc.want {
			t.Errorf("%s: %s, %v; want %s", name, b, err, tc.want)
		}
	}
}

func TestDefinition_DecodeNullsAndClone(t *testing.T) {
	t.Parallel()
	var d triggers.Definition
	if err := json.Unmarshal([]byte(`{"event": null, "condition": null, "actions": [["wait", 1]], "editor": "simple"}`), &d); err != nil {
		t.Fatal(err)
	}
	want := triggers.Definition{Actions: json.RawMessage(`[["wait", 1]]`), Editor: "simple"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("decoded %+v", d)
	}
	if err := json.Unmarshal([]byte(`["not", "an object"]`), &d); err == nil {
		t.Error("a non-object definition was accepted")
	}
	orig := &triggers.Definition{Condition: json.RawMessage(`[1]`), Extra: map[string]json.RawMessage{"k": json.RawMessage(`1`)}}
	c := orig.Clone()
	c.Condition[1] = '2'
	c.Extra["k"][0] = '3'
	if string(orig.Condition) != "[1]" || string(orig.Extra["k"]) != "1" {
		t.Error("Clone shares memory with the original")
	}
	if (*triggers.Definition)(nil).Clone() != nil {
		t.Error("nil Clone")
	}
}

func TestTriggerParams_JSON(t *testing.T) {
	t.Parallel()
	var p triggers.TriggerParams
	if err := json.Unmarshal([]byte(seedCreateBody), &p); err != nil {
		t.Fatal(err)
	}
	if *p.Name != "Good Trigger" || !*p.Enabled || *p.Description != "Visitor requested chat" || p.Definition != nil {
		t.Errorf("decoded %+v", p)
	}
	b, _ := json.Marshal(p)
	jsonEqual(t, b, seedCreateBody)
}
