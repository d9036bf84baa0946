package main

import (
	"context"
	"encoding/json"
	"flag"
	"os"

	"github.com/goalkit/goalkit/goalstate"
)

func planCommand() *command {
	return &command{
		name:    "plan",
		summary: "show the changes that make the live state match a desired-state file",
		help: `Reads each managed resource once, checks the vendors' rules and the file's
goal tests, and sends nothing. --out saves the plan for 'goalctl apply'.
Output: a readable diff; --output json writes the plan's JSON (see README).
Exit status with --detailed-exitcode: 0 no changes, 1 error (also a missing
file, missing credentials or a usage error), 2 changes.
Example: goalctl plan -f goals.yaml --var SITE=www.example.com --out plan.json`,
		setup:           runPlan,
		twoMeansChanges: hasFlag("detailed-exitcode"),
	}
}

func runPlan(fs *flag.FlagSet) action {
	file := addStateFileFlags(fs)
	outFile := fs.String("out", "", "save the plan as JSON to `FILE`, for goalctl apply")
	detailed := fs.Bool("detailed-exitcode", false, "exit 2 when the plan has changes, 0 when it has none")
	return func(ctx context.Context, a *app, _ []string) error {
		err := a.runPlan(ctx, file, *outFile, *detailed)
		if *detailed {
			return errorExit1(err)
		}
		return err
	}
}

// runPlan plans, saves the plan to outFile if given, and prints it.
func (a *app) runPlan(ctx context.Context, file *stateFileFlags, outFile string, detailed bool) error {
	p, err := a.makePlan(ctx, file)
	if err != nil {
		return err
	}
	if outFile != "" {
		raw, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(outFile, append(raw, '\n'), 0o600); err != nil {
			return err
		}
	}
	if a.wantJSON() {
		err = writeJSON(a.stdout, p)
	} else {
		err = p.WriteText(a.stdout, a.colorOK())
	}
	if err != nil {
		return err
	}
	return planChanges(p, detailed)
}

// makePlan loads the file and plans it against the accounts it manages.
func (a *app) makePlan(ctx context.Context, f *stateFileFlags) (*goalstate.Plan, error) {
	doc, err := f.load()
	if err != nil {
		return nil, err
	}
	t, err := a.stateTargets(ctx, docDialects(doc)...)
	if err != nil {
		return nil, err
	}
	return goalstate.MakePlan(ctx, doc, t, goalstate.Options{Prune: *f.prune})
}
