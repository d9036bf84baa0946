package triggers_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// fakeClient is a client of a triggerstest fake over loopback TCP.
func fakeClient(t *testing.T) (*triggers.Client, *triggerstest.Fake) {
	t.Helper()
	f := triggerstest.New()
	srv := triggerstest.NewServerWith(f)
	t.Cleanup(srv.Close)
	c, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

var greet = &triggers.TriggerParams{
	Name: triggers.Ptr("Greet"), Description: triggers.Ptr("Say hi"), Enabled: triggers.Ptr(true),
	Definition: &triggers.Definition{Event: "page_enter", Condition: json.RawMessage(`["eq","@visitor_served",false]`),
		Actions: json.RawMessage(`[["sendMessageToVisitor","Support","Hi"]]`)},
}

func TestReplace_ChangesDefinition(t *testing.T) {
	t.Parallel()
	c, f := fakeClient(t)
	old, err := c.Create(ctx, greet)
	if err != nil {
		t.Fatal(err)
	}
	next := *greet
	next.Definition = &triggers.Definition{Event: "chat_requested", Condition: json.RawMessage(`["eq","@visitor_served",false]`), Actions: json.RawMessage(`[["wait",5]]`)}
	got, err := c.Replace(ctx, "Greet", &next)
	if err != nil {
		t.Fatal(err)
	}
	all := f.Triggers()
	if len(all) != 1 || all[0].ID != got.ID || got.ID == old.ID || all[0].Definition.Event != "chat_requested" ||
		string(all[0].Definition.Actions) != `[["wait",5]]` || all[0].Description != "Say hi" {
		t.Errorf("after Replace the fake holds %+v (returned %+v)", all, got)
	}
}

// A create that fails after the delete puts the old trigger back.
func TestReplace_RestoresOldTriggerWhenCreateFails(t *testing.T) {
	t.Parallel()
	c, f := fakeClient(t)
	if _, err := c.Create(ctx, greet); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Taken")}); err != nil {
		t.Fatal(err)
	}
	before := f.Triggers()[0]
	next := *greet
	next.Name = triggers.Ptr("Taken") // the create is refused: the name exists
	_, err := c.Replace(ctx, "Greet", &next)
	var re *triggers.ReplaceError
	var ae *triggers.APIError
	if !errors.As(err, &re) || re.RestoreErr != nil || re.Restored == nil || !errors.As(err, &ae) || ae.StatusCode != 400 || !errors.Is(err, triggers.ErrInvalid) {
		t.Fatalf("err = %v, want a *ReplaceError with the old trigger restored, wrapping the 400", err)
	}
	if !strings.Contains(err.Error(), "old trigger restored") {
		t.Errorf("error %q does not say the old trigger is back", err)
	}
	restored, err := c.Get(ctx, "Greet")
	if err != nil {
		t.Fatal(err)
	}
	if restored.ID != re.Restored.ID || restored.Description != before.Description || restored.Enabled != before.Enabled ||
		restored.Definition.Event != before.Definition.Event || string(restored.Definition.Actions) != string(before.Definition.Actions) {
		t.Errorf("restored %+v, want the old %+v", restored, before)
	}
	if n := len(f.Triggers()); n != 2 {
		t.Errorf("fake holds %d triggers, want 2", n)
	}
}

// If the restore fails too, the error says the trigger is gone and holds
// it, so nothing is lost.
func TestReplace_RestoreFailureKeepsOldInError(t *testing.T) {
	t.Parallel()
	refused := answer(400, `{"error": "Bad Request", "description": "nope"}`)
	c, _, rec := mock(t, []httpmock.Responder{answer(200, recordedTrigger), httpmock.NewStringResponder(204, ""), refused, refused})
	_, err := c.Replace(ctx, "First Reply", &triggers.TriggerParams{Name: triggers.Ptr("First Reply"), Definition: &triggers.Definition{Event: "page_enter"}})
	var re *triggers.ReplaceError
	if !errors.As(err, &re) || re.RestoreErr == nil || re.Old == nil || re.Old.Name != "First Reply" || re.Old.Definition == nil {
		t.Fatalf("err = %v, want a *ReplaceError holding the old trigger", err)
	}
	if !strings.Contains(err.Error(), "the trigger is deleted") {
		t.Errorf("error %q does not say the trigger is gone", err)
	}
	last := rec.Last(t)
	if last.Method != http.MethodPost {
		t.Errorf("last request %s, want the restore's POST", last.Method)
	}
	jsonEqual(t, last.Body, `{"name": "First Reply", "description": "Send an automated reply to customers that start a chat, so they know their request is being attended to.", "enabled": 1, "definition": `+recordedDefinition+`}`)
}

// An unknown trigger is reported before anything is deleted.
func TestReplace_UnknownTriggerDeletesNothing(t *testing.T) {
	t.Parallel()
	c, f := fakeClient(t)
	if _, err := c.Create(ctx, greet); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Replace(ctx, "Nope", greet); !errors.Is(err, triggers.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	if n := len(f.Triggers()); n != 1 {
		t.Errorf("fake holds %d triggers, want 1", n)
	}
}

// A cancelled context after the delete still restores the old trigger.
func TestReplace_RestoresAfterCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var posts int
	c, _, rec := mock(t, []httpmock.Responder{answer(200, recordedTrigger), httpmock.NewStringResponder(204, ""),
		func(r *http.Request) (*http.Response, error) {
			posts++
			cancel() // the caller gives up while the create is in flight
			return nil, context.Canceled
		}, answer(201, recordedTrigger)})
	_, err := c.Replace(ctx, "First Reply", &triggers.TriggerParams{Name: triggers.Ptr("First Reply")})
	var re *triggers.ReplaceError
	if !errors.As(err, &re) || re.RestoreErr != nil || re.Restored == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want a restored *ReplaceError wrapping context.Canceled", err)
	}
	if rec.Last(t).Method != http.MethodPost || posts != 1 {
		t.Errorf("want the failed create, then the restore")
	}
}

