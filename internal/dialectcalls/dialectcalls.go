// Package dialectcalls is the one registry of dialect calls that the fault
// suite (internal/faults) and the security suite (internal/security) both
// iterate: every public method under test, how to build its client from
// transport options, what a successful answer looks like, and the calls
// given bad input. A method added here is driven by both suites:
//
//	for _, c := range dialectcalls.All() {
//		err := c.Run(ctx, append(opts, c.Auth))
//	}
package dialectcalls

import (
	"context"
	"net/http"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Call is one client call under test.
type Call struct {
	// Name is "dialect.Method", e.g. "goals.Create"; bad-input calls add
	// their arguments, e.g. "goals.Create(nil)".
	Name string
	// Dialect is the package: transport, goals, triggers, giosg, pagesense.
	Dialect string
	// Method is the HTTP method the call sends; "" for a bad-input call,
	// which must send nothing.
	Method string
	// OKStatus and OKBody are a successful answer the call decodes.
	OKStatus int
	OKBody   string
	// NoBody: the call reads no response body (a delete, a match).
	NoBody bool
	// AllowEmpty: an empty 2xx body is success (PageSense delete).
	AllowEmpty bool
	// BadInput: the call is given nil or empty input and must fail with a
	// validation error before sending.
	BadInput bool
	// Auth is a credential option for suites that do not bring their own.
	Auth transport.Option
	// Run builds the client from opts (base URL, HTTP client, credentials)
	// and makes the call.
	Run func(ctx context.Context, opts []transport.Option) error
}

// Idempotent reports whether the pipeline may retry the call after a 5xx
// or a dropped connection.
func (c Call) Idempotent() bool {
	return c.Method != http.MethodPost && c.Method != http.MethodPatch
}

// Answers of the calls, in each vendor's documented shape.
const (
	ZopimGoal     = `{"id":1,"name":"Goal 1","description":"A sample goal","enabled":1,"attribution_model":"first_touch","attribution_period":30,"settings":{"conditions":[{"operator":"contains","type":"url","value":"cart"}]}}`
	ZopimTrigger  = `{"id":4,"name":"Good Trigger","description":"Visitor entered page","enabled":1}`
	GiosgGoal     = `{"id":"4d0648b8-9074-11e6-963e-f45c89c72de3","name":"Lead","allow_any_room":true,"allowed_rooms":[],"default_value":"10.00","conditions":[]}`
	PageSenseGoal = `{"goal_id":"4000001","linkname":"engaged-reader","display_name":"Engaged Reader","goal_type":8,"goal_url":"https://example.com/blog","project_linkname":"site"}`
)

// Ids the calls address.
const (
	GiosgOrg        = "ac83d426-be80-4d75-8c62-49a77f98468e"
	GiosgGoalID     = "4d0648b8-9074-11e6-963e-f45c89c72de3"
	PageSensePortal = "acme"
	PageSenseSite   = "site"
)

// All is every call of every dialect, the transport's own first.
func All() []Call {
	var all []Call
	for _, f := range []func() []Call{transportCalls, goalsCalls, triggersCalls, giosgCalls, pagesenseCalls} {
		all = append(all, f()...)
	}
	return all
}

// Find returns the call named name; it panics on a name not registered,
// which is a mistake in a test.
func Find(name string) Call {
	for _, c := range All() {
		if c.Name == name {
			return c
		}
	}
	panic("dialectcalls: no call named " + name)
}

// Of returns the calls of one dialect.
func Of(dialect string) []Call {
	var out []Call
	for _, c := range All() {
		if c.Dialect == dialect {
			out = append(out, c)
		}
	}
	return out
}

// transportCalls drive the pipeline directly, one per method.
func transportCalls() []Call {
	var out []Call
	for _, m := range []string{"GET", "PUT", "DELETE", "POST", "PATCH"} {
		out = append(out, Call{
			Name: "transport." + m, Dialect: "transport", Method: m, OKStatus: 200, OKBody: `{"id": 1}`,
			Auth: transport.WithSchemeToken("Bearer", "transport-token"),
			Run: func(ctx context.Context, opts []transport.Option) error {
				c, err := transport.New(transport.Dialect{}, opts...)
				if err != nil {
					return err
				}
				var out struct{ ID int }
				var body any
				if m != http.MethodGet && m != http.MethodDelete {
					body = map[string]string{"name": "x"}
				}
				return c.Do(ctx, &transport.Call{Method: m, Path: "/goals/1", Body: body, Out: &out})
			},
		})
	}
	return out
}

// with builds a client with newClient and runs call on it.
func with[C any, O ~func(*transport.Settings) error](newClient func(...O) (C, error), call func(context.Context, C) error) func(context.Context, []transport.Option) error {
	return func(ctx context.Context, opts []transport.Option) error {
		c, err := newClient(transport.Convert[O](opts)...)
		if err != nil {
			return err
		}
		return call(ctx, c)
	}
}

// result drops a call's value, keeping its error.
func result[T any](_ T, err error) error { return err }

func goalsCalls() []Call {
	auth := goals.WithToken("zopim-token")
	params := &goals.GoalParams{Name: goals.Ptr("Goal 1"), Enabled: goals.Ptr(true)}
	call := func(name, method string, status int, body string, run func(context.Context, *goals.Client) error) Call {
		return Call{Name: "goals." + name, Dialect: "goals", Method: method, OKStatus: status, OKBody: body, Auth: transport.Option(auth), BadInput: method == "", Run: with(goals.NewClient, run)}
	}
	return []Call{
		call("List", "GET", 200, "["+ZopimGoal+"]", func(ctx context.Context, c *goals.Client) error { return result(c.List(ctx)) }),
		call("Get", "GET", 200, ZopimGoal, func(ctx context.Context, c *goals.Client) error { return result(c.Get(ctx, 1)) }),
		call("Create", "POST", 201, ZopimGoal, func(ctx context.Context, c *goals.Client) error { return result(c.Create(ctx, params)) }),
		call("Update", "PUT", 200, ZopimGoal, func(ctx context.Context, c *goals.Client) error { return result(c.Update(ctx, 1, params)) }),
		withNoBody(call("Delete", "DELETE", 204, "", func(ctx context.Context, c *goals.Client) error { return c.Delete(ctx, 1) })),
		call("Create(nil)", "", 0, "", func(ctx context.Context, c *goals.Client) error { return result(c.Create(ctx, nil)) }),
		call("Update(1, nil)", "", 0, "", func(ctx context.Context, c *goals.Client) error { return result(c.Update(ctx, 1, nil)) }),
		call("Get(0)", "", 0, "", func(ctx context.Context, c *goals.Client) error { return result(c.Get(ctx, 0)) }),
		call("Delete(0)", "", 0, "", func(ctx context.Context, c *goals.Client) error { return c.Delete(ctx, 0) }),
	}
}

func triggersCalls() []Call {
	auth := triggers.WithToken("zopim-token")
	params := &triggers.TriggerParams{Name: triggers.Ptr("Good Trigger"), Enabled: triggers.Ptr(true)}
	call := func(name, method string, status int, body string, run func(context.Context, *triggers.Client) error) Call {
		return Call{Name: "triggers." + name, Dialect: "triggers", Method: method, OKStatus: status, OKBody: body, Auth: transport.Option(auth), BadInput: method == "", Run: with(triggers.NewClient, run)}
	}
	return []Call{
		call("Get", "GET", 200, ZopimTrigger, func(ctx context.Context, c *triggers.Client) error { return result(c.Get(ctx, "Good Trigger")) }),
		call("Create", "POST", 201, ZopimTrigger, func(ctx context.Context, c *triggers.Client) error { return result(c.Create(ctx, params)) }),
		call("Create(nil)", "", 0, "", func(ctx context.Context, c *triggers.Client) error { return result(c.Create(ctx, nil)) }),
		call(`Update("x", nil)`, "", 0, "", func(ctx context.Context, c *triggers.Client) error { return result(c.Update(ctx, "x", nil)) }),
		call(`Get("")`, "", 0, "", func(ctx context.Context, c *triggers.Client) error { return result(c.Get(ctx, "")) }),
		call(`Delete("")`, "", 0, "", func(ctx context.Context, c *triggers.Client) error { return c.Delete(ctx, "") }),
	}
}

func giosgCalls() []Call {
	auth := giosg.WithAPIToken("api-token")
	input := &giosg.GoalInput{Name: "Lead", AllowAnyRoom: true, AllowedRooms: []string{}, Conditions: []giosg.Condition{}}
	page := `{"next":null,"previous":null,"results":[` + GiosgGoal + `]}`
	match := &giosg.ExternalMatch{
		VisitorIdentity: "customer-12345678",
		GoalMatchedAt:   time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC),
		Rooms:           []string{"ac83d426-be80-4d75-8c62-49a77f98468h"},
	}
	call := func(name, method string, status int, body string, run func(context.Context, *giosg.Client, *giosg.Org) error) Call {
		return Call{Name: "giosg." + name, Dialect: "giosg", Method: method, OKStatus: status, OKBody: body, Auth: transport.Option(auth), BadInput: method == "",
			Run: with(giosg.NewClient, func(ctx context.Context, c *giosg.Client) error { return run(ctx, c, c.Org(GiosgOrg)) })}
	}
	walk := func(ctx context.Context, o *giosg.Org) error {
		for _, err := range o.AllGoals(ctx, nil) {
			if err != nil {
				return err
			}
		}
		return nil
	}
	return []Call{
		call("ListGoals", "GET", 200, page, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error { return result(o.ListGoals(ctx, nil)) }),
		call("AllGoals", "GET", 200, page, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error { return walk(ctx, o) }),
		call("GetGoal", "GET", 200, GiosgGoal, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.GetGoal(ctx, GiosgGoalID))
		}),
		call("CreateGoal", "POST", 201, GiosgGoal, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.CreateGoal(ctx, input))
		}),
		call("UpdateGoal", "PUT", 200, GiosgGoal, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.UpdateGoal(ctx, GiosgGoalID, input))
		}),
		call("PatchGoal", "PATCH", 200, GiosgGoal, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.PatchGoal(ctx, GiosgGoalID, &giosg.GoalPatch{Name: giosg.Ptr("Lead 2")}))
		}),
		withNoBody(call("CreateExternalMatch", "POST", 200, `{}`, func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return o.CreateExternalMatch(ctx, GiosgGoalID, match)
		})),
		call("CreateGoal(nil)", "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error { return result(o.CreateGoal(ctx, nil)) }),
		call("UpdateGoal(id, nil)", "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.UpdateGoal(ctx, GiosgGoalID, nil))
		}),
		call("PatchGoal(id, nil)", "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.PatchGoal(ctx, GiosgGoalID, nil))
		}),
		call("PatchGoal(id, empty)", "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return result(o.PatchGoal(ctx, GiosgGoalID, &giosg.GoalPatch{}))
		}),
		call("CreateExternalMatch(id, nil)", "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error {
			return o.CreateExternalMatch(ctx, GiosgGoalID, nil)
		}),
		call(`GetGoal("")`, "", 0, "", func(ctx context.Context, _ *giosg.Client, o *giosg.Org) error { return result(o.GetGoal(ctx, "")) }),
		call(`Org("").ListGoals(nil)`, "", 0, "", func(ctx context.Context, c *giosg.Client, _ *giosg.Org) error {
			return result(c.Org("").ListGoals(ctx, nil))
		}),
		call(`Org("").AllGoals(nil)`, "", 0, "", func(ctx context.Context, c *giosg.Client, _ *giosg.Org) error { return walk(ctx, c.Org("")) }),
	}
}

