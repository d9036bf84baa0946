package transport

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goalkit/goalkit/internal/benchkit"
)

// TestNoBodyCallsReuseTheConnection: a call that wants no body (a giosg
// external match POST answers 200 with the match) still reads it to the
// end, so a loop of POSTs keeps one connection; closed unread, each call
// opened a new one.
func TestNoBodyCallsReuseTheConnection(t *testing.T) {
	const calls = 50
	answer := `{"visitor_identity":"customer-12345678","goal_matched_at":"2016-10-10T22:00:49.123Z","goal_value":"123.45","rooms":["` + strings.Repeat("r", 36) + `"]}`
	var posts atomic.Int64
	srv := benchkit.NewConnCountingServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/orgs/o/goals/g/matches" {
			posts.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(answer))
	}))
	defer srv.Close()
	c := drainClient(t, srv.Server)
	for i := range calls {
		if err := c.Do(context.Background(), &Call{Method: http.MethodPost, Path: "/orgs/o/goals/g/matches", Body: map[string]string{"visitor_identity": "v"}}); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if posts.Load() != calls {
		t.Fatalf("server saw %d POSTs, want %d", posts.Load(), calls)
	}
	if n := srv.Conns(); n != 1 {
		t.Errorf("%d connections for %d sequential calls, want 1", n, calls)
	}
}

// TestNoBodyCallLetsGoOfABodyThatDoesNotEnd: a body dripped forever, one
// that stops arriving (the call blocked in a Read, which the watchdog
// closes after drainStuck ticks), or one of 256 MiB (read only up to
// drainLimit) holds neither the call nor, in the end, its connection: the
// server sees the client hang up.
func TestNoBodyCallLetsGoOfABodyThatDoesNotEnd(t *testing.T) {
	const huge = 256 << 20
	var written atomic.Int64 // of the huge body
	cases := map[string]struct {
		answer func(w http.ResponseWriter, r *http.Request) // returns when the client hangs up
		within time.Duration                                // for the hang-up
		after  func(t *testing.T)                           // more checks, or nil
	}{
		"dripping": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			for {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
		}, drainWait + 5*time.Second, nil},
		"huge": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(huge))
			chunk := make([]byte, 64<<10)
			for written.Load() < huge {
				n, err := w.Write(chunk)
				written.Add(int64(n))
				if err != nil {
					return
				}
			}
		}, drainWait + 5*time.Second, func(t *testing.T) {
			// What the kernel's socket buffers took, plus drainLimit: far from all.
			if n := written.Load(); n >= huge/4 {
				t.Errorf("server wrote %d bytes before the client hung up", n)
			}
		}},
		"stalled": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte("{"))
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		}, 5 * time.Second, nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			hungUp := make(chan struct{})
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.answer(w, r)
				close(hungUp)
			}))
			defer srv.Close()
			cl := drainClient(t, srv)
			start := time.Now()
			deleteOK(t, cl, "/x")
			if d := time.Since(start); d > 500*time.Millisecond {
				t.Errorf("call took %v: it waited for the body", d)
			}
			select {
			case <-hungUp:
			case <-time.After(c.within):
				t.Fatal("the client still holds the connection")
			}
			if c.after != nil {
				c.after(t)
			}
		})
	}
}

// TestNoBodyCallHandsASlowBodyAside: a body that takes longer than
// drainDue ticks but ends within drainWait is read to its end aside: the call
// returns early, and the next call reuses the connection.
func TestNoBodyCallHandsASlowBodyAside(t *testing.T) {
	srv := benchkit.NewConnCountingServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/fast" {
			return
		}
		w.Header().Set("Content-Length", "10")
		w.WriteHeader(http.StatusOK)
		for range 10 {
			w.Write([]byte(" "))
			w.(http.Flusher).Flush()
			time.Sleep(3 * drainTick / 2)
		}
	}))
	defer srv.Close()
	c := drainClient(t, srv.Server)
	start := time.Now()
	deleteOK(t, c, "/slow")
	if d := time.Since(start); d > 10*drainTick {
		t.Errorf("call took %v: it waited for the whole slow body", d)
	}
	time.Sleep(20 * drainTick) // the body ends aside, the connection goes back to the pool
	deleteOK(t, c, "/fast")
	if n := srv.Conns(); n != 1 {
		t.Errorf("%d connections for 2 sequential calls, want 1 (the slow body's connection was given up)", n)
	}
}

// drainClient is a client of srv on a transport of its own, closed with
// the test.
func drainClient(t *testing.T, srv *httptest.Server) *Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := New(Dialect{DefaultBaseURL: srv.URL, DecodeError: decodeTestError}, WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// deleteOK sends a DELETE, a call that wants no body, and fails t unless
// it succeeds.
func deleteOK(t *testing.T, c *Client, path string) {
	t.Helper()
	if err := c.Do(context.Background(), &Call{Method: http.MethodDelete, Path: path}); err != nil {
		t.Fatal(err)
	}
}
