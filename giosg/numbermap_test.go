package giosg

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestSettingsDecodeReusesItsDecoder: non-empty settings decode without a
// new json.Decoder per object (it cost 6 allocations and a 4 KiB buffer
// each), and a pooled decoder carries nothing from one object to the next,
// whatever the previous input was.
func TestSettingsDecodeReusesItsDecoder(t *testing.T) {
	for _, in := range []string{`{"a": 1} {"trailing": 2}`, `{"bad": }`, `{"x": [1, {"y": 10000000000000001}]}`} {
		var s Settings
		_ = s.UnmarshalJSON([]byte(in))
	}
	var s Settings
	if err := json.Unmarshal([]byte(`{"city": "Helsinki", "radius": 1.50, "ids": [10000000000000001]}`), &s); err != nil {
		t.Fatal(err)
	}
	want := Settings{"city": "Helsinki", "radius": json.Number("1.50"), "ids": []any{json.Number("10000000000000001")}}
	if !reflect.DeepEqual(s, want) {
		t.Fatalf("decoded %#v, want %#v", s, want)
	}
	data := []byte(`{"city": "Helsinki", "radius": 1.50}`)
	allocs := testing.AllocsPerRun(100, func() {
		var s Settings
		if err := s.UnmarshalJSON(data); err != nil {
			t.Fatal(err)
		}
	})
	// 17 with a decoder per object; json.Unmarshal into a map[string]any
	// (float64 numbers) makes 14.
	if allocs > 12 {
		t.Errorf("decoding two settings allocates %.0f times, want at most 12", allocs)
	}
}

// FuzzNumberMapMatchesAFreshDecoder: the pooled decoder decodes any input
// as a new UseNumber decoder does, and whatever came before, the next
// object still decodes on its own.
func FuzzNumberMapMatchesAFreshDecoder(f *testing.F) {
	for _, s := range []string{`{"a": 1.50, "b": [10000000000000001, "x", null, true, {"c": {}}]}`, `{"a": 1} {"b": 2}`, `{"a": }`, `{}`, `{"a":"\u00e9\ud800"}`, `{"a": 1}   `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := decodeNumberMap(data)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want map[string]any
		wantErr := dec.Decode(&want)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("%q: pooled error %v, fresh error %v", data, err, wantErr)
		}
		if err == nil && want != nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: pooled %#v, fresh %#v", data, got, want)
		}
		after, err := decodeNumberMap([]byte(`{"k": 2}`))
		if err != nil || !reflect.DeepEqual(after, map[string]any{"k": json.Number("2")}) {
			t.Fatalf("after %q the next object decodes as %#v, %v", data, after, err)
		}
	})
}
