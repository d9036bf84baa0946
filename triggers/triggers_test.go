package triggers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/triggers"
)

var ctx = context.Background()

func TestList_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedList)})
	got, err := c.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []triggers.Trigger{
		{ID: 4, Name: "Good Trigger", Description: "Visitor entered page", Enabled: true},
		{ID: 5, Name: "Better Trigger", Description: "Visitor requested chat", Enabled: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("List = %+v\nwant %+v", got, want)
	}
	s := rec.Last(t)
	if s.Method != http.MethodGet || s.URL != testBase+"/triggers" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

func TestList_RecordedObject(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, "["+recordedTrigger+"]")})
	got, err := c.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d triggers", len(got))
	}
	tr := got[0]
	if tr.ID != 66052601 || tr.Name != "First Reply" || !tr.Enabled ||
		tr.Description != "Send an automated reply to customers that start a chat, so they know their request is being attended to." {
		t.Errorf("trigger %+v", tr)
	}
	d := tr.Definition
	if d == nil || d.Event != "chat_requested" || d.Version != 1 || d.Editor != "advanced" || d.Extra != nil {
		t.Fatalf("definition %+v", d)
	}
	jsonEqual(t, d.Condition, `["and", ["eq", "@visitor_requesting_chat", true], ["eq", "@visitor_served", false], ["not", ["firedBefore"]]]`)
	jsonEqual(t, d.Actions, `[["wait", 5], ["sendMessageToVisitor", "Customer Service", "Thanks for your message, please wait a moment while our agents attend to you."]]`)
}

func TestGet_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedTrigger)})
	got, err := c.Get(ctx, "Good Trigger")
	if err != nil {
		t.Fatal(err)
	}
	want := triggers.Trigger{ID: 4, Name: "Good Trigger", Description: "Visitor entered page", Enabled: true}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("Get = %+v", got)
	}
	s := rec.Last(t)
	if s.Method != http.MethodGet || s.URL != testBase+"/triggers/Good%20Trigger" || s.RawPath != "/api/v2/chat/triggers/Good%20Trigger" {
		t.Errorf("sent %s %s (raw path %s)", s.Method, s.URL, s.RawPath)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

func TestCreate_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(201, seedCreateResponse)})
	got, err := c.Create(ctx, &triggers.TriggerParams{
		Name: triggers.Ptr("Good Trigger"), Enabled: triggers.Ptr(true), Description: triggers.Ptr("Visitor requested chat"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := (triggers.Trigger{ID: 4, Name: "Good Trigger", Description: "Visitor requested chat", Enabled: true}); !reflect.DeepEqual(*got, want) {
		t.Errorf("Create = %+v", got)
	}
	s := rec.Last(t)
	if s.Method != http.MethodPost || s.URL != testBase+"/triggers" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", true)
	jsonEqual(t, s.Body, seedCreateBody)
}

func TestCreate_WithDefinition(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(201, recordedTrigger)})
	def := &triggers.Definition{
		Event:     "chat_requested",
		Condition: json.RawMessage(`["eq", "@visitor_served", false]`),
		Actions:   json.RawMessage(`[["sendMessageToVisitor", "Support", "Hi"]]`),
	}
	_, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Hello"), Enabled: triggers.Ptr(false), Definition: def})
	if err != nil {
		t.Fatal(err)
	}
	// Zero Version and empty Editor are not sent.
	if got, want := string(rec.Last(t).Body), `{"name":"Hello","enabled":0,"definition":{"actions":[["sendMessageToVisitor","Support","Hi"]],"condition":["eq","@visitor_served",false],"event":"chat_requested"}}`; got != want {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

func TestUpdate_SeedExampleRenames(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedUpdateResponse)})
	got, err := c.Update(ctx, "Good Trigger", &triggers.TriggerParams{
		Name: triggers.Ptr("Best Trigger"), Description: triggers.Ptr("Visitor requested new chat"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := (triggers.Trigger{ID: 4, Name: "Best Trigger", Description: "Visitor requested new chat", Enabled: true}); !reflect.DeepEqual(*got, want) {
		t.Errorf("Update = %+v", got)
	}
	s := rec.Last(t)
	if s.Method != http.MethodPut || s.RawPath != "/api/v2/chat/triggers/Good%20Trigger" {
		t.Errorf("sent %s %s", s.Method, s.RawPath)
	}
	checkHeaders(t, s, "Bearer tok-123", true)
	jsonEqual(t, s.Body, seedUpdateBody)
}

func TestReplace_UnknownDefinitionKeysSurviveGetThenReplace(t *testing.T) {
	t.Parallel()
	stored := `{"id": 9, "name": "Tagged", "enabled": 1, "definition": {"event": "chat_requested",
		"condition": ["eq", "@visitor_served", false], "actions": [["addTag", "vip"]],
		"priority": 3, "meta": {"created_by": "ui", "labels": ["a", "b"]}, "version": "2b"}}`
	// Get (the test's), Get (Replace's), Delete, Create.
	c, _, rec := mock(t, []httpmock.Responder{answer(200, stored), answer(200, stored), httpmock.NewStringResponder(204, ""), answer(201, stored)})
	tr, err := c.Get(ctx, "Tagged")
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Definition.Extra) != 3 || tr.Definition.Version != 0 {
		t.Fatalf("Extra = %v, Version %d: want priority, meta and the odd version kept raw", tr.Definition.Extra, tr.Definition.Version)
	}
	if _, err := c.Replace(ctx, tr.Name, &triggers.TriggerParams{Name: &tr.Name, Enabled: triggers.Ptr(false), Definition: tr.Definition}); err != nil {
		t.Fatal(err)
	}
	last := rec.Last(t)
	if last.Method != http.MethodPost || last.RawPath != "/api/v2/chat/triggers" {
		t.Errorf("last request %s %s, want the create", last.Method, last.RawPath)
	}
	jsonEqual(t, last.Body, `{"name": "Tagged", "enabled": 0, "definition": {"event": "chat_requested",
		"condition": ["eq", "@visitor_served", false], "actions": [["addTag", "vip"]],
		"priority": 3, "meta": {"created_by": "ui", "labels": ["a", "b"]}, "version": "2b"}}`)
}

func TestReplace_RecordedDefinitionRoundTrips(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, recordedTrigger), answer(200, recordedTrigger), httpmock.NewStringResponder(204, ""), answer(201, recordedTrigger)})
	tr, err := c.Get(ctx, "First Reply")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Replace(ctx, tr.Name, &triggers.TriggerParams{Name: &tr.Name, Definition: tr.Definition}); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, rec.Last(t).Body, `{"name": "First Reply", "definition": `+recordedDefinition+`}`)
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{httpmock.NewStringResponder(204, "")})
	if err := c.Delete(ctx, "Good Trigger"); err != nil {
		t.Fatal(err)
	}
	s := rec.Last(t)
	if s.Method != http.MethodDelete || s.URL != testBase+"/triggers/Good%20Trigger" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

