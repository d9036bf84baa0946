package transport

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// TestDefaultClientReusesConnectionsUnderConcurrency: 32 goroutines on one
// default client (no WithHTTPClient) against a loopback server. With
// net/http's 2 idle connections per host most requests dialled anew; the
// default pool keeps one connection per goroutine, so the connections
// opened stay near the concurrency however many requests are sent.
func TestDefaultClientReusesConnectionsUnderConcurrency(t *testing.T) {
	const goroutines, perGoroutine = 32, 40
	var dials atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":1}`))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			dials.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := New[Option](Dialect{DefaultBaseURL: srv.URL, DecodeError: decodeTestError})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.http.Transport.(*pipelineTransport).next; got != defaultTransport() {
		t.Fatalf("default client's transport = %T, want the shared default pool", got)
	}
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for range goroutines {
		wg.Go(func() {
			for range perGoroutine {
				var out struct{ ID int }
				if err := c.Do(context.Background(), &Call{Method: http.MethodGet, Path: "/x", Out: &out}); err != nil || out.ID != 1 {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("call failed: %v", err)
	}
	// At most one dial per concurrent request, plus slack for a dial that
	// lost the race to a connection freed meanwhile (it joins the pool).
	if n := dials.Load(); n > 2*goroutines {
		t.Errorf("%d connections for %d requests from %d goroutines, want at most %d", n, goroutines*perGoroutine, goroutines, 2*goroutines)
	}
	defaultTransport().(*http.Transport).CloseIdleConnections()
}

// TestDefaultPoolSettings pins what README's "Connections" promises.
func TestDefaultPoolSettings(t *testing.T) {
	tr := defaultTransport().(*http.Transport)
	if tr.MaxIdleConnsPerHost != 256 || tr.MaxIdleConns != 1024 || tr.IdleConnTimeout != DefaultIdleConnTimeout || tr.Proxy == nil {
		t.Errorf("default transport: MaxIdleConnsPerHost=%d MaxIdleConns=%d IdleConnTimeout=%v proxy set=%v",
			tr.MaxIdleConnsPerHost, tr.MaxIdleConns, tr.IdleConnTimeout, tr.Proxy != nil)
	}
	c, err := New[Option](Dialect{DefaultBaseURL: testBase})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.http.Transport.(*pipelineTransport).attemptTimeout; got != DefaultAttemptTimeout || c.http.Timeout != 0 {
		t.Errorf("default attempt timeout = %v (http.Client.Timeout %v, want 0: the pipeline keeps it)", got, c.http.Timeout)
	}
}
