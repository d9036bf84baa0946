package main

import (
	"context"
	"flag"
	"strconv"
	"strings"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

// giosgCommand is "goalctl giosg": goals and external goal matches of one
// giosg organization (package giosg).
func giosgCommand() *command {
	return &command{
		name:    "giosg",
		summary: "giosg goals and external (offline) goal matches",
		help:    "Needs GIOSG_API_TOKEN and GIOSG_ORG_ID (the organization's id), or --fake.",
		subs: []*command{{
			name:    "goals",
			summary: "goals: list, get, create, patch",
			subs: []*command{
				{name: "list", summary: "list every goal (all pages)", setup: giosgGoalsList},
				{name: "get", summary: "show one goal", args: []string{"ID"}, setup: giosgGoalsGet},
				{name: "create", summary: "create a goal", help: giosgGoalHelp, setup: giosgGoalsCreate},
				{name: "patch", summary: "change the given fields of a goal", args: []string{"ID"},
					help: giosgGoalHelp + "\nOnly the flags given are sent; --any-room=false restricts the goal to --room.", setup: giosgGoalsPatch},
			},
		}, {
			name:    "match",
			summary: "record an external goal match (a conversion away from the web page)",
			help: "The visitor identity must have been sent through giosg's Visitor Identifier API.\n" +
				"Example: --goal ID --visitor crm-42 --at 2024-05-01T12:00:00Z --value 12.50 --room ROOM",
			setup: giosgMatch,
		}, conversionsCommand()},
	}
}

const giosgGoalHelp = `A goal needs a name and either --any-room or at least one --room.
Conditions pair the n-th --condition-type with the n-th --condition-value
(omit every --condition-value for conditions without one).
Example: --name "Phone order" --room ROOM --default-value 10.00
         --condition-type 1 --condition-value Helsinki`

// giosgOrg returns the organization the command works on: the fake's demo
// organization, or GIOSG_ORG_ID with GIOSG_API_TOKEN.
func (a *app) giosgOrg(extra ...giosg.Option) (*giosg.Org, error) {
	if a.fake {
		fs, err := a.fakeSet("giosg")
		if err != nil {
			return nil, err
		}
		c, err := newClient(giosg.NewClient, append(fakeOptions(giosgOptions, fs.giosg.Responder()), append(append(verboseOptions(a, giosgOptions), extra...), giosg.WithAPIToken(fakeToken))...))
		if err != nil {
			return nil, err
		}
		return c.Org(fakeOrgID), nil
	}
	creds, err := a.giosgCreds()
	if err != nil {
		return nil, err
	}
	c, err := newClient(giosg.NewClient, append(append(append([]giosg.Option{giosg.WithAPIToken(creds.token)}, envBaseURL(a, giosgOptions, envGiosgBaseURL)...), testOptions(a, giosgOptions)...), extra...))
	if err != nil {
		return nil, err
	}
	return c.Org(creds.orgID), nil
}

func giosgGoalsList(fs *flag.FlagSet) action {
	ordering := fs.String("ordering", "", "sort by fields, - for descending, e.g. name,-created_at (default: creation time)")
	return func(ctx context.Context, a *app, _ []string) error {
		org, err := a.giosgOrg()
		if err != nil {
			return err
		}
		list := []giosg.Goal{}
		for g, err := range org.AllGoals(ctx, &giosg.ListOptions{Ordering: *ordering}) {
			if err != nil {
				return err
			}
			list = append(list, g)
		}
		return a.print(list, func() table { return giosgGoalsTable(list...) })
	}
}

func giosgGoalsGet(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		org, err := a.giosgOrg()
		if err != nil {
			return err
		}
		g, err := org.GetGoal(ctx, args[0])
		if err != nil {
			return err
		}
		return a.print(g, func() table { return giosgGoalsTable(*g) })
	}
}

func giosgGoalsCreate(fs *flag.FlagSet) action {
	f := registerGiosgGoalFlags(fs)
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := f.patch(setFlags(fs))
		if err != nil {
			return err
		}
		// Create sends every required field: the unset ones as their zero
		// values, which the SDK then validates (a name, a room).
		in := &giosg.GoalInput{Name: f.name, AllowAnyRoom: f.anyRoom, AllowedRooms: f.rooms, DefaultValue: p.DefaultValue}
		if p.Conditions != nil {
			in.Conditions = *p.Conditions
		}
		org, err := a.giosgOrg()
		if err != nil {
			return err
		}
		g, err := org.CreateGoal(ctx, in)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return giosgGoalsTable(*g) })
	}
}

func giosgGoalsPatch(fs *flag.FlagSet) action {
	f := registerGiosgGoalFlags(fs)
	return func(ctx context.Context, a *app, args []string) error {
		p, err := f.patch(setFlags(fs))
		if err != nil {
			return err
		}
		if *p == (giosg.GoalPatch{}) {
			return usagef("nothing to change: give at least one of --name, --any-room, --room, --default-value, --condition-type")
		}
		org, err := a.giosgOrg()
		if err != nil {
			return err
		}
		g, err := org.PatchGoal(ctx, args[0], p)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return giosgGoalsTable(*g) })
	}
}

// giosgGoalFlags are the editable fields of a giosg goal as flags.
type giosgGoalFlags struct {
	name, defaultValue string
	anyRoom            bool
	rooms              stringList
	condTypes          stringList
	condValues         stringList
}

