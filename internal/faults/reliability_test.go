package faults_test

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
)

// op is one client call under test: a dialect method, its HTTP method, and
// a success body it can decode.
type op struct {
	name       string
	method     string
	ok         faults.Step
	noBody     bool // the call reads no response body (a delete, a match)
	allowEmpty bool // an empty 2xx body is success (PageSense delete)
	run        func(ctx context.Context, opts []transport.Option) error
}

func (o op) idempotent() bool { return o.method != http.MethodPost && o.method != http.MethodPatch }

// outcome classifies the error a call returned.
type outcome string

const (
	success     outcome = "success"
	apiError    outcome = "*APIError"
	rateLimited outcome = "*APIError, ErrRateLimited"
	tooLarge    outcome = "ErrResponseTooLarge"
	malformed   outcome = "ErrMalformedResponse"
	netError    outcome = "transport error"
	timeout     outcome = "timeout"
)

func classify(err error) outcome {
	var apiErr *transport.APIError
	switch {
	case err == nil:
		return success
	case errors.Is(err, transport.ErrRateLimited):
		return rateLimited
	case errors.As(err, &apiErr):
		return apiError
	case errors.Is(err, transport.ErrResponseTooLarge):
		return tooLarge
	case errors.Is(err, transport.ErrMalformedResponse):
		return malformed
	case errors.Is(err, transport.ErrAttemptTimeout) || errors.Is(err, context.DeadlineExceeded):
		return timeout
	}
	return netError
}

// fault is one misbehaviour and what every op must do about it. RetryMax is
// 2, so a retried fault that never heals costs 3 attempts.
type fault struct {
	name    string
	steps   func(o op) []faults.Step
	expect  func(o op) (attempts int, want outcome)
	summary string // for RELIABILITY.md
	// afterStatus: the fault strikes after a 2xx status line, so a call
	// that reads no body (a delete, a match) succeeds at once.
	afterStatus bool
}

const (
	retryMax  = 2
	maxBody   = 64 << 10
	perTryCap = 300 * time.Millisecond
)

var pastDate = "Wed, 21 Oct 2015 07:28:00 GMT"

func retriedIfIdempotent(o op, healed bool) (int, outcome) {
	if o.idempotent() {
		if healed {
			return 2, success
		}
		return retryMax + 1, netError
	}
	return 1, netError
}