// Zendesk documents renames through PUT, but a long-lived client never
// sends the name in an update: a refused rename says so.
func TestUpdate_RefusedRenameSaysSo(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(400, `{"error": "Bad Request", "description": "name is not allowed"}`)})
	_, err := c.Update(ctx, "Greet", &triggers.TriggerParams{Name: triggers.Ptr("Welcome")})
	var ae *triggers.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 400 {
		t.Fatalf("err = %v, want the *APIError", err)
	}
	for _, want := range []string{`rename "Greet" to "Welcome" was refused`, "Replace", "name is not allowed"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// Another refusal is not dressed up as a rename.
	c, _, _ = mock(t, []httpmock.Responder{answer(400, `{"error": "Bad Request"}`)})
	if _, err := c.Update(ctx, "Greet", &triggers.TriggerParams{Enabled: triggers.Ptr(false)}); err == nil || strings.Contains(err.Error(), "rename") {
		t.Errorf("non-rename update error: %v", err)
	}
}

func TestUpdate_DefinitionRefusalPointsToReplace(t *testing.T) {
	t.Parallel()
	c, mt, _ := mock(t, []httpmock.Responder{answer(200, "{}")})
	_, err := c.Update(ctx, "Greet", &triggers.TriggerParams{Definition: &triggers.Definition{Event: "page_enter"}})
	var ve *triggers.ValidationError
	if !errors.As(err, &ve) || ve.Field != "definition" || !strings.Contains(ve.Reason, "Replace") {
		t.Fatalf("err = %v, want a ValidationError on definition pointing to Replace", err)
	}
	if mt.GetTotalCallCount() != 0 {
		t.Error("a request was sent")
	}
}

// A create whose answer is lost may have been applied: the restore then
// finds the name taken, and the trigger that is there is the result.
func TestReplace_LostCreateAnswerThatWasApplied(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{
		answer(200, recordedTrigger),                                                                            // Get
		httpmock.NewStringResponder(204, ""),                                                                    // Delete
		httpmock.NewErrorResponder(errors.New("connection reset by peer")),                                      // Create: applied, answer lost
		answer(400, `{"error": "Bad Request", "description": "Trigger name already exists"}`),                   // restore
		answer(200, `{"id": 7, "name": "First Reply", "enabled": true, "definition": {"event": "page_enter"}}`), // Get
	})
	got, err := c.Replace(ctx, "First Reply", &triggers.TriggerParams{Name: triggers.Ptr("First Reply"), Definition: &triggers.Definition{Event: "page_enter"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 7 || got.Definition.Event != "page_enter" {
		t.Errorf("got %+v", got)
	}
	if last := rec.Last(t); last.Method != http.MethodGet {
		t.Errorf("last request %s, want the lookup", last.Method)
	}
}

// A delete that went through with its answer lost (a retry then answers
// 404, or the call fails) still leads to the create: the trigger is gone
// either way, and stopping there would leave the account without it.
func TestReplace_DeleteAppliedButNotAnswered(t *testing.T) {
	t.Parallel()
	created := `{"id": 8, "name": "First Reply", "definition": {"event": "page_enter"}}`
	for name, deleteAnswers := range map[string][]httpmock.Responder{
		"404 on retry": {answer(404, `{"error": "Not Found"}`)},
		"lost answer":  {httpmock.NewErrorResponder(errors.New("connection reset")), answer(404, `{"error": "Not Found"}`)},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resps := append([]httpmock.Responder{answer(200, recordedTrigger)}, deleteAnswers...)
			resps = append(resps, answer(201, created))
			c, _, rec := mock(t, resps, triggers.WithRetryMax(0))
			got, err := c.Replace(ctx, "First Reply", &triggers.TriggerParams{Name: triggers.Ptr("First Reply"), Definition: &triggers.Definition{Event: "page_enter"}})
			if err != nil || got.ID != 8 {
				t.Fatalf("Replace = %+v, %v", got, err)
			}
			if last := rec.Last(t); last.Method != http.MethodPost {
				t.Errorf("last request %s, want the create", last.Method)
			}
		})
	}
}

// A delete that failed while the trigger is still there changes nothing.
func TestReplace_DeleteRefusedChangesNothing(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, recordedTrigger), answer(403, `{"error": "Forbidden"}`), answer(200, recordedTrigger)})
	_, err := c.Replace(ctx, "First Reply", &triggers.TriggerParams{Name: triggers.Ptr("First Reply")})
	if !errors.Is(err, triggers.ErrForbidden) {
		t.Fatalf("err = %v, want ErrForbidden", err)
	}
	if last := rec.Last(t); last.Method != http.MethodGet {
		t.Errorf("last request %s, want the check that the trigger is still there", last.Method)
	}
}
