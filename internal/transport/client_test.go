package transport

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

func TestRequestShape(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithSchemeToken("Bearer", "tok"))
	var seen *http.Request
	var body []byte
	mt.RegisterResponder("POST", `=~^`+testBase+`/orgs/`, func(r *http.Request) (*http.Response, error) {
		seen = r
		body, _ = io.ReadAll(r.Body)
		return httpmock.NewStringResponse(201, `{"id":"g1","n":2}`), nil
	})
	path, err := Path("orgs", "o 1/x", "goals")
	if err != nil {
		t.Fatal(err)
	}
	type q struct {
		Ordering string `url:"ordering,omitempty"`
		Empty    string `url:"empty,omitempty"`
		Page     int    `url:"page"`
	}
	var out struct {
		ID string
		N  int
	}
	err = c.Do(context.Background(), &Call{Method: "POST", Path: path, Query: q{Ordering: "-created_at", Page: 2}, Body: map[string]any{"name": "a", "n": 1}, Out: &out})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := seen.URL.String(), testBase+"/orgs/o%201%2Fx/goals?ordering=-created_at&page=2"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
	for k, want := range map[string]string{
		"Authorization": "Bearer tok",
		"Content-Type":  "application/json",
		"Accept":        "application/json",
		"User-Agent":    "goalkit/" + Version + " " + runtime.Version(),
	} {
		if got := seen.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if len(seen.Header.Values("Authorization")) != 1 {
		t.Errorf("Authorization headers: %q", seen.Header.Values("Authorization"))
	}
	if string(body) != `{"n":1,"name":"a"}` {
		t.Errorf("body = %s", body)
	}
	if out.ID != "g1" || out.N != 2 {
		t.Errorf("out = %+v", out)
	}
}

func TestNoBodyNoContentType(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		if r.Header.Get("Content-Type") != "" || r.ContentLength > 0 {
			t.Errorf("GET sent Content-Type %q, length %d", r.Header.Get("Content-Type"), r.ContentLength)
		}
		return httpmock.NewStringResponse(200, `[]`), nil
	})
	if err := get(c, "/x", &[]int{}); err != nil {
		t.Fatal(err)
	}
}

func TestUserAgentOverride(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithUserAgent("svc/2"))
	mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		if ua := r.UserAgent(); ua != "svc/2" {
			t.Errorf("User-Agent = %q", ua)
		}
		return httpmock.NewStringResponse(204, ""), nil
	})
	if err := get(c, "/x", nil); err != nil {
		t.Fatal(err)
	}
}

func TestPath(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   []string
		want string
	}{
		{[]string{"triggers", "Good Trigger"}, "/triggers/Good%20Trigger"},
		{[]string{"triggers", "a/b"}, "/triggers/a%2Fb"},
		{[]string{"triggers", "what?#frag"}, "/triggers/what%3F%23frag"},
		{[]string{"triggers", ".."}, "/triggers/%2E%2E"},
		{[]string{"triggers", "."}, "/triggers/%2E"},
		{[]string{"triggers", "../goals"}, "/triggers/..%2Fgoals"},
		{[]string{"triggers", "100%"}, "/triggers/100%25"},
	}
	for _, tc := range cases {
		got, err := Path(tc.in...)
		if err != nil || got != tc.want {
			t.Errorf("Path(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := Path("goals", ""); err == nil {
		t.Error("empty segment accepted")
	}
}

// TestEscapedSegmentsReachTheirOwnURL checks that what Path builds arrives
// intact: the server sees one segment, never a different resource.
func TestEscapedSegmentsReachTheirOwnURL(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a b", "a/b", "q?x=1", "h#f", "..", "../../goals"} {
		c, mt := newMock(t)
		var raw string
		mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
			raw = r.URL.EscapedPath()
			return httpmock.NewStringResponse(204, ""), nil
		})
		p, _ := Path("triggers", name)
		if err := get(c, p, nil); err != nil {
			t.Fatal(err)
		}
		segs := strings.Split(strings.TrimPrefix(raw, "/v1/"), "/")
		if len(segs) != 2 || segs[0] != "triggers" {
			t.Fatalf("%q reached %q", name, raw)
		}
		if got, _ := url.PathUnescape(segs[1]); got != name {
			t.Errorf("%q arrived as %q", name, got)
		}
	}
}

func TestResponseDecoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		status  int
		body    string
		wantErr error
	}{
		{"no content", 204, "", nil},
		{"empty 200", 200, "", ErrMalformedResponse},
		{"truncated", 200, `{"id": 1, "name": "ab`, ErrMalformedResponse},
		{"html 200", 200, `<html>portal</html>`, ErrMalformedResponse},
		{"wrong type", 200, `{"id": "seven"}`, ErrMalformedResponse},
		{"trailing data", 200, `{"id": 1} garbage`, ErrMalformedResponse},
		{"whitespace only", 200, " \n", ErrMalformedResponse},
		{"valid", 200, `{"id": 1}`, nil},
		{"empty allowed", 200, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMock(t)
			mt.RegisterResponder("GET", testBase+"/x", respond(tc.status, tc.body))
			var out struct{ ID int }
			call := &Call{Method: "GET", Path: "/x", Out: &out, AllowEmpty: tc.name == "empty allowed"}
			err := c.Do(context.Background(), call)
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			var apiErr *APIError
			if errors.As(err, &apiErr) {
				t.Errorf("decode failure reported as *APIError: %v", err)
			}
		})
	}
}

