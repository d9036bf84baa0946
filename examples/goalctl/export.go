package main

import (
	"context"
	"flag"

	"github.com/goalkit/goalkit/goalstate"
)

// dialectResources are the resources each --dialect exports.
var dialectResources = map[string][]goalstate.Resource{
	"zendesk":   {goalstate.ZendeskGoals, goalstate.ZendeskTriggers},
	"giosg":     {goalstate.GiosgGoals},
	"pagesense": {goalstate.PageSenseGoals, goalstate.PageSenseCustomEvents},
}

func exportCommand() *command {
	return &command{
		name:    "export",
		summary: "write the live goals, triggers and custom events as a desired-state file",
		help: `Writes YAML to stdout (--output json: the same document as JSON).
A plan of a fresh export against the same account shows no changes.
Example: goalctl export --dialect zendesk > goals.yaml`,
		setup: runExport,
	}
}

func runExport(fs *flag.FlagSet) action {
	var dialects stringList
	fs.Var(&dialects, "dialect", "export only `DIALECT`: zendesk, giosg or pagesense (repeatable; default all)")
	return func(ctx context.Context, a *app, _ []string) error {
		if len(dialects) == 0 {
			dialects = stringList{"zendesk", "giosg", "pagesense"}
		}
		var resources []goalstate.Resource
		for _, d := range dialects {
			rs, ok := dialectResources[d]
			if !ok {
				return usagef("--dialect: want zendesk, giosg or pagesense, got %q", d)
			}
			resources = append(resources, rs...)
		}
		t, err := a.stateTargets(ctx, dialects...)
		if err != nil {
			return err
		}
		doc, err := goalstate.Export(ctx, t, resources)
		if err != nil {
			return err
		}
		if a.wantJSON() {
			return writeJSON(a.stdout, doc)
		}
		text, err := goalstate.Encode(doc)
		if err != nil {
			return err
		}
		_, err = a.stdout.Write(text)
		return err
	}
}
