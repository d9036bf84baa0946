package main

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"slices"

	"github.com/goalkit/goalkit/goalstate"
)

func applyCommand() *command {
	return &command{
		name:    "apply",
		summary: "apply a reviewed plan (or plan and apply a file with --auto-approve)",
		help: `goalctl apply plan.json applies exactly the saved plan; it refuses if the
live state moved since the plan was made, skips what an earlier run already
applied (safe to run again) and stops at the first failure, reporting what
was applied and what was not. goalctl apply -f goals.yaml --auto-approve
plans and applies in one step.`,
		args:         []string{"[PLAN]"},
		optionalArgs: true,
		setup:        runApply,
	}
}

func runApply(fs *flag.FlagSet) action {
	file := addStateFileFlags(fs)
	auto := fs.Bool("auto-approve", false, "with -f: apply the plan without a saved plan file")
	return func(ctx context.Context, a *app, args []string) error {
		p, err := a.planToApply(ctx, file, *auto, args)
		if err != nil {
			return err
		}
		var dialects []string
		for d, rs := range dialectResources {
			if slices.ContainsFunc(rs, func(r goalstate.Resource) bool { _, ok := p.Read[r]; return ok }) {
				dialects = append(dialects, d)
			}
		}
		t, err := a.stateTargets(ctx, dialects...)
		if err != nil {
			return err
		}
		rep, applyErr := goalstate.Apply(ctx, p, t)
		if rep != nil {
			if a.wantJSON() {
				err = writeJSON(a.stdout, rep)
			} else {
				err = rep.WriteText(a.stdout)
			}
			if err != nil {
				return err
			}
		}
		return applyErr
	}
}

// planToApply reads the saved plan, or plans -f FILE when --auto-approve
// says no review is wanted.
func (a *app) planToApply(ctx context.Context, f *stateFileFlags, auto bool, args []string) (*goalstate.Plan, error) {
	switch {
	case len(args) == 1 && *f.file == "":
		raw, err := os.ReadFile(args[0])
		if err != nil {
			return nil, configErr(err.Error())
		}
		var p goalstate.Plan
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, usagef("%s is not a plan: %v", args[0], err)
		}
		return &p, nil
	case len(args) == 0 && *f.file != "" && auto:
		return a.makePlan(ctx, f)
	case len(args) == 0 && *f.file != "":
		return nil, usagef("apply -f needs --auto-approve; or save a plan with 'goalctl plan --out plan.json' and apply that")
	}
	return nil, usagef("want a plan file, or -f FILE --auto-approve")
}
