// Package faults is a loopback HTTP server that misbehaves on purpose, for
// testing the clients over real TCP: statuses with or without Retry-After,
// connections reset before or during the response, stalls, truncated,
// oversized and HTML bodies. It counts the requests it saw and the
// connections still open, so tests can assert attempts and leaks.
package faults

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Step answers one request.
type Step func(w http.ResponseWriter, r *http.Request)

// Server plays its steps in order, one per request; the last one repeats.
type Server struct {
	*httptest.Server
	steps    []Step
	requests atomic.Int64

	mu    sync.Mutex
	conns map[net.Conn]http.ConnState
}

// New starts a server playing steps; it is closed when the test ends.
func New(tb testing.TB, steps ...Step) *Server {
	tb.Helper()
	s := &Server{steps: steps, conns: map[net.Conn]http.ConnState{}}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Config.ConnState = s.track
	s.Start()
	tb.Cleanup(s.Close)
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	n := int(s.requests.Add(1)) - 1
	s.steps[min(n, len(s.steps)-1)](w, r)
}

func (s *Server) track(c net.Conn, st http.ConnState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st == http.StateClosed || st == http.StateHijacked {
		delete(s.conns, c)
		return
	}
	s.conns[c] = st
}

// Requests is how many requests reached the server.
func (s *Server) Requests() int { return int(s.requests.Load()) }

// ActiveConns is how many connections are in the middle of a request once
// the server has settled (up to a second): a body the client never finished
// or closed keeps one active.
func (s *Server) ActiveConns() int {
	deadline := time.Now().Add(time.Second)
	for {
		n := s.activeConns()
		if n == 0 || time.Now().After(deadline) {
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (s *Server) activeConns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, st := range s.conns {
		if st == http.StateActive {
			n++
		}
	}
	return n
}

// Status answers with code and body; headers come in name, value pairs.
func Status(code int, body string, headers ...string) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(code)
		w.Write([]byte(body))
	}
}

// HTML answers with an HTML error page, as a proxy in front of an API does.
func HTML(code int) Step {
	return Status(code, fmt.Sprintf("<html><head><title>%d</title></head><body><h1>%d %s</h1></body></html>", code, code, http.StatusText(code)), "Content-Type", "text/html")
}

// ResetBeforeResponse reads the request and resets the connection (TCP RST)
// without answering. The server may or may not have acted.
func ResetBeforeResponse() Step {
	return func(w http.ResponseWriter, r *http.Request) {
		conn := hijack(w)
		reset(conn)
	}
}

// ResetMidBody sends a 200 with a Content-Length it never fulfils, then
// resets the connection after part of the body.
func ResetMidBody(partial string) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		conn := hijack(w)
		fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(partial)*4, partial)
		time.Sleep(10 * time.Millisecond)
		reset(conn)
	}
}

// Truncated declares the full length but sends only the first half of body,
// then closes the connection cleanly.
func Truncated(body string) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		conn := hijack(w)
		fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:len(body)/2])
		conn.Close()
	}
}

// Stall holds the response until the client gives up or d passes.
func Stall(d time.Duration) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		// Reading the body to the end lets the server notice the client
		// hanging up, which cancels r.Context().
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(d):
		}
	}
}

// Oversized streams a JSON string of n bytes.
func Oversized(n int) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(n+2))
		w.Write([]byte(`"`))
		chunk := []byte(strings.Repeat("a", 32<<10))
		for left := n; left > 0; left -= len(chunk) {
			if _, err := w.Write(chunk[:min(left, len(chunk))]); err != nil {
				return // the client stopped reading: that is the point
			}
		}
		w.Write([]byte(`"`))
	}
}

func hijack(w http.ResponseWriter) net.Conn {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic("faults: hijack: " + err.Error())
	}
	return conn
}

// reset closes with SO_LINGER 0, so the peer sees ECONNRESET.
func reset(conn net.Conn) {
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// Goroutines waits up to two seconds for the goroutine count to fall to
// baseline and returns the final count; call it after closing idle
// connections and the server.
func Goroutines(baseline int) int {
	deadline := time.Now().Add(2 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= baseline || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}
