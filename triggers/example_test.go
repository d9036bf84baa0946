package triggers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// newExampleClient talks to an in-memory fake; real code would use
// triggers.WithSubdomain("yourcompany") and triggers.WithToken(token).
func newExampleClient() (*triggers.Client, func()) {
	srv := triggerstest.NewServer()
	c, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("chat-oauth-token"))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}

func ExampleClient_Create() {
	client, done := newExampleClient()
	defer done()

	t, err := client.Create(context.Background(), &triggers.TriggerParams{
		Name:    triggers.Ptr("First Reply"),
		Enabled: triggers.Ptr(true),
		Definition: &triggers.Definition{
			Event:     "chat_requested",
			Condition: json.RawMessage(`["and", ["eq", "@visitor_requesting_chat", true], ["not", ["firedBefore"]]]`),
			Actions:   json.RawMessage(`[["wait", 5], ["sendMessageToVisitor", "Support", "Thanks, an agent will be with you shortly."]]`),
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.ID, t.Name, t.Enabled, t.Definition.Event)
	fmt.Println(string(t.Definition.Actions))
	// Output:
	// 1 First Reply true chat_requested
	// [["wait",5],["sendMessageToVisitor","Support","Thanks, an agent will be with you shortly."]]
}

func ExampleClient_Update() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	if _, err := client.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Good Trigger")}); err != nil {
		log.Fatal(err)
	}

	// Setting Name renames: the trigger is then found under its new name.
	t, err := client.Update(ctx, "Good Trigger", &triggers.TriggerParams{Name: triggers.Ptr("Best Trigger")})
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Get(ctx, "Good Trigger")
	fmt.Println(t.ID, t.Name, errors.Is(err, triggers.ErrNotFound))
	// Output: 1 Best Trigger true
}

func ExampleClient_Get() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	// Names are escaped as one path segment, so any name is safe.
	if _, err := client.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Sales / EU?"), Enabled: triggers.Ptr(false)}); err != nil {
		log.Fatal(err)
	}

	t, err := client.Get(ctx, "Sales / EU?")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d %q %v\n", t.ID, t.Name, t.Enabled)
	// Output: 1 "Sales / EU?" false
}

func ExampleClient_List() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	for _, name := range []string{"Greeter", "Away message"} {
		if _, err := client.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr(name)}); err != nil {
			log.Fatal(err)
		}
	}

	list, err := client.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range list {
		fmt.Println(t.ID, t.Name)
	}
	// Output:
	// 1 Greeter
	// 2 Away message
}

func ExampleClient_Delete() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	if _, err := client.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Old")}); err != nil {
		log.Fatal(err)
	}

	fmt.Println(client.Delete(ctx, "Old"))
	fmt.Println(errors.Is(client.Delete(ctx, "Old"), triggers.ErrNotFound))
	// Output:
	// <nil>
	// true
}

// Update does not change definitions (the API does not edit them there);
// Replace deletes the trigger and creates it again with the new one. The
// trigger gets a new id; had the create failed, the old trigger would have
// been restored.
func ExampleClient_Replace() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	if _, err := client.Create(ctx, &triggers.TriggerParams{
		Name:       triggers.Ptr("First Reply"),
		Definition: &triggers.Definition{Event: "chat_requested", Actions: json.RawMessage(`[["wait",5]]`)},
	}); err != nil {
		log.Fatal(err)
	}

	old, err := client.Get(ctx, "First Reply")
	if err != nil {
		log.Fatal(err)
	}
	def := *old.Definition
	def.Actions = json.RawMessage(`[["wait",10]]`)
	_, err = client.Update(ctx, "First Reply", &triggers.TriggerParams{Definition: &def})
	var invalid *triggers.ValidationError
	fmt.Println(errors.As(err, &invalid), invalid.Field)

	t, err := client.Replace(ctx, "First Reply", &triggers.TriggerParams{
		Name: &old.Name, Description: &old.Description, Enabled: &old.Enabled, Definition: &def,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.ID, t.Name, string(t.Definition.Actions))
	// Output:
	// true definition
	// 2 First Reply [["wait",10]]
}
