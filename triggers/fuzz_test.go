package triggers_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/testkit"
	"github.com/goalkit/goalkit/triggers"
)

// fuzzTriggerSeeds are the trigger documents of the seed docs and the real
// trigger recorded from a live account, plus definition edge cases.
var fuzzTriggerSeeds = []string{
	// The Chat API docs, triggers.
	`{"description": "Visitor entered page", "enabled": 1, "id": 4, "name": "Good Trigger"}`,
	`[{"description": "Visitor entered page", "enabled": 1, "id": 4, "name": "Good Trigger"}, {"description": "Visitor requested chat", "enabled": 1, "id": 5, "name": "Better Trigger"}]`,
	// Recorded from a live account.
	`{"enabled": true, "definition": {"event": "chat_requested", "condition": ["and", ["eq", "@visitor_requesting_chat", true], ["eq", "@visitor_served", false], ["not", ["firedBefore"]]], "actions": [["wait", 5], ["sendMessageToVisitor", "Customer Service", "Thanks for your message, please wait a moment while our agents attend to you."]], "version": 1, "editor": "advanced"}, "description": "Send an automated reply to customers that start a chat, so they know their request is being attended to.", "name": "First Reply", "id": 66052601}`,
	`{"definition": {"event": 7, "version": "1", "editor": null, "condition": null, "x-new": {"a": [1, 2.50]}, "y": null}}`,
	`{"definition": {"version": 0, "event": "", "editor": "", "actions": []}}`,
	`{"definition": null, "enabled": "0"}`,
	`{"definition": [], "enabled": "yes"}`,
}

// FuzzTriggerJSON decodes any document as a trigger and as a trigger list.
// Nothing may panic; a decoded trigger re-encodes to a document that
// decodes to the same trigger (definitions compared as JSON) and encodes to
// the same bytes.
func FuzzTriggerJSON(f *testing.F) {
	for _, s := range fuzzTriggerSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tr triggers.Trigger
		if json.Unmarshal(data, &tr) == nil {
			checkTriggerRoundTrip(t, tr)
		}
		var list []triggers.Trigger
		if json.Unmarshal(data, &list) == nil {
			for _, tr := range list {
				checkTriggerRoundTrip(t, tr)
			}
		}
	})
}

func checkTriggerRoundTrip(t *testing.T, tr triggers.Trigger) {
	t.Helper()
	enc, err := json.Marshal(tr)
	if err != nil {
		t.Fatalf("a decoded trigger does not encode: %v", err)
	}
	var back triggers.Trigger
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatalf("an encoded trigger does not decode: %v\n%s", err, enc)
	}
	if tr.ID != back.ID || tr.Name != back.Name || tr.Description != back.Description || tr.Enabled != back.Enabled {
		t.Fatalf("round trip changed the trigger:\n%+v\n%+v", tr, back)
	}
	if (tr.Definition == nil) != (back.Definition == nil) {
		t.Fatalf("round trip changed whether there is a definition: %s", enc)
	}
	if tr.Definition != nil && !reflect.DeepEqual(asJSON(t, tr.Definition), asJSON(t, back.Definition)) {
		t.Fatalf("round trip changed the definition: %s", enc)
	}
	if again, err := json.Marshal(back); err != nil || !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not stable (%v):\n%s\n%s", err, enc, again)
	}
}

// asJSON encodes v and decodes it generically, numbers kept as text.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	return decodeGeneric(t, b)
}

func decodeGeneric(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
	return out
}

// FuzzDefinitionJSON checks the promise that lets a trigger survive Get
// then Update: every key of a definition object comes back with the same
// value, except the known keys the package drops on purpose (null, an
// empty event or editor, a zero version).
func FuzzDefinitionJSON(f *testing.F) {
	f.Add([]byte(`{"event": "chat_requested", "condition": ["and", ["eq", "@visitor_requesting_chat", true], ["eq", "@visitor_served", false], ["not", ["firedBefore"]]], "actions": [["wait", 5], ["sendMessageToVisitor", "Customer Service", "Thanks"]], "version": 1, "editor": "advanced"}`))
	f.Add([]byte(`{"event": 1, "version": 1.5, "editor": ["x"], "future": {"nested": [true, null, 1e400]}}`))
	f.Add([]byte(`{"version": 0, "event": "", "editor": "", "condition": null, "actions": null, "k": null}`))
	f.Add([]byte(`{"version": -0, "version": 2, "event": "a\u0000\ud800"}`))
	f.Add([]byte(`{"Event": "case matters", "EVENT": 1}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d triggers.Definition
		if json.Unmarshal(data, &d) != nil {
			return
		}
		enc, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("a decoded definition does not encode: %v", err)
		}
		orig, ok := decodeGeneric(t, data).(map[string]any)
		if !ok {
			return // null: nothing to keep
		}
		back, ok := decodeGeneric(t, enc).(map[string]any)
		if !ok {
			t.Fatalf("a definition encodes as %s, not an object", enc)
		}
		for k, v := range orig {
			got, present := back[k]
			switch {
			case present && reflect.DeepEqual(got, v):
			case !present && droppable(k, v):
			default:
				t.Fatalf("key %q: sent back as %v (present %v), received as %v\nin:  %s\nout: %s", k, got, present, v, data, enc)
			}
		}
		for k := range back {
			if _, ok := orig[k]; !ok {
				t.Fatalf("key %q appeared from nowhere: %s", k, enc)
			}
		}
		// The definition a fake server would decode from the update body
		// is the one read.
		var again triggers.Definition
		if err := json.Unmarshal(enc, &again); err != nil {
			t.Fatalf("an encoded definition does not decode: %v", err)
		}
		if !reflect.DeepEqual(asJSON(t, again), decodeGeneric(t, enc)) {
			t.Fatalf("second round trip differs: %s", enc)
		}
	})
}

// droppable reports whether a known key may be left out when encoding: its
// value is null or the zero value of the field it decoded into.
func droppable(k string, v any) bool {
	if v == nil {
		return k == "event" || k == "editor" || k == "version" || k == "condition" || k == "actions"
	}
	switch k {
	case "event", "editor":
		return v == ""
	case "version":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		var i int
		return json.Unmarshal([]byte(n), &i) == nil && i == 0
	}
	return false
}

// FuzzTriggerParamsJSON decodes request bodies as the fake server does: a
// body that decodes re-encodes stably and keeps its validity.
func FuzzTriggerParamsJSON(f *testing.F) {
	f.Add([]byte(`{"name": "Good Trigger", "description": "Visitor entered page", "enabled": 1}`))
	f.Add([]byte(`{"name": "  ", "definition": {"event": "chat_requested", "x": [1]}}`))
	f.Add([]byte(`{"enabled": "true", "definition": null}`))
	f.Fuzz(testkit.CheckParamsRoundTrip[triggers.TriggerParams])
}
