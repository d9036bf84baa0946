package goalkit_test

// The README's Go snippets live here, so they compile and run: each README
// block is the body (or a part) of a function below, checked verbatim by
// TestREADMESnippetsAreCompiled. The Example functions run them against the
// fakes and check their output.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// readmeZopimClient is the README's Zopim client construction. It is
// compiled, not run (it needs a real account).
func readmeZopimClient() *goals.Client {
	client, err := goals.NewClient(
		goals.WithSubdomain("acme"), // https://acme.zendesk.com/api/v2/chat
		goals.WithToken(os.Getenv("ZENDESK_CHAT_TOKEN")),
	)
	if err != nil {
		log.Fatal(err)
	}
	return client
}

func readmeZopim(ctx context.Context, client *goals.Client) error {
	goal, err := client.Create(ctx, &goals.GoalParams{
		Name:              goals.Ptr("Visited pricing"),
		Enabled:           goals.Ptr(true),
		AttributionModel:  goals.Ptr(goals.LastTouch),
		AttributionPeriod: goals.Ptr(30),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/pricing"},
		}},
	})
	if err != nil {
		return err
	}
	fmt.Println(goal.Matches("https://shop.example.com/pricing?plan=pro")) // true: test it locally

	all, err := client.List(ctx)
	if err != nil {
		return err
	}
	fmt.Println(len(all), all[0].Name)
	return nil
}

func readmeTriggers(ctx context.Context, client *triggers.Client) error {
	_, err := client.Update(ctx, "Greet visitors", &triggers.TriggerParams{
		Name: triggers.Ptr("Greet new visitors"), // renames: the name is the id
	})
	if err != nil {
		return err
	}

	old, err := client.Get(ctx, "Greet new visitors")
	if err != nil {
		return err
	}
	def := *old.Definition
	def.Event = "chat_requested"
	_, err = client.Replace(ctx, "Greet new visitors", &triggers.TriggerParams{
		Name: triggers.Ptr(old.Name), Description: triggers.Ptr(old.Description),
		Enabled: triggers.Ptr(old.Enabled), Definition: &def,
	})
	return err
}

func Example_zopim() {
	srv := goalstest.NewServer()
	defer srv.Close()
	client, _ := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"))
	if err := readmeZopim(context.Background(), client); err != nil {
		fmt.Println(err)
	}

	tsrv := triggerstest.NewServer()
	defer tsrv.Close()
	tc, _ := triggers.NewClient(triggers.WithBaseURL(tsrv.URL), triggers.WithToken("t"))
	tc.Create(context.Background(), &triggers.TriggerParams{Name: triggers.Ptr("Greet visitors"),
		Definition: &triggers.Definition{Event: "page_enter", Actions: json.RawMessage(`[["wait",5]]`)}})
	fmt.Println(readmeTriggers(context.Background(), tc))
	// Output:
	// true
	// 1 Visited pricing
	// <nil>
}

// readmeGiosgClient is compiled, not run.
func readmeGiosgClient() *giosg.Org {
	client, err := giosg.NewClient(giosg.WithAPIToken(os.Getenv("GIOSG_API_TOKEN"))) // "Authorization: Token ..."
	if err != nil {
		log.Fatal(err)
	}
	org := client.Org(os.Getenv("GIOSG_ORG_ID"))
	return org
}

func readmeGiosg(ctx context.Context, org *giosg.Org) error {
	goal, err := org.CreateGoal(ctx, &giosg.GoalInput{
		Name:         "Purchase",
		AllowAnyRoom: true,
		DefaultValue: giosg.Ptr(giosg.Decimal("10.00")), // money stays exact text, never a float64
	})
	if err != nil {
		return err
	}

	// AllGoals follows the cursor pages lazily; breaking out stops fetching.
	for g, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Println(g.Name, *g.DefaultValue)
	}

	// An offline conversion (a sale by phone), tied to a visitor seen earlier.
	value, err := giosg.ParseDecimal("149.90")
	if err != nil {
		return err
	}
	return org.CreateExternalMatch(ctx, goal.ID, &giosg.ExternalMatch{
		VisitorIdentity: "crm-customer-42",
		GoalMatchedAt:   time.Now(),
		GoalValue:       &value,
		Rooms:           []string{"e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"},
	})
}