var faultCases = []fault{
	{"429 Retry-After seconds", func(o op) []faults.Step {
		return []faults.Step{faults.Status(429, `{}`, "Retry-After", "1"), o.ok}
	}, func(op) (int, outcome) { return 2, success }, "waits 1 s, retried for every method", false},
	{"429 Retry-After HTTP-date", func(o op) []faults.Step {
		return []faults.Step{faults.Status(429, `{}`, "Retry-After", pastDate), o.ok}
	}, func(op) (int, outcome) { return 2, success }, "waits until the date, retried for every method", false},
	{"429 Retry-After over max wait", func(o op) []faults.Step {
		return []faults.Step{faults.Status(429, `{}`, "Retry-After", "3600"), o.ok}
	}, func(op) (int, outcome) { return 1, rateLimited }, "not slept: *APIError with RetryAfter at once", false},
	{"429 without Retry-After", func(o op) []faults.Step {
		return []faults.Step{faults.Status(429, `{}`), o.ok}
	}, func(op) (int, outcome) { return 2, success }, "backoff with jitter, retried for every method", false},
	{"500 then success", status5xx(500), expect5xx, "retried for GET/PUT/DELETE; POST/PATCH return *APIError", false},
	{"502 then success", status5xx(502), expect5xx, "same as 500", false},
	{"503 then success", status5xx(503), expect5xx, "same as 500", false},
	{"504 then success", status5xx(504), expect5xx, "same as 500", false},
	{"5xx never heals", func(o op) []faults.Step { return []faults.Step{faults.Status(503, `{}`)} },
		func(o op) (int, outcome) {
			if o.idempotent() {
				return retryMax + 1, apiError
			}
			return 1, apiError
		}, "last response becomes *APIError with status and body", false},
	{"reset before response", func(o op) []faults.Step {
		return []faults.Step{faults.ResetBeforeResponse(), o.ok}
	}, func(o op) (int, outcome) { return retriedIfIdempotent(o, true) }, "retried for GET/PUT/DELETE; POST/PATCH fail, never repeated", false},
	{"reset mid-body", func(o op) []faults.Step {
		return []faults.Step{faults.ResetMidBody(`{"id":`), o.ok}
	}, func(o op) (int, outcome) { return retriedIfIdempotent(o, true) }, "body is read inside the retry loop: same rule as a reset", true},
	{"stall past attempt timeout", func(o op) []faults.Step {
		return []faults.Step{faults.Stall(5 * time.Second), o.ok}
	}, func(o op) (int, outcome) {
		if o.idempotent() {
			return 2, success
		}
		return 1, timeout
	}, "per-attempt timeout; retried for GET/PUT/DELETE only", false},
	{"truncated body", func(o op) []faults.Step {
		return []faults.Step{faults.Truncated(`{"id": 1, "name": "truncated goal", "more": [1, 2, 3]}`), o.ok}
	}, func(o op) (int, outcome) { return retriedIfIdempotent(o, true) }, "short of Content-Length: same rule as a reset", true},
	{"body over size cap", func(o op) []faults.Step { return []faults.Step{faults.Oversized(4 * maxBody), o.ok} },
		func(o op) (int, outcome) { return 1, tooLarge }, "ErrResponseTooLarge, nothing past the cap read, not retried", true},
	{"HTML error page 502", func(o op) []faults.Step { return []faults.Step{faults.HTML(502)} },
		func(o op) (int, outcome) {
			if o.idempotent() {
				return retryMax + 1, apiError
			}
			return 1, apiError
		}, "*APIError with status 502 and the page as Body", false},
	{"HTML 200", func(o op) []faults.Step {
		return []faults.Step{faults.Status(200, "<html>maintenance</html>", "Content-Type", "text/html")}
	},
		func(o op) (int, outcome) { return 1, malformed }, "ErrMalformedResponse", true},
	{"empty 200", func(o op) []faults.Step { return []faults.Step{faults.Status(200, "")} },
		func(o op) (int, outcome) { return 1, malformed }, "ErrMalformedResponse", true},
}

func status5xx(code int) func(o op) []faults.Step {
	return func(o op) []faults.Step { return []faults.Step{faults.Status(code, `{}`), o.ok} }
}

func expect5xx(o op) (int, outcome) {
	if o.idempotent() {
		return 2, success
	}
	return 1, apiError
}

// TestFaults runs every fault against every op over real TCP, counting the
// requests the server saw and checking nothing is left behind. Not
// parallel: it counts goroutines.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("real-TCP fault suite")
	}
	for _, o := range allOps() {
		for _, f := range faultCases {
			t.Run(o.name+"/"+f.name, func(t *testing.T) { runFault(t, o, f) })
		}
	}
}

func runFault(t *testing.T, o op, f fault) {
	before := runtime.NumGoroutine()
	srv := faults.New(t, f.steps(o)...)
	tr := &http.Transport{}
	opts := []transport.Option{
		transport.WithBaseURL(srv.URL),
		transport.WithHTTPClient(&http.Client{Transport: tr, Timeout: perTryCap}),
		transport.WithRetryMax(retryMax),
		transport.WithRetryWait(time.Millisecond, 2*time.Second),
		transport.WithMaxResponseSize(maxBody),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := o.run(ctx, opts)
	wantAttempts, want := f.expect(o)
	if o.noBody && f.afterStatus {
		// A 2xx arrived: a call that reads no body has succeeded.
		wantAttempts, want = 1, success
	}
	if o.allowEmpty && f.name == "empty 200" {
		want = success
	}
	got := classify(err)
	if got != want {
		t.Errorf("outcome %s (%v), want %s", got, err, want)
	}
	recordMeasured(o, f, srv.Requests(), got)
	if got := srv.Requests(); got != wantAttempts {
		t.Errorf("server saw %d requests, want %d", got, wantAttempts)
	}
	if n := srv.ActiveConns(); n != 0 {
		t.Errorf("%d connections still active after the call", n)
	}
	tr.CloseIdleConnections()
	srv.Close()
	if n := faults.Goroutines(before); n > before {
		t.Errorf("goroutines: %d before, %d after", before, n)
	}
}
