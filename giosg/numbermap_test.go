package giosg

import (
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
