package main

import (
	"context"
	"flag"
)

func driftCommand() *command {
	return &command{
		name:    "drift",
		summary: "check that the live state still matches a desired-state file (for cron or CI)",
		help: `A plan without a plan file: writes the plan as JSON (--output table: the
readable diff) and exits 2 when the live state drifted, 0 when it did not,
1 on an error (a usage error included).`,
		setup:           runDrift,
		twoMeansChanges: func([]string) bool { return true },
	}
}

func runDrift(fs *flag.FlagSet) action {
	file := addStateFileFlags(fs)
	return func(ctx context.Context, a *app, _ []string) error {
		p, err := a.makePlan(ctx, file)
		if err != nil {
			return errorExit1(err)
		}
		if a.format == formatTable {
			err = p.WriteText(a.stdout, a.colorOK())
		} else {
			err = writeJSON(a.stdout, p)
		}
		if err != nil {
			return err
		}
		return planChanges(p, true)
	}
}
