package transport

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf8"
)

// ValidUTF8 names the first invalid text by its wire path and accepts
// valid text of every shape.
func TestValidUTF8(t *testing.T) {
	bad := "caf\xe9"
	type cond struct {
		Value    string         `json:"value"`
		Settings map[string]any `json:"settings"`
	}
	type input struct {
		DisplayName string
		Rooms       []string `json:"rooms"`
		Conditions  []cond   `json:"conditions"`
		Raw         json.RawMessage
		Note        *string `json:"note,omitempty"`
		hidden      string
	}
	cases := []struct {
		v    any
		want string // "" for valid
	}{
		{"café", ""},
		{bad, "field"},
		{input{DisplayName: "ok", Rooms: []string{"r"}, Note: new(string), hidden: bad}, ""},
		{&input{DisplayName: bad}, "field.display_name"},
		{input{Rooms: []string{"r", bad}}, "field.rooms[1]"},
		{input{Conditions: []cond{{}, {Value: bad}}}, "field.conditions[1].value"},
		{input{Conditions: []cond{{Settings: map[string]any{"city": []any{"x", bad}}}}}, "field.conditions[0].settings.city[1]"},
		{input{Conditions: []cond{{Settings: map[string]any{bad: 1}}}}, "field.conditions[0].settings.(key)"},
		{input{Raw: json.RawMessage(`"` + bad + `"`)}, "field.raw"},
		{input{Note: &bad}, "field.note"},
	}
	checkUTF8Cases(t, "field", cases)
}

// FuzzValidUTF8: any text is refused exactly when it is not valid UTF-8,
// alone or deep in a value, and the field is named.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "café", "caf\xe9", "\xff", "\xed\xa0\x80", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		type wrap struct {
			List []map[string]any `json:"list"`
		}
		want := utf8.ValidString(s)
		for _, v := range []any{s, &s, wrap{List: []map[string]any{{"k": []any{s}}}}} {
			err := ValidUTF8("f", v)
			if (err == nil) != want {
				t.Fatalf("ValidUTF8(%T of %q) = %v, valid UTF-8: %v", v, s, err, want)
			}
		}
	})
}

// The per-type field lists skip fields without text and still reach text
// behind pointers, arrays, maps and recursive types.
func TestValidUTF8FieldLists(t *testing.T) {
	bad := "caf\xe9"
	type node struct {
		Next  *node `json:"next"`
		Count int
		Names [2]string `json:"names"`
		Hash  [4]byte
		Tags  map[string]int `json:"tags"`
	}
	cases := []struct {
		v    any
		want string
	}{
		{node{Count: 1, Hash: [4]byte{0xff}}, ""},
		{node{Names: [2]string{"ok", bad}}, "names[1]"},
		{&node{Next: &node{Next: &node{Names: [2]string{bad}}}}, "next.next.names[0]"},
		{node{Next: &node{Tags: map[string]int{bad: 1}}}, "next.tags.(key)"},
	}
	checkUTF8Cases(t, "", cases)
	for _, s := range []string{"", "café", bad} {
		if (ValidString("id", s) == nil) != utf8.ValidString(s) {
			t.Errorf("ValidString(%q) = %v", s, ValidString("id", s))
		}
	}
}

// checkUTF8Cases checks ValidUTF8(field, v) for each case: nil when want
// is "", else a *ValidationError naming want.
func checkUTF8Cases(t *testing.T, field string, cases []struct {
	v    any
	want string
}) {
	t.Helper()
	for i, c := range cases {
		err := ValidUTF8(field, c.v)
		var ve *ValidationError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("case %d: %v, want nil", i, err)
		case c.want != "" && (!errors.As(err, &ve) || ve.Field != c.want):
			t.Errorf("case %d: %v, want a ValidationError for %s", i, err, c.want)
		}
	}
}
