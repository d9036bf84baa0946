package fake

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"
)

// Fault makes a fake misbehave on purpose. The first fields select the
// requests it hits; the others say what happens to them. The zero value of
// a selector matches every request.
type Fault struct {
	// Route selects by operation: either its name ("CreateGoal") or its
	// method and pattern as the fake's Operations list them ("POST
	// /goals"). Empty: every operation.
	Route string
	// Method selects by HTTP method ("POST"). Empty: any.
	Method string
	// Page selects one page of a paged list by its 1-based number (giosg
	// ListGoals). 0: any page.
	Page int
	// Times is how many selected requests the fault hits; 0: all of them.
	Times int
	// Probability, when in (0, 1), hits a selected request only with that
	// chance, drawn from a generator seeded with Seed: the same requests
	// in the same order are hit on every run. 0 means always.
	Probability float64
	// Seed seeds Probability's generator.
	Seed uint64

	// Status answers with this status instead of the fake's answer, with
	// Body, ContentType (default application/json) and RetryAfter (a
	// Retry-After header: seconds or an HTTP-date).
	Status      int
	Body        string
	ContentType string
	RetryAfter  string
	// Delay holds the request this long (or until the client gives up)
	// before the fake handles it; the fake handles it even when the client
	// gave up, as a server that got the request does: a write lands late.
	// With AfterApply the hold comes after the fake handled the request,
	// before its answer is replaced.
	Delay time.Duration
	// Drop closes the connection (TCP reset) without an answer.
	Drop bool
	// CutBody sends the answer with its full Content-Length but only the
	// first half of the body, then closes the connection (resets it when
	// Drop is set too: a reset mid-body).
	CutBody bool
	// Oversize answers with a JSON string of this many bytes (status
	// Status, default 200), for testing a client's body cap.
	Oversize int
	// AfterApply lets the fake handle the request first, so a write is
	// applied, and only then replaces the answer (Status, Drop, CutBody):
	// the outcome a client cannot know. A 2xx Status replaces only a 2xx
	// answer: a refusal is never turned into a success. Without
	// AfterApply, Status, Drop and Oversize hit before the fake acts.
	AfterApply bool
}

// ErrBadFault is matched (errors.Is) by every error Inject returns.
var ErrBadFault = errors.New("fake: bad fault")

// armed is an injected fault with its remaining hits and generator.
type armed struct {
	Fault
	op   *Operation // nil: any operation
	hits int
	rng  *rand.Rand
}

// check reports what is wrong with f for a fake serving ops, or nil, and
// the operation f.Route names.
func (f Fault) check(ops []Operation) (*Operation, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrBadFault}, args...)...)
	}
	var op *Operation
	if f.Route != "" {
		for i := range ops {
			if ops[i].Name == f.Route || ops[i].Route() == f.Route {
				op = &ops[i]
				break
			}
		}
		if op == nil {
			return nil, bad("unknown route %q (known: %s)", f.Route, routeList(ops))
		}
	}
	switch f.Method {
	case "", http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodHead:
	default:
		return nil, bad("unknown method %q", f.Method)
	}
	if op != nil && f.Method != "" && f.Method != op.Method {
		return nil, bad("method %s does not match route %q", f.Method, f.Route)
	}
	if f.Method != "" && op == nil && !hasMethod(ops, f.Method) {
		return nil, bad("no route takes method %s", f.Method)
	}
	switch {
	case f.Page < 0:
		return nil, bad("Page %d is negative", f.Page)
	case f.Page > 0 && (op == nil || !op.Paged):
		return nil, bad("Page needs a paged route (%s)", pagedList(ops))
	case f.Times < 0:
		return nil, bad("Times %d is negative", f.Times)
	case f.Probability < 0 || f.Probability > 1:
		return nil, bad("Probability %v is outside [0, 1]", f.Probability)
	case f.Status != 0 && (f.Status < 100 || f.Status > 599):
		return nil, bad("Status %d is not an HTTP status", f.Status)
	case f.Delay < 0:
		return nil, bad("Delay %v is negative", f.Delay)
	case f.Oversize < 0:
		return nil, bad("Oversize %d is negative", f.Oversize)
	case f.Status == 0 && f.Oversize == 0 && (f.Body != "" || f.RetryAfter != "" || f.ContentType != ""):
		return nil, bad("Body, ContentType and RetryAfter need a Status")
	case f.Status == 0 && f.Delay == 0 && !f.Drop && !f.CutBody && f.Oversize == 0:
		return nil, bad("no effect: set Status, Delay, Drop, CutBody or Oversize")
	case f.AfterApply && f.Status == 0 && !f.Drop && !f.CutBody:
		return nil, bad("AfterApply needs Status, Drop or CutBody")
	}
	return op, nil
}

// selects reports whether the fault's selectors match a request.
func (a *armed) selects(method string, op *Operation, page int) bool {
	switch {
	case a.Method != "" && a.Method != method:
		return false
	case a.op != nil && a.op != op:
		return false
	case a.Page != 0 && a.Page != page:
		return false
	case a.Times != 0 && a.hits >= a.Times:
		return false
	}
	return true
}

// fires decides whether a selected request is hit, counting the hit.
func (a *armed) fires() bool {
	if a.Probability > 0 && a.Probability < 1 && a.rng.Float64() >= a.Probability {
		return false
	}
	a.hits++
	return true
}

func hasMethod(ops []Operation, m string) bool {
	for _, op := range ops {
		if op.Method == m {
			return true
		}
	}
	return false
}

func routeList(ops []Operation) string {
	s := ""
	for i, op := range ops {
		if i > 0 {
			s += ", "
		}
		s += op.Name + " (" + op.Route() + ")"
	}
	return s
}

func pagedList(ops []Operation) string {
	s := ""
	for _, op := range ops {
		if op.Paged {
			if s != "" {
				s += ", "
			}
			s += op.Name
		}
	}
	if s == "" {
		return "this fake has none"
	}
	return s
}
