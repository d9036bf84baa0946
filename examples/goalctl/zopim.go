package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/triggers"
)

// zopimCommand is "goalctl zopim": Zendesk Chat goals (package goals) and
// triggers (package triggers).
func zopimCommand() *command {
	return &command{
		name:    "zopim",
		summary: "Zendesk Chat (Zopim) goals and triggers",
		help:    "Needs ZENDESK_CHAT_SUBDOMAIN (acme for acme.zendesk.com) and ZENDESK_CHAT_TOKEN\n(a Chat API OAuth token), or --fake.",
		subs: []*command{{
			name:    "goals",
			summary: "URL goals: list, get, create, update, delete",
			subs: []*command{
				{name: "list", summary: "list every goal", setup: zopimGoalsList},
				{name: "get", summary: "show one goal", args: []string{"ID"}, setup: zopimGoalsGet},
				{name: "create", summary: "create a goal", help: zopimGoalHelp, setup: zopimGoalsCreate},
				{name: "update", summary: "change the given fields of a goal", args: []string{"ID"},
					help: zopimGoalHelp + "\nOnly the flags given are sent; --enabled=false disables the goal.", setup: zopimGoalsUpdate},
				{name: "delete", summary: "delete a goal", args: []string{"ID"}, setup: zopimGoalsDelete},
			},
		}, {
			name:    "triggers",
			summary: "chat triggers: list, get, create, update, delete",
			subs: []*command{
				{name: "list", summary: "list every trigger", setup: zopimTriggersList},
				{name: "get", summary: "show one trigger", args: []string{"NAME"}, setup: zopimTriggersGet},
				{name: "create", summary: "create a trigger", help: zopimTriggerHelp, setup: zopimTriggersCreate},
				{name: "update", summary: "change the given fields of a trigger (--name renames it)", args: []string{"NAME"},
					help: zopimTriggerHelp + "\nOnly the flags given are sent. The API does not edit definitions in an update, so\n" +
						"with --definition the trigger is deleted and created again (a new id; the old one\n" +
						"is restored if the create fails).", setup: zopimTriggersUpdate},
				{name: "delete", summary: "delete a trigger", args: []string{"NAME"}, setup: zopimTriggersDelete},
			},
		}},
	}
}

const zopimGoalHelp = `A goal is met when a visitor who chatted reaches a URL matching any one
condition. An account may have 5 enabled goals.
Example: --name Pricing --enabled --attribution-model first_touch
         --attribution-period 15 --condition equals=https://example.com/pricing
         --condition contains=/cart`

const zopimTriggerHelp = `--definition is the trigger's definition as JSON, e.g.
  '{"event":"chat_requested","condition":["eq","@visitor_served",false],
    "actions":[["sendMessageToVisitor","Support","Hi"]]}'`

// zopimOptions are the options of a Zendesk Chat client (goals and triggers
// share hosts and auth): the fake's, or the environment's credentials.
func (a *app) zopimOptions(fake func(*fakeSet) httpmock.Responder) ([]goals.Option, error) {
	if a.fake {
		fs, err := a.fakeSet("Zendesk Chat")
		if err != nil {
			return nil, err
		}
		return append(fakeOptions(fake(fs)), goals.WithToken(fakeToken)), nil
	}
	creds, err := a.zopimCreds()
	if err != nil {
		return nil, err
	}
	opts := []goals.Option{goals.WithSubdomain(creds.subdomain), goals.WithToken(creds.token)}
	return append(opts, a.testOptions()...), nil
}

func (a *app) goalsClient() (*goals.Client, error) {
	opts, err := a.zopimOptions(func(fs *fakeSet) httpmock.Responder { return fs.goals.Responder() })
	if err != nil {
		return nil, err
	}
	return newClient(goals.NewClient, opts)
}

func (a *app) triggersClient() (*triggers.Client, error) {
	opts, err := a.zopimOptions(func(fs *fakeSet) httpmock.Responder { return fs.triggers.Responder() })
	if err != nil {
		return nil, err
	}
	return newClient(triggers.NewClient, opts)
}

// --- goals ---

func zopimGoalsList(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, _ []string) error {
		c, err := a.goalsClient()
		if err != nil {
			return err
		}
		list, err := c.List(ctx)
		if err != nil {
			return err
		}
		return a.print(nonNil(list), func() table { return zopimGoalsTable(list...) })
	}
}

