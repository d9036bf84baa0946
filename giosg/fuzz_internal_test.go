package giosg

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// FuzzDecodeErrorBody feeds any body to the Django REST Framework error
// decoder. Nothing may panic; a JSON object with a string "detail" gives
// that Message; field errors give non-empty field names; the error text
// carries the message.
func FuzzDecodeErrorBody(f *testing.F) {
	for _, s := range []string{
		`{"detail": "Authentication credentials were not provided."}`,
		`{"detail": "Not found."}`,
		`{"detail": ["a", "b"], "code": "not_found"}`,
		`{"name": ["This field is required."], "allowed_rooms": ["This list may not be empty."]}`,
		`{"non_field_errors": ["Invalid data."], "name": "not a list"}`,
		`{"conditions": [{}, {"type": ["A valid integer is required."]}], "default_value": [1, true, null]}`,
		`{"a": {"b": {"c": ["deep"]}}}`,
		strings.Repeat(`{"f":`, 40) + `"deep"` + strings.Repeat(`}`, 40),
		`{"c": [` + strings.Repeat(`[`, 40) + `"x"` + strings.Repeat(`]`, 40) + `]}`,
		`{"": [""]}`,
		`<html><body><h1>Server Error (500)</h1></body></html>`,
		``, `null`, `[]`, `"x"`, `{"detail": `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &APIError{StatusCode: 400, Method: "POST", URL: "https://service.giosg.com/api/v5/orgs/o/goals", Body: body}
		decodeError(e)
		text := e.Error()
		if e.Message != "" && !strings.Contains(text, e.Message) {
			t.Fatalf("Error() %q leaves out Message %q", text, e.Message)
		}
		var doc map[string]any
		if json.Unmarshal(body, &doc) != nil {
			if e.Message != "" || e.Fields != nil || e.Code != "" {
				t.Fatalf("a non-object body %q filled the error: %+v", body, e)
			}
			return
		}
		if detail, ok := doc["detail"].(string); ok && detail != "" && e.Message != detail {
			t.Fatalf("Message %q, want the detail %q", e.Message, detail)
		}
		if code, ok := doc["code"].(string); ok && e.Code != code {
			t.Fatalf("Code %q, want %q", e.Code, code)
		}
		if len(e.Fields) > maxFields {
			t.Fatalf("%d fields, over maxFields", len(e.Fields))
		}
		for k, msgs := range e.Fields {
			if len(msgs) == 0 {
				t.Fatalf("field %q has no message", k)
			}
			if len(k) > maxFieldKey {
				t.Fatalf("field key of %d bytes, over maxFieldKey", len(k))
			}
		}
	})
}

// FuzzPageReuse checks the page decoding AllGoals relies on: a page decoded
// into a reused, reset pageJSON is the page decoded into a fresh one,
// whatever the previous page held (encoding/json would otherwise merge the
// old goals into the new ones).
func FuzzPageReuse(f *testing.F) {
	first := `{"next": "https://x.test/api/v5/orgs/o/goals?cursor=2", "previous": null, "results": [` +
		`{"id": "a", "name": "A", "allowed_rooms": ["r1", "r2"], "allow_any_room": false, "default_value": "10.00", ` +
		`"conditions": [{"negate": true, "settings": {"k": 1}, "type": 1, "value": "Helsinki"}], "organization": {"id": "o"}, ` +
		`"created_at": "2016-09-01T11:31:36.042Z", "created_by_user": {"id": "u", "is_bot": true}},` +
		`{"id": "b", "is_any_room_allowed": true}]}`
	second := `{"next": null, "previous": "https://x.test/api/v5/orgs/o/goals", "results": [{"id": "c"}, {"name": "only a name"}]}`
	f.Add([]byte(first), []byte(second))
	f.Add([]byte(second), []byte(first))
	f.Add([]byte(first), []byte(`{"results": [{"id": "c", "allowed_rooms": null, "conditions": [{"settings": null}]}]}`))
	f.Add([]byte(first), []byte(`{"results": [{"id": 1}]}`)) // fails half-way
	f.Fuzz(func(t *testing.T, prev, data []byte) {
		var fresh pageJSON
		freshErr := json.Unmarshal(data, &fresh)

		var reused pageJSON
		_ = json.Unmarshal(prev, &reused) // whatever it left behind
		reused.reset()
		reusedErr := json.Unmarshal(data, &reused)

		if (freshErr == nil) != (reusedErr == nil) {
			t.Fatalf("decoding %s: fresh error %v, reused error %v", data, freshErr, reusedErr)
		}
		if freshErr != nil {
			return
		}
		if got, want := reused.page(), fresh.page(); !reflect.DeepEqual(got, want) {
			t.Fatalf("a reused page differs from a fresh one\nprev: %s\ndata: %s\ngot:  %+v\nwant: %+v", prev, data, got, want)
		}
	})
}
