package goals_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/zopim/zopimtest"
)

const testBase = "https://acme.zendesk.com/api/v2/chat"

type recorder = zopimtest.Recorder

var (
	answer       = zopimtest.Answer
	jsonEqual    = zopimtest.JSONEqual
	checkHeaders = zopimtest.CheckHeaders
)

// mock builds a client on a fresh mock transport whose answers are resps in
// order (the last one repeats).
func mock(t *testing.T, resps []httpmock.Responder, opts ...goals.Option) (*goals.Client, *httpmock.MockTransport, *recorder) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := zopimtest.NewRecorder(resps...)
	mt.RegisterNoResponder(rec.Respond)
	base := []goals.Option{
		goals.WithHTTPClient(&http.Client{Transport: mt}),
		goals.WithBaseURL(testBase),
		goals.WithToken("tok-123"),
		goals.WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}
	c, err := goals.NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, mt, rec
}
