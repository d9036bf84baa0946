package giosg_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

func ExampleOrg_ImportConversions() {
	f := giosgtest.New()
	goal, _ := f.AddGoal(exampleOrg, giosg.GoalInput{Name: "Phone order", AllowAnyRoom: true})
	srv := giosgtest.NewServerWith(f) // in production: no WithBaseURL
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("my-api-token"))
	if err != nil {
		log.Fatal(err)
	}
	sales := []giosg.Conversion{
		{Key: "order-1", GoalID: goal.ID, VisitorIdentity: "crm-42", MatchedAt: time.Now(), Rooms: []string{"room-1"}},
		{Key: "order-2", GoalID: goal.ID, VisitorIdentity: "", MatchedAt: time.Now(), Rooms: []string{"room-1"}},
		{Key: "order-1", GoalID: goal.ID, VisitorIdentity: "crm-42", MatchedAt: time.Now(), Rooms: []string{"room-1"}},
	}
	rows := func(yield func(giosg.Conversion, error) bool) {
		for _, c := range sales {
			if !yield(c, nil) {
				return
			}
		}
	}
	// A durable journal (package giosg/journal) in production.
	j := giosg.NewMemoryJournal()
	rep, err := client.Org(exampleOrg).ImportConversions(context.Background(), rows, j, &giosg.ImportOptions{Concurrency: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("total %d: accepted %d, invalid %d, duplicates %d\n", rep.Total, rep.Accepted, rep.Invalid, rep.Duplicates)
	for _, f := range rep.Failures {
		fmt.Printf("row %d %s: %s (%s)\n", f.Row, f.Key, f.Outcome, f.Field)
	}
	// Output:
	// total 3: accepted 1, invalid 1, duplicates 1
	// row 2 order-2: invalid (visitor_identity)
	// row 3 order-1: duplicate ()
}
