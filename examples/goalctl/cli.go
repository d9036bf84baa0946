package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/goalkit/goalkit"
)

// command is one node of the command tree: a group with subcommands, or a
// leaf that runs an action.
type command struct {
	name    string
	summary string // one line, shown in the parent's command list
	help    string // optional paragraph shown in the command's own help
	subs    []*command

	// Leaves only. args names the positional arguments for the usage line
	// ("ID"); exactly len(args) are required, or at least len(args) when
	// the last ends in "..." ("KEY...").
	args []string
	// optionalArgs lets a leaf run with no positional arguments as well.
	optionalArgs bool
	// setup registers the leaf's flags on fs and returns the action, which
	// reads the flag values through its closure.
	setup func(fs *flag.FlagSet) action
	// twoMeansChanges reports whether exit status 2 means "changes" for
	// these arguments (drift; plan --detailed-exitcode): a usage error then
	// exits 1, so a script never reads a typo as a plan with changes.
	twoMeansChanges func(args []string) bool
}

// action runs a leaf command with its positional arguments.
type action func(ctx context.Context, a *app, args []string) error

// dispatch parses args at the level of cmd (path is the words so far, for
// messages) and either descends to a subcommand or runs the leaf.
func (a *app) dispatch(ctx context.Context, cmd *command, path, args []string) int {
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	// The flag package would print its own usage on error; ours goes to
	// stdout for --help and to stderr for mistakes.
	fs.SetOutput(io.Discard)
	a.commonFlags(fs)
	var act action
	if cmd.setup != nil {
		act = cmd.setup(fs)
	}
	usage := func(w io.Writer) { printUsage(w, cmd, path, fs) }
	name := strings.Join(path[1:], " ") // for messages: "zopim goals get"
	full := strings.Join(path, " ")     // for the --help hint

	if len(cmd.subs) > 0 {
		return a.dispatchGroup(ctx, cmd, path, name, fs, args, usage)
	}
	refuse := func(format string, v ...any) int {
		code := a.usageError(full, name, format, v...)
		if cmd.twoMeansChanges != nil && cmd.twoMeansChanges(args) {
			return exitAPI
		}
		return code
	}
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		usage(a.stdout)
		return exitOK
	}
	if err != nil {
		return refuse("%v", err)
	}
	if a.version {
		return a.printVersion()
	}
	switch {
	case len(cmd.args) == 0 && len(positional) > 0:
		return refuse("unexpected argument %q", positional[0])
	case len(positional) != len(cmd.args) && !(variadic(cmd.args) && len(positional) > len(cmd.args)) && !(cmd.optionalArgs && len(positional) == 0):
		return refuse("want %s, got %d argument(s)", strings.Join(cmd.args, " "), len(positional))
	}
	return a.runAction(ctx, act, positional, full, name)
}

// runAction runs a leaf's action under --timeout and reports the outcome.
// A cancelled parent context is the user's Ctrl-C (exit 130); the timeout's
// own deadline is reported as a timeout, naming the flag that sets it.
func (a *app) runAction(parent context.Context, act action, args []string, full, name string) int {
	ctx, cancel := context.WithTimeout(parent, a.timeout)
	defer cancel()
	err := act(ctx, a, args)
	switch {
	case err == nil:
		return exitOK
	case parent.Err() != nil:
		a.errorf(name, "interrupted: %v", err)
		return exitInterrupted
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		a.errorf(name, "timed out after %s (set --timeout for longer): %v", a.timeout, err)
		return exitAPI
	}
	return a.report(name, err, full)
}

// dispatchGroup parses a group's flags up to the subcommand's name and hands
// the rest to the subcommand.
func (a *app) dispatchGroup(ctx context.Context, cmd *command, path []string, name string, fs *flag.FlagSet, args []string, usage func(io.Writer)) int {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		usage(a.stdout)
		return exitOK
	}
	full := strings.Join(path, " ")
	if err != nil {
		code := a.usageError(full, name, "%v", err)
		if laterTwoMeansChanges(cmd, args) {
			return exitAPI
		}
		return code
	}
	if a.version {
		return a.printVersion()
	}
	if fs.NArg() == 0 {
		return a.usageError(full, name, "missing command")
	}
	sub := fs.Arg(0)
	if sub == "help" {
		usage(a.stdout)
		return exitOK
	}
	for _, c := range cmd.subs {
		if c.name == sub {
			return a.dispatch(ctx, c, append(slices.Clip(path), sub), fs.Args()[1:])
		}
	}
	return a.usageError(full, name, "unknown command %q", sub)
}

