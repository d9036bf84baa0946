package goals_test

import (
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/testkit"
)

const testBase = "https://acme.zendesk.com/api/v2/chat"

type recorder = testkit.Recorder

var (
	answer       = testkit.Answer
	jsonEqual    = testkit.JSONEqual
	checkHeaders = testkit.CheckHeaders
)

// mock builds a client on a fresh mock transport whose answers are resps in
// order (the last one repeats).
func mock(t *testing.T, resps []httpmock.Responder, opts ...goals.Option) (*goals.Client, *httpmock.MockTransport, *recorder) {
	t.Helper()
	c, mt := testkit.Client(t, goals.NewClient, testBase, append([]goals.Option{goals.WithToken("tok-123")}, opts...)...)
	rec := testkit.NewRecorder(resps...)
	mt.RegisterNoResponder(rec.Respond)
	return c, mt, rec
}