func TestBodySizeCap(t *testing.T) {
	t.Parallel()
	const limit = 1024
	for _, tc := range []struct {
		size    int
		wantErr bool
	}{{limit, false}, {limit + 1, true}, {50 * limit, true}} {
		c, mt := newMock(t, WithMaxResponseSize(limit))
		body := `"` + strings.Repeat("a", tc.size-2) + `"`
		mt.RegisterResponder("GET", testBase+"/x", respond(200, body))
		var out string
		err := get(c, "/x", &out)
		if tc.wantErr != errors.Is(err, ErrResponseTooLarge) {
			t.Errorf("size %d: err = %v", tc.size, err)
		}
		if !tc.wantErr && len(out) != tc.size-2 {
			t.Errorf("size %d: decoded %d bytes", tc.size, len(out))
		}
	}
}

func TestErrorBodyIsCapped(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/x", respond(404, strings.Repeat("x", 3*MaxErrorBody)))
	var apiErr *APIError
	if err := get(c, "/x", nil); !errors.As(err, &apiErr) || !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
	if len(apiErr.Body) != MaxErrorBody {
		t.Errorf("kept %d bytes of the body", len(apiErr.Body))
	}
}

func TestHTMLErrorPage(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	page := "<html><body><h1>502 Bad Gateway</h1></body></html>"
	mt.RegisterResponder("POST", testBase+"/x", respond(502, page, "Content-Type", "text/html"))
	err := c.Do(context.Background(), &Call{Method: "POST", Path: "/x", Body: 1})
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.StatusCode != 502 || string(apiErr.Body) != page || apiErr.Code != "" {
		t.Errorf("APIError = %+v", apiErr)
	}
}

type envelope struct {
	Status string `json:"status"`
	Msg    string `json:"msg"`
}

func (e *envelope) Failure() (string, string, bool) { return e.Status, e.Msg, e.Status != "ok" }

func TestEnvelopeFailureAt200(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/x", respond(200, `{"status":"7001","msg":"no such project"}`))
	var env envelope
	err := get(c, "/x", &env)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 200 || apiErr.Code != "7001" || apiErr.Message != "no such project" {
		t.Fatalf("err = %#v", err)
	}
	mt.RegisterResponder("GET", testBase+"/y", respond(200, `{"status":"ok"}`))
	if err := get(c, "/y", &env); err != nil {
		t.Fatal(err)
	}
}

func TestForeignURLIsRefusedWithoutARequest(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithSchemeToken("Bearer", "tok"))
	for _, u := range []string{
		"https://evil.example.net/v1/x",
		"http://api.example.com/v1/x",
		"https://api.example.com:8443/v1/x",
		"https://api.example.com.evil.net/v1/x",
		"::not a url",
	} {
		err := c.Do(context.Background(), &Call{Method: "GET", URL: u})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%s: err = %v", u, err)
		}
	}
	mt.RegisterNoResponder(respond(200, "{}"))
	if err := c.Do(context.Background(), &Call{Method: "GET", URL: "https://API.example.com:443/v1/x?cursor=abc"}); err != nil {
		t.Errorf("same origin refused: %v", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

func TestAlsoAddsDialectSentinel(t *testing.T) {
	t.Parallel()
	errLimit := errors.New("limit")
	e := &APIError{StatusCode: 400}
	Also(e, errLimit)
	var err error = e
	if !errors.Is(err, errLimit) || !errors.Is(err, ErrInvalid) || errors.Is(err, ErrNotFound) {
		t.Errorf("Is mismatch")
	}
}

func TestValidationError(t *testing.T) {
	t.Parallel()
	err := Invalid("attribution_period", "must be in 1..30, got %d", 31)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "attribution_period" || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %#v", err)
	}
	if got := err.Error(); got != "goalkit: invalid attribution_period: must be in 1..30, got 31" {
		t.Errorf("Error() = %q", got)
	}
}

func TestStatusSentinels(t *testing.T) {
	t.Parallel()
	for status, want := range map[int]error{400: ErrInvalid, 401: ErrUnauthorized, 403: ErrForbidden, 404: ErrNotFound, 422: ErrInvalid, 429: ErrRateLimited} {
		e := &APIError{StatusCode: status}
		for _, s := range []error{ErrInvalid, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrRateLimited} {
			if errors.Is(e, s) != (s == want) {
				t.Errorf("%d matches %v: %v", status, s, errors.Is(e, s))
			}
		}
	}
}

func TestNewOptionErrors(t *testing.T) {
	t.Parallel()
	bad := map[string][]Option{
		"nil client":     {WithHTTPClient(nil)},
		"empty token":    {WithSchemeToken("Bearer", " ")},
		"nil source":     {WithTokenSource(nil, "")},
		"no password":    {WithBasicAuth("me@example.com", "")},
		"negative retry": {WithRetryMax(-1)},
		"min over max":   {WithRetryWait(time.Second, time.Millisecond)},
		"zero size":      {WithMaxResponseSize(0)},
		"empty UA":       {WithUserAgent("")},
		"http remote":    {WithBaseURL("http://api.example.com/v1")},
		"relative":       {WithBaseURL("/v1")},
		"ftp":            {WithBaseURL("ftp://api.example.com")},
		"userinfo":       {WithBaseURL("https://u:pw@api.example.com")},
	}
	for name, opts := range bad {
		if _, err := New(Dialect{DefaultBaseURL: testBase}, opts...); err == nil {
			t.Errorf("%s: accepted", name)
		} else if strings.Contains(err.Error(), "pw") {
			t.Errorf("%s: error shows the password: %v", name, err)
		}
	}
	noBase := errors.New("choose a host")
	if _, err := New[Option](Dialect{NoBaseURL: noBase}); err != noBase {
		t.Errorf("no base: %v", err)
	}
}

func TestLoopbackMayUseHTTP(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1/api", "http://[::1]:9/", "https://api.example.com/v1/"} {
		c, err := New(Dialect{}, WithBaseURL(u))
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		if strings.HasSuffix(c.BaseURL().String(), "/") {
			t.Errorf("%s: trailing slash kept", u)
		}
	}
}

