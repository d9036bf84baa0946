// Package fake is the plumbing the xxxtest fakes share: serving a handler
// behind httptest or httpmock, path routing under any base prefix, and JSON
// in and out.
package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/jarcoal/httpmock"
)

// MaxRequestBody caps what a fake reads of a request body.
const MaxRequestBody = 1 << 20

// Responder serves h behind an httpmock.MockTransport. A handler that
// aborts (panics with http.ErrAbortHandler, as a Fault that drops the
// connection does without one to hijack) becomes a transport error, or,
// after part of the answer, a body that fails with io.ErrUnexpectedEOF.
func Responder(h http.Handler) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		rec := &recorder{ResponseRecorder: httptest.NewRecorder()}
		if serveAborting(h, rec, req) {
			if !rec.wrote {
				return nil, errDropped
			}
			resp := rec.Result()
			resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(rec.Body.Bytes()), errReader{io.ErrUnexpectedEOF}))
			resp.Request = req
			return resp, nil
		}
		resp := rec.Result()
		resp.Request = req
		return resp, nil
	}
}

// errDropped is what a client sees through Responder when the fake drops
// the connection.
var errDropped = errors.New("fake: connection dropped by an injected fault")

// serveAborting runs h and reports whether it aborted with
// http.ErrAbortHandler; any other panic goes on.
func serveAborting(h http.Handler, w http.ResponseWriter, r *http.Request) (aborted bool) {
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				panic(v)
			}
			aborted = true
		}
	}()
	h.ServeHTTP(w, r)
	return false
}

// recorder notes whether anything was written; it cannot be hijacked.
type recorder struct {
	*httptest.ResponseRecorder
	wrote bool
}

func (r *recorder) WriteHeader(code int) { r.wrote = true; r.ResponseRecorder.WriteHeader(code) }

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseRecorder.Write(b)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// NewServer starts h on a loopback httptest server; the caller closes it.
func NewServer(h http.Handler) *httptest.Server {
	return httptest.NewServer(h)
}

// Segments returns the unescaped path segments of r after the first segment
// equal to resource, and whether resource was found. It lets a fake route
// "/goals/7" under any base prefix ("/api/v2/chat/goals/7").
func Segments(r *http.Request, resource string) ([]string, bool) {
	parts := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, p := range parts {
		if p != resource {
			continue
		}
		rest := make([]string, 0, len(parts)-i-1)
		for _, q := range parts[i+1:] {
			s, err := url.PathUnescape(q)
			if err != nil {
				return nil, false
			}
			rest = append(rest, s)
		}
		return rest, true
	}
	return nil, false
}

// WriteJSON writes v as the JSON body with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v != nil {
		json.NewEncoder(w).Encode(v)
	}
}

// ReadJSON decodes the request body into v (at most MaxRequestBody bytes).
func ReadJSON(r *http.Request, v any) error {
	return json.NewDecoder(io.LimitReader(r.Body, MaxRequestBody)).Decode(v)
}

// Counter hands out increasing ids, safe for concurrent use.
type Counter struct{ n atomic.Int64 }

// Next returns the next id, starting at 1.
func (c *Counter) Next() int64 { return c.n.Add(1) }
