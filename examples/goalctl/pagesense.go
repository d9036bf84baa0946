package main

import (
	"context"
	"flag"
	"strconv"

	"github.com/goalkit/goalkit/pagesense"
)

// pagesenseCommand is "goalctl pagesense": goals and custom events of one
// PageSense project (package pagesense), and local URL matching.
func pagesenseCommand() *command {
	return &command{
		name:    "pagesense",
		summary: "Zoho PageSense goals, custom events and URL matching",
		help: "Needs ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, PAGESENSE_PORTAL,\n" +
			"PAGESENSE_PROJECT and ZOHO_DATA_CENTER (" + dataCenterNames + "; default US), or --fake.\n" +
			"match-url needs nothing: it runs locally.",
		subs: []*command{{
			name:    "goals",
			summary: "project goals: list, get, create, update, delete",
			subs: []*command{
				{name: "list", summary: "list the project's goals", setup: pagesenseGoalsList},
				{name: "get", summary: "show one goal", args: []string{"LINKNAME"}, setup: pagesenseGoalsGet},
				{name: "create", summary: "create a goal", help: pagesenseGoalHelp, setup: pagesenseGoalsCreate},
				{name: "update", summary: "change the given fields of a goal", args: []string{"LINKNAME"}, help: pagesenseUpdateHelp, setup: pagesenseGoalsUpdate},
				{name: "delete", summary: "delete a goal", args: []string{"LINKNAME"}, setup: pagesenseGoalsDelete},
			},
		}, {
			name:    "events",
			summary: "custom events: list, create",
			subs: []*command{
				{name: "list", summary: "list the project's custom events", setup: pagesenseEventsList},
				{name: "create", summary: "create a custom event", setup: pagesenseEventsCreate},
			},
		}, {
			name:    "match-url",
			summary: "tell locally whether a URL satisfies a PageSense URL rule",
			help: "Match types: SIMPLE_MATCH, EXACT_MATCH, PATTERN_MATCH (* is any run of\n" +
				"characters), REGEX_MATCH, CONTAINS_MATCH, STARTS_WITH, ENDS_WITH, DOMAIN.\n" +
				"Prints whether the URL matches; the exit status is 0 either way.",
			args:  []string{"URL"},
			setup: pagesenseMatchURL,
		}},
	}
}

const pagesenseGoalHelp = `Goal types: PAGE_VISIT_GOAL (needs --url), LINK_CLICK_GOAL, FORM_SUBMIT_GOAL,
ELEMENT_CLICK_GOAL, ENGAGEMENT_GOAL, CUSTOM_EVENT_GOAL, REVENUE_GOAL,
TIME_SPENT_GOAL (needs --time-threshold), PAGE_VIEW_VIRTUAL_GOAL,
FULLSTACK_CUSTOM_EVENT_GOAL, or their numbers.
Example: --name "Engaged reader" --type TIME_SPENT_GOAL --url https://example.com/blog
         --match-type SIMPLE_MATCH --time-threshold 30`

const pagesenseUpdateHelp = `Only the flags given are sent; the others stay as they are.
Example: update engaged-reader --name "Deep reader" --time-threshold 45`

// pagesenseProject returns the project the command works on: the fake's demo
// project, or PAGESENSE_PORTAL/PAGESENSE_PROJECT with access tokens from the
// Zoho refresh-token flow.
func (a *app) pagesenseProject(ctx context.Context) (*pagesense.Project, error) {
	if a.fake {
		fs, err := a.fakeSet("Zoho PageSense")
		if err != nil {
			return nil, err
		}
		c, err := newClient(pagesense.NewClient, append(fakeOptions(fs.pagesense.Responder()), pagesense.WithToken(fakeToken)))
		if err != nil {
			return nil, err
		}
		return c.Project(fakePortal, fakeProject), nil
	}
	creds, err := a.pagesenseCreds()
	if err != nil {
		return nil, err
	}
	// The token source lives as long as the command: ctx is the command's.
	opts := []pagesense.Option{
		pagesense.WithDataCenter(creds.oauth.DataCenter),
		pagesense.WithTokenSource(secretSource{ts: pagesense.RefreshTokenSource(ctx, creds.oauth), a: a}),
	}
	c, err := newClient(pagesense.NewClient, append(opts, a.testOptions()...))
	if err != nil {
		return nil, err
	}
	return c.Project(creds.portal, creds.project), nil
}

// --- goals ---

func pagesenseGoalsList(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		list, err := p.ListGoals(ctx)
		if err != nil {
			return err
		}
		return a.print(nonNil(list), func() table { return pagesenseGoalsTable(list...) })
	}
}

func pagesenseGoalsGet(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		g, err := p.GetGoal(ctx, args[0])
		if err != nil {
			return err
		}
		return a.print(g, func() table { return pagesenseGoalsTable(*g) })
	}
}

