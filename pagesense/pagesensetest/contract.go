package pagesensetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

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
// with t.Cleanup (also when a step fails), and makes about 12 calls. It
// checks: create then read back (GetGoal and ListGoals); UpdateGoal
// changes the display name and keeps the rest; bad input is a
// *ValidationError with nothing sent; delete, then the goal is
// pagesense.ErrNotFound; custom events list. It creates no custom event:
// PageSense documents no way to delete one.
func Contract(t *testing.T, newClient func(t *testing.T) pagesense.ProjectAPI) {
	t.Helper()
	p := newClient(t)
	ctx := fake.ContractContext(t)

	t.Run("lifecycle", func(t *testing.T) {
		name := fake.ContractName()
		in := &pagesense.GoalInput{DisplayName: name, GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/goalkit-contract"}
		g, err := p.CreateGoal(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		fake.ContractCleanup(t, fmt.Sprintf("delete goal %q", g.Linkname), pagesense.ErrNotFound,
			func(ctx context.Context) error { return p.DeleteGoal(ctx, g.Linkname) })
		if g.Linkname == "" || g.GoalID == "" || g.DisplayName != name || g.GoalType != pagesense.PageVisitGoal {
			t.Fatalf("CreateGoal returned %+v", g)
		}
		got, err := p.GetGoal(ctx, g.Linkname)
		if err != nil || got.GoalID != g.GoalID || got.DisplayName != name || got.GoalType != pagesense.PageVisitGoal || got.GoalURL != in.GoalURL {
			t.Fatalf("GetGoal = %+v, %v; want %+v", got, err, g)
		}
		renamed := name + "-renamed"
		upd, err := p.UpdateGoal(ctx, g.Linkname, &pagesense.GoalPatch{DisplayName: &renamed})
		if err != nil || upd.DisplayName != renamed {
			t.Fatalf("UpdateGoal = %+v, %v; want display_name %q", upd, err, renamed)
		}
		if got, err := p.GetGoal(ctx, g.Linkname); err != nil || got.DisplayName != renamed || got.GoalURL != in.GoalURL {
			t.Fatalf("GetGoal after UpdateGoal = %+v, %v; want the new name and the old goal_url", got, err)
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
		if _, err := p.UpdateGoal(ctx, fake.ContractName(), &pagesense.GoalPatch{}); !errors.As(err, &ve) {
			t.Errorf("empty patch: %v, want a *ValidationError", err)
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
