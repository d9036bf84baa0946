package zopim

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/goalkit/goalkit/internal/transport"
)

func TestDecodeError_AnyBody(t *testing.T) {
	t.Parallel()
	cases := []struct{ body, code, message string }{
		{`{"error": "Unauthorized", "description": "nope"}`, "Unauthorized", "nope"},
		{`{"error": "Method Not Allowed"}`, "Method Not Allowed", ""},
		{`{"description": "only a description"}`, "", "only a description"},
		{`{"error": {"title": "Forbidden", "message": "no access"}}`, "Forbidden", "no access"},
		{`{"error": {"title": "T"}, "description": "d wins"}`, "T", "d wins"},
		{`{"error": 42, "description": ["x"]}`, "", ""},
		{`["error", "description"]`, "", ""},
		{`"Goals limit exceeded"`, "", ""},
		{`null`, "", ""},
		{`<html>502</html>`, "", ""},
		{`{"error": "Bad`, "", ""},
		{``, "", ""},
	}
	for _, tc := range cases {
		e := &transport.APIError{StatusCode: 400, Body: []byte(tc.body)}
		DecodeError(e)
		if e.Code != tc.code || e.Message != tc.message {
			t.Errorf("%s: Code %q Message %q, want %q %q", tc.body, e.Code, e.Message, tc.code, tc.message)
		}
	}
}

func FuzzDecodeError(f *testing.F) {
	f.Add([]byte(`{"error": "x", "description": "y"}`))
	f.Add([]byte(`{"error": {"title": 1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		DecodeError(&transport.APIError{Body: body}) // must never panic
	})
}

func TestFlag(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{"1": true, "0": false, "true": true, "false": false, `"1"`: true, `"0"`: false, ` true `: true} {
		f := Flag(!want)
		if err := f.UnmarshalJSON([]byte(in)); err != nil || bool(f) != want {
			t.Errorf("%s: %v, %v", in, f, err)
		}
	}
	f := Flag(true)
	if err := json.Unmarshal([]byte("null"), &f); err != nil || !f {
		t.Errorf("null changed the flag: %v %v", f, err)
	}
	for _, in := range []string{"2", "-1", `"yes"`, "1.5", `""`} {
		var f Flag
		err := f.UnmarshalJSON([]byte(in))
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			t.Errorf("%s: err %v, want *json.UnmarshalTypeError", in, err)
		}
	}
	if b, _ := json.Marshal(Flag(true)); string(b) != "1" {
		t.Errorf("true encodes as %s", b)
	}
	if b, _ := json.Marshal(Flag(false)); string(b) != "0" {
		t.Errorf("false encodes as %s", b)
	}
}

func TestWithSubdomain(t *testing.T) {
	t.Parallel()
	var s transport.Settings
	if err := WithSubdomain("Acme-2")(&s); err != nil || s.BaseURL != "https://acme-2.zendesk.com/api/v2/chat" {
		t.Errorf("BaseURL %q, err %v", s.BaseURL, err)
	}
	for _, bad := range []string{"", "a.b", "a/b", "-a", "a-", "a b", "a%2eb"} {
		if err := WithSubdomain(bad)(&s); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
