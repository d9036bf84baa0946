package pagesense_test

import (
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/testkit"
	"github.com/goalkit/goalkit/pagesense"
)

const base = "https://pagesense.zoho.com/pagesense/rest/v1"

// newClient returns a client on its own mock transport, with a fixed token
// and fast retries.
func newClient(t *testing.T, opts ...pagesense.Option) (*httpmock.MockTransport, *pagesense.Client) {
	t.Helper()
	c, mt := testkit.Client(t, pagesense.NewClient, base, append([]pagesense.Option{pagesense.WithToken("tok-123")}, opts...)...)
	return mt, c
}

// captured is one request as the server saw it.
type captured = testkit.Sent

// answer records requests and answers them with status and body, then with
// what Then adds, the last one repeating.
func answer(status int, body string) *testkit.Recorder {
	return testkit.NewRecorder(testkit.Answer(status, body))
}

// checkRequest asserts method, full URL and the headers every call carries.
func checkRequest(t *testing.T, got captured, method, url string, withBody bool) {
	t.Helper()
	if got.Method != method || got.URL != url {
		t.Errorf("request = %s %s, want %s %s", got.Method, got.URL, method, url)
	}
	testkit.CheckHeaders(t, got, "Zoho-oauthtoken tok-123", withBody)
}
