package triggers_test

import (
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/testkit"
	"github.com/goalkit/goalkit/triggers"
)

const testBase = "https://acme.zendesk.com/api/v2/chat"

var (
	answer       = testkit.Answer
	jsonEqual    = testkit.JSONEqual
	checkHeaders = testkit.CheckHeaders
)

// mock builds a client on a fresh mock transport whose answers are resps in
// order (the last one repeats).
func mock(t *testing.T, resps []httpmock.Responder, opts ...triggers.Option) (*triggers.Client, *httpmock.MockTransport, *testkit.Recorder) {
	t.Helper()
	c, mt := testkit.Client(t, triggers.NewClient, testBase, append([]triggers.Option{triggers.WithToken("tok-123")}, opts...)...)
	rec := testkit.NewRecorder(resps...)
	mt.RegisterNoResponder(rec.Respond)
	return c, mt, rec
}

// Documented examples (the Chat API docs, triggers) and a real recorded
// object (from a live account via Airbyte's expected
// records).
const (
	seedList           = `[  {    "description": "Visitor entered page",    "enabled": 1,    "id": 4,    "name": "Good Trigger"  },  {    "description": "Visitor requested chat",    "enabled": 1,    "id": 5,    "name": "Better Trigger"  }]`
	seedTrigger        = `{  "description": "Visitor entered page",  "enabled": 1,  "id": 4,  "name": "Good Trigger"}`
	seedCreateBody     = `{        "name" : "Good Trigger",        "enabled" : 1,        "description" : "Visitor requested chat"  }`
	seedCreateResponse = `{  "description": "Visitor requested chat",  "enabled": 1,  "id": 4,  "name": "Good Trigger"}`
	seedUpdateBody     = `{        "name" : "Best Trigger",        "description" : "Visitor requested new chat"  }`
	seedUpdateResponse = `{  "description": "Visitor requested new chat",  "enabled": 1,  "id": 4,  "name": "Best Trigger"}`

	recordedDefinition = `{"event": "chat_requested", "condition": ["and", ["eq", "@visitor_requesting_chat", true], ["eq", "@visitor_served", false], ["not", ["firedBefore"]]], "actions": [["wait", 5], ["sendMessageToVisitor", "Customer Service", "Thanks for your message, please wait a moment while our agents attend to you."]], "version": 1, "editor": "advanced"}`
	recordedTrigger    = `{"enabled": true, "definition": ` + recordedDefinition + `, "description": "Send an automated reply to customers that start a chat, so they know their request is being attended to.", "name": "First Reply", "id": 66052601}`
)
