// Package zopimtest holds the test helpers the goals and triggers tests
// share: a recording httpmock responder and assertions on what was sent.
// It is imported only from _test files.
package zopimtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
)

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
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, Sent{req.Method, req.URL.String(), req.URL.EscapedPath(), req.Header.Clone(), body})
	i := min(len(r.reqs), len(r.resps)) - 1
	return r.resps[i](req)
}

// Last returns the last request sent, failing the test if there was none.
func (r *Recorder) Last(t *testing.T) Sent {
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
func JSONEqual(t *testing.T, got []byte, want string) {
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
func CheckHeaders(t *testing.T, s Sent, auth string, withBody bool) {
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

// CheckParamsRoundTrip is the params property both packages fuzz: a body
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
