package main

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// offlineTour is the whole output of a run without credentials. Nothing in it
// depends on the machine: the fakes' URLs and ids are not printed.
const offlineTour = `goalkit quickstart: offline, every dialect against its in-memory fake (no credentials in the environment).
zopim: fake (set ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN for the real API)
giosg: fake (set GIOSG_API_TOKEN and GIOSG_ORG_ID for the real API)
pagesense: fake (set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_DATA_CENTER, PAGESENSE_PORTAL and PAGESENSE_PROJECT for the real API)

zopim: created 5 enabled goals, the account limit (goals.MaxActiveGoals)
zopim: goal 6 refused with 400 "Goals limit exceeded": errors.Is(err, goals.ErrGoalsLimitExceeded)
zopim: "Visited /pricing" matches https://shop.example.com/pricing?plan=pro: true
zopim: "Visited /pricing" matches https://shop.example.com/about: false
zopim: created trigger #1 "Greet visitors"
zopim: renamed it; Get("Greet new visitors") finds #1
zopim: Get("Greet visitors") is now errors.Is(err, triggers.ErrNotFound)

giosg: created 7 goals (the fake serves 3 per page)
giosg: AllGoals walked 7 goals across 3 pages
giosg: external match posted to "Purchase" for crm-customer-42, value 149.90 (the fake recorded 1)

pagesense: created TIME_SPENT_GOAL goal "Read an article for 2 minutes" (linkname read-an-article-for-2-minutes)
pagesense: created custom event "add_to_cart" (linkname add-to-cart)
pagesense: ListGoals: 1 goal
pagesense:   TIME_SPENT_GOAL "Read an article for 2 minutes"
pagesense: ListCustomEvents: 1 custom event
pagesense:   "add_to_cart"
pagesense: MatchURL(SIMPLE_MATCH, "https://example.com/pricing", "http://www.example.com/pricing/?utm_source=ad") = true
pagesense: MatchURL(EXACT_MATCH, "https://example.com/pricing", "https://example.com/pricing/") = false
pagesense: MatchURL(PATTERN_MATCH, "https://example.com/blog/*", "https://example.com/blog/2024/goals") = true
pagesense: MatchURL(DOMAIN, "example.com", "https://shop.example.com/cart") = false

done.
`

// envOf serves vars as the environment; anything else is unset.
func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestRunOffline(t *testing.T) {
	var out strings.Builder
	start := time.Now()
	if err := run(context.Background(), envOf(nil), &out); err != nil {
		t.Fatalf("run: %v\noutput:\n%s", err, out.String())
	}
	if got := out.String(); got != offlineTour {
		t.Errorf("output differs.\n got:\n%s\nwant:\n%s", got, offlineTour)
	}
	// The README promises a tour that is over at once; a generous bound
	// still catches a retry wait or a timeout sneaking in.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the offline tour took %v", d)
	}
}

// TestRunPartialCredentials: a dialect with some but not all of its
// variables stays on its fake, says which are missing, and prints no value.
func TestRunPartialCredentials(t *testing.T) {
	cases := []struct {
		name string
		vars map[string]string
		line string
	}{
		{
			"zopim subdomain only",
			map[string]string{"ZENDESK_CHAT_SUBDOMAIN": "secret-acme"},
			"zopim: fake, ZENDESK_CHAT_TOKEN is not set (set ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN for the real API)",
		},
		{
			"zopim token only, subdomain blank",
			map[string]string{"ZENDESK_CHAT_TOKEN": "secret-token", "ZENDESK_CHAT_SUBDOMAIN": "  "},
			"zopim: fake, ZENDESK_CHAT_SUBDOMAIN is not set (set ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN for the real API)",
		},
		{
			"giosg token only",
			map[string]string{"GIOSG_API_TOKEN": "secret-token"},
			"giosg: fake, GIOSG_ORG_ID is not set (set GIOSG_API_TOKEN and GIOSG_ORG_ID for the real API)",
		},
		{
			"pagesense without portal and project",
			map[string]string{
				"ZOHO_CLIENT_ID": "secret-id", "ZOHO_CLIENT_SECRET": "secret-client",
				"ZOHO_REFRESH_TOKEN": "secret-refresh", "ZOHO_DATA_CENTER": "eu",
			},
			"pagesense: fake, PAGESENSE_PORTAL and PAGESENSE_PROJECT are not set (set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_DATA_CENTER, PAGESENSE_PORTAL and PAGESENSE_PROJECT for the real API)",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			if err := run(context.Background(), envOf(tc.vars), &out); err != nil {
				t.Fatalf("run: %v", err)
			}
			got := out.String()
			lines := strings.Split(got, "\n")
			if !strings.HasPrefix(lines[0], "goalkit quickstart: offline, every dialect against its in-memory fake") {
				t.Errorf("first line = %q, want the offline headline", lines[0])
			}
			if !slices.Contains(lines, tc.line) {
				t.Errorf("no line %q in:\n%s", tc.line, got)
			}
			// The rest of the tour is the offline one, unchanged.
			if tour := got[strings.Index(got, "\n\n"):]; tour != offlineTour[strings.Index(offlineTour, "\n\n"):] {
				t.Errorf("the tour differs from the offline one:\n%s", tour)
			}
			if strings.Contains(got, "secret") {
				t.Errorf("a credential value was printed:\n%s", got)
			}
		})
	}
}

