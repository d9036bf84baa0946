package triggerstest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/triggers"
)

// Contract runs one behavioural suite against the triggers API behind
// newClient: goalkit runs it against this fake always and against a real
// account when credentials are set (see contract_test.go), which is how a
// divergence between fake and vendor shows. Run it against your own
// wrapper or mock of triggers.API to check it behaves like the vendor.
//
// The suite creates disabled triggers named "goalkit-contract-*" only,
// deletes each with t.Cleanup (also when a step fails, under its latest
// name), and makes about 15 calls. It checks: create with a definition
// then read it back; update a description and rename (the old name is
// then triggers.ErrNotFound); list; Replace gives a trigger a new
// definition (when the client has Replace, as *triggers.Client does); bad
// input, a definition in Update included, is a *ValidationError with
// nothing sent; delete.
func Contract(t *testing.T, newClient func(t *testing.T) triggers.API) {
	t.Helper()
	c := newClient(t)
	ctx := fake.ContractContext(t)
	def := &triggers.Definition{
		Event:     "page_enter",
		Condition: json.RawMessage(`["and",["eq","@visitor_served",false]]`),
		Actions:   json.RawMessage(`[["addTag","goalkit-contract"]]`),
	}

	t.Run("lifecycle", func(t *testing.T) {
		name := fake.ContractName()
		current := name
		tr, err := c.Create(ctx, &triggers.TriggerParams{
			Name: &name, Description: triggers.Ptr("created by goalkit's contract suite"),
			Enabled: triggers.Ptr(false), Definition: def,
		})
		if err != nil {
			t.Fatal(err)
		}
		fake.ContractCleanup(t, "delete the lifecycle trigger", triggers.ErrNotFound,
			func(ctx context.Context) error { return c.Delete(ctx, current) })
		check := func(step string, got *triggers.Trigger, wantName, wantDesc string) {
			t.Helper()
			if got.Name != wantName || got.Description != wantDesc || got.Enabled || got.ID <= 0 ||
				got.Definition == nil || got.Definition.Event != def.Event ||
				!jsonEqual(got.Definition.Condition, def.Condition) || !jsonEqual(got.Definition.Actions, def.Actions) {
				t.Fatalf("%s returned %+v (definition %+v)", step, got, got.Definition)
			}
		}
		check("Create", tr, name, "created by goalkit's contract suite")
		got, err := c.Get(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		check("Get", got, name, "created by goalkit's contract suite")
		renamed := fake.ContractName()
		upd, err := c.Update(ctx, name, &triggers.TriggerParams{Name: &renamed, Description: triggers.Ptr("renamed")})
		if err != nil {
			t.Fatal(err)
		}
		current = renamed
		check("Update", upd, renamed, "renamed")
		if _, err := c.Get(ctx, name); !errors.Is(err, triggers.ErrNotFound) {
			t.Errorf("Get of the old name = %v, want ErrNotFound", err)
		}
		list, err := c.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range list {
			found = found || l.Name == renamed && l.ID == tr.ID
		}
		if !found {
			t.Errorf("List lacks %q", renamed)
		}
		if err := c.Delete(ctx, renamed); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Get(ctx, renamed); !errors.Is(err, triggers.ErrNotFound) {
			t.Errorf("Get after Delete = %v, want ErrNotFound", err)
		}
	})

	// Replace is a method of *triggers.Client, not of triggers.API: it is
	// checked when the client has it.
	replacer, canReplace := c.(interface {
		Replace(ctx context.Context, name string, t *triggers.TriggerParams) (*triggers.Trigger, error)
	})
	t.Run("replace", func(t *testing.T) {
		if !canReplace {
			t.Skip("the client has no Replace method")
		}
		name := fake.ContractName()
		if _, err := c.Create(ctx, &triggers.TriggerParams{Name: &name, Enabled: triggers.Ptr(false), Definition: def}); err != nil {
			t.Fatal(err)
		}
		fake.ContractCleanup(t, fmt.Sprintf("delete trigger %q", name), triggers.ErrNotFound,
			func(ctx context.Context) error { return c.Delete(ctx, name) })
		next := &triggers.Definition{
			Event:     "chat_requested",
			Condition: json.RawMessage(`["and",["eq","@visitor_requesting_chat",true]]`),
			Actions:   def.Actions,
		}
		if _, err := replacer.Replace(ctx, name, &triggers.TriggerParams{Name: &name, Enabled: triggers.Ptr(false), Definition: next}); err != nil {
			t.Fatal(err)
		}
		got, err := c.Get(ctx, name)
		if err != nil || got.Definition == nil || got.Definition.Event != next.Event || !jsonEqual(got.Definition.Condition, next.Condition) {
			t.Fatalf("Get after Replace = %+v, %v; want the new definition", got, err)
		}
	})

	t.Run("validation", func(t *testing.T) {
		var ve *triggers.ValidationError
		if _, err := c.Create(ctx, &triggers.TriggerParams{Description: triggers.Ptr("x")}); !errors.As(err, &ve) || ve.Field != "name" {
			t.Errorf("no name: %v, want a *ValidationError for name", err)
		}
		bad := &triggers.Definition{Event: "page_enter", Condition: json.RawMessage(`["and"`)}
		if _, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr(fake.ContractName()), Definition: bad}); !errors.As(err, &ve) || ve.Field != "definition.condition" {
			t.Errorf("bad condition: %v, want a *ValidationError for definition.condition", err)
		}
		if _, err := c.Update(ctx, fake.ContractName(), &triggers.TriggerParams{Definition: def}); !errors.As(err, &ve) || ve.Field != "definition" {
			t.Errorf("Update with a definition: %v, want a *ValidationError for definition (use Replace)", err)
		}
		if _, err := c.Get(ctx, fake.ContractName()); !errors.Is(err, triggers.ErrNotFound) {
			t.Errorf("Get of an unknown name = %v, want ErrNotFound", err)
		}
	})
}

// jsonEqual compares two JSON documents as values.
func jsonEqual(a, b json.RawMessage) bool {
	var ca, cb bytes.Buffer
	return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && bytes.Equal(ca.Bytes(), cb.Bytes())
}