func registerGiosgGoalFlags(fs *flag.FlagSet) *giosgGoalFlags {
	f := &giosgGoalFlags{}
	fs.StringVar(&f.name, "name", "", "goal name (required to create)")
	fs.BoolVar(&f.anyRoom, "any-room", false, "the goal may match in any room")
	fs.Var(&f.rooms, "room", "`ROOM` id the goal may match in (repeatable)")
	fs.StringVar(&f.defaultValue, "default-value", "", "value of a match that brings none, a decimal such as 10.00")
	fs.Var(&f.condTypes, "condition-type", "condition type, a number (repeatable; replaces all conditions)")
	fs.Var(&f.condValues, "condition-value", "value of the condition of the same position (repeatable)")
	return f
}

// patch builds a GoalPatch from the flags that were given; create reads the
// parsed default value and conditions from it too.
func (f *giosgGoalFlags) patch(set map[string]bool) (*giosg.GoalPatch, error) {
	p := &giosg.GoalPatch{}
	if set["name"] {
		p.Name = &f.name
	}
	if set["any-room"] {
		p.AllowAnyRoom = &f.anyRoom
	}
	if set["room"] {
		rooms := []string(f.rooms)
		p.AllowedRooms = &rooms
	}
	if set["default-value"] {
		d, err := giosg.ParseDecimal(f.defaultValue)
		if err != nil {
			return nil, usagef("--default-value %q: want a decimal such as 10.00", f.defaultValue)
		}
		p.DefaultValue = &d
	}
	if set["condition-type"] || set["condition-value"] {
		conds, err := f.conditions()
		if err != nil {
			return nil, err
		}
		p.Conditions = &conds
	}
	return p, nil
}

// conditions pairs --condition-type and --condition-value by position.
func (f *giosgGoalFlags) conditions() ([]giosg.Condition, error) {
	if len(f.condValues) > 0 && len(f.condValues) != len(f.condTypes) {
		return nil, usagef("%d --condition-type but %d --condition-value: give one value per type, or none", len(f.condTypes), len(f.condValues))
	}
	conds := make([]giosg.Condition, len(f.condTypes))
	for i, s := range f.condTypes {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, usagef("--condition-type %q: want a number", s)
		}
		conds[i].Type = giosg.ConditionType(n)
		if len(f.condValues) > 0 {
			conds[i].Value = f.condValues[i]
		}
	}
	return conds, nil
}

func giosgGoalsTable(list ...giosg.Goal) table {
	t := table{header: []string{"ID", "NAME", "ANY_ROOM", "ROOMS", "DEFAULT_VALUE", "CONDITIONS"}}
	for _, g := range list {
		value := ""
		if g.DefaultValue != nil {
			value = g.DefaultValue.String()
		}
		conds := make([]string, len(g.Conditions))
		for i, c := range g.Conditions {
			conds[i] = strconv.Itoa(int(c.Type))
			if c.Value != "" {
				conds[i] += "=" + c.Value
			}
			if c.Negate {
				conds[i] = "!" + conds[i]
			}
		}
		t.add(g.ID, g.Name, strconv.FormatBool(g.AllowAnyRoom), strings.Join(g.AllowedRooms, ","), value, strings.Join(conds, " "))
	}
	return t
}

// matchResult is what "giosg match" prints: the goal and the match recorded.
type matchResult struct {
	GoalID string               `json:"goal_id"`
	Match  *giosg.ExternalMatch `json:"match"`
}

func giosgMatch(fs *flag.FlagSet) action {
	var rooms stringList
	goal := fs.String("goal", "", "`ID` of the goal that was reached (required)")
	visitor := fs.String("visitor", "", "visitor identity, as sent to the Visitor Identifier API (required)")
	at := fs.String("at", "", "when the goal was reached, RFC 3339 (default: now)")
	value := fs.String("value", "", "value of the match, a decimal such as 12.50 (default: the goal's default value)")
	fs.Var(&rooms, "room", "`ROOM` id where the goal was reached (repeatable; at least one)")
	return func(ctx context.Context, a *app, _ []string) error {
		if *goal == "" {
			return usagef("--goal is required")
		}
		when, err := matchTime(*at)
		if err != nil {
			return err
		}
		m := &giosg.ExternalMatch{VisitorIdentity: *visitor, GoalMatchedAt: when, Rooms: rooms}
		if *value != "" {
			d, err := giosg.ParseDecimal(*value)
			if err != nil {
				return usagef("--value %q: want a decimal such as 12.50", *value)
			}
			m.GoalValue = &d
		}
		org, err := a.giosgOrg()
		if err != nil {
			return err
		}
		if err := org.CreateExternalMatch(ctx, *goal, m); err != nil {
			return err
		}
		return a.print(matchResult{GoalID: *goal, Match: m}, func() table {
			t := table{header: []string{"GOAL_ID", "VISITOR", "MATCHED_AT", "VALUE", "ROOMS"}}
			v := ""
			if m.GoalValue != nil {
				v = m.GoalValue.String()
			}
			t.add(*goal, m.VisitorIdentity, m.GoalMatchedAt.UTC().Format(giosg.MatchTimeLayout), v, strings.Join(m.Rooms, ","))
			return t
		})
	}
}

// matchTime parses --at, an RFC 3339 time; "" is now.
func matchTime(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, usagef("--at %q: want an RFC 3339 time such as 2024-05-01T12:00:00Z", s)
	}
	return t, nil
}
