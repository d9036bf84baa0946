package zopim

import (
	"encoding/json"

	"github.com/goalkit/goalkit/internal/transport"
)

// ErrorBody is the Zopim error document, e.g. {"error": "Unauthorized",
// "description": "The server could not verify ..."}.
type ErrorBody struct {
	Error       string `json:"error"`
	Description string `json:"description"`
}

// DecodeError fills e.Code from "error" and e.Message from "description".
// A body that is not that object (HTML from a proxy, empty, truncated)
// leaves them empty; the raw body stays in e.Body. The Zendesk-wide shape
// {"error": {"title", "message"}} that the zendesk.com host may answer
// with is read too.
func DecodeError(e *transport.APIError) {
	var doc map[string]json.RawMessage
	if json.Unmarshal(e.Body, &doc) != nil {
		return
	}
	var nested struct {
		Title   string `json:"title"`
		Message string `json:"message"`
	}
	if s, ok := str(doc["error"]); ok {
		e.Code = s
	} else if json.Unmarshal(doc["error"], &nested) == nil {
		e.Code, e.Message = nested.Title, nested.Message
	}
	if s, ok := str(doc["description"]); ok {
		e.Message = s
	}
}

// str decodes raw as a JSON string; false for anything else.
func str(raw json.RawMessage) (string, bool) {
	var s string
	if raw == nil || json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}