func Example_giosg() {
	srv := giosgtest.NewServer()
	defer srv.Close()
	client, _ := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	fmt.Println(readmeGiosg(context.Background(), client.Org("org-1")))
	// Output:
	// Purchase 10.00
	// <nil>
}

// readmePageSenseClient is compiled, not run.
func readmePageSenseClient(ctx context.Context) *pagesense.Project {
	ts := pagesense.RefreshTokenSource(ctx, pagesense.OAuthConfig{
		ClientID:     os.Getenv("ZOHO_CLIENT_ID"),
		ClientSecret: os.Getenv("ZOHO_CLIENT_SECRET"),
		RefreshToken: os.Getenv("ZOHO_REFRESH_TOKEN"),
		DataCenter:   pagesense.EU, // accounts.zoho.eu issues the tokens
	})
	client, err := pagesense.NewClient(pagesense.WithDataCenter(pagesense.EU), pagesense.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	project := client.Project("myportal", "website-performance-project")
	return project
}

func readmePageSense(ctx context.Context, project *pagesense.Project) error {
	_, err := project.CreateGoal(ctx, &pagesense.GoalInput{
		DisplayName:   "Engaged Reader",
		GoalType:      pagesense.TimeSpentGoal,
		GoalURL:       "https://example.com/blog",
		URL:           []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}},
		TimeThreshold: 30, // seconds
	})
	if err != nil {
		return err
	}
	list, err := project.ListGoals(ctx)
	if err != nil {
		return err
	}
	fmt.Println(list[0].DisplayName, list[0].GoalType) // Engaged Reader TIME_SPENT_GOAL

	ok, err := pagesense.MatchURL(pagesense.SimpleMatch, "https://example.com/blog", "http://www.example.com/blog/?utm_source=x")
	fmt.Println(ok, err) // true <nil>: scheme, www., query and trailing slash are ignored
	return nil
}

func readmePageSenseUpdate(ctx context.Context, project *pagesense.Project) (*pagesense.Goal, error) {
	g, err := project.UpdateGoal(ctx, "engaged-reader", &pagesense.GoalPatch{
		DisplayName: pagesense.Ptr("Deep reader"),
	})
	return g, err
}

func Example_pagesense() {
	srv := pagesensetest.NewServer()
	defer srv.Close()
	client, _ := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("t"))
	project := client.Project("myportal", "site")
	fmt.Println(readmePageSense(context.Background(), project))
	g, err := readmePageSenseUpdate(context.Background(), project)
	fmt.Println(g.DisplayName, g.TimeThreshold, err)
	// Output:
	// Engaged Reader TIME_SPENT_GOAL
	// true <nil>
	// <nil>
	// Deep reader 30 <nil>
}

func readmeErrors(ctx context.Context, client *goals.Client) {
	_, err := client.Get(ctx, 42)
	var apiErr *goals.APIError
	switch {
	case errors.Is(err, goals.ErrNotFound):
		fmt.Println("no such goal")
	case errors.Is(err, goals.ErrRateLimited) && errors.As(err, &apiErr):
		fmt.Println("slow down for", apiErr.RetryAfter)
	case errors.As(err, &apiErr):
		fmt.Println(apiErr.StatusCode, apiErr.Code, apiErr.Message)
	}

	_, err = client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("x"), AttributionPeriod: goals.Ptr(90)})
	var invalid *goals.ValidationError
	if errors.As(err, &invalid) { // refused before anything was sent
		fmt.Println(invalid.Field, errors.Is(err, goals.ErrInvalid))
	}
}

