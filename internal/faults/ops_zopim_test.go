package faults_test

import (
	"context"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/triggers"
)

const (
	zopimGoal    = `{"id":1,"name":"Goal 1","description":"A sample goal","enabled":1,"attribution_model":"first_touch","attribution_period":30,"settings":{"conditions":[{"operator":"contains","type":"url","value":"cart"}]}}`
	zopimTrigger = `{"id":4,"name":"Good Trigger","description":"Visitor entered page","enabled":1}`
)

func zopimOps() []op {
	goalsClient := func(opts []transport.Option) (*goals.Client, error) {
		return goals.NewClient(append(transport.Convert[goals.Option](opts), goals.WithToken("zopim-token"))...)
	}
	triggersClient := func(opts []transport.Option) (*triggers.Client, error) {
		return triggers.NewClient(append(transport.Convert[triggers.Option](opts), triggers.WithToken("zopim-token"))...)
	}
	params := &goals.GoalParams{Name: goals.Ptr("Goal 1"), Enabled: goals.Ptr(true)}
	return []op{
		{name: "goals.List", method: "GET", ok: faults.Status(200, "["+zopimGoal+"]"), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := goalsClient(opts)
			if err == nil {
				_, err = c.List(ctx)
			}
			return err
		}},
		{name: "goals.Create", method: "POST", ok: faults.Status(201, zopimGoal), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := goalsClient(opts)
			if err == nil {
				_, err = c.Create(ctx, params)
			}
			return err
		}},
		{name: "goals.Update", method: "PUT", ok: faults.Status(200, zopimGoal), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := goalsClient(opts)
			if err == nil {
				_, err = c.Update(ctx, 1, params)
			}
			return err
		}},
		{name: "goals.Delete", method: "DELETE", noBody: true, ok: faults.Status(204, ""), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := goalsClient(opts)
			if err == nil {
				err = c.Delete(ctx, 1)
			}
			return err
		}},
		{name: "triggers.Get", method: "GET", ok: faults.Status(200, zopimTrigger), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := triggersClient(opts)
			if err == nil {
				_, err = c.Get(ctx, "Good Trigger")
			}
			return err
		}},
		{name: "triggers.Create", method: "POST", ok: faults.Status(201, zopimTrigger), run: func(ctx context.Context, opts []transport.Option) error {
			c, err := triggersClient(opts)
			if err == nil {
				_, err = c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Good Trigger"), Enabled: triggers.Ptr(true)})
			}
			return err
		}},
	}
}
