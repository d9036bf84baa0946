package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/goalkit/goalkit/goalstate"
)

// What export, plan, apply and drift share: reading the desired-state file,
// building the clients of the dialects it manages, the output format and
// the exit status.

// exitStatus is an outcome that is not a failure but has its own exit
// status: plan --detailed-exitcode and drift exit 2 when there are changes.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// Exit statuses of plan --detailed-exitcode and drift, as terraform's.
const exitChanges exitStatus = 2

// stateFileFlags are the flags that read a desired-state file.
type stateFileFlags struct {
	file  *string
	vars  stringList
	prune *bool
}

func addStateFileFlags(fs *flag.FlagSet) *stateFileFlags {
	f := &stateFileFlags{
		file:  fs.String("f", "", "the desired-state `FILE` (YAML or JSON)"),
		prune: fs.Bool("prune", false, "delete live objects the file does not list (where the vendor can)"),
	}
	fs.Var(&f.vars, "var", "set a variable of the file, `NAME=VALUE` (repeatable)")
	return f
}

// load reads the file and its variables.
func (f *stateFileFlags) load() (*goalstate.Document, error) {
	if *f.file == "" {
		return nil, usagef("-f FILE is required")
	}
	vars := map[string]string{}
	for _, v := range f.vars {
		name, value, ok := strings.Cut(v, "=")
		if !ok || name == "" {
			return nil, usagef("--var wants NAME=VALUE, got %q", v)
		}
		vars[name] = value
	}
	data, err := os.ReadFile(*f.file)
	if err != nil {
		return nil, configErr(err.Error())
	}
	doc, err := goalstate.Load(data, goalstate.LoadOptions{Variables: vars})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", *f.file, err)
	}
	return doc, nil
}

// stateTargets builds the clients of the dialects named: zendesk, giosg,
// pagesense. Only those need credentials.
func (a *app) stateTargets(ctx context.Context, dialects ...string) (goalstate.Targets, error) {
	var t goalstate.Targets
	for _, d := range dialects {
		switch d {
		case "zendesk":
			gc, err := a.goalsClient()
			if err != nil {
				return t, err
			}
			tc, err := a.triggersClient()
			if err != nil {
				return t, err
			}
			t.Goals, t.Triggers = gc, tc
		case "giosg":
			org, err := a.giosgOrg()
			if err != nil {
				return t, err
			}
			t.Giosg = org
		case "pagesense":
			p, err := a.pagesenseProject(ctx)
			if err != nil {
				return t, err
			}
			t.PageSense = p
		}
	}
	return t, nil
}

// docDialects are the dialects a document manages.
func docDialects(doc *goalstate.Document) []string {
	var ds []string
	if doc.Zendesk != nil {
		ds = append(ds, "zendesk")
	}
	if doc.Giosg != nil {
		ds = append(ds, "giosg")
	}
	if doc.PageSense != nil {
		ds = append(ds, "pagesense")
	}
	return ds
}

// wantJSON reports whether --output json was given, at any level: export,
// plan and apply write human text unless it was.
func (a *app) wantJSON() bool { return a.formatGiven && a.format == formatJSON }

// colorOK reports whether stdout is a terminal that may get colours.
func (a *app) colorOK() bool {
	f, ok := a.stdout.(*os.File)
	if !ok || a.env("NO_COLOR") != "" || a.env("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// planChanges turns a plan's outcome into the exit status: 2 when it has
// changes and the caller asked for detailed codes.
func planChanges(p *goalstate.Plan, detailed bool) error {
	if detailed && p.HasChanges() {
		return exitChanges
	}
	return nil
}

// errorExit1 makes every failure of a command whose exit status 2 means
// "changes" (plan --detailed-exitcode, drift) exit 1, as terraform's do: a
// missing file or missing credentials must not read as drift in CI.
// (A mistyped flag is refused before the command runs, with status 2.)
func errorExit1(err error) error {
	var status exitStatus
	if err == nil || errors.As(err, &status) {
		return err
	}
	var cerr configErr
	var uerr usageErr
	if errors.As(err, &cerr) || errors.As(err, &uerr) {
		return errors.New(err.Error())
	}
	return err
}
