package giosg_test

import (
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
)

const (
	testBase  = "https://api.test/api/v5"
	testOrg   = "ac83d426-be80-4d75-8c62-49a77f98468e"
	testGoal  = "4d0648b8-9074-11e6-963e-f45c89c72de3"
	goalsURL  = testBase + "/orgs/" + testOrg + "/goals"
	goalURL   = goalsURL + "/" + testGoal
	matchURL  = goalURL + "/matches"
	testToken = "secret-token"
)

// newOrg returns an Org on a fresh mock transport with fast retries and an
// API token.
func newOrg(t *testing.T, opts ...giosg.Option) (*giosg.Org, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	base := []giosg.Option{
		giosg.WithHTTPClient(&http.Client{Transport: mt}),
		giosg.WithBaseURL(testBase),
		giosg.WithAPIToken(testToken),
		giosg.WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}
	c, err := giosg.NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c.Org(testOrg), mt
}

// sent is one request as the server saw it.
type sent struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// recorder answers with a fixed response and keeps every request.
type recorder struct {
	mu   sync.Mutex
	reqs []sent
}

func (r *recorder) respond(status int, body string) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		r.keep(req)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	}
}

func (r *recorder) keep(req *http.Request) {
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = append(r.reqs, sent{Method: req.Method, URL: req.URL.String(), Header: req.Header.Clone(), Body: body})
}

// only returns the single request sent, failing if there was not exactly one.
func (r *recorder) only(t *testing.T) sent {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) != 1 {
		t.Fatalf("sent %d requests, want 1", len(r.reqs))
	}
	return r.reqs[0]
}

// checkJSONRequest asserts the common headers of a JSON call.
func checkHeaders(t *testing.T, s sent, withBody bool) {
	t.Helper()
	if got := s.Header.Get("Authorization"); got != "Token "+testToken {
		t.Errorf("Authorization = %q", got)
	}
	if got := s.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	ct := s.Header.Get("Content-Type")
	if withBody && ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	if !withBody && (ct != "" || len(s.Body) != 0) {
		t.Errorf("unexpected body %q (Content-Type %q)", s.Body, ct)
	}
}

// jsonEqual asserts that got and want are the same JSON document.
func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body %q is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

func jsonNumber(s string) json.Number { return json.Number(s) }

func mtClient(mt *httpmock.MockTransport) *http.Client { return &http.Client{Transport: mt} }
