package goalstest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/fake"
)

// Contract runs one behavioural suite against the goals API behind
// newClient: goalkit runs it against this fake always and against a real
// account when credentials are set (see contract_test.go), which is how a
// divergence between fake and vendor shows. Run it against your own
// wrapper or mock of goals.API to check it behaves like the vendor.
//
// The suite creates goals named "goalkit-contract-*" only, deletes each one
// with t.Cleanup (also when a step fails), and makes at most about 25
// calls. It checks: create then read back; update (partial: unset fields
// kept); list; a bad input is a *ValidationError with nothing sent; the
// goals.MaxActiveGoals limit is goals.ErrGoalsLimitExceeded (it enables
// goals up to the limit for a moment); delete, then the goal is
// goals.ErrNotFound.
func Contract(t *testing.T, newClient func(t *testing.T) goals.API) {
	t.Helper()
	c := newClient(t)
	ctx := fake.ContractContext(t)
	create := func(t *testing.T, p *goals.GoalParams) (*goals.Goal, error) {
		g, err := c.Create(ctx, p)
		if err == nil {
			fake.ContractCleanup(t, fmt.Sprintf("delete goal %d", g.ID), goals.ErrNotFound,
				func(ctx context.Context) error { return c.Delete(ctx, g.ID) })
		}
		return g, err
	}
	params := func(name string, enabled bool) *goals.GoalParams {
		return &goals.GoalParams{
			Name: goals.Ptr(name), Description: goals.Ptr("created by goalkit's contract suite"),
			Enabled: goals.Ptr(enabled), AttributionModel: goals.Ptr(goals.LastTouch), AttributionPeriod: goals.Ptr(7),
			Settings: &goals.Settings{Conditions: []goals.Condition{
				{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/goalkit-contract"},
			}},
		}
	}

	t.Run("lifecycle", func(t *testing.T) {
		name := fake.ContractName()
		g, err := create(t, params(name, false))
		if err != nil {
			t.Fatal(err)
		}
		want := goals.Goal{ID: g.ID, Name: name, Description: "created by goalkit's contract suite",
			AttributionModel: goals.LastTouch, AttributionPeriod: 7,
			Settings: goals.Settings{Conditions: []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/goalkit-contract"}}}}
		if g.ID <= 0 || !reflect.DeepEqual(*g, want) {
			t.Fatalf("Create returned %+v, want %+v", *g, want)
		}
		got, err := c.Get(ctx, g.ID)
		if err != nil || !reflect.DeepEqual(*got, want) {
			t.Fatalf("Get = %+v, %v; want %+v", got, err, want)
		}
		upd, err := c.Update(ctx, g.ID, &goals.GoalParams{AttributionPeriod: goals.Ptr(30)})
		want.AttributionPeriod = 30
		if err != nil || !reflect.DeepEqual(*upd, want) {
			t.Fatalf("Update = %+v, %v; want %+v (other fields kept)", upd, err, want)
		}
		list, err := c.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range list {
			found = found || reflect.DeepEqual(l, want)
		}
		if !found {
			t.Errorf("List lacks %+v", want)
		}
		if err := c.Delete(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Get(ctx, g.ID); !errors.Is(err, goals.ErrNotFound) {
			t.Errorf("Get after Delete = %v, want ErrNotFound", err)
		}
	})

	t.Run("validation", func(t *testing.T) {
		var ve *goals.ValidationError
		p := params(fake.ContractName(), false)
		p.AttributionPeriod = goals.Ptr(31)
		if _, err := create(t, p); !errors.As(err, &ve) || ve.Field != "attribution_period" || !errors.Is(err, goals.ErrInvalid) {
			t.Errorf("attribution_period 31: %v, want a *ValidationError for attribution_period", err)
		}
		if _, err := create(t, &goals.GoalParams{Description: goals.Ptr("x")}); !errors.As(err, &ve) || ve.Field != "name" {
			t.Errorf("no name: %v, want a *ValidationError for name", err)
		}
		if _, err := c.Get(ctx, 1<<53); !errors.Is(err, goals.ErrNotFound) {
			t.Errorf("Get of an unknown id = %v, want ErrNotFound", err)
		}
	})

	t.Run("active limit", func(t *testing.T) {
		list, err := c.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		active := 0
		for _, g := range list {
			if g.Enabled {
				active++
			}
		}
		for active < goals.MaxActiveGoals {
			if _, err := create(t, params(fake.ContractName(), true)); err != nil {
				t.Fatalf("enabling goal %d of %d: %v", active+1, goals.MaxActiveGoals, err)
			}
			active++
		}
		_, err = create(t, params(fake.ContractName(), true))
		var apiErr *goals.APIError
		if !errors.Is(err, goals.ErrGoalsLimitExceeded) || !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
			t.Errorf("goal %d enabled: %v, want a 400 matching ErrGoalsLimitExceeded", goals.MaxActiveGoals+1, err)
		}
		off, err := create(t, params(fake.ContractName(), false))
		if err != nil || off.Enabled {
			t.Errorf("a disabled goal at the limit: %+v, %v; want it created", off, err)
		}
	})
}
