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
	for i, c := range cases {
		err := ValidUTF8("field", c.v)
		var ve *ValidationError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("case %d: %v, want nil", i, err)
		case c.want != "" && (!errors.As(err, &ve) || ve.Field != c.want):
			t.Errorf("case %d: %v, want a ValidationError for %s", i, err, c.want)
		}
	}
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
