package faults_test

import (
	"context"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
)

const giosgGoal = `{"id":"4d0648b8-9074-11e6-963e-f45c89c72de3","name":"Lead","allow_any_room":true,"allowed_rooms":[],"default_value":"10.00","conditions":[]}`

func giosgOps() []op {
	org := func(opts []transport.Option) (*giosg.Org, error) {
		c, err := giosg.NewClient(append(transport.Convert[giosg.Option](opts), giosg.WithAPIToken("api-token"))...)
		if err != nil {
			return nil, err
		}
		return c.Org("ac83d426-be80-4d75-8c62-49a77f98468e"), nil
	}
	input := &giosg.GoalInput{Name: "Lead", AllowAnyRoom: true, AllowedRooms: []string{}, Conditions: []giosg.Condition{}}
	page := faults.Status(200, `{"next":null,"previous":null,"results":[`+giosgGoal+`]}`)
	return []op{
		{name: "giosg.ListGoals", method: "GET", ok: page, run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err == nil {
				_, err = o.ListGoals(ctx, nil)
			}
			return err
		}},
		{name: "giosg.AllGoals", method: "GET", ok: page, run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err != nil {
				return err
			}
			for _, err := range o.AllGoals(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "giosg.CreateGoal", method: "POST", ok: faults.Status(201, giosgGoal), run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err == nil {
				_, err = o.CreateGoal(ctx, input)
			}
			return err
		}},
		{name: "giosg.UpdateGoal", method: "PUT", ok: faults.Status(200, giosgGoal), run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err == nil {
				_, err = o.UpdateGoal(ctx, "g1", input)
			}
			return err
		}},
		{name: "giosg.PatchGoal", method: "PATCH", ok: faults.Status(200, giosgGoal), run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err == nil {
				_, err = o.PatchGoal(ctx, "g1", &giosg.GoalPatch{Name: giosg.Ptr("Lead 2")})
			}
			return err
		}},
		{name: "giosg.CreateExternalMatch", method: "POST", noBody: true, ok: faults.Status(200, `{}`), run: func(ctx context.Context, opts []transport.Option) error {
			o, err := org(opts)
			if err == nil {
				err = o.CreateExternalMatch(ctx, "g1", &giosg.ExternalMatch{
					VisitorIdentity: "customer-12345678",
					GoalMatchedAt:   time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC),
					Rooms:           []string{"ac83d426-be80-4d75-8c62-49a77f98468h"},
				})
			}
			return err
		}},
	}
}
