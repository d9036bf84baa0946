package transport

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const testBase = "https://api.example.com/v1"

// newMock returns a client over its own MockTransport, with waits short
// enough that retry tests take milliseconds.
func newMock(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	all := append([]Option{
		WithHTTPClient(&http.Client{Transport: mt}),
		WithRetryWait(time.Millisecond, 5*time.Millisecond),
		WithRetryMax(2),
	}, opts...)
	c, err := New(Dialect{DefaultBaseURL: testBase, DecodeError: decodeTestError}, all...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, mt
}

// decodeTestError reads {"error": code, "message": msg} the way a dialect would.
func decodeTestError(e *APIError) {
	var body struct{ Error, Message string }
	if json.Unmarshal(e.Body, &body) == nil {
		e.Code, e.Message = body.Error, body.Message
	}
}

func get(c *Client, path string, out any) error {
	return c.Do(context.Background(), &Call{Method: http.MethodGet, Path: path, Out: out})
}

// respond returns a responder with status, body and headers in pairs.
func respond(status int, body string, headers ...string) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		resp := httpmock.NewStringResponse(status, body)
		for i := 0; i+1 < len(headers); i += 2 {
			resp.Header.Set(headers[i], headers[i+1])
		}
		resp.Request = req
		return resp, nil
	}
}

func parseURL(s string) (*url.URL, error) { return url.Parse(s) }
