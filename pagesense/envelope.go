package pagesense

import (
	"encoding/json"

	"github.com/goalkit/goalkit/internal/transport"
)

// StatusSuccess is the status_code of a successful PageSense answer.
const StatusSuccess = "10000"

// envelope is the frame of every PageSense answer:
//
//	{"status_code": "10000", "status_string": "...", <payload>, "count": n,
//	 "timeTakenToProcessTheResult": "..."}
//
// and on failure {"status_code": <code>, "message": "..."}. status_code may
// be a string or a number. count and the timing key (spelled
// timeTakenToProcessTheResult or timeTakenToProcessTheRequest) carry
// nothing a caller needs: they are tolerated, not decoded, which also keeps
// the one decode pass cheap.
type envelope struct {
	StatusCode   flexString `json:"status_code"`
	StatusString string     `json:"status_string"`
	Message      string     `json:"message"`
}

// Failure implements transport.Envelope: any status_code other than 10000
// is a failure, even at HTTP 200. A body without status_code (a bare 2xx)
// is taken as success.
func (e *envelope) Failure() (code, message string, failed bool) {
	if e.StatusCode == "" || e.StatusCode == StatusSuccess {
		return "", "", false
	}
	msg := e.Message
	if msg == "" {
		msg = e.StatusString
	}
	return string(e.StatusCode), msg, true
}

var _ transport.Envelope = (*envelope)(nil)

// goalsEnvelope is the answer to list goals.
type goalsEnvelope struct {
	envelope
	Goals []wireGoal `json:"projectgoals"`
}

// goalEnvelope is the answer to create goal: the goal under "projectgoal"
// or "projectgoals", as an object or a one-element array.
type goalEnvelope struct {
	envelope
	Goal  one[wireGoal] `json:"projectgoal"`
	Goals one[wireGoal] `json:"projectgoals"`
}

// eventsEnvelope is the answer to list custom events.
type eventsEnvelope struct {
	envelope
	Events []wireEvent `json:"customevents"`
}

// eventEnvelope is the answer to create custom event, shaped like
// goalEnvelope.
type eventEnvelope struct {
	envelope
	Event  one[wireEvent] `json:"customevent"`
	Events one[wireEvent] `json:"customevents"`
}

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
