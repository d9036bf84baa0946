package main

import (
	"context"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
)

// demoPageSenseGoals are the goals --fake seeds.
func demoPageSenseGoals() []pagesense.Goal {
	return []pagesense.Goal{{
		GoalID: "1", Linkname: "pricing-visit", DisplayName: "Pricing visit", GoalType: pagesense.PageVisitGoal,
		GoalURL: "https://example.com/pricing", IncludeURLs: []string{}, ExcludeURLs: []string{},
		URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, ProjectLinkname: fakeProject,
		Status: "2", CreatedAt: fakeCreatedAt,
	}, {
		GoalID: "2", Linkname: "engaged-reader", DisplayName: "Engaged reader", GoalType: pagesense.TimeSpentGoal,
		GoalURL: "https://example.com/blog", IncludeURLs: []string{}, ExcludeURLs: []string{},
		TimeThreshold: 60, ProjectLinkname: fakeProject, Status: "2", CreatedAt: fakeCreatedAt,
	}}
}

func TestPageSenseGoalsList(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "pagesense", "goals", "list")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[[]pagesense.Goal](t, r), demoPageSenseGoals())
	if want := fakeNoticePrefix + "Zoho PageSense API with demo data; nothing is sent\n"; r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}

	r = runFake(t, newFakes(t), "--output", "table", "pagesense", "goals", "list")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"LINKNAME        GOAL_ID  NAME            TYPE             URL",
		"pricing-visit   1        Pricing visit   PAGE_VISIT_GOAL  https://example.com/pricing",
		"engaged-reader  2        Engaged reader  TIME_SPENT_GOAL  https://example.com/blog",
	)
}

func TestPageSenseGoalsGet(t *testing.T) {
	t.Parallel()
	r := runFake(t, newFakes(t), "pagesense", "goals", "get", "engaged-reader")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[pagesense.Goal](t, r), demoPageSenseGoals()[1])

	r = runFake(t, newFakes(t), "pagesense", "goals", "get", "nope")
	wantCode(t, r, exitAPI)
	wantLines(t, r.stderr,
		fakeNoticePrefix+"Zoho PageSense API with demo data; nothing is sent",
		`goalctl: pagesense goals get: pagesense: goal "nope" not in project "demo-project" of portal "demo-portal": goalkit: not found`,
	)
}

func TestPageSenseGoalsCreate(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "pagesense", "goals", "create", "--name", "Engaged buyer", "--type", "TIME_SPENT_GOAL",
		"--url", "https://example.com/shop", "--match-type", "SIMPLE_MATCH", "--time-threshold", "30",
		"--include", "https://example.com/shop/a", "--exclude", "https://example.com/shop/b")
	wantCode(t, r, exitOK)
	want := pagesense.Goal{
		GoalID: "5", Linkname: "engaged-buyer", DisplayName: "Engaged buyer", GoalType: pagesense.TimeSpentGoal,
		GoalURL: "https://example.com/shop", IncludeURLs: []string{"https://example.com/shop/a"},
		ExcludeURLs: []string{"https://example.com/shop/b"}, URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}},
		TimeThreshold: 30, ProjectLinkname: fakeProject, Status: "2", CreatedAt: fakeCreatedAt,
	}
	wantEqual(t, decodeJSON[pagesense.Goal](t, r), want)
	wantEqual(t, fs.pagesense.Goals(fakePortal, fakeProject)[2], want)

	// The type defaults to PAGE_VISIT_GOAL; numbers work as names do.
	r = runFake(t, fs, "--output", "table", "pagesense", "goals", "create", "--name", "Signup", "--url", "https://example.com/signup", "--match-type", "2")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"LINKNAME  GOAL_ID  NAME    TYPE             URL",
		"signup    6        Signup  PAGE_VISIT_GOAL  https://example.com/signup",
	)
	if g := fs.pagesense.Goals(fakePortal, fakeProject)[3]; len(g.URL) != 1 || g.URL[0].MatchType != pagesense.ExactMatch {
		t.Errorf("stored %+v", g)
	}
}

