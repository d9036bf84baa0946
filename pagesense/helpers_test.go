package pagesense_test

import (
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/pagesense"
)

const base = "https://pagesense.zoho.com/pagesense/rest/v1"

// newClient returns a client on its own mock transport, with a fixed token
// and fast retries.
func newClient(t *testing.T, opts ...pagesense.Option) (*httpmock.MockTransport, *pagesense.Client) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	all := append([]pagesense.Option{
		pagesense.WithHTTPClient(&http.Client{Transport: mt}),
		pagesense.WithBaseURL(base),
		pagesense.WithToken("tok-123"),
		pagesense.WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := pagesense.NewClient(all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return mt, c
}

// captured is one request as the server saw it.
type captured struct {
	Method, URL string
	Header      http.Header
	Body        []byte
}

// exchange records requests and answers them with a list of replies, the
// last one repeating.
type exchange struct {
	mu      sync.Mutex
	reqs    []captured
	replies []reply
}

type reply struct {
	status int
	body   string
}

func answer(status int, body string) *exchange {
	return &exchange{replies: []reply{{status, body}}}
}

func (x *exchange) then(status int, body string) *exchange {
	x.replies = append(x.replies, reply{status, body})
	return x
}

func (x *exchange) responder() httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		var body []byte
		if r.Body != nil {
			body, _ = io.ReadAll(r.Body)
		}
		x.mu.Lock()
		n := len(x.reqs)
		x.reqs = append(x.reqs, captured{Method: r.Method, URL: r.URL.String(), Header: r.Header.Clone(), Body: body})
		rp := x.replies[min(n, len(x.replies)-1)]
		x.mu.Unlock()
		resp := httpmock.NewStringResponse(rp.status, rp.body)
		resp.Header.Set("Content-Type", "application/json;charset=UTF-8")
		resp.Request = r
		return resp, nil
	}
}

// only returns the single request the exchange saw.
func (x *exchange) only(t *testing.T) captured {
	t.Helper()
	x.mu.Lock()
	defer x.mu.Unlock()
	if len(x.reqs) != 1 {
		t.Fatalf("server saw %d requests, want 1", len(x.reqs))
	}
	return x.reqs[0]
}

func (x *exchange) count() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.reqs)
}

// checkRequest asserts method, full URL and the headers every call carries.
func checkRequest(t *testing.T, got captured, method, url string, withBody bool) {
	t.Helper()
	if got.Method != method || got.URL != url {
		t.Errorf("request = %s %s, want %s %s", got.Method, got.URL, method, url)
	}
	if a := got.Header.Get("Authorization"); a != "Zoho-oauthtoken tok-123" {
		t.Errorf("Authorization = %q, want %q", a, "Zoho-oauthtoken tok-123")
	}
	if a := got.Header.Get("Accept"); a != "application/json" {
		t.Errorf("Accept = %q", a)
	}
	ct := got.Header.Get("Content-Type")
	if withBody && ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	if !withBody && (ct != "" || len(got.Body) != 0) {
		t.Errorf("unexpected body %q (Content-Type %q)", got.Body, ct)
	}
}
