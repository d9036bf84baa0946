// Package faultinject wraps a fake API handler with the faults of
// RELIABILITY.md's table, over real TCP: statuses the fake never sends,
// connections dropped before or after the fake applied the request,
// stalls, and bodies cut short. Tests of code that must survive them (the
// giosg importer) pick a fault per request.
package faultinject

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"
)

// Fault is what the handler does to one request.
type Fault int

// The faults. "Applied" means the wrapped handler saw the request and did
// its work (a match was recorded) before the fault struck.
const (
	None             Fault = iota // pass through
	Status429                     // 429 with Retry-After: 0, not applied
	Status500                     // 500, not applied
	Status502                     // 502, not applied
	Status503                     // 503, not applied
	Status504                     // 504, not applied
	AppliedThen500                // applied, then answered 500
	AppliedThen502                // applied, then answered 502 with an HTML page
	DropBefore                    // connection closed, not applied
	AppliedThenDrop               // applied, then connection closed without an answer
	AppliedThenStall              // applied, then no answer for Stall (past the client's timeout)
	StallThenApply                // no answer for Stall, then applied and answered
	AppliedTruncated              // applied, answered 2xx with a body cut short
	Status429Long                 // 429 with Retry-After beyond any client's wait, not applied
	AppliedHTML200                // applied, answered 200 with an HTML page
	AppliedEmpty200               // applied, answered 200 with no body
	Status429Date                 // 429 with Retry-After as an HTTP-date (in the past: now), not applied
	Status429Bare                 // 429 without Retry-After (the client backs off), not applied
	count                         // number of faults
)

// All lists every fault but None.
func All() []Fault {
	out := make([]Fault, 0, count-1)
	for f := None + 1; f < count; f++ {
		out = append(out, f)
	}
	return out
}

// String names the fault.
func (f Fault) String() string {
	names := [...]string{"none", "429", "500", "502", "503", "504", "applied-then-500", "applied-then-502-html",
		"drop-before", "applied-then-drop", "applied-then-stall", "stall-then-apply", "applied-truncated",
		"429-retry-after-long", "applied-200-html", "applied-200-empty", "429-retry-after-date", "429-bare"}
	if f >= 0 && int(f) < len(names) {
		return names[f]
	}
	return "fault(" + strconv.Itoa(int(f)) + ")"
}

// Handler wraps Next with the fault Pick chooses for each request (nil
// Pick: none).
type Handler struct {
	Next http.Handler
	Pick func(r *http.Request) Fault
	// Stall is how long the stall faults wait (default 1s).
	Stall time.Duration
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f := None
	if h.Pick != nil {
		f = h.Pick(r)
	}
	stall := h.Stall
	if stall <= 0 {
		stall = time.Second
	}
	switch f {
	case Status429:
		w.Header().Set("Retry-After", "0")
		status(w, http.StatusTooManyRequests)
	case Status429Date:
		w.Header().Set("Retry-After", time.Now().Add(-time.Second).UTC().Format(http.TimeFormat))
		status(w, http.StatusTooManyRequests)
	case Status429Bare:
		status(w, http.StatusTooManyRequests)
	case Status429Long:
		w.Header().Set("Retry-After", "86400")
		status(w, http.StatusTooManyRequests)
	case AppliedHTML200, AppliedEmpty200:
		// Only a request the fake accepted gets the odd 200; a refusal
		// passes through, or the fault would turn a 404 into a success.
		rec := h.apply(r)
		switch {
		case rec.Code < 200 || rec.Code > 299:
			copyHeader(w, rec)
			w.WriteHeader(rec.Code)
			w.Write(rec.Body.Bytes())
		case f == AppliedHTML200:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>OK</body></html>"))
		default:
			w.WriteHeader(http.StatusOK)
		}
	case Status500, Status502, Status503, Status504:
		status(w, map[Fault]int{Status500: 500, Status502: 502, Status503: 503, Status504: 504}[f])
	case AppliedThen500:
		h.apply(r)
		status(w, http.StatusInternalServerError)
	case AppliedThen502:
		h.apply(r)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("<html><body>Bad gateway</body></html>"))
	case DropBefore:
		drop(w)
	case AppliedThenDrop:
		h.apply(r)
		drop(w)
	case AppliedThenStall:
		h.apply(r)
		wait(r, stall)
		drop(w)
	case StallThenApply:
		wait(r, stall)
		h.Next.ServeHTTP(w, r)
	case AppliedTruncated:
		rec := h.apply(r)
		copyHeader(w, rec)
		w.Header().Set("Content-Length", strconv.Itoa(rec.Body.Len()+100))
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
		w.(http.Flusher).Flush() // what was written leaves before the close
		drop(w)
	default:
		h.Next.ServeHTTP(w, r)
	}
}

func copyHeader(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
}

// apply lets the fake do its work and keeps its answer.
func (h *Handler) apply(r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.Next.ServeHTTP(rec, r)
	return rec
}

func status(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write([]byte(`{"detail":"injected fault"}`))
}

// drop closes the connection without an answer.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("faultinject: the server does not support hijacking")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

// wait sleeps d or until the client gives up.
func wait(r *http.Request, d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.Context().Done():
	}
}
