package fake

import (
	"net/http"
	"time"
)

// WriteFault is one row of RELIABILITY.md's table of what can happen to a
// write (a POST), with the name tests report it by.
type WriteFault struct {
	Name string
	Fault
}

// WriteFaults returns the table's faults, in its order: statuses the fake
// never sends, connections dropped before or after the fake applied the
// write, stalls, and odd or cut answers to an applied write. stall is how
// long the two stall faults hold the answer; make it longer than the
// client's timeout. Selectors are left zero for the caller to set.
func WriteFaults(stall time.Duration) []WriteFault {
	const detail = `{"detail":"injected fault"}`
	status := func(code int) Fault { return Fault{Status: code, Body: detail} }
	return []WriteFault{
		{"429", Fault{Status: http.StatusTooManyRequests, Body: detail, RetryAfter: "0"}},
		{"500", status(500)},
		{"502", status(502)},
		{"503", status(503)},
		{"504", status(504)},
		{"applied-then-500", Fault{AfterApply: true, Status: 500, Body: detail}},
		{"applied-then-502-html", Fault{AfterApply: true, Status: 502, ContentType: "text/html", Body: "<html><body>Bad gateway</body></html>"}},
		{"drop-before", Fault{Drop: true}},
		{"applied-then-drop", Fault{AfterApply: true, Drop: true}},
		{"applied-then-stall", Fault{AfterApply: true, Delay: stall, Drop: true}},
		{"stall-then-apply", Fault{Delay: stall}},
		{"applied-truncated", Fault{AfterApply: true, CutBody: true}},
		{"429-retry-after-long", Fault{Status: http.StatusTooManyRequests, Body: detail, RetryAfter: "86400"}},
		{"applied-200-html", Fault{AfterApply: true, Status: 200, ContentType: "text/html", Body: "<html><body>OK</body></html>"}},
		{"applied-200-empty", Fault{AfterApply: true, Status: 200}},
		// An HTTP-date in the past: the client may retry at once.
		{"429-retry-after-date", Fault{Status: http.StatusTooManyRequests, Body: detail, RetryAfter: "Thu, 01 Jan 2026 00:00:00 GMT"}},
		{"429-bare", Fault{Status: http.StatusTooManyRequests, Body: detail}},
	}
}