func pagesenseCalls() []Call {
	auth := pagesense.WithToken("zoho-access-token")
	envelope := func(payload string) string {
		return `{"status_code":"10000","status_string":"Operation completed successfully",` + payload + `}`
	}
	input := &pagesense.GoalInput{DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal,
		GoalURL: "https://example.com/blog", URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30}
	call := func(name, method string, body string, run func(context.Context, *pagesense.Client, *pagesense.Project) error) Call {
		return Call{Name: "pagesense." + name, Dialect: "pagesense", Method: method, OKStatus: 200, OKBody: body, Auth: transport.Option(auth), BadInput: method == "",
			Run: with(pagesense.NewClient, func(ctx context.Context, c *pagesense.Client) error {
				return run(ctx, c, c.Project(PageSensePortal, PageSenseSite))
			})}
	}
	del := call("DeleteGoal", "DELETE", envelope(`"count":0`), func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
		return p.DeleteGoal(ctx, "engaged-reader")
	})
	del.AllowEmpty = true
	update := call("UpdateGoal", "PUT", envelope(`"projectgoals":[{"goal_id":4000001,"linkname":"engaged-reader","success":true}]`), func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
		return result(p.UpdateGoal(ctx, "engaged-reader", &pagesense.GoalPatch{DisplayName: pagesense.Ptr("Deep reader")}))
	})
	update.AllowEmpty = true
	return []Call{
		call("ListGoals", "GET", envelope(`"count":1,"projectgoals":[`+PageSenseGoal+`]`), func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.ListGoals(ctx))
		}),
		call("CreateGoal", "POST", envelope(`"projectgoals":`+PageSenseGoal), func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.CreateGoal(ctx, input))
		}),
		update,
		del,
		call("ListCustomEvents", "GET", envelope(`"count":1,"customevents":[{"event_id":"55","linkname":"signup","event_name":"signup"}]`), func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.ListCustomEvents(ctx))
		}),
		call("CreateGoal(nil)", "", "", func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.CreateGoal(ctx, nil))
		}),
		call(`CreateCustomEvent("")`, "", "", func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.CreateCustomEvent(ctx, ""))
		}),
		call(`GetGoal("")`, "", "", func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return result(p.GetGoal(ctx, ""))
		}),
		call(`DeleteGoal("")`, "", "", func(ctx context.Context, _ *pagesense.Client, p *pagesense.Project) error {
			return p.DeleteGoal(ctx, "")
		}),
		call(`Project("", "").ListGoals`, "", "", func(ctx context.Context, c *pagesense.Client, _ *pagesense.Project) error {
			return result(c.Project("", "").ListGoals(ctx))
		}),
		call(`Project("a", "").ListCustomEvents`, "", "", func(ctx context.Context, c *pagesense.Client, _ *pagesense.Project) error {
			return result(c.Project("a", "").ListCustomEvents(ctx))
		}),
	}
}

// withNoBody marks a call that reads no response body.
func withNoBody(c Call) Call {
	c.NoBody = true
	return c
}
