package transport

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/time/rate"
)

// pipelineTransport sits between the retry loop and the user's transport:
// it removes the Authorization header from any request for another origin
// (net/http keeps it on a redirect to a subdomain or another scheme), and
// logs each attempt when a logger is set.
type pipelineTransport struct {
	next           http.RoundTripper
	origin         *url.URL
	logger         *slog.Logger
	limiter        *rate.Limiter // nil: no pacing
	attemptTimeout time.Duration // 0: none (attempttimeout.go)
}

// wrapHTTPClient copies the user's client (so their value is not changed)
// with the pipeline transport over its own. Without one, the client gets a
// per-attempt timeout and the shared pool of defaultTransport. The
// client's Timeout is kept by the pipeline, per attempt (attempttimeout.go).
func (c *Client) wrapHTTPClient(hc *http.Client) *http.Client {
	if hc == nil {
		hc = &http.Client{Timeout: DefaultAttemptTimeout, Transport: defaultTransport()}
	}
	wrapped := *hc
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	wrapped.Transport = &pipelineTransport{next: next, origin: c.base, logger: c.logger, limiter: c.limiter, attemptTimeout: hc.Timeout}
	wrapped.Timeout = 0
	return &wrapped
}

// RoundTrip implements http.RoundTripper.
func (t *pipelineTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// Waited here, inside the retry loop, so that retries are paced too.
	if err := waitRate(req.Context(), t.limiter); err != nil {
		return nil, err
	}
	st := stateOf(req.Context())
	// The key is canonical as newRequest (and net/http on a redirect) set
	// it: indexing skips Header.Get's canonicalisation.
	if auth := req.Header["Authorization"]; len(auth) > 0 && auth[0] != "" && !t.sameOrigin(req.URL) {
		r := *req // RoundTrip must not change the caller's request
		r.Header = req.Header.Clone()
		r.Header.Del("Authorization")
		req = &r
	}
	if t.logger == nil || st == nil {
		return t.send(req)
	}
	st.attempt++
	start := time.Now()
	resp, err := t.send(req)
	attrs := []slog.Attr{
		slog.String("method", req.Method), slog.String("url", st.logURL(req)),
		slog.Int("attempt", st.attempt), slog.Duration("duration", time.Since(start)),
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", st.errorText(err)))
	} else {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	}
	t.logger.LogAttrs(req.Context(), slog.LevelDebug, "goalkit: attempt", attrs...)
	return resp, err
}

// send hands req to the next RoundTripper within the attempt's deadline.
func (t *pipelineTransport) send(req *http.Request) (*http.Response, error) {
	if t.attemptTimeout <= 0 {
		resp, err := t.next.RoundTrip(req)
		return withRequest(resp, req), err
	}
	caller := req.Context()
	attempt, cancel := context.WithTimeout(caller, t.attemptTimeout)
	req = req.WithContext(attempt)
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		cancel()
		return resp, attemptError(err, attempt, caller, t.attemptTimeout)
	}
	resp = withRequest(resp, req)
	if resp.Body == nil || resp.Body == http.NoBody { // nothing to read (nil: a test double's answer)
		cancel()
		return resp, nil
	}
	resp.Body = &deadlineBody{ReadCloser: resp.Body, attempt: attempt, caller: caller, limit: t.attemptTimeout, cancel: cancel}
	return resp, nil
}

// withRequest fills resp.Request, which some RoundTrippers (test doubles)
// leave nil; the pipeline finds the call's state through it.
func withRequest(resp *http.Response, req *http.Request) *http.Response {
	if resp != nil && resp.Request == nil {
		resp.Request = req
	}
	return resp
}

// sameOrigin is SameOrigin with a fast path for the common case: the
// request's host and scheme exactly as in the base URL.
func (t *pipelineTransport) sameOrigin(u *url.URL) bool {
	if u.Host == t.origin.Host && u.Scheme == t.origin.Scheme {
		return true
	}
	return SameOrigin(t.origin, u)
}
