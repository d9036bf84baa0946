package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// commonFlags registers --output and --fake on fs. They are registered at
// every level of the tree, bound to the same app fields, so they may be given
// anywhere ("goalctl --fake zopim goals list" or "goalctl zopim goals list
// --fake"). flag.Var, unlike flag.BoolVar, does not reset the field, so a
// value set at an upper level survives the lower level's registration.
func (a *app) commonFlags(fs *flag.FlagSet) {
	fs.Var((*givenFormat)(a), "output", "output `FORMAT`: json (one JSON document) or table (aligned columns)")
	fs.Var((*boolFlag)(&a.fake), "fake", "run against an in-process fake with demo data (no credentials, no network)")
	fs.Var((*durationFlag)(&a.timeout), "timeout", "give up on the command after `DURATION` (retries included), e.g. 10s or 2m")
	fs.Var((*boolFlag)(&a.verbose), "v", "log one line per HTTP attempt (and each retry's wait) on stderr")
	fs.Var((*boolFlag)(&a.version), "version", "print goalctl's version and exit")
	// The help shows the defaults, not what an upper level already set.
	fs.Lookup("output").DefValue = string(formatJSON)
	fs.Lookup("fake").DefValue = "false"
	fs.Lookup("timeout").DefValue = defaultTimeout.String()
	fs.Lookup("v").DefValue = "false"
	fs.Lookup("version").DefValue = "false"
}

// durationFlag is a duration flag registered with flag.Var (see
// commonFlags); it must be positive.
type durationFlag time.Duration

func (d *durationFlag) String() string { return time.Duration(*d).String() }

// Set parses a Go duration ("30s", "2m").
func (d *durationFlag) Set(s string) error {
	v, err := time.ParseDuration(s)
	if err != nil || v <= 0 {
		return fmt.Errorf("want a positive duration such as 30s or 2m, got %q", s)
	}
	*d = durationFlag(v)
	return nil
}

// givenFormat is --output bound to the app: it records that the flag was
// given (at whichever level), which export, plan and apply ask.
type givenFormat app

func (g *givenFormat) String() string {
	if g == nil {
		return ""
	}
	return g.format.String()
}

// Set sets the app's format and records that it was given.
func (g *givenFormat) Set(s string) error {
	if err := g.format.Set(s); err != nil {
		return err
	}
	g.formatGiven = true
	return nil
}

// outputFormat is the value of --output.
type outputFormat string

// Output formats.
const (
	formatJSON  outputFormat = "json"
	formatTable outputFormat = "table"
)

func (f *outputFormat) String() string { return string(*f) }

// Set accepts json or table; anything else is a usage error.
func (f *outputFormat) Set(s string) error {
	switch v := outputFormat(s); v {
	case formatJSON, formatTable:
		*f = v
		return nil
	}
	return fmt.Errorf("want json or table, got %q", s)
}

// boolFlag is a bool flag registered with flag.Var (see commonFlags).
type boolFlag bool

func (b *boolFlag) String() string   { return fmt.Sprint(bool(*b)) }
func (b *boolFlag) IsBoolFlag() bool { return true }

// Set parses the flag's value as flag.BoolVar would.
func (b *boolFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false, got %q", s)
	}
	*b = boolFlag(v)
	return nil
}

// stringList is a repeatable string flag: each use appends a value.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

// Set appends one value.
func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// setFlags returns the names of the flags given on the command line, so that
// update and patch send only what the user asked to change (--enabled=false
// must be told apart from no --enabled at all).
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
