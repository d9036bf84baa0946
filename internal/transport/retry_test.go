package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

// TestAttemptsPerMethodAndStatus pins the retry policy: with RetryMax 2 a
// retried failure is attempted 3 times, a non-retried one once.
func TestAttemptsPerMethodAndStatus(t *testing.T) {
	t.Parallel()
	methods := []string{"GET", "HEAD", "PUT", "DELETE", "POST", "PATCH"}
	idempotentSet := map[string]bool{"GET": true, "HEAD": true, "PUT": true, "DELETE": true}
	for _, status := range []int{400, 401, 403, 404, 422, 429, 500, 501, 502, 503, 504} {
		for _, method := range methods {
			want := 1
			switch {
			case status == 429:
				want = 3
			case status >= 500 && status != 501 && idempotentSet[method]:
				want = 3
			}
			t.Run(fmt.Sprintf("%s_%d", method, status), func(t *testing.T) {
				t.Parallel()
				c, mt := newMock(t)
				mt.RegisterResponder(method, testBase+"/x", respond(status, `{"error":"E","message":"M"}`))
				err := c.Do(context.Background(), &Call{Method: method, Path: "/x", Body: map[string]int{"a": 1}})
				if got := mt.GetTotalCallCount(); got != want {
					t.Errorf("attempts = %d, want %d", got, want)
				}
				var apiErr *APIError
				if !errors.As(err, &apiErr) {
					t.Fatalf("err = %v (%T), want *APIError", err, err)
				}
				if apiErr.StatusCode != status || apiErr.Method != method || apiErr.URL != testBase+"/x" {
					t.Errorf("APIError = %d %s %s", apiErr.StatusCode, apiErr.Method, apiErr.URL)
				}
				if method != "HEAD" && (apiErr.Code != "E" || apiErr.Message != "M" || string(apiErr.Body) != `{"error":"E","message":"M"}`) {
					t.Errorf("decoded Code=%q Message=%q Body=%q", apiErr.Code, apiErr.Message, apiErr.Body)
				}
				if strings.Contains(err.Error(), "giving up") {
					t.Errorf("retryablehttp's message leaked: %v", err)
				}
			})
		}
	}
}

func TestSuccessAfterRetries(t *testing.T) {
	t.Parallel()
	for _, status := range []int{429, 500, 502, 503, 504} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			t.Parallel()
			c, mt := newMock(t)
			mt.RegisterResponder("GET", testBase+"/x", httpmock.ResponderFromMultipleResponses([]*http.Response{
				httpmock.NewStringResponse(status, "no"),
				httpmock.NewStringResponse(status, "no"),
				httpmock.NewStringResponse(200, `{"id":7}`),
			}))
			var out struct{ ID int }
			if err := get(c, "/x", &out); err != nil {
				t.Fatal(err)
			}
			if out.ID != 7 || mt.GetTotalCallCount() != 3 {
				t.Errorf("out=%+v attempts=%d", out, mt.GetTotalCallCount())
			}
		})
	}
}

func TestConnectionErrorsRetriedOnlyWhenIdempotent(t *testing.T) {
	t.Parallel()
	for method, want := range map[string]int{"GET": 3, "PUT": 3, "DELETE": 3, "POST": 1, "PATCH": 1} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			c, mt := newMock(t)
			mt.RegisterResponder(method, testBase+"/x", httpmock.NewErrorResponder(errors.New("connection reset by peer")))
			err := c.Do(context.Background(), &Call{Method: method, Path: "/x", Body: map[string]int{}})
			if err == nil || !strings.Contains(err.Error(), "connection reset") {
				t.Fatalf("err = %v", err)
			}
			if got := mt.GetTotalCallCount(); got != want {
				t.Errorf("attempts = %d, want %d", got, want)
			}
		})
	}
}

func TestRetryOffWithZero(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryMax(0))
	mt.RegisterResponder("GET", testBase+"/x", respond(429, ""))
	if err := get(c, "/x", nil); !errors.Is(err, ErrRateLimited) {
		t.Fatalf("err = %v", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("attempts = %d", n)
	}
}

