package fake

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"time"
)

// serve answers r as f says. handle lets the fake answer (into a
// recorder); applied is called when that answer shows a write was applied
// (a non-GET answered 2xx), whatever the client then gets.
func (f *Fault) serve(w http.ResponseWriter, r *http.Request, handle func(http.ResponseWriter), applied func()) {
	if f.Delay > 0 && !f.AfterApply {
		sleep(r, f.Delay) // a client that gave up does not stop the server
	}
	if f.Drop && !f.CutBody && !f.AfterApply {
		drop(w)
		return
	}
	rec := httptest.NewRecorder()
	if f.AfterApply || (f.Status == 0 && f.Oversize == 0) {
		handle(rec)
		if r.Method != http.MethodGet && r.Method != http.MethodHead && rec.Code/100 == 2 {
			applied()
		}
		if f.AfterApply && f.Delay > 0 {
			sleep(r, f.Delay)
		}
		if f.AfterApply && f.Drop && !f.CutBody {
			drop(w)
			return
		}
	}
	switch {
	case f.Oversize > 0:
		writeOversize(w, cmp.Or(f.Status, http.StatusOK), f.Oversize)
		return
	case f.Status/100 == 2 && f.AfterApply && rec.Code/100 != 2:
		// A refusal passes through: an odd 200 must not report success.
	case f.Status != 0:
		rec = httptest.NewRecorder()
		if f.Body != "" || f.ContentType != "" {
			rec.Header().Set("Content-Type", cmp.Or(f.ContentType, "application/json"))
		}
		if f.RetryAfter != "" {
			rec.Header().Set("Retry-After", f.RetryAfter)
		}
		rec.WriteHeader(f.Status)
		rec.WriteString(f.Body)
	}
	if f.CutBody {
		cut(w, rec, f.Drop)
		return
	}
	copyResponse(w, rec)
}

// sleep waits d, or less if the client gives up first.
func sleep(r *http.Request, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	}
}

// drop resets the connection without an answer. Without a connection to
// hijack (httpmock, a recorder) it aborts the handler, which Responder
// turns into a transport error.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	reset(conn)
}

// reset closes with SO_LINGER 0, so the peer sees ECONNRESET.
func reset(conn net.Conn) {
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// cut sends rec's answer declaring its full length but only half the body,
// then closes the connection (resets it if hard).
func cut(w http.ResponseWriter, rec *httptest.ResponseRecorder, hard bool) {
	body := rec.Body.Bytes()
	declared := max(len(body), 2)
	half := body[:len(body)/2]
	h := rec.Header().Clone()
	h.Set("Content-Length", strconv.Itoa(declared))
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		for name, v := range h {
			w.Header()[name] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(half)
		panic(http.ErrAbortHandler)
	}
	fmt.Fprintf(conn, "HTTP/1.1 %d %s\r\n", rec.Code, http.StatusText(rec.Code))
	h.Write(conn)
	io.WriteString(conn, "\r\n")
	conn.Write(half)
	if hard {
		time.Sleep(10 * time.Millisecond) // let the half arrive first
		reset(conn)
		return
	}
	conn.Close()
}

// writeOversize streams a JSON string of n bytes; it stops when the client
// stops reading.
func writeOversize(w http.ResponseWriter, status, n int) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(n+2))
	w.WriteHeader(status)
	w.Write([]byte(`"`))
	chunk := bytes.Repeat([]byte("a"), 32<<10)
	for left := n; left > 0; left -= len(chunk) {
		if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
			return
		}
	}
	w.Write([]byte(`"`))
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for name, v := range rec.Header() {
		w.Header()[name] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}
