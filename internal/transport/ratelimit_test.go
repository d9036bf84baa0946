package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

// Six calls at 2 per 100 ms: a burst of 2, then one every 50 ms, so the
// last leaves no sooner than 200 ms after the first.
func TestRateLimitPacesCalls(t *testing.T) {
	c, mt := newMock(t, WithRateLimit(2, 100*time.Millisecond))
	mt.RegisterResponder(http.MethodGet, testBase+"/x", respond(200, `{}`))
	start := time.Now()
	for i := range 6 {
		if err := get(c, "/x", nil); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if got := time.Since(start); got < 190*time.Millisecond {
		t.Errorf("6 calls took %v, want >= 200ms at 2 per 100ms", got)
	}
	if n := mt.GetTotalCallCount(); n != 6 {
		t.Errorf("server saw %d requests, want 6", n)
	}
}

// The wait honours the context: a call cancelled while waiting for a token
// returns the context's error and sends nothing.
func TestRateLimitWaitHonoursContext(t *testing.T) {
	c, mt := newMock(t, WithRateLimit(1, time.Hour))
	mt.RegisterResponder(http.MethodPost, testBase+"/x", respond(201, `{}`))
	if err := c.Do(context.Background(), &Call{Method: http.MethodPost, Path: "/x", Body: map[string]int{"a": 1}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := c.Do(ctx, &Call{Method: http.MethodPost, Path: "/x", Body: map[string]int{"a": 2}})
	if err == nil {
		t.Fatal("second call succeeded, want a rate-limit wait error")
	}
	if time.Since(start) > time.Second {
		t.Errorf("cancelled wait took %v", time.Since(start))
	}
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrRateLimitWait) {
		t.Errorf("err = %v, want the context's error", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestRateLimitRejectsBadValues(t *testing.T) {
	for _, tc := range []struct {
		n   int
		per time.Duration
	}{{0, time.Second}, {-1, time.Second}, {1, 0}} {
		if _, err := New(Dialect{DefaultBaseURL: testBase}, WithRateLimit(tc.n, tc.per)); err == nil {
			t.Errorf("WithRateLimit(%d, %v) accepted", tc.n, tc.per)
		}
	}
}