func zopimGoalsGet(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		id, err := parseGoalID(args[0])
		if err != nil {
			return err
		}
		c, err := a.goalsClient()
		if err != nil {
			return err
		}
		g, err := c.Get(ctx, id)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return zopimGoalsTable(*g) })
	}
}

func zopimGoalsCreate(fs *flag.FlagSet) action {
	f := registerZopimGoalFlags(fs)
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := f.params(setFlags(fs))
		if err != nil {
			return err
		}
		c, err := a.goalsClient()
		if err != nil {
			return err
		}
		g, err := c.Create(ctx, p)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return zopimGoalsTable(*g) })
	}
}

func zopimGoalsUpdate(fs *flag.FlagSet) action {
	f := registerZopimGoalFlags(fs)
	return func(ctx context.Context, a *app, args []string) error {
		id, err := parseGoalID(args[0])
		if err != nil {
			return err
		}
		p, err := f.params(setFlags(fs))
		if err != nil {
			return err
		}
		c, err := a.goalsClient()
		if err != nil {
			return err
		}
		g, err := c.Update(ctx, id, p)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return zopimGoalsTable(*g) })
	}
}

func zopimGoalsDelete(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		id, err := parseGoalID(args[0])
		if err != nil {
			return err
		}
		c, err := a.goalsClient()
		if err != nil {
			return err
		}
		if err := c.Delete(ctx, id); err != nil {
			return err
		}
		return a.print(deleted{Deleted: args[0]}, deletedTable(args[0]))
	}
}

// parseGoalID reads a Zopim goal id, a positive integer.
func parseGoalID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("goal id %q: want a positive integer", s)
	}
	return id, nil
}

// zopimGoalFlags are the fields of goals.GoalParams as flags.
type zopimGoalFlags struct {
	name, description string
	enabled           bool
	model             string
	period            int
	conditions        stringList
}

func registerZopimGoalFlags(fs *flag.FlagSet) *zopimGoalFlags {
	f := &zopimGoalFlags{}
	fs.StringVar(&f.name, "name", "", "goal name (required to create)")
	fs.StringVar(&f.description, "description", "", "goal description")
	fs.BoolVar(&f.enabled, "enabled", false, "enable the goal (--enabled=false disables; not given: the API's default on create, unchanged on update)")
	fs.StringVar(&f.model, "attribution-model", "", "agent credited: first_touch or last_touch")
	fs.IntVar(&f.period, "attribution-period", 0, "attribution period in days, 1..30")
	fs.Var(&f.conditions, "condition", "URL condition `OPERATOR=VALUE`: equals=https://... or contains=TEXT (repeatable; replaces all conditions)")
	return f
}

// params builds GoalParams from the flags that were given, and only those:
// the SDK sends only set fields, and validates them (an empty name, a period
// out of range, an unknown operator) before sending.
func (f *zopimGoalFlags) params(set map[string]bool) (*goals.GoalParams, error) {
	p := &goals.GoalParams{}
	if set["name"] {
		p.Name = &f.name
	}
	if set["description"] {
		p.Description = &f.description
	}
	if set["enabled"] {
		p.Enabled = &f.enabled
	}
	if set["attribution-model"] {
		p.AttributionModel = goals.Ptr(goals.AttributionModel(f.model))
	}
	if set["attribution-period"] {
		p.AttributionPeriod = &f.period
	}
	if set["condition"] {
		conds := make([]goals.Condition, 0, len(f.conditions))
		for _, c := range f.conditions {
			op, value, ok := strings.Cut(c, "=")
			if !ok {
				return nil, usagef("--condition %q: want OPERATOR=VALUE, e.g. equals=https://example.com/ or contains=cart", c)
			}
			conds = append(conds, goals.Condition{Type: goals.ConditionURL, Operator: goals.Operator(op), Value: value})
		}
		p.Settings = &goals.Settings{Conditions: conds}
	}
	return p, nil
}

func zopimGoalsTable(list ...goals.Goal) table {
	t := table{header: []string{"ID", "NAME", "ENABLED", "MODEL", "PERIOD", "CONDITIONS"}}
	for _, g := range list {
		conds := make([]string, len(g.Settings.Conditions))
		for i, c := range g.Settings.Conditions {
			conds[i] = string(c.Operator) + "=" + c.Value // as --condition takes them
		}
		t.add(strconv.FormatInt(g.ID, 10), g.Name, strconv.FormatBool(g.Enabled), string(g.AttributionModel),
			strconv.Itoa(g.AttributionPeriod), strings.Join(conds, " "))
	}
	return t
}

// --- triggers ---

