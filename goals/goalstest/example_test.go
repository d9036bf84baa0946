package goalstest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

func ExampleNewServer() {
	srv := goalstest.NewServer()
	defer srv.Close()
	client, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("any"))
	if err != nil {
		log.Fatal(err)
	}

	g, err := client.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("Signup")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(g.ID, g.Name, g.Enabled) // enabled when omitted
	// Output: 1 Signup true
}
