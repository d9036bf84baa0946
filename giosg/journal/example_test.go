package journal_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/giosg/journal"
)

// Import conversions from a CRM with a journal file: a second run of the
// same rows sends nothing.
func Example() {
	f := giosgtest.New()
	goal, _ := f.AddGoal("my-org", giosg.GoalInput{Name: "Phone order", AllowAnyRoom: true})
	srv := giosgtest.NewServerWith(f) // in production: no WithBaseURL
	defer srv.Close()
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("my-api-token"))
	if err != nil {
		log.Fatal(err)
	}
	dir, _ := os.MkdirTemp("", "journal")
	defer os.RemoveAll(dir)
	j, err := journal.Open(filepath.Join(dir, "conversions.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer j.Close()

	rows := slices.All([]giosg.Conversion{{
		Key: "order-1001", GoalID: goal.ID, VisitorIdentity: "crm-42",
		MatchedAt: time.Date(2026, 11, 30, 14, 5, 0, 0, time.UTC),
		Value:     giosg.Ptr(giosg.Decimal("49.90")), Rooms: []string{"room-1"},
	}})
	withErrs := func(yield func(giosg.Conversion, error) bool) {
		for _, c := range rows {
			if !yield(c, nil) {
				return
			}
		}
	}
	org := client.Org("my-org")
	for range 2 {
		rep, err := org.ImportConversions(context.Background(), withErrs, j, nil)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("total %d, accepted %d, duplicates %d\n", rep.Total, rep.Accepted, rep.Duplicates)
	}
	fmt.Println("recorded:", len(f.Matches(goal.ID)))
	// Output:
	// total 1, accepted 1, duplicates 0
	// total 1, accepted 0, duplicates 1
	// recorded: 1
}