func Example_errors() {
	srv := goalstest.NewServer()
	defer srv.Close()
	client, _ := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"))
	readmeErrors(context.Background(), client)
	// Output:
	// no such goal
	// attribution_period true
}

// readmeTesting is the README's "testing your own code" section.
func readmeTesting(t *testing.T) {
	// 1. httpmock under the retries: the mock sees every attempt.
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder("GET", "https://acme.zendesk.com/api/v2/chat/goals",
		httpmock.NewStringResponder(200, `[{"id": 1, "name": "Goal 1", "enabled": 1}]`))
	client, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithToken("t"),
		goals.WithHTTPClient(&http.Client{Transport: mt}))
	if err != nil {
		t.Fatal(err)
	}

	// 2. Or a stateful fake, over httpmock or a real loopback server.
	fake := goalstest.New()
	mt.RegisterRegexpResponder("POST", regexp.MustCompile(`/goals$`), fake.Responder())

	// 3. Or mock at the method level: every client has a small interface.
	var api goals.API = client
	if _, err := api.List(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestREADMETesting(t *testing.T) { readmeTesting(t) }

// readmeTestKit is the README's test kit tour; TestREADMETestKit runs it.
func readmeTestKit(t *testing.T) {
	ctx := context.Background()
	f := goalstest.New()
	srv := goalstest.NewServerWith(f)
	defer srv.Close()
	client, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}

	// Faults: one line each (RELIABILITY.md lists every row's).
	f.Inject(goalstest.Fault{Route: "List", Status: 429, RetryAfter: "1", Times: 1})
	f.Inject(goalstest.Fault{Route: "POST /goals", Drop: true, AfterApply: true, Times: 1}) // stored, answer lost
	if _, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Signup")}); err == nil {
		t.Fatal("want the dropped connection")
	}

	// The request log: this POST was sent exactly once, and applied.
	posts := 0
	for _, r := range f.Requests() {
		if r.Route == "POST /goals" && r.Applied {
			posts++
		}
	}

	// Seeding from Go values or a JSON document, and a required token.
	if err := f.Seed(goals.Goal{ID: 7, Name: "Pricing"}); err != nil {
		t.Fatal(err)
	}
	if err := f.LoadJSON(strings.NewReader(`{"goals": [{"id": 8, "name": "Docs"}]}`)); err != nil {
		t.Fatal(err)
	}
	f.RequireToken("t") // anything else: 401 in Zopim's error shape

	// The contract suite goalkit runs against its fakes and the real API.
	goalstest.Contract(t, func(t *testing.T) goals.API { return client })

	// Zoho's token endpoint, offline: 10 tokens per 10 minutes, then Zoho's error.
	accounts := pagesensetest.NewAccounts("client-id", "client-secret", "refresh-token")
	asrv := pagesensetest.NewAccountsServer(accounts)
	defer asrv.Close()
	ts := pagesense.RefreshTokenSource(ctx, accounts.Config(asrv.URL))
	if _, err := ts.Token(); err != nil || accounts.TokenRequests() != 1 {
		t.Fatal(err)
	}
	if posts != 1 || len(f.Goals()) != 3 {
		t.Fatalf("%d POSTs, %d goals", posts, len(f.Goals()))
	}
}

func TestREADMETestKit(t *testing.T) { readmeTestKit(t) }

// TestREADMESnippetsAreCompiled checks every ```go block of README.md
// appears, line for line, in this file: so each one compiles, and the
// examples above run them.
func TestREADMESnippetsAreCompiled(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code := normalize(string(self))
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d Go blocks in README.md, want at least 5", len(blocks))
	}
	for _, b := range blocks {
		if !strings.Contains(code, normalize(b[1])) {
			t.Errorf("README block is not in readme_test.go (edit both):\n%s", b[1])
		}
	}
	_ = readmeZopimClient
	_ = readmeGiosgClient
	_ = readmePageSenseClient
}

// normalize drops indentation and blank lines, so a snippet matches the
// function body it was cut from.
func normalize(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
