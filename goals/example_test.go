package goals_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"golang.org/x/oauth2/clientcredentials"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

// newExampleClient talks to an in-memory fake; real code would use
// goals.WithSubdomain("yourcompany") and goals.WithToken(token).
func newExampleClient() (*goals.Client, func()) {
	srv := goalstest.NewServer()
	c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("chat-oauth-token"))
	if err != nil {
		log.Fatal(err)
	}
	return c, srv.Close
}

func ExampleClient_Create() {
	client, done := newExampleClient()
	defer done()

	g, err := client.Create(context.Background(), &goals.GoalParams{
		Name:              goals.Ptr("Pricing page"),
		Enabled:           goals.Ptr(true),
		AttributionModel:  goals.Ptr(goals.LastTouch),
		AttributionPeriod: goals.Ptr(14),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/pricing"},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.ID, g.Name, g.Enabled, g.AttributionModel, g.AttributionPeriod)
	// Output: 1 Pricing page true last_touch 14
}

func ExampleClient_List() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	for _, name := range []string{"Signup", "Checkout"} {
		if _, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr(name)}); err != nil {
			log.Fatal(err)
		}
	}

	list, err := client.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, g := range list {
		fmt.Println(g.ID, g.Name)
	}
	// Output:
	// 1 Signup
	// 2 Checkout
}

func ExampleClient_Update() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	g, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Trial"), AttributionPeriod: goals.Ptr(7)})
	if err != nil {
		log.Fatal(err)
	}

	// Only the fields set are sent: here enabled (as 0) and nothing else.
	g, err = client.Update(ctx, g.ID, &goals.GoalParams{Enabled: goals.Ptr(false)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.Name, g.Enabled, g.AttributionPeriod)
	// Output: Trial false 7
}

func ExampleClient_Create_limit() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	for i := range goals.MaxActiveGoals {
		if _, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr(fmt.Sprint("Goal ", i+1))}); err != nil {
			log.Fatal(err)
		}
	}

	_, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("One too many"), Enabled: goals.Ptr(true)})
	fmt.Println(errors.Is(err, goals.ErrGoalsLimitExceeded))
	// Output: true
}

func ExampleClient_Delete() {
	client, done := newExampleClient()
	defer done()
	ctx := context.Background()
	g, err := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Old campaign")})
	if err != nil {
		log.Fatal(err)
	}

	if err := client.Delete(ctx, g.ID); err != nil {
		log.Fatal(err)
	}
	_, err = client.Get(ctx, g.ID)
	fmt.Println(errors.Is(err, goals.ErrNotFound))
	// Output: true
}

func ExampleGoal_Matches() {
	g := goals.Goal{Settings: goals.Settings{Conditions: []goals.Condition{
		{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "https://shop.example/thanks"},
		{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "order=done"},
	}}}
	fmt.Println(g.Matches("https://shop.example/thanks"))
	fmt.Println(g.Matches("https://shop.example/cart?order=done"))
	fmt.Println(g.Matches("https://shop.example/thanks?x=1"))
	// Output:
	// true
	// true
	// false
}

func ExampleNewClient() {
	// The current API lives under the account's Zendesk subdomain.
	_, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithToken("chat-oauth-token"))
	fmt.Println(err)

	// Without a host NewClient says how to choose one.
	_, err = goals.NewClient(goals.WithToken("chat-oauth-token"))
	fmt.Println(err != nil)
	// Output:
	// <nil>
	// true
}

func ExampleWithTokenSource() {
	// Client credentials work for "confidential" Chat API clients; for the
	// authorization-code flow use
	// oauth2.Config{Endpoint: goals.OAuthEndpoint("acme")}.
	endpoint := goals.OAuthEndpoint("acme")
	cfg := &clientcredentials.Config{
		ClientID:     "chat-client-id",
		ClientSecret: "chat-client-secret",
		TokenURL:     endpoint.TokenURL,
		AuthStyle:    endpoint.AuthStyle,
		Scopes:       []string{goals.ScopeRead, goals.ScopeWrite},
	}
	client, err := goals.NewClient(
		goals.WithSubdomain("acme"),
		goals.WithTokenSource(cfg.TokenSource(context.Background())),
	)
	if err != nil {
		log.Fatal(err)
	}
	_ = client // client.List(ctx) now fetches and caches a token first
}

// The OAuth endpoint lives on the account's Zendesk subdomain.
func ExampleOAuthEndpoint() {
	endpoint := goals.OAuthEndpoint("acme")
	fmt.Println(endpoint.AuthURL)
	fmt.Println(endpoint.TokenURL)
	// Output:
	// https://acme.zendesk.com/oauth2/chat/authorizations/new
	// https://acme.zendesk.com/oauth2/chat/token
}