// usageError prints one line about command name ("" for the root) and a hint
// naming the help of full (the command's words, "goalctl zopim goals get")
// to stderr, and returns exitUsage. The whole usage would bury the message.
func (a *app) usageError(full, name, format string, args ...any) int {
	a.errorf(name, format, args...)
	fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", full)
	return exitUsage
}

// printVersion answers --version on stdout.
func (a *app) printVersion() int {
	fmt.Fprintf(a.stdout, "goalctl %s (goalkit SDK, %s)\n", goalkit.Version, runtime.Version())
	return exitOK
}

// errorf writes one message to stderr, "goalctl: zopim goals get: ...".
func (a *app) errorf(name, format string, args ...any) {
	prefix := "goalctl: "
	if name != "" {
		prefix += name + ": "
	}
	io.WriteString(a.stderr, a.redact(prefix+fmt.Sprintf(format, args...)+"\n"))
}

// laterTwoMeansChanges reports whether args, which failed to parse at the
// level of cmd, go on to name a leaf below it for which exit status 2 means
// "changes" ("goalctl --bogus drift ..."): the mistake then exits 1 there
// too.
func laterTwoMeansChanges(cmd *command, args []string) bool {
	for i, arg := range args {
		for _, sub := range cmd.subs {
			if sub.name == arg && sub.twoMeansChanges != nil && sub.twoMeansChanges(args[i+1:]) {
				return true
			}
		}
	}
	return false
}

// hasFlag reports whether the boolean flag name is set among args, as the
// flag package would read it, before any "--"; it looks before parsing,
// which may stop early at a mistake.
func hasFlag(name string) func(args []string) bool {
	return func(args []string) bool {
		set := false
		for _, arg := range args {
			if arg == "--" {
				break
			}
			flagName, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
			if !strings.HasPrefix(arg, "-") || flagName != name {
				continue
			}
			set = !hasValue
			if hasValue {
				set, _ = strconv.ParseBool(value)
			}
		}
		return set
	}
}

// parseInterspersed parses flags wherever they are among the positional
// arguments, which the flag package alone stops at: "get 3 --output table"
// works like "get --output table 3". A "--" ends the flags; everything after
// it is positional. (A flag whose value is literally "--" is taken as the
// terminator too; no flag of goalctl wants that value.)
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// printUsage writes a command's help: usage line, description, subcommands
// and flags.
func printUsage(w io.Writer, cmd *command, path []string, fs *flag.FlagSet) {
	line := strings.Join(path, " ") + " [flags]"
	if len(cmd.subs) > 0 {
		line += " <command> ..."
	}
	for _, arg := range cmd.args {
		line += " " + arg
	}
	fmt.Fprintf(w, "Usage: %s\n\n%s: %s\n", line, path[len(path)-1], cmd.summary)
	if len(cmd.subs) > 0 {
		fmt.Fprintf(w, "\nCommands:\n")
		width := 0
		for _, sub := range cmd.subs {
			width = max(width, len(sub.name))
		}
		for _, sub := range cmd.subs {
			fmt.Fprintf(w, "  %-*s  %s\n", width, sub.name, sub.summary)
		}
	}
	if cmd.help != "" {
		fmt.Fprintf(w, "\n%s\n", cmd.help)
	}
	fmt.Fprintf(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if len(cmd.subs) > 0 {
		fmt.Fprintf(w, "\nRun '%s <command> --help' for a command's flags.\n", strings.Join(path, " "))
	}
}

// variadic reports whether the last positional argument repeats ("KEY...").
func variadic(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], "...")
}