func TestModelsDecodeWithPlainJSON(t *testing.T) {
	t.Parallel()
	// APIError round-trips as data, so services can log or persist it.
	e := APIError{StatusCode: 404, Code: "c", Message: "m"}
	b, _ := json.Marshal(e)
	var back APIError
	if err := json.Unmarshal(b, &back); err != nil || back.StatusCode != 404 || back.Code != "c" {
		t.Errorf("round trip: %s %v", b, err)
	}
}

func TestCallDecodeReplacesUnmarshal(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("POST", testBase+"/x", respond(200, `{"status":"7001","msg":"refused"}`))
	var env envelope
	var seen string
	decode := func(b []byte) error { seen = string(b); return json.Unmarshal(b, &env) }
	err := c.Do(context.Background(), &Call{Method: "POST", Path: "/x", Body: 1, Out: &env, Decode: decode})
	var apiErr *APIError
	if seen != `{"status":"7001","msg":"refused"}` || !errors.As(err, &apiErr) || apiErr.Code != "7001" {
		t.Fatalf("Decode saw %q; err = %v (the envelope must still be checked)", seen, err)
	}
	failing := func([]byte) error { return errors.New("no shape fits") }
	err = c.Do(context.Background(), &Call{Method: "POST", Path: "/x", Body: 1, Decode: failing})
	if !errors.Is(err, ErrMalformedResponse) || !strings.Contains(err.Error(), "no shape fits") {
		t.Fatalf("err = %v, want ErrMalformedResponse", err)
	}
}

// TestMarshalerBodyIsSentAsIs: a json.Marshaler body is its MarshalJSON
// output, byte for byte (encodeBody skips json.Marshal's re-compaction).
func TestMarshalerBodyIsSentAsIs(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	var got string
	mt.RegisterResponder("POST", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
		return httpmock.NewStringResponse(204, ""), nil
	})
	if err := c.Do(context.Background(), &Call{Method: "POST", Path: "/x", Body: json.RawMessage(`{"a":[1,2]}`)}); err != nil {
		t.Fatal(err)
	}
	if got != `{"a":[1,2]}` {
		t.Errorf("body = %q", got)
	}
}

// TestPooledBodyIsNotRetained: success bodies are read into pooled buffers;
// what a call returned must not change when a later call reuses the buffer.
func TestPooledBodyIsNotRetained(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/a", respond(200, `{"name":"aaaa","raw":{"k":"AAAA"}}`))
	mt.RegisterResponder("GET", testBase+"/b", respond(200, `{"name":"bbbb","raw":{"k":"BBBB"}}`))
	type out struct {
		Name string          `json:"name"`
		Raw  json.RawMessage `json:"raw"`
	}
	var first out
	if err := get(c, "/a", &first); err != nil {
		t.Fatal(err)
	}
	for range 50 {
		var later out
		if err := get(c, "/b", &later); err != nil {
			t.Fatal(err)
		}
	}
	if first.Name != "aaaa" || string(first.Raw) != `{"k":"AAAA"}` {
		t.Errorf("first result changed to %q %s", first.Name, first.Raw)
	}
}
