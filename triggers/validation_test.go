package triggers_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/triggers"
)

func TestValidation_NothingSent(t *testing.T) {
	t.Parallel()
	type call func(context.Context, *triggers.Client) error
	create := func(p *triggers.TriggerParams) call {
		return func(ctx context.Context, c *triggers.Client) error { _, err := c.Create(ctx, p); return err }
	}
	update := func(name string, p *triggers.TriggerParams) call {
		return func(ctx context.Context, c *triggers.Client) error { _, err := c.Update(ctx, name, p); return err }
	}
	replace := func(name string, p *triggers.TriggerParams) call {
		return func(ctx context.Context, c *triggers.Client) error { _, err := c.Replace(ctx, name, p); return err }
	}
	on := triggers.Ptr(true)
	cases := []struct {
		name  string
		call  call
		field string
	}{
		{"create nil", create(nil), "name"},
		{"create without name", create(&triggers.TriggerParams{Enabled: on}), "name"},
		{"create blank name", create(&triggers.TriggerParams{Name: triggers.Ptr(" ")}), "name"},
		{"rename to empty", update("a", &triggers.TriggerParams{Name: triggers.Ptr("")}), "name"},
		{"update no field", update("a", &triggers.TriggerParams{}), "params"},
		{"update nil", update("a", nil), "params"},
		{"update empty name", update("", &triggers.TriggerParams{Enabled: on}), "name"},
		{"get empty name", func(ctx context.Context, c *triggers.Client) error { _, err := c.Get(ctx, ""); return err }, "name"},
		{"delete empty name", func(ctx context.Context, c *triggers.Client) error { return c.Delete(ctx, "") }, "name"},
		{"bad condition", create(&triggers.TriggerParams{Name: triggers.Ptr("x"), Definition: &triggers.Definition{Condition: json.RawMessage(`["and",`)}}), "definition.condition"},
		{"bad actions", replace("x", &triggers.TriggerParams{Name: triggers.Ptr("x"), Definition: &triggers.Definition{Actions: json.RawMessage(`wait 5`)}}), "definition.actions"},
		{"bad extra", replace("x", &triggers.TriggerParams{Name: triggers.Ptr("x"), Definition: &triggers.Definition{Extra: map[string]json.RawMessage{"priority": json.RawMessage(`{`)}}}), "definition.priority"},
		// Zendesk: "Definitions are not editable in Update Trigger".
		{"update with definition", update("x", &triggers.TriggerParams{Enabled: on, Definition: &triggers.Definition{Event: "page_enter"}}), "definition"},
		{"replace without name", replace("x", &triggers.TriggerParams{Definition: &triggers.Definition{Event: "page_enter"}}), "name"},
		{"replace empty name", replace("", &triggers.TriggerParams{Name: triggers.Ptr("x")}), "name"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt, _ := mock(t, []httpmock.Responder{answer(200, "{}")})
			err := tc.call(context.Background(), c)
			var ve *triggers.ValidationError
			if !errors.As(err, &ve) || ve.Field != tc.field || !errors.Is(err, triggers.ErrInvalid) {
				t.Fatalf("err = %v, want *ValidationError for %q", err, tc.field)
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent on a validation failure", n)
			}
		})
	}
}