// Each name reaches its own URL and nothing else: the mock must see
// exactly one escaped segment below /triggers.
func TestNames_AreOneEscapedSegment(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Good Trigger":   "Good%20Trigger",
		"a/b":            "a%2Fb",
		"what?x=1":       "what%3Fx=1",
		"#1 reply":       "%231%20reply",
		"..":             "%2E%2E",
		".":              "%2E",
		"../goals":       "..%2Fgoals",
		"../../admin":    "..%2F..%2Fadmin",
		"100% off":       "100%25%20off",
		"café":           "caf%C3%A9",
		"a\\b":           "a%5Cb",
		" leading space": "%20leading%20space",
	}
	for name, seg := range cases {
		want := "/api/v2/chat/triggers/" + seg
		calls := map[string]func(*triggers.Client) error{
			"GET": func(c *triggers.Client) error { _, err := c.Get(ctx, name); return err },
			"PUT": func(c *triggers.Client) error {
				_, err := c.Update(ctx, name, &triggers.TriggerParams{Enabled: triggers.Ptr(true)})
				return err
			},
			"DELETE": func(c *triggers.Client) error { return c.Delete(ctx, name) },
		}
		for method, call := range calls {
			c, mt, rec := mock(t, []httpmock.Responder{answer(200, `{"id": 1}`)})
			if err := call(c); err != nil {
				t.Fatalf("%s %q: %v", method, name, err)
			}
			s := rec.Last(t)
			if s.Method != method || s.RawPath != want || s.URL != "https://acme.zendesk.com"+want || mt.GetTotalCallCount() != 1 {
				t.Errorf("%s %q: sent %s raw path %s (URL %s), want %s", method, name, s.Method, s.RawPath, s.URL, want)
			}
		}
	}
}
