// Package testkit holds the test setup every dialect's tests share: a client
// on its own mock transport with fast retries, a recording httpmock responder
// and assertions on what was sent. It is imported only from _test files.
package testkit

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/transport"
)

// Client builds a dialect's client (newClient is goals.NewClient, ...) on a
// fresh mock transport, at base, with retries waiting 1-5ms, then opts (the
// credentials, and what the test changes).
func Client[C any, O ~func(*transport.Settings) error](t testing.TB, newClient func(...O) (C, error), base string, opts ...O) (C, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	all := transport.Convert[O]([]transport.Option{
		transport.WithHTTPClient(&http.Client{Transport: mt}),
		transport.WithBaseURL(base),
		transport.WithRetryWait(time.Millisecond, 5*time.Millisecond),
	})
	c, err := newClient(append(all, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, mt
}

// Sent is one request the mock transport saw.
type Sent struct {
	Method  string
	URL     string // the full URL as sent
	RawPath string // the escaped path on the wire
	Header  http.Header
	Body    []byte
}

// Recorder answers every request with its next canned response (the last
// one repeats) and keeps what was sent.
type Recorder struct {
	mu    sync.Mutex
	reqs  []Sent
	resps []httpmock.Responder
}

// NewRecorder returns a recorder answering with resps in order.
func NewRecorder(resps ...httpmock.Responder) *Recorder {
	return &Recorder{resps: resps}
}

// Respond is the httpmock.Responder to register, e.g. with
// MockTransport.RegisterNoResponder.
func (r *Recorder) Respond(req *http.Request) (*http.Response, error) {
	n := r.keep(req)
	r.mu.Lock()
	resp := r.resps[min(n, len(r.resps))-1]
	r.mu.Unlock()
	return resp(req)
}

// Then adds a response with status and a JSON body after the others.
func (r *Recorder) Then(status int, body string) *Recorder {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.resps = append(r.resps, Answer(status, body))
	return r
}

// Reply is a responder that records the request in r and answers with status
// and a JSON body, whatever r's own responses are.
func (r *Recorder) Reply(status int, body string) httpmock.Responder {
	answer := Answer(status, body)
	return func(req *http.Request) (*http.Response, error) {
		r.keep(req)
		return answer(req)
	}
}

// keep records req.
func (r *Recorder) keep(req *http.Request) int {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, Sent{req.Method, req.URL.String(), req.URL.EscapedPath(), req.Header.Clone(), body})
	return len(r.reqs)
}

// Only returns the one request sent, failing the test unless there was
// exactly one.
func (r *Recorder) Only(t testing.TB) Sent {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) != 1 {
		t.Fatalf("sent %d requests, want 1", len(r.reqs))
	}
	return r.reqs[0]
}

// All returns every request sent, oldest first.
func (r *Recorder) All() []Sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.reqs)
}

// Count is how many requests were sent.
func (r *Recorder) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs)
}

// Last returns the last request sent, failing the test if there was none.
func (r *Recorder) Last(t testing.TB) Sent {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) == 0 {
		t.Fatal("no request was sent")
	}
	return r.reqs[len(r.reqs)-1]
}

// Answer is a responder with status and a JSON (or any) body.
func Answer(status int, body string) httpmock.Responder {
	return httpmock.NewStringResponder(status, body).HeaderSet(http.Header{"Content-Type": {"application/json"}})
}

// JSONEqual compares a sent JSON document with want by value.
func JSONEqual(t testing.TB, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("sent body is not JSON: %v: %s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

// CheckHeaders asserts the headers every call carries: Authorization auth,
// Accept application/json, and Content-Type application/json exactly when
// withBody (otherwise no body at all).
func CheckHeaders(t testing.TB, s Sent, auth string, withBody bool) {
	t.Helper()
	if got := s.Header.Get("Authorization"); got != auth {
		t.Errorf("Authorization = %q, want %q", got, auth)
	}
	if got := s.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	ct := s.Header.Get("Content-Type")
	switch {
	case withBody && ct != "application/json":
		t.Errorf("Content-Type = %q, want application/json", ct)
	case !withBody && (ct != "" || len(bytes.TrimSpace(s.Body)) != 0):
		t.Errorf("unexpected body %q (Content-Type %q)", s.Body, ct)
	}
}

// CheckParamsRoundTrip is the params property goals and triggers fuzz: a body
// that decodes (as the fake server decodes it) re-encodes, decodes back,
// re-encodes to the same bytes, and keeps its validity.
func CheckParamsRoundTrip[P any, PP interface {
	*P
	Validate() error
}](t *testing.T, data []byte) {
	t.Helper()
	var p P
	if json.Unmarshal(data, PP(&p)) != nil {
		return
	}
	valid := PP(&p).Validate() == nil
	enc, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("decoded params do not encode: %v", err)
	}
	var back P
	if err := json.Unmarshal(enc, PP(&back)); err != nil {
		t.Fatalf("encoded params do not decode: %v\n%s", err, enc)
	}
	if again, _ := json.Marshal(back); !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not stable:\n%s\n%s", enc, again)
	}
	if (PP(&back).Validate() == nil) != valid {
		t.Fatalf("validity changed in a round trip: %s", enc)
	}
}
