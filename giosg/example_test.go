package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

const exampleOrg = "ac83d426-be80-4d75-8c62-49a77f98468e"

func ExampleOrg_CreateGoal() {
	srv := giosgtest.NewServer() // in production: no WithBaseURL
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("my-api-token"))
	if err != nil {
		log.Fatal(err)
	}
	org := client.Org(exampleOrg)

	goal, err := org.CreateGoal(context.Background(), &giosg.GoalInput{
		Name:         "User sent a lead",
		AllowedRooms: []string{"e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"},
		DefaultValue: giosg.Ptr(giosg.Decimal("10")),
		Conditions:   []giosg.Condition{{Type: 27}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(goal.Name, goal.AllowAnyRoom, goal.AllowedRooms, *goal.DefaultValue)

	// A goal limited to rooms needs at least one: nothing is sent.
	_, err = org.CreateGoal(context.Background(), &giosg.GoalInput{Name: "No rooms"})
	var invalid *giosg.ValidationError
	if errors.As(err, &invalid) {
		fmt.Println("invalid:", invalid.Field)
	}
	// Output:
	// User sent a lead false [e6a850ca-e1d3-11e4-9706-38b1dbe48b5b] 10.00
	// invalid: allowed_rooms
}

func ExampleOrg_AllGoals() {
	srv := giosgtest.NewServer() // pages of giosgtest.DefaultPageSize (3) goals
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("my-api-token"))
	if err != nil {
		log.Fatal(err)
	}
	org := client.Org(exampleOrg)
	ctx := context.Background()
	for _, name := range []string{"Lead", "Purchase", "Newsletter", "Call back", "Demo booked"} {
		if _, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: name, AllowAnyRoom: true}); err != nil {
			log.Fatal(err)
		}
	}

	// Two pages, fetched as the loop goes.
	for goal, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(goal.Name)
	}

	// Or one page at a time.
	page, err := org.ListGoals(ctx, &giosg.ListOptions{Ordering: "name"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Results), "by name, first:", page.Results[0].Name, "more:", page.Next != "")
	// Output:
	// Lead
	// Purchase
	// Newsletter
	// Call back
	// Demo booked
	// 3 by name, first: Call back more: true
}

func ExampleOrg_CreateExternalMatch() {
	f := giosgtest.New()
	// The site sent this identity while the visitor browsed room-1.
	f.AddVisitorIdentity("customer-12345678", "room-1")
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("my-api-token"))
	if err != nil {
		log.Fatal(err)
	}
	org := client.Org(exampleOrg)
	ctx := context.Background()
	goal, err := org.CreateGoal(ctx, &giosg.GoalInput{
		Name: "Purchase by phone", AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal("25.00")),
	})
	if err != nil {
		log.Fatal(err)
	}

	// Later the CRM records the purchase; without GoalValue the goal's
	// default value counts.
	err = org.CreateExternalMatch(ctx, goal.ID, &giosg.ExternalMatch{
		VisitorIdentity: "customer-12345678",
		GoalMatchedAt:   time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC),
		Rooms:           []string{"room-1"},
	})
	if err != nil {
		log.Fatal(err)
	}
	m := f.Matches(goal.ID)[0]
	fmt.Println(m.VisitorIdentity, m.GoalMatchedAt.Format(giosg.MatchTimeLayout), *m.GoalValue)

	// An identity giosg never saw has no session: a 404 with the reason.
	err = org.CreateExternalMatch(ctx, goal.ID, &giosg.ExternalMatch{
		VisitorIdentity: "customer-0", GoalMatchedAt: time.Now(), Rooms: []string{"room-1"},
	})
	var apiErr *giosg.APIError
	if errors.As(err, &apiErr) && errors.Is(err, giosg.ErrNotFound) {
		fmt.Println(apiErr.StatusCode, apiErr.Message)
	}
	// Output:
	// customer-12345678 2016-10-10T22:00:49.123Z 25.00
	// 404 No session found for visitor_identity 'customer-0'.
}