func TestRetryAfterSecondsIsHonored(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryWait(time.Millisecond, 10*time.Second))
	mt.RegisterResponder("GET", testBase+"/x", httpmock.ResponderFromMultipleResponses([]*http.Response{
		withHeader(httpmock.NewStringResponse(429, ""), "Retry-After", "1"),
		httpmock.NewStringResponse(200, `{}`),
	}))
	start := time.Now()
	if err := get(c, "/x", nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 900*time.Millisecond || d > 5*time.Second {
		t.Errorf("waited %v, want about 1s", d)
	}
}

func TestRetryAfterHTTPDateIsHonored(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryWait(time.Millisecond, 10*time.Second))
	// An HTTP-date has one-second resolution: two seconds ahead waits 1-2s.
	when := time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
	mt.RegisterResponder("GET", testBase+"/x", httpmock.ResponderFromMultipleResponses([]*http.Response{
		withHeader(httpmock.NewStringResponse(429, ""), "Retry-After", when),
		httpmock.NewStringResponse(200, `{}`),
	}))
	start := time.Now()
	if err := get(c, "/x", nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 900*time.Millisecond || d > 5*time.Second {
		t.Errorf("waited %v, want 1-2s", d)
	}
}

func TestLongRetryAfterReturnsAtOnce(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryWait(time.Millisecond, 30*time.Second))
	mt.RegisterResponder("POST", testBase+"/x", respond(429, `{"error":"slow"}`, "Retry-After", "3600"))
	start := time.Now()
	err := c.Do(context.Background(), &Call{Method: "POST", Path: "/x", Body: 1})
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v, want at once", d)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour || !errors.Is(err, ErrRateLimited) {
		t.Fatalf("err = %#v", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("attempts = %d, want 1", n)
	}
}

func TestContextCancelledDuringWait(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryWait(time.Millisecond, time.Minute))
	mt.RegisterResponder("GET", testBase+"/x", respond(429, "", "Retry-After", "30"))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := get2(ctx, c, "/x")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestContextDeadlineDuringBackoff(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithRetryWait(10*time.Second, time.Minute))
	mt.RegisterResponder("GET", testBase+"/x", respond(503, ""))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := get2(ctx, c, "/x")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("returned after %v", d)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}

func TestAlreadyCancelledContextSendsNothing(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/x", respond(200, "{}"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := get2(ctx, c, "/x"); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("attempts = %d", n)
	}
}

func TestJitteredBackoffBounds(t *testing.T) {
	t.Parallel()
	min, max := 500*time.Millisecond, 30*time.Second
	for n := 0; n < 40; n++ {
		for range 50 {
			d := jittered(min, max, n)
			ceil := max
			if n < 6 {
				ceil = min << n
			}
			if d < min || d > ceil {
				t.Fatalf("jittered(n=%d) = %v, want in [%v, %v]", n, d, min, ceil)
			}
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		d  time.Duration
		ok bool
	}{
		"":                              {0, false},
		"5":                             {5 * time.Second, true},
		" 7 ":                           {7 * time.Second, true},
		"-1":                            {0, false},
		"soon":                          {0, false},
		"Wed, 21 Oct 2015 07:28:00 GMT": {0, true}, // in the past: now
	}
	for in, want := range cases {
		d, ok := parseRetryAfter(in)
		if d != want.d || ok != want.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", in, d, ok, want.d, want.ok)
		}
	}
	if d, ok := parseRetryAfter("99999999999999999"); !ok || d <= 0 {
		t.Errorf("huge value: %v %v", d, ok)
	}
}

func withHeader(r *http.Response, k, v string) *http.Response {
	r.Header.Set(k, v)
	return r
}

func get2(ctx context.Context, c *Client, path string) error {
	return c.Do(ctx, &Call{Method: http.MethodGet, Path: path})
}