func pagesenseGoalsCreate(fs *flag.FlagSet) action {
	var include, exclude stringList
	name := fs.String("name", "", "display name (required)")
	goalType := fs.String("type", "PAGE_VISIT_GOAL", "goal `TYPE`, a name or its number")
	goalURL := fs.String("url", "", "the page the goal is about")
	matchType := fs.String("match-type", "", "how --url is matched, e.g. SIMPLE_MATCH (default: PageSense's)")
	threshold := fs.Int("time-threshold", 0, "seconds on the page, for TIME_SPENT_GOAL")
	fs.Var(&include, "include", "`URL` where the goal counts (repeatable)")
	fs.Var(&exclude, "exclude", "`URL` where the goal does not count (repeatable)")
	return func(ctx context.Context, a *app, _ []string) error {
		t, err := pagesense.ParseGoalType(*goalType)
		if err != nil {
			return usagef("--type %q: unknown goal type", *goalType)
		}
		in := &pagesense.GoalInput{
			DisplayName: *name, GoalType: t, GoalURL: *goalURL, TimeThreshold: *threshold,
			IncludeURLs: include, ExcludeURLs: exclude,
		}
		if *matchType != "" {
			mt, err := pagesense.ParseURLMatchType(*matchType)
			if err != nil {
				return usagef("--match-type %q: unknown match type", *matchType)
			}
			in.URL = []pagesense.URLRule{{MatchType: mt}}
		}
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		g, err := p.CreateGoal(ctx, in)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return pagesenseGoalsTable(*g) })
	}
}

func pagesenseGoalsUpdate(fs *flag.FlagSet) action {
	var include, exclude stringList
	name := fs.String("name", "", "new display name")
	goalURL := fs.String("url", "", "the page the goal is about")
	matchType := fs.String("match-type", "", "how --url is matched, e.g. SIMPLE_MATCH")
	threshold := fs.Int("time-threshold", 0, "seconds on the page, for TIME_SPENT_GOAL")
	fs.Var(&include, "include", "`URL` where the goal counts (repeatable; replaces the list)")
	fs.Var(&exclude, "exclude", "`URL` where the goal does not count (repeatable; replaces the list)")
	return func(ctx context.Context, a *app, args []string) error {
		set := setFlags(fs)
		var patch pagesense.GoalPatch
		if set["name"] {
			patch.DisplayName = name
		}
		if set["url"] {
			patch.GoalURL = goalURL
		}
		if set["match-type"] {
			mt, err := pagesense.ParseURLMatchType(*matchType)
			if err != nil {
				return usagef("--match-type %q: unknown match type", *matchType)
			}
			patch.URL = &[]pagesense.URLRule{{MatchType: mt}}
		}
		if set["time-threshold"] {
			patch.TimeThreshold = threshold
		}
		if set["include"] {
			patch.IncludeURLs = (*[]string)(&include)
		}
		if set["exclude"] {
			patch.ExcludeURLs = (*[]string)(&exclude)
		}
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		g, err := p.UpdateGoal(ctx, args[0], &patch)
		if err != nil {
			return err
		}
		return a.print(g, func() table { return pagesenseGoalsTable(*g) })
	}
}

func pagesenseGoalsDelete(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, args []string) error {
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		if err := p.DeleteGoal(ctx, args[0]); err != nil {
			return err
		}
		return a.print(deleted{Deleted: args[0]}, deletedTable(args[0]))
	}
}

func pagesenseGoalsTable(list ...pagesense.Goal) table {
	t := table{header: []string{"LINKNAME", "GOAL_ID", "NAME", "TYPE", "URL"}}
	for _, g := range list {
		t.add(g.Linkname, g.GoalID, g.DisplayName, g.GoalType.String(), g.GoalURL)
	}
	return t
}

// --- custom events ---

func pagesenseEventsList(*flag.FlagSet) action {
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		list, err := p.ListCustomEvents(ctx)
		if err != nil {
			return err
		}
		return a.print(nonNil(list), func() table { return pagesenseEventsTable(list...) })
	}
}

func pagesenseEventsCreate(fs *flag.FlagSet) action {
	name := fs.String("name", "", "event name (required)")
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := a.pagesenseProject(ctx)
		if err != nil {
			return err
		}
		e, err := p.CreateCustomEvent(ctx, *name)
		if err != nil {
			return err
		}
		return a.print(e, func() table { return pagesenseEventsTable(*e) })
	}
}

func pagesenseEventsTable(list ...pagesense.CustomEvent) table {
	t := table{header: []string{"LINKNAME", "EVENT_ID", "NAME"}}
	for _, e := range list {
		t.add(e.Linkname, e.EventID, e.Name)
	}
	return t
}

// --- match-url ---

// urlMatch is what match-url prints.
type urlMatch struct {
	Type    string `json:"type"`
	Pattern string `json:"pattern"`
	URL     string `json:"url"`
	Match   bool   `json:"match"`
}

func pagesenseMatchURL(fs *flag.FlagSet) action {
	matchType := fs.String("type", "SIMPLE_MATCH", "match `TYPE`, a name or its number")
	pattern := fs.String("pattern", "", "the rule's URL or pattern (required)")
	return func(_ context.Context, a *app, args []string) error {
		t, err := pagesense.ParseURLMatchType(*matchType)
		if err != nil {
			return usagef("--type %q: unknown match type", *matchType)
		}
		if *pattern == "" {
			return usagef("--pattern is required")
		}
		ok, err := pagesense.MatchURL(t, *pattern, args[0])
		if err != nil {
			return err // a *ValidationError: a bad regexp, URL_GROUP_MATCH
		}
		m := urlMatch{Type: t.String(), Pattern: *pattern, URL: args[0], Match: ok}
		return a.print(m, func() table {
			tab := table{header: []string{"TYPE", "PATTERN", "URL", "MATCH"}}
			tab.add(m.Type, m.Pattern, m.URL, strconv.FormatBool(m.Match))
			return tab
		})
	}
}
