// Command quickstart is goalkit's first stop: a short tour of every dialect.
//
//	go run ./examples/quickstart
//
// Without credentials it runs offline, each dialect against its in-memory
// fake (goalstest, triggerstest, giosgtest, pagesensetest), and exercises
// the whole API: creating, listing, paging, the errors you match on and the
// local URL matchers. With a dialect's credentials in the environment, that
// dialect runs the read-only part of the tour against the real API instead
// (nothing is created there):
//
//	Zendesk Chat: ZENDESK_CHAT_SUBDOMAIN, ZENDESK_CHAT_TOKEN
//	giosg:        GIOSG_API_TOKEN, GIOSG_ORG_ID
//	PageSense:    ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN,
//	              ZOHO_DATA_CENTER (us, eu, in, ...), PAGESENSE_PORTAL,
//	              PAGESENSE_PROJECT
//
// Tokens are never printed. On an error it prints it and exits with status 1.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"
)

// realTimeout bounds the whole run: a real API that hangs should not hang
// the tour. The offline tour needs a fraction of a second.
const realTimeout = time.Minute

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, realTimeout)
	defer cancel()
	if err := run(ctx, os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// run is the whole program, with the environment and the output passed in so
// that a test can drive it.
func run(ctx context.Context, env func(string) string, stdout io.Writer) error {
	zc := lookup(env, zopimVars...)
	gc := lookup(env, giosgVars...)
	pc := lookup(env, pagesenseVars...)

	fmt.Fprintln(stdout, headline(map[string]bool{"zopim": zc.real(), "giosg": gc.real(), "pagesense": pc.real()}))
	fmt.Fprintln(stdout, "zopim:", zc.describe("Zendesk Chat"))
	fmt.Fprintln(stdout, "giosg:", gc.describe("giosg"))
	fmt.Fprintln(stdout, "pagesense:", pc.describe("PageSense"))

	tours := []struct {
		name string
		tour func() error
	}{
		{"zopim", func() error { return zopimTour(ctx, stdout, zc) }},
		{"giosg", func() error { return giosgTour(ctx, stdout, gc) }},
		{"pagesense", func() error { return pagesenseTour(ctx, stdout, pc) }},
	}
	for _, t := range tours {
		fmt.Fprintln(stdout)
		if err := t.tour(); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "done.")
	return nil
}

// headline is the first line: whether anything leaves this machine.
func headline(isReal map[string]bool) string {
	var reals, fakes []string
	for _, d := range []string{"zopim", "giosg", "pagesense"} {
		if isReal[d] {
			reals = append(reals, d)
		} else {
			fakes = append(fakes, d)
		}
	}
	switch {
	case len(reals) == 0:
		return "goalkit quickstart: offline, every dialect against its in-memory fake (no credentials in the environment)."
	case len(fakes) == 0:
		return "goalkit quickstart: every dialect against its real API, read-only."
	default:
		return fmt.Sprintf("goalkit quickstart: %s against the real API (read-only); %s against in-memory fakes.",
			strings.Join(reals, ", "), strings.Join(fakes, ", "))
	}
}

// count says "1 goal" or "3 goals".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
