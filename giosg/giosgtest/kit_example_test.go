package giosgtest_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

// The outcome a client cannot know: giosg records the conversion, then the
// connection drops before the answer. The request log shows the match was
// sent once and applied.
func ExampleFake_Inject() {
	f := giosgtest.New()
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("any"))
	if err != nil {
		log.Fatal(err)
	}
	org := client.Org("org-1")
	ctx := context.Background()
	goal, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: "Purchase", AllowAnyRoom: true})
	if err != nil {
		log.Fatal(err)
	}

	f.Inject(giosgtest.Fault{Route: "CreateExternalMatch", Drop: true, AfterApply: true, Times: 1})
	err = org.CreateExternalMatch(ctx, goal.ID, &giosg.ExternalMatch{
		VisitorIdentity: "visitor-1", GoalMatchedAt: time.Now(), Rooms: []string{"room-1"},
	})
	fmt.Println("failed:", err != nil, "recorded:", len(f.Matches(goal.ID)))
	for _, r := range f.Requests() {
		fmt.Println(r.Operation, r.Applied, r.Faulted)
	}
	// Output:
	// failed: true recorded: 1
	// CreateGoal true false
	// CreateExternalMatch true true
}
