package zopim

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/internal/transport"
)

// FuzzErrorBody checks DecodeError against the documented shapes: a string
// "error" is the Code and a string "description" the Message, whatever
// else the body holds; a body that is not a JSON object fills nothing.
func FuzzErrorBody(f *testing.F) {
	for _, s := range []string{
		// Real Zendesk Chat error bodies.
		`{"error": "Unauthorized", "description": "The server could not verify that you are authorized to access the URL requested."}`,
		`{"error": "Method Not Allowed", "description": "The method is not allowed for the requested URL."}`,
		`{"error": "Bad Request", "description": "Goals limit exceeded"}`,
		`{"error": {"title": "Forbidden", "message": "You do not have access to this page."}}`,
		`{"error": {"title": ["x"], "message": 1}, "description": null}`,
		`{"error": null, "description": "only"}`,
		`{"Error": "case", "DESCRIPTION": "case"}`,
		`<!DOCTYPE html><title>502</title>`, ``, `null`, `[1]`, `"s"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &transport.APIError{StatusCode: 400, Method: "GET", URL: "https://www.zopim.com/api/v2/goals", Body: body}
		DecodeError(e)
		text := e.Error()
		if !strings.Contains(text, e.Code) || !strings.Contains(text, e.Message) {
			t.Fatalf("Error() %q leaves out Code %q or Message %q", text, e.Code, e.Message)
		}
		var doc map[string]any
		if json.Unmarshal(body, &doc) != nil || doc == nil {
			if e.Code != "" || e.Message != "" {
				t.Fatalf("a body that is not an object filled the error: %q %q", e.Code, e.Message)
			}
			return
		}
		if code, ok := doc["error"].(string); ok && e.Code != code {
			t.Fatalf("Code %q, want %q", e.Code, code)
		}
		if msg, ok := doc["description"].(string); ok && e.Message != msg {
			t.Fatalf("Message %q, want %q", e.Message, msg)
		}
		if _, ok := doc["error"]; !ok && e.Code != "" {
			t.Fatalf("Code %q without an error key", e.Code)
		}
	})
}

// FuzzFlag checks the enabled flag: anything that decodes encodes as 1 or
// 0, which decodes to the same value, and null changes nothing.
func FuzzFlag(f *testing.F) {
	for _, s := range []string{"1", "0", "true", "false", `"1"`, `"0"`, `"true"`, `"false"`, "null", " 1 ", "2", `"yes"`, `""`, `"`, "1.0", `"null"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, start := range []Flag{false, true} {
			fl := start
			if fl.UnmarshalJSON(data) != nil {
				if fl != start {
					t.Fatalf("a failed decode of %q changed the flag", data)
				}
				continue
			}
			enc, err := fl.MarshalJSON()
			if err != nil || (string(enc) != "1" && string(enc) != "0") {
				t.Fatalf("%v encodes as %s (%v)", fl, enc, err)
			}
			back := !fl
			if err := back.UnmarshalJSON(enc); err != nil || back != fl {
				t.Fatalf("%s decodes as %v (%v)", enc, back, err)
			}
		}
	})
}
