package pagesense_test

import (
	"context"
	"fmt"
	"log"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// Create a time-spent goal, list the project's goals and check locally
// which pages its URL rule covers. The client talks to the in-memory fake;
// against PageSense, drop WithBaseURL and authorize with
// WithTokenSource(pagesense.RefreshTokenSource(ctx, cfg)).
func ExampleProject_CreateGoal() {
	srv := pagesensetest.NewServer()
	defer srv.Close()

	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("access-token"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	project := client.Project("my-portal", "website-performance-project")

	goal, err := project.CreateGoal(ctx, &pagesense.GoalInput{
		DisplayName:   "Engaged Reader",
		GoalType:      pagesense.TimeSpentGoal,
		GoalURL:       "https://example.com/blog",
		URL:           []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}},
		TimeThreshold: 30,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created:", goal.Linkname, goal.GoalType)

	goals, err := project.ListGoals(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, g := range goals {
		fmt.Printf("listed: %s (%s, %ds)\n", g.DisplayName, g.GoalType, g.TimeThreshold)
	}

	for _, page := range []string{"http://www.example.com/blog/?ref=news", "https://example.com/blog/post-1"} {
		ok, err := pagesense.MatchURL(goal.URL[0].MatchType, goal.GoalURL, page)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(page, "matches:", ok)
	}
	// Output:
	// created: engaged-reader TIME_SPENT_GOAL
	// listed: Engaged Reader (TIME_SPENT_GOAL, 30s)
	// http://www.example.com/blog/?ref=news matches: true
	// https://example.com/blog/post-1 matches: false
}

func ExampleMatchURL() {
	ok, _ := pagesense.MatchURL(pagesense.PatternMatch, "https://example.com/*/checkout", "https://example.com/eu/checkout")
	fmt.Println(ok)
	_, err := pagesense.MatchURL(pagesense.URLGroupMatch, "group", "https://example.com/")
	fmt.Println(err)
	// Output:
	// true
	// goalkit: invalid match_type: URL_GROUP_MATCH is evaluated by PageSense: URL groups live on the server
}

// Change a goal's display name: only the fields a GoalPatch sets are sent.
func ExampleProject_UpdateGoal() {
	srv := pagesensetest.NewServer()
	defer srv.Close()

	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("access-token"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	project := client.Project("my-portal", "website-performance-project")
	if _, err := project.CreateGoal(ctx, &pagesense.GoalInput{
		DisplayName: "Pricing", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing",
	}); err != nil {
		log.Fatal(err)
	}

	goal, err := project.UpdateGoal(ctx, "pricing", &pagesense.GoalPatch{DisplayName: pagesense.Ptr("Pricing page")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(goal.Linkname, goal.DisplayName, goal.GoalURL)
	// Output: pricing Pricing page https://example.com/pricing
}
