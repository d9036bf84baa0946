package pagesense

import (
	"encoding/json"

	"github.com/goalkit/goalkit/internal/transport"
)

// decodeError reads a non-2xx body, {"status_code": <code>, "message":
// "..."}, into e.Code and e.Message. Any other body (HTML, empty, truncated)
// leaves them empty; the HTTP status still picks the sentinel.
func decodeError(e *transport.APIError) {
	var env envelope
	if json.Unmarshal(e.Body, &env) != nil {
		return
	}
	e.Code = string(env.StatusCode)
	e.Message = env.Message
	if e.Message == "" {
		e.Message = env.StatusString
	}
}