// TestRunRealConfigErrors: complete but unusable credentials fail before
// anything is sent, run returns the error (main exits 1), and neither the
// output nor the error shows a secret.
func TestRunRealConfigErrors(t *testing.T) {
	cases := []struct {
		name     string
		vars     map[string]string
		headline string
		err      string
	}{
		{
			"zopim subdomain that is not a DNS label",
			map[string]string{"ZENDESK_CHAT_SUBDOMAIN": "acme.evil.example/x", "ZENDESK_CHAT_TOKEN": "secret-token"},
			"goalkit quickstart: zopim against the real API (read-only); giosg, pagesense against in-memory fakes.",
			`zopim: goalkit: WithSubdomain("acme.evil.example/x"): '.' is not allowed in a DNS label`,
		},
		{
			"unknown Zoho data center",
			map[string]string{
				"ZOHO_CLIENT_ID": "secret-id", "ZOHO_CLIENT_SECRET": "secret-client",
				"ZOHO_REFRESH_TOKEN": "secret-refresh", "ZOHO_DATA_CENTER": "mars",
				"PAGESENSE_PORTAL": "acme", "PAGESENSE_PROJECT": "shop",
			},
			"goalkit quickstart: pagesense against the real API (read-only); zopim, giosg against in-memory fakes.",
			`pagesense: ZOHO_DATA_CENTER "mars" is not a Zoho data center (us, eu, in, au, jp, cn, sa, ca, uk)`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			err := run(context.Background(), envOf(tc.vars), &out)
			if err == nil {
				t.Fatalf("run succeeded, want an error; output:\n%s", out.String())
			}
			if !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("error = %q, want it to start with %q", err, tc.err)
			}
			if first, _, _ := strings.Cut(out.String(), "\n"); first != tc.headline {
				t.Errorf("first line = %q, want %q", first, tc.headline)
			}
			if strings.Contains(out.String()+err.Error(), "secret") {
				t.Errorf("a credential value was printed:\n%s\nerror: %v", out.String(), err)
			}
		})
	}
}

func TestHeadlineEveryDialectReal(t *testing.T) {
	got := headline(map[string]bool{"zopim": true, "giosg": true, "pagesense": true})
	if want := "goalkit quickstart: every dialect against its real API, read-only."; got != want {
		t.Errorf("headline = %q, want %q", got, want)
	}
}

// The read-only tours are what runs against the real APIs; here they run
// against seeded fakes, which is the closest a test gets.

func TestZopimReadOnly(t *testing.T) {
	ctx := context.Background()
	gsrv, tsrv := goalstest.NewServer(), triggerstest.NewServer()
	defer gsrv.Close()
	defer tsrv.Close()
	gc, err := goals.NewClient(goals.WithBaseURL(gsrv.URL), goals.WithToken(fakeToken))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := triggers.NewClient(triggers.WithBaseURL(tsrv.URL), triggers.WithToken(fakeToken))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gc.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Pricing"), Enabled: goals.Ptr(false)}); err != nil {
		t.Fatal(err)
	}
	def := &triggers.Definition{Event: "chat_requested", Actions: json.RawMessage(`[]`)}
	for _, name := range []string{"Greet", "Offer help"} {
		if _, err := tc.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr(name), Definition: def}); err != nil {
			t.Fatal(err)
		}
	}

	var out strings.Builder
	if err := zopimReadOnly(ctx, &out, gc, tc); err != nil {
		t.Fatal(err)
	}
	want := `zopim: goals.List: 1 goal
zopim:   #1 "Pricing" enabled=false
zopim: triggers.List: 2 triggers
zopim:   "Greet" enabled=true
zopim:   "Offer help" enabled=true
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestGiosgReadOnly(t *testing.T) {
	fake := giosgtest.New()
	for i := range realGoalsShown + 2 { // more than the tour reads
		if _, err := fake.AddGoal(fakeOrg, giosg.GoalInput{Name: string(rune('A' + i)), AllowAnyRoom: true}); err != nil {
			t.Fatal(err)
		}
	}
	srv := giosgtest.NewServerWith(fake)
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(fakeToken))
	if err != nil {
		t.Fatal(err)
	}

	var out strings.Builder
	if err := giosgReadOnly(context.Background(), &out, client.Org(fakeOrg)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if want := "giosg: ListGoals: the first page holds 3 goals, more pages: true"; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	if want := "giosg: AllGoals read 10 goals"; lines[len(lines)-1] != want {
		t.Errorf("last line = %q, want %q", lines[len(lines)-1], want)
	}
	if n := len(lines) - 2; n != realGoalsShown {
		t.Errorf("%d goals printed, want %d:\n%s", n, realGoalsShown, out.String())
	}
	if !strings.HasSuffix(lines[realGoalsShown], ` "J"`) {
		t.Errorf("last goal printed = %q, want the 10th, J", lines[realGoalsShown])
	}
}

func TestPagesenseReadOnly(t *testing.T) {
	ctx := context.Background()
	srv := pagesensetest.NewServer()
	defer srv.Close()
	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken(fakeToken))
	if err != nil {
		t.Fatal(err)
	}
	project := client.Project(fakePortal, fakeProject)
	for _, in := range []*pagesense.GoalInput{
		{DisplayName: "Pricing", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing"},
		{DisplayName: "Stayed", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 30},
	} {
		if _, err := project.CreateGoal(ctx, in); err != nil {
			t.Fatal(err)
		}
	}

	var out strings.Builder
	if err := pagesenseReadOnly(ctx, &out, project); err != nil {
		t.Fatal(err)
	}
	want := `pagesense: ListGoals: 2 goals
pagesense:   PAGE_VISIT_GOAL "Pricing"
pagesense:   TIME_SPENT_GOAL "Stayed"
pagesense: ListCustomEvents: 0 custom events
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
