package transport

import (
	"context"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestAttemptTimeoutWhileWaitingAndReading: an attempt that outlives the
// client's Timeout, waiting for headers or reading the body, fails with
// ErrAttemptTimeout (a net.Error that timed out, and context.DeadlineExceeded
// as http.Client's own timeout error is); a GET is retried, a POST is not.
func TestAttemptTimeoutWhileWaitingAndReading(t *testing.T) {
	for _, phase := range []string{"headers", "body"} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			t.Run(phase+"/"+method, func(t *testing.T) {
				var attempts atomic.Int64
				release := make(chan struct{})
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					attempts.Add(1)
					if phase == "body" {
						w.Header().Set("Content-Length", "100")
						w.WriteHeader(http.StatusOK)
						_, _ = w.Write([]byte(`{"id":`))
						w.(http.Flusher).Flush()
					}
					select {
					case <-release:
					case <-r.Context().Done():
					}
				}))
				defer srv.Close()
				defer close(release) // before srv.Close, which waits for the handler
				c, err := New(Dialect{DefaultBaseURL: srv.URL, DecodeError: decodeTestError},
					WithHTTPClient(&http.Client{Timeout: 100 * time.Millisecond}),
					WithRetryWait(time.Millisecond, time.Millisecond), WithRetryMax(1))
				if err != nil {
					t.Fatal(err)
				}
				var out struct{ ID int }
				err = c.Do(context.Background(), &Call{Method: method, Path: "/x", Body: bodyFor(method), Out: &out})
				var ne net.Error
				if !errors.Is(err, ErrAttemptTimeout) || !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &ne) || !ne.Timeout() {
					t.Fatalf("err = %v, want ErrAttemptTimeout, a net.Error that timed out", err)
				}
				if !strings.Contains(err.Error(), "100ms") {
					t.Errorf("err = %v, want the limit named", err)
				}
				want := int64(2) // retried once
				if method == http.MethodPost {
					want = 1
				}
				if got := attempts.Load(); got != want {
					t.Errorf("%d attempts, want %d", got, want)
				}
			})
		}
	}
}

func bodyFor(method string) any {
	if method == http.MethodPost {
		return map[string]string{"name": "x"}
	}
	return nil
}

// TestCallerDeadlineIsNotAnAttemptTimeout: when the caller's context ends
// first, the error is the caller's, not ErrAttemptTimeout.
func TestCallerDeadlineIsNotAnAttemptTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	c, err := New(Dialect{DefaultBaseURL: srv.URL, DecodeError: decodeTestError}, WithHTTPClient(&http.Client{Timeout: time.Minute}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err = c.Do(ctx, &Call{Method: http.MethodGet, Path: "/x", Out: &struct{}{}})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrAttemptTimeout) {
		t.Fatalf("err = %v, want the caller's deadline, not an attempt timeout", err)
	}
}

// memoryRoundTripper answers every request with 200 and a small body.
type memoryRoundTripper struct{}

func (memoryRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{"id":1}`)), ContentLength: 8, Request: req}, nil
}

// TestAttemptTimeoutCostsNoGoroutine: the per-attempt timeout is a context
// deadline, not http.Client.Timeout, which net/http enforces over any
// RoundTripper but its own with a goroutine, timer and channels per
// request. A call with a timeout costs at most 8 allocations more than one
// without (6 measured: the context, its timer, the request copy, the body
// wrapper; it was 19).
func TestAttemptTimeoutCostsNoGoroutine(t *testing.T) {
	allocs := func(timeout time.Duration) float64 {
		c, err := New(Dialect{DefaultBaseURL: testBase, DecodeError: decodeTestError},
			WithHTTPClient(&http.Client{Transport: memoryRoundTripper{}, Timeout: timeout}))
		if err != nil {
			t.Fatal(err)
		}
		// AllocsPerRun counts the whole process: the least of three runs
		// leaves out what goroutines of earlier tests allocated meanwhile.
		least := math.Inf(1)
		for range 3 {
			least = math.Min(least, testing.AllocsPerRun(200, func() {
				var out struct{ ID int }
				if err := c.Do(context.Background(), &Call{Method: http.MethodGet, Path: "/x", Out: &out}); err != nil || out.ID != 1 {
					t.Fatal(err)
				}
			}))
		}
		return least
	}
	without, with := allocs(0), allocs(time.Minute)
	if with-without > 8 {
		t.Errorf("a call with a per-attempt timeout allocates %.0f, without %.0f: +%.0f, want at most +8", with, without, with-without)
	}
}
