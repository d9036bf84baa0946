package transport

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// callKey carries a call's *callState through the request context, to the
// retry policy and the round tripper.
type callKey struct{}

// callState is the per-call bookkeeping shared by the retry hooks and the
// round tripper. A call's attempts run one after another, never at once.
type callState struct {
	method        string
	req           *http.Request // the first request, for redactedURL
	authorization string        // header value, asked for once per call
	attempt       int
	lastErr       error              // the connection error the policy last saw
	body          []byte             // the final response's body, read inside the retry loop
	pooled        *[]byte            // body's buffer, returned to the pool by releaseBody
	buffered      *http.Response     // the response whose body st.body holds (read and closed)
	discard       bool               // the caller wants no body: any 2xx is success
	allowEmpty    bool               // an empty 2xx body is success
	decode        func([]byte) error // Call.Decode
	list          *ListBudget        // Call.List
	drain         drain              // the unwanted body being read, if any
}

// redactedURL renders the call's URL for an error or a log line. It is
// computed only when needed: the happy path never pays for it.
func (st *callState) redactedURL() string { return RedactURL(st.req.URL) }

// secrets lists the spellings of the call's credentials to scrub from
// error strings and log lines.
func (st *callState) secrets() []string { return secretsOf(st.authorization) }

// logURL renders an attempt's URL for a log line: a redirect's target
// comes from the server and may carry the echoed credential anywhere.
func (st *callState) logURL(req *http.Request) string {
	u := RedactURL(req.URL)
	if req == st.req {
		return u // the call's own URL, built here
	}
	return scrubText(u, st.secrets())
}

// errorText renders an error for a log line: URLs redacted, credentials
// scrubbed, bounded.
func (st *callState) errorText(err error) string {
	return scrubError(redactURLError(err), st.secrets()).Error()
}

func stateOf(ctx context.Context) *callState {
	st, _ := ctx.Value(callKey{}).(*callState)
	return st
}

// idempotent methods may be repeated after the server may have acted.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// send runs the retry loop.
func (c *Client) send(req *retryablehttp.Request, st *callState) (*http.Response, error) {
	req.SetResponseHandler(c.onResponse)
	rc := c.retry
	if rc == nil {
		rc = c.retryClient(st)
	}
	resp, err := rc.Do(req)
	if err == nil {
		return resp, nil
	}
	if resp != nil {
		resp.Body.Close()
	}
	if ctxErr := req.Context().Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = ctxErr
	}
	// A redirect's Location (bad, or pointing away) and whatever else the
	// server said can sit in err's text: scrub and bound it.
	return nil, scrubError(fmt.Errorf("goalkit: %s %s: %w", st.method, st.redactedURL(), redactURLError(err)), st.secrets())
}

// retryClient configures go-retryablehttp for this client. Without a
// logger one is shared by every call (New keeps it in c.retry): Backoff then
// needs nothing of the call. With a logger each call gets its own, bound to
// st, so Backoff can log the call's method, URL and last error (it is only
// handed the response, which is nil after a connection error).
func (c *Client) retryClient(st *callState) *retryablehttp.Client {
	rc := &retryablehttp.Client{
		HTTPClient:   c.http,
		RetryMax:     c.retryMax,
		RetryWaitMin: c.waitMin,
		RetryWaitMax: c.waitMax,
		CheckRetry:   c.checkRetry,
		// Keep the last response: it becomes an *APIError with its body.
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	rc.Backoff = func(min, max time.Duration, n int, resp *http.Response) time.Duration {
		return c.backoff(st, min, max, n, resp)
	}
	return rc
}

// checkRetry is the retry policy (RELIABILITY.md): 429 for every method unless
// Retry-After exceeds the maximum wait; 5xx but 501 and connection errors
// only for idempotent methods, so nothing is ever created twice.
func (c *Client) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	st := stateOf(ctx)
	if err != nil {
		st.lastErr = err
		if errors.Is(err, ErrResponseTooLarge) {
			return false, nil // the same body would come again
		}
		// The default policy knows which transport errors are permanent
		// (bad scheme, TLS trust, redirect loops).
		recoverable, _ := retryablehttp.DefaultRetryPolicy(ctx, nil, err)
		return recoverable && idempotent(st.method), nil
	}
	st.lastErr = nil
	code := resp.StatusCode
	retryable := code == http.StatusTooManyRequests ||
		(code >= 500 && code <= 599 && code != http.StatusNotImplemented && idempotent(st.method))
	if !retryable {
		return false, nil
	}
	if wait, ok := retryAfter(resp); ok && wait > c.waitMax {
		return false, nil // not slept: the caller gets RetryAfter at once
	}
	return true, nil
}

// backoff waits what Retry-After says, else exponential backoff with jitter
// between min and max. st is nil when c has no logger.
func (c *Client) backoff(st *callState, min, max time.Duration, n int, resp *http.Response) time.Duration {
	wait, ok := retryAfter(resp)
	if !ok {
		wait = jittered(min, max, n)
	}
	if c.logger != nil {
		attrs := []slog.Attr{
			slog.String("method", st.method), slog.String("url", st.redactedURL()),
			slog.Int("attempt", n+1), slog.Duration("wait", wait),
		}
		if resp != nil {
			attrs = append(attrs, slog.Int("status", resp.StatusCode))
		} else if st.lastErr != nil {
			attrs = append(attrs, slog.String("error", st.errorText(st.lastErr)))
		}
		c.logger.LogAttrs(context.Background(), slog.LevelWarn, "goalkit: retrying", attrs...)
	}
	return wait
}

// jittered is min·2ⁿ capped at max, drawn from its upper half, never below min.
func jittered(min, max time.Duration, n int) time.Duration {
	d := max
	if n < 32 && min<<n > 0 && min<<n < max {
		d = min << n
	}
	if half := d / 2; half > 0 {
		d = half + rand.N(half+1)
	}
	if d < min {
		d = min
	}
	return d
}

// retryAfter reads Retry-After from a 429 or 503, in seconds or as an
// HTTP-date. A date in the past means now.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	return parseRetryAfter(resp.Header.Get("Retry-After"))
}

func parseRetryAfter(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if allDigits(v) {
		// Too many digits for an int64 is an absurdly long wait, not an
		// absent header: the caller gets it (capped) at once.
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if strings.HasPrefix(v, "-") && allDigits(v[1:]) {
		return 0, false
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(time.Until(t), 0), maxRetryAfter), true
}

// maxRetryAfter bounds absurd Retry-After values (no overflow, and an
// APIError.RetryAfter a caller can still act on).
const maxRetryAfter = 365 * 24 * time.Hour

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
