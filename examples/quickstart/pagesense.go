package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// The fake portal and project of the offline tour.
const (
	fakePortal  = "acme"
	fakeProject = "shop"
)

// pagesenseTour shows PageSense goals, custom events and the local URL
// matcher: the read-only part against the real API when c is complete, the
// whole tour against the fake otherwise.
func pagesenseTour(ctx context.Context, out io.Writer, c credentials) error {
	if c.real() {
		dc := pagesense.DataCenter(strings.ToLower(c.get("ZOHO_DATA_CENTER")))
		if !dc.Valid() {
			return fmt.Errorf("ZOHO_DATA_CENTER %q is not a Zoho data center (us, eu, in, au, jp, cn, sa, ca, uk)", c.get("ZOHO_DATA_CENTER"))
		}
		// The token source refreshes and caches access tokens; it must
		// outlive single calls, so it gets the run's context.
		ts := pagesense.RefreshTokenSource(ctx, pagesense.OAuthConfig{
			ClientID:     c.get("ZOHO_CLIENT_ID"),
			ClientSecret: c.get("ZOHO_CLIENT_SECRET"),
			RefreshToken: c.get("ZOHO_REFRESH_TOKEN"),
			DataCenter:   dc,
		})
		client, err := pagesense.NewClient(pagesense.WithDataCenter(dc), pagesense.WithTokenSource(ts))
		if err != nil {
			return err
		}
		return pagesenseReadOnly(ctx, out, client.Project(c.get("PAGESENSE_PORTAL"), c.get("PAGESENSE_PROJECT")))
	}

	srv := pagesensetest.NewServer()
	defer srv.Close()
	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken(fakeToken))
	if err != nil {
		return err
	}
	project := client.Project(fakePortal, fakeProject)

	g, err := project.CreateGoal(ctx, &pagesense.GoalInput{
		DisplayName:   "Read an article for 2 minutes",
		GoalType:      pagesense.TimeSpentGoal,
		TimeThreshold: 120,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "pagesense: created %s goal %q (linkname %s)\n", g.GoalType, g.DisplayName, g.Linkname)

	ev, err := project.CreateCustomEvent(ctx, "add_to_cart")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "pagesense: created custom event %q (linkname %s)\n", ev.Name, ev.Linkname)

	if err := pagesenseReadOnly(ctx, out, project); err != nil {
		return err
	}
	return pagesenseMatchURL(out)
}

// pagesenseReadOnly lists the project's goals and custom events.
func pagesenseReadOnly(ctx context.Context, out io.Writer, project *pagesense.Project) error {
	gs, err := project.ListGoals(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "pagesense: ListGoals: %s\n", count(len(gs), "goal"))
	for _, g := range gs {
		fmt.Fprintf(out, "pagesense:   %s %q\n", g.GoalType, g.DisplayName)
	}
	evs, err := project.ListCustomEvents(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "pagesense: ListCustomEvents: %s\n", count(len(evs), "custom event"))
	for _, ev := range evs {
		fmt.Fprintf(out, "pagesense:   %q\n", ev.Name)
	}
	return nil
}

// pagesenseMatchURL evaluates URL rules locally, as PageSense would in the
// browser.
func pagesenseMatchURL(out io.Writer) error {
	rules := []struct {
		t            pagesense.URLMatchType
		pattern, url string
	}{
		{pagesense.SimpleMatch, "https://example.com/pricing", "http://www.example.com/pricing/?utm_source=ad"},
		{pagesense.ExactMatch, "https://example.com/pricing", "https://example.com/pricing/"},
		{pagesense.PatternMatch, "https://example.com/blog/*", "https://example.com/blog/2024/goals"},
		{pagesense.Domain, "example.com", "https://shop.example.com/cart"},
	}
	for _, r := range rules {
		ok, err := pagesense.MatchURL(r.t, r.pattern, r.url)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "pagesense: MatchURL(%s, %q, %q) = %t\n", r.t, r.pattern, r.url, ok)
	}
	return nil
}