func zopimTriggersList(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, _ []string) error {
		c, err := a.triggersClient()
		if err != nil {
			return err
		}
		list, err := c.List(ctx)
		if err != nil {
			return err
		}
		return a.print(nonNil(list), func() table { return zopimTriggersTable(list...) })
	}
}

func zopimTriggersGet(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		c, err := a.triggersClient()
		if err != nil {
			return err
		}
		tr, err := c.Get(ctx, args[0])
		if err != nil {
			return err
		}
		return a.print(tr, func() table { return zopimTriggersTable(*tr) })
	}
}

func zopimTriggersCreate(fs *flag.FlagSet) action {
	f := registerZopimTriggerFlags(fs)
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := f.params(setFlags(fs))
		if err != nil {
			return err
		}
		c, err := a.triggersClient()
		if err != nil {
			return err
		}
		tr, err := c.Create(ctx, p)
		if err != nil {
			return err
		}
		return a.print(tr, func() table { return zopimTriggersTable(*tr) })
	}
}

func zopimTriggersUpdate(fs *flag.FlagSet) action {
	f := registerZopimTriggerFlags(fs)
	return func(ctx context.Context, a *app, args []string) error {
		p, err := f.params(setFlags(fs))
		if err != nil {
			return err
		}
		c, err := a.triggersClient()
		if err != nil {
			return err
		}
		update := c.Update
		if p.Definition != nil {
			update = func(ctx context.Context, name string, p *triggers.TriggerParams) (*triggers.Trigger, error) {
				return replaceTrigger(ctx, c, name, p)
			}
		}
		tr, err := update(ctx, args[0], p)
		if err != nil {
			return err
		}
		return a.print(tr, func() table { return zopimTriggersTable(*tr) })
	}
}

// replaceTrigger changes a definition through triggers.Client.Replace,
// keeping the name, description and enabled flag the flags do not give.
func replaceTrigger(ctx context.Context, c *triggers.Client, name string, p *triggers.TriggerParams) (*triggers.Trigger, error) {
	old, err := c.Get(ctx, name)
	if err != nil {
		return nil, err
	}
	full := *p
	if full.Name == nil {
		full.Name = &old.Name
	}
	if full.Description == nil {
		full.Description = &old.Description
	}
	if full.Enabled == nil {
		full.Enabled = &old.Enabled
	}
	return c.Replace(ctx, name, &full)
}

func zopimTriggersDelete(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		c, err := a.triggersClient()
		if err != nil {
			return err
		}
		if err := c.Delete(ctx, args[0]); err != nil {
			return err
		}
		return a.print(deleted{Deleted: args[0]}, deletedTable(args[0]))
	}
}

// zopimTriggerFlags are the fields of triggers.TriggerParams as flags.
type zopimTriggerFlags struct {
	name, description, definition string
	enabled                       bool
}

func registerZopimTriggerFlags(fs *flag.FlagSet) *zopimTriggerFlags {
	f := &zopimTriggerFlags{}
	fs.StringVar(&f.name, "name", "", "trigger name (required to create; update: the new name)")
	fs.StringVar(&f.description, "description", "", "trigger description")
	fs.BoolVar(&f.enabled, "enabled", false, "enable the trigger (--enabled=false disables; not given: the API's default on create, unchanged on update)")
	fs.StringVar(&f.definition, "definition", "", "the definition as a JSON object: event, condition, actions, ...")
	return f
}

// params builds TriggerParams from the flags that were given.
func (f *zopimTriggerFlags) params(set map[string]bool) (*triggers.TriggerParams, error) {
	p := &triggers.TriggerParams{}
	if set["name"] {
		p.Name = &f.name
	}
	if set["description"] {
		p.Description = &f.description
	}
	if set["enabled"] {
		p.Enabled = &f.enabled
	}
	if set["definition"] {
		var d triggers.Definition
		if err := json.Unmarshal([]byte(f.definition), &d); err != nil {
			return nil, usagef("--definition: not a JSON object: %v", err)
		}
		p.Definition = &d
	}
	return p, nil
}

func zopimTriggersTable(list ...triggers.Trigger) table {
	t := table{header: []string{"ID", "NAME", "ENABLED", "EVENT", "DESCRIPTION"}}
	for _, tr := range list {
		event := ""
		if tr.Definition != nil {
			event = tr.Definition.Event
		}
		t.add(fmt.Sprint(tr.ID), tr.Name, strconv.FormatBool(tr.Enabled), event, tr.Description)
	}
	return t
}
