package faults_test

import (
	"context"

	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
)

const pagesenseGoal = `{"goal_id":"4000001","linkname":"engaged-reader","display_name":"Engaged Reader","goal_type":8,"goal_url":"https://example.com/blog","project_linkname":"site"}`

func pagesenseOps() []op {
	project := func(opts []transport.Option) (*pagesense.Project, error) {
		c, err := pagesense.NewClient(append(opts, pagesense.WithToken("zoho-access-token"))...)
		if err != nil {
			return nil, err
		}
		return c.Project("portal", "site"), nil
	}
	envelope := func(payload string) faults.Step {
		return faults.Status(200, `{"status_code":"10000","status_string":"Operation completed successfully",`+payload+`}`)
	}
	return []op{
		{name: "pagesense.ListGoals", method: "GET", ok: envelope(`"count":1,"projectgoals":[` + pagesenseGoal + `]`), run: func(ctx context.Context, opts []transport.Option) error {
			p, err := project(opts)
			if err == nil {
				_, err = p.ListGoals(ctx)
			}
			return err
		}},
		{name: "pagesense.CreateGoal", method: "POST", ok: envelope(`"projectgoals":` + pagesenseGoal), run: func(ctx context.Context, opts []transport.Option) error {
			p, err := project(opts)
			if err == nil {
				_, err = p.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal,
					GoalURL: "https://example.com/blog", URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30})
			}
			return err
		}},
		{name: "pagesense.UpdateGoal", method: "PUT", allowEmpty: true, ok: envelope(`"projectgoals":[{"goal_id":4000001,"linkname":"engaged-reader","success":true}]`), run: func(ctx context.Context, opts []transport.Option) error {
			p, err := project(opts)
			if err == nil {
				_, err = p.UpdateGoal(ctx, "engaged-reader", &pagesense.GoalPatch{DisplayName: pagesense.Ptr("Deep reader")})
			}
			return err
		}},
		{name: "pagesense.DeleteGoal", method: "DELETE", allowEmpty: true, ok: envelope(`"count":0`), run: func(ctx context.Context, opts []transport.Option) error {
			p, err := project(opts)
			if err == nil {
				err = p.DeleteGoal(ctx, "engaged-reader")
			}
			return err
		}},
		{name: "pagesense.ListCustomEvents", method: "GET", ok: envelope(`"count":1,"customevents":[{"event_id":"55","linkname":"signup","event_name":"signup"}]`), run: func(ctx context.Context, opts []transport.Option) error {
			p, err := project(opts)
			if err == nil {
				_, err = p.ListCustomEvents(ctx)
			}
			return err
		}},
	}
}
