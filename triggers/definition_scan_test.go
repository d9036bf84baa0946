package triggers

import (
	"reflect"
	"testing"
)

// FuzzDefinitionScanMatchesMap: the one-pass scanner decodes every input
// it accepts exactly as the general map path does, and a definition without
// Extra encodes to the same bytes as through the map.
func FuzzDefinitionScanMatchesMap(f *testing.F) {
	for _, s := range []string{
		`{"event": "chat_requested", "condition": ["and", ["eq", "@visitor_requesting_chat", true], ["not", ["firedBefore"]]], "actions": [["wait", 5], ["sendMessageToVisitor", "Customer Service", "Thanks"]], "version": 1, "editor": "advanced"}`,
		`{"event": 1, "version": 1.5, "editor": ["x"], "future": {"nested": [true, null, 1e400]}}`,
		`{"version": 0, "event": "", "editor": "", "condition": null, "actions": null, "k": null}`,
		`{"version": -0, "version": 2, "event": "a\u0000\ud800"}`,
		`{"Event": "case matters", "EVENT": 1, "k": 1, "k": 2}`,
		` { "a" : "}]\"" , "condition" : [ "{" ] } `,
		`{"version": 99999999999999999999, "editor": "\u00e9", "event": "é"}`,
		`{"x": [1 2]}`, `{"condition": ["<&>\u2028"], "event": "<a&b>"}`, `{"actions": []}`, `{}`, `null`, `[]`, `{"a":1}x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want Definition
		wantErr := want.unmarshalViaMap(data)
		if wantErr == nil {
			want.Extra = nil // the encoders' differential: without Extra, the fast path
			fast, errFast := want.MarshalJSON()
			general, errMap := want.marshalViaMap()
			if string(fast) != string(general) || (errFast == nil) != (errMap == nil) {
				t.Fatalf("%q encodes as %s (%v), the map path as %s (%v)", data, fast, errFast, general, errMap)
			}
			want.unmarshalViaMap(data)
		}
		got, ok := scanDefinition(data)
		if !ok {
			return
		}
		if wantErr != nil {
			t.Fatalf("scanner accepted %q, the map path says %v", data, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\nscan %#v\nmap  %#v", data, got, want)
		}
	})
}

// TestDefinitionScanTakesTheCommonShape: a recorded definition, and one with
// an unknown key, decode without the map path.
func TestDefinitionScanTakesTheCommonShape(t *testing.T) {
	for _, s := range []string{
		`{"event": "page_enter", "condition": ["and", ["eq", "@visitor_page_url", "www.zendesk.com/cart"], ["stillOnPage", 60]], "actions": [["sendMessageToVisitor", "Stephanie", "Hi"]], "version": 1, "editor": "advanced"}`,
		`{"event": "chat_requested", "future": {"a": [1]}}`,
	} {
		if _, ok := scanDefinition([]byte(s)); !ok {
			t.Errorf("scanner declined %s", s)
		}
	}
}
