package goals_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
)

func conds(cs ...goals.Condition) *goals.Settings { return &goals.Settings{Conditions: cs} }

func url(op goals.Operator, v string) goals.Condition {
	return goals.Condition{Type: goals.ConditionURL, Operator: op, Value: v}
}

func TestValidation_NothingSent(t *testing.T) {
	t.Parallel()
	name := goals.Ptr("Pricing")
	type call func(context.Context, *goals.Client) error
	create := func(p *goals.GoalParams) call {
		return func(ctx context.Context, c *goals.Client) error { _, err := c.Create(ctx, p); return err }
	}
	update := func(id int64, p *goals.GoalParams) call {
		return func(ctx context.Context, c *goals.Client) error { _, err := c.Update(ctx, id, p); return err }
	}
	cases := []struct {
		name  string
		call  call
		field string
	}{
		{"create nil params", create(nil), "name"},
		{"create without name", create(&goals.GoalParams{Enabled: goals.Ptr(true)}), "name"},
		{"create blank name", create(&goals.GoalParams{Name: goals.Ptr("  ")}), "name"},
		{"update blank name", update(1, &goals.GoalParams{Name: goals.Ptr("")}), "name"},
		{"period 0", create(&goals.GoalParams{Name: name, AttributionPeriod: goals.Ptr(0)}), "attribution_period"},
		{"period 31", create(&goals.GoalParams{Name: name, AttributionPeriod: goals.Ptr(31)}), "attribution_period"},
		{"period -1 on update", update(1, &goals.GoalParams{AttributionPeriod: goals.Ptr(-1)}), "attribution_period"},
		{"unknown model", create(&goals.GoalParams{Name: name, AttributionModel: goals.Ptr(goals.AttributionModel("linear"))}), "attribution_model"},
		{"empty model", update(1, &goals.GoalParams{AttributionModel: goals.Ptr(goals.AttributionModel(""))}), "attribution_model"},
		{"condition type", create(&goals.GoalParams{Name: name, Settings: conds(goals.Condition{Type: "path", Operator: goals.OperatorContains, Value: "cart"})}), "settings.conditions[0].type"},
		{"condition operator", update(1, &goals.GoalParams{Settings: conds(url(goals.OperatorContains, "a"), url("regex", "^/cart"))}), "settings.conditions[1].operator"},
		{"equals without scheme", create(&goals.GoalParams{Name: name, Settings: conds(url(goals.OperatorEquals, "cart.com/"))}), "settings.conditions[0].value"},
		{"equals ftp", create(&goals.GoalParams{Name: name, Settings: conds(url(goals.OperatorEquals, "ftp://cart.com/"))}), "settings.conditions[0].value"},
		{"contains empty", update(1, &goals.GoalParams{Settings: conds(url(goals.OperatorContains, ""))}), "settings.conditions[0].value"},
		{"update nil params", update(1, nil), "params"},
		{"update no field", update(1, &goals.GoalParams{}), "params"},
		{"update id 0", update(0, &goals.GoalParams{Name: name}), "id"},
		{"get id -1", func(ctx context.Context, c *goals.Client) error { _, err := c.Get(ctx, -1); return err }, "id"},
		{"delete id 0", func(ctx context.Context, c *goals.Client) error { return c.Delete(ctx, 0) }, "id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt, _ := mock(t, []httpmock.Responder{answer(200, "{}")})
			err := tc.call(context.Background(), c)
			var ve *goals.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want *ValidationError", err)
			}
			if ve.Field != tc.field {
				t.Errorf("Field = %q, want %q (%v)", ve.Field, tc.field, err)
			}
			if !errors.Is(err, goals.ErrInvalid) {
				t.Error("a ValidationError must match ErrInvalid")
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent on a validation failure", n)
			}
		})
	}
}

func TestValidate_AcceptsDocumentedValues(t *testing.T) {
	t.Parallel()
	p := &goals.GoalParams{
		Name: goals.Ptr("x"), AttributionModel: goals.Ptr(goals.LastTouch), AttributionPeriod: goals.Ptr(30),
		Settings: conds(url(goals.OperatorEquals, "https://shop.example/thanks"), url(goals.OperatorEquals, "http://cart.com/"), url(goals.OperatorContains, "cart")),
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (*goals.GoalParams)(nil).Validate(); err != nil {
		t.Fatalf("nil params: %v", err)
	}
}
