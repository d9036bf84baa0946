package pagesense

import (
	"encoding/json"
	"errors"

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

// goalsEnvelope is the answer to list goals and to delete goal (the deleted
// goals, each with its own success).
type goalsEnvelope struct {
	envelope
	Goals []wireGoal `json:"projectgoals"`
}

// lenientGoalsEnvelope takes projectgoals as an array or an object.
type lenientGoalsEnvelope struct {
	envelope
	Goals many[wireGoal] `json:"projectgoals"`
}

// decode tries the array (one pass) and takes an object only when the
// array does not fit.
func (e *goalsEnvelope) decode(body []byte) error {
	if err := json.Unmarshal(body, e); !isTypeMismatch(err) {
		return err
	}
	var l lenientGoalsEnvelope
	if err := json.Unmarshal(body, &l); err != nil {
		return err
	}
	*e = goalsEnvelope{envelope: l.envelope, Goals: l.Goals}
	return nil
}

// Failure reports a failed envelope, or else the first goal whose item
// says success: false.
func (e *goalsEnvelope) Failure() (code, message string, failed bool) {
	if code, message, failed = e.envelope.Failure(); failed {
		return
	}
	for i := range e.Goals {
		if code, message, failed = e.Goals[i].failure("projectgoal", e.Goals[i].Linkname); failed {
			return
		}
	}
	return "", "", false
}

// goalEnvelope is the answer to create goal: the goal under "projectgoal"
// or "projectgoals". The object form (the documented one) decodes in one
// pass; a one-element array goes the lenient way (decode).
type goalEnvelope struct {
	envelope
	Goal  *wireGoal `json:"projectgoal"`
	Goals *wireGoal `json:"projectgoals"`
}

// lenientGoalEnvelope takes the goal as an object or a one-element array.
type lenientGoalEnvelope struct {
	envelope
	Goal  one[wireGoal] `json:"projectgoal"`
	Goals one[wireGoal] `json:"projectgoals"`
}

// decode is the transport.Call.Decode of create goal.
func (e *goalEnvelope) decode(body []byte) error {
	if err := json.Unmarshal(body, e); !isTypeMismatch(err) {
		return err
	}
	var l lenientGoalEnvelope
	if err := json.Unmarshal(body, &l); err != nil {
		return err
	}
	*e = goalEnvelope{envelope: l.envelope}
	if w, ok := either(l.Goal, l.Goals); ok {
		e.Goal = &w
	}
	return nil
}

// Failure reports a failed envelope, or else a created goal whose item
// says success: false.
func (e *goalEnvelope) Failure() (code, message string, failed bool) {
	if code, message, failed = e.envelope.Failure(); failed {
		return
	}
	if w, ok := created(e.Goal, e.Goals); ok {
		return w.failure("projectgoal", w.Linkname)
	}
	return "", "", false
}

// eventsEnvelope is the answer to list custom events.
type eventsEnvelope struct {
	envelope
	Events []wireEvent `json:"customevents"`
}

// lenientEventsEnvelope takes customevents as an array or an object.
type lenientEventsEnvelope struct {
	envelope
	Events many[wireEvent] `json:"customevents"`
}

// decode is goalsEnvelope.decode for custom events.
func (e *eventsEnvelope) decode(body []byte) error {
	if err := json.Unmarshal(body, e); !isTypeMismatch(err) {
		return err
	}
	var l lenientEventsEnvelope
	if err := json.Unmarshal(body, &l); err != nil {
		return err
	}
	*e = eventsEnvelope{envelope: l.envelope, Events: l.Events}
	return nil
}

// eventEnvelope is the answer to create custom event, shaped like
// goalEnvelope.
type eventEnvelope struct {
	envelope
	Event  *wireEvent `json:"customevent"`
	Events *wireEvent `json:"customevents"`
}

// lenientEventEnvelope is lenientGoalEnvelope for custom events.
type lenientEventEnvelope struct {
	envelope
	Event  one[wireEvent] `json:"customevent"`
	Events one[wireEvent] `json:"customevents"`
}

// decode is the transport.Call.Decode of create custom event.
func (e *eventEnvelope) decode(body []byte) error {
	if err := json.Unmarshal(body, e); !isTypeMismatch(err) {
		return err
	}
	var l lenientEventEnvelope
	if err := json.Unmarshal(body, &l); err != nil {
		return err
	}
	*e = eventEnvelope{envelope: l.envelope}
	if w, ok := either(l.Event, l.Events); ok {
		e.Event = &w
	}
	return nil
}

// Failure reports a failed envelope, or else a created event whose item
// says success: false.
func (e *eventEnvelope) Failure() (code, message string, failed bool) {
	if code, message, failed = e.envelope.Failure(); failed {
		return
	}
	if w, ok := created(e.Event, e.Events); ok {
		return w.failure("customevent", w.Linkname)
	}
	return "", "", false
}

// isTypeMismatch reports a payload of another JSON shape than its field
// (an array where the object form was tried): the lenient decode follows.
// The buffered body is decoded again; nothing is re-requested.
func isTypeMismatch(err error) bool {
	var typeErr *json.UnmarshalTypeError
	return errors.As(err, &typeErr)
}

// created returns the first payload present.
func created[T any](a, b *T) (T, bool) {
	switch {
	case a != nil:
		return *a, true
	case b != nil:
		return *b, true
	}
	var zero T
	return zero, false
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