func TestPageSenseGoalsDelete(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "pagesense", "goals", "delete", "pricing-visit")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[map[string]string](t, r), map[string]string{"deleted": "pricing-visit"})
	wantEqual(t, fs.pagesense.Goals(fakePortal, fakeProject), demoPageSenseGoals()[1:])

	r = runFake(t, fs, "pagesense", "goals", "delete", "pricing-visit")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "goalctl: pagesense goals delete: API error: 404 Not Found\n  code:    10404\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestPageSenseEvents(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "pagesense", "events", "list")
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[[]pagesense.CustomEvent](t, r), []pagesense.CustomEvent{
		{EventID: "3", Linkname: "signup-clicked", Name: "signup_clicked", ProjectLinkname: fakeProject},
		{EventID: "4", Linkname: "trial-started", Name: "trial_started", ProjectLinkname: fakeProject},
	})

	r = runFake(t, fs, "pagesense", "events", "create", "--name", "Plan Upgraded")
	wantCode(t, r, exitOK)
	want := pagesense.CustomEvent{EventID: "5", Linkname: "plan-upgraded", Name: "Plan Upgraded", ProjectLinkname: fakeProject}
	wantEqual(t, decodeJSON[pagesense.CustomEvent](t, r), want)
	wantEqual(t, fs.pagesense.CustomEvents(fakePortal, fakeProject)[2], want)

	r = runFake(t, fs, "--output", "table", "pagesense", "events", "list")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"LINKNAME        EVENT_ID  NAME",
		"signup-clicked  3         signup_clicked",
		"trial-started   4         trial_started",
		"plan-upgraded   5         Plan Upgraded",
	)

	r = runFake(t, fs, "pagesense", "events", "create", "--name", "Plan Upgraded")
	wantCode(t, r, exitAPI)
	wantLines(t, r.stderr,
		fakeNoticePrefix+"Zoho PageSense API with demo data; nothing is sent",
		"goalctl: pagesense events create: API error: 400 Bad Request",
		"  code:    10400",
		`  message: custom event "Plan Upgraded" already exists`,
		"  request: POST https://fake.goalctl.invalid/api/portal/demo-portal/customevents",
	)
}

func TestPageSenseUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"goals", "create", "--name", "N", "--type", "BOGUS"}, `goalctl: pagesense goals create: --type "BOGUS": unknown goal type`},
		{[]string{"goals", "create", "--name", "N", "--url", "https://x/", "--match-type", "9"}, `goalctl: pagesense goals create: --match-type "9": unknown match type`},
		{[]string{"goals", "create", "--name", "N", "--type", "TIME_SPENT_GOAL"}, "goalctl: pagesense goals create: invalid time_threshold: "},
		{[]string{"goals", "create", "--name", "N"}, "goalctl: pagesense goals create: invalid goal_url: "},
		{[]string{"goals", "create", "--url", "https://x/"}, "goalctl: pagesense goals create: invalid display_name: "},
		{[]string{"events", "create"}, "goalctl: pagesense events create: invalid "},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			fs := newFakes(t)
			r := runFake(t, fs, append([]string{"pagesense"}, tc.args...)...)
			wantCode(t, r, exitUsage)
			if !strings.Contains(r.stderr, "\n"+tc.want) && !strings.HasPrefix(r.stderr, tc.want) {
				t.Errorf("stderr:\n%s\nwant a line starting %q", r.stderr, tc.want)
			}
			if !strings.Contains(r.stderr, "\n\nUsage: goalctl pagesense ") {
				t.Errorf("no usage on stderr:\n%s", r.stderr)
			}
			if len(fs.pagesense.Goals(fakePortal, fakeProject)) != 2 || len(fs.pagesense.CustomEvents(fakePortal, fakeProject)) != 2 {
				t.Error("the fake changed")
			}
		})
	}
}

func TestPageSenseMatchURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ, pattern, url string
		want              urlMatch
	}{
		{"SIMPLE_MATCH", "https://example.com/pricing", "http://www.example.com/pricing/?utm=x",
			urlMatch{"SIMPLE_MATCH", "https://example.com/pricing", "http://www.example.com/pricing/?utm=x", true}},
		{"simple_match", "https://example.com/pricing", "https://example.com/plans",
			urlMatch{"SIMPLE_MATCH", "https://example.com/pricing", "https://example.com/plans", false}},
		{"EXACT_MATCH", "https://example.com/a", "https://example.com/a/",
			urlMatch{"EXACT_MATCH", "https://example.com/a", "https://example.com/a/", false}},
		{"2", "https://example.com/a", "https://example.com/a",
			urlMatch{"EXACT_MATCH", "https://example.com/a", "https://example.com/a", true}},
		{"PATTERN_MATCH", "https://example.com/*/checkout", "https://example.com/eu/shop/checkout",
			urlMatch{"PATTERN_MATCH", "https://example.com/*/checkout", "https://example.com/eu/shop/checkout", true}},
		{"REGEX_MATCH", `^https://example\.com/p/[0-9]+$`, "https://example.com/p/42",
			urlMatch{"REGEX_MATCH", `^https://example\.com/p/[0-9]+$`, "https://example.com/p/42", true}},
		{"CONTAINS_MATCH", "cart", "https://example.com/Cart",
			urlMatch{"CONTAINS_MATCH", "cart", "https://example.com/Cart", false}},
		{"STARTS_WITH", "https://example.com/blog", "https://example.com/blog/post?a=1&b=2",
			urlMatch{"STARTS_WITH", "https://example.com/blog", "https://example.com/blog/post?a=1&b=2", true}},
		{"ENDS_WITH", ".pdf", "https://example.com/file.pdf",
			urlMatch{"ENDS_WITH", ".pdf", "https://example.com/file.pdf", true}},
		{"DOMAIN", "example.com", "https://shop.example.com/",
			urlMatch{"DOMAIN", "example.com", "https://shop.example.com/", false}},
	} {
		t.Run(tc.typ+" "+tc.url, func(t *testing.T) {
			t.Parallel()
			// No credentials and no --fake: match-url never calls the API.
			r := runApp(t, context.Background(), hooks{}, nil, "pagesense", "match-url", "--type", tc.typ, "--pattern", tc.pattern, tc.url)
			wantCode(t, r, exitOK)
			if r.stderr != "" {
				t.Errorf("stderr %q", r.stderr)
			}
			wantEqual(t, decodeJSON[urlMatch](t, r), tc.want)
		})
	}
}

func TestPageSenseMatchURLTable(t *testing.T) {
	t.Parallel()
	r := runApp(t, context.Background(), hooks{}, nil, "pagesense", "match-url", "--pattern", "https://example.com/", "--output", "table", "https://www.example.com")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		"TYPE          PATTERN               URL                      MATCH",
		"SIMPLE_MATCH  https://example.com/  https://www.example.com  true",
	)
}

func TestPageSenseMatchURLErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--type", "URL_GROUP_MATCH", "--pattern", "g", "https://x/"}, "goalctl: pagesense match-url: invalid match_type: "},
		{[]string{"--type", "REGEX_MATCH", "--pattern", "(", "https://x/"}, "goalctl: pagesense match-url: invalid "},
		{[]string{"--type", "FUZZY", "--pattern", "p", "https://x/"}, `goalctl: pagesense match-url: --type "FUZZY": unknown match type`},
		{[]string{"https://x/"}, "goalctl: pagesense match-url: --pattern is required"},
		{[]string{"--pattern", "p"}, "goalctl: pagesense match-url: want URL, got 0 argument(s)"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			r := runApp(t, context.Background(), hooks{}, nil, append([]string{"pagesense", "match-url"}, tc.args...)...)
			wantCode(t, r, exitUsage)
			if !strings.HasPrefix(r.stderr, tc.want) || !strings.Contains(r.stderr, "\n\nUsage: goalctl pagesense match-url [flags] URL\n") {
				t.Errorf("stderr:\n%s\nwant it to start %q and show the usage", r.stderr, tc.want)
			}
		})
	}
}

func TestPageSenseGoalsUpdate(t *testing.T) {
	t.Parallel()
	fs := newFakes(t)
	r := runFake(t, fs, "pagesense", "goals", "update", "engaged-reader", "--name", "Deep reader", "--time-threshold", "45")
	wantCode(t, r, exitOK)
	want := demoPageSenseGoals()[1]
	want.DisplayName, want.TimeThreshold = "Deep reader", 45
	wantEqual(t, decodeJSON[pagesense.Goal](t, r), want)
	wantEqual(t, fs.pagesense.Goals(fakePortal, fakeProject)[1], want)

	// No flag: an empty patch, refused before anything is sent.
	r = runFake(t, fs, "pagesense", "goals", "update", "engaged-reader")
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "invalid projectgoal: empty patch") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	wantEqual(t, fs.pagesense.Goals(fakePortal, fakeProject)[1], want)
}
