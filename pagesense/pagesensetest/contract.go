package pagesensetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
)

// Contract runs one behavioural suite against the PageSense goals API
// behind newClient (a project's *pagesense.Project): goalkit runs it
// against this fake always and against a real project when credentials
// are set (see contract_test.go), which is how a divergence between fake
// and vendor shows.
//
// The suite creates goals named "goalkit-contract-*" only, deletes each
// with t.Cleanup (also when a step fails), and makes about 10 calls. It
// checks: create then read back (GetGoal and ListGoals); bad input is a
// *ValidationError with nothing sent; delete, then the goal is
// pagesense.ErrNotFound; custom events list. It creates no custom event:
// PageSense documents no way to delete one. UpdateGoal is not covered yet.
func Contract(t *testing.T, newClient func(t *testing.T) pagesense.ProjectAPI) {
	t.Helper()
	p := newClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)

	t.Run("lifecycle", func(t *testing.T) {
		name := fake.ContractName()
		in := &pagesense.GoalInput{DisplayName: name, GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/goalkit-contract"}
		g, err := p.CreateGoal(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := p.DeleteGoal(cctx, g.Linkname); err != nil && !errors.Is(err, pagesense.ErrNotFound) {
				t.Errorf("cleanup: delete goal %q: %v", g.Linkname, err)
			}
		})
		if g.Linkname == "" || g.GoalID == "" || g.DisplayName != name || g.GoalType != pagesense.PageVisitGoal {
			t.Fatalf("CreateGoal returned %+v", g)
		}
		got, err := p.GetGoal(ctx, g.Linkname)
		if err != nil || got.GoalID != g.GoalID || got.DisplayName != name || got.GoalType != pagesense.PageVisitGoal || got.GoalURL != in.GoalURL {
			t.Fatalf("GetGoal = %+v, %v; want %+v", got, err, g)
		}
		list, err := p.ListGoals(ctx)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range list {
			found = found || l.Linkname == g.Linkname
		}
		if !found {
			t.Errorf("ListGoals lacks %q", g.Linkname)
		}
		if err := p.DeleteGoal(ctx, g.Linkname); err != nil {
			t.Fatal(err)
		}
		if _, err := p.GetGoal(ctx, g.Linkname); !errors.Is(err, pagesense.ErrNotFound) {
			t.Errorf("GetGoal after DeleteGoal = %v, want ErrNotFound", err)
		}
	})

	t.Run("validation", func(t *testing.T) {
		var ve *pagesense.ValidationError
		_, err := p.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: fake.ContractName(), GoalType: pagesense.TimeSpentGoal})
		if !errors.As(err, &ve) || ve.Field != "time_threshold" {
			t.Errorf("TimeSpentGoal without threshold: %v, want a *ValidationError for time_threshold", err)
		}
		if _, err := p.GetGoal(ctx, fake.ContractName()); !errors.Is(err, pagesense.ErrNotFound) {
			t.Errorf("GetGoal of an unknown linkname = %v, want ErrNotFound", err)
		}
	})

	t.Run("custom events", func(t *testing.T) {
		if _, err := p.ListCustomEvents(ctx); err != nil {
			t.Errorf("ListCustomEvents: %v", err)
		}
	})
}
