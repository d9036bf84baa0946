package security

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// workers is how many goroutines share one client in each test. Run with
// -race: the client, its transport and the fake must hold up.
const workers = 64

// together runs work(i) for i in [0, workers) at once and waits.
func together(work func(i int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range workers {
		wg.Go(func() {
			<-start // release all at once, for the most overlap
			work(i)
		})
	}
	close(start)
	wg.Wait()
}

// shortContext bounds a test well under CI's patience.
func shortContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestConcurrent_Goals: 64 goroutines create disabled goals, read them
// back, list, update and try to enable one more goal while the account is
// at the 5-active limit, which must fail with ErrGoalsLimitExceeded every
// time.
func TestConcurrent_Goals(t *testing.T) {
	t.Parallel()
	ctx := shortContext(t)
	fake := goalstest.New()
	srv := goalstest.NewServerWith(fake)
	defer srv.Close()
	c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken(bearerToken), goals.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	for i := range goals.MaxActiveGoals {
		if _, err := c.Create(ctx, &goals.GoalParams{Name: goals.Ptr(fmt.Sprintf("active-%d", i)), Enabled: goals.Ptr(true)}); err != nil {
			t.Fatal(err)
		}
	}

	together(func(i int) {
		name := fmt.Sprintf("disabled-%02d", i)
		g, err := c.Create(ctx, &goals.GoalParams{Name: &name, Enabled: goals.Ptr(false), AttributionPeriod: goals.Ptr(1 + i%30)})
		if err != nil {
			t.Errorf("worker %d: Create: %v", i, err)
			return
		}
		if got, err := c.Get(ctx, g.ID); err != nil || got.Name != name {
			t.Errorf("worker %d: Get(%d) = %+v, %v", i, g.ID, got, err)
		}
		if list, err := c.List(ctx); err != nil || len(list) < goals.MaxActiveGoals+1 {
			t.Errorf("worker %d: List: %d goals, %v", i, len(list), err)
		}
		if _, err := c.Update(ctx, g.ID, &goals.GoalParams{Description: goals.Ptr("by worker")}); err != nil {
			t.Errorf("worker %d: Update: %v", i, err)
		}
		_, err = c.Create(ctx, &goals.GoalParams{Name: goals.Ptr("one too many"), Enabled: goals.Ptr(true)})
		if !errors.Is(err, goals.ErrGoalsLimitExceeded) {
			t.Errorf("worker %d: a sixth active goal: err = %v, want ErrGoalsLimitExceeded", i, err)
		}
	})

	stored := fake.Goals()
	if len(stored) != goals.MaxActiveGoals+workers {
		t.Fatalf("the fake holds %d goals, want %d", len(stored), goals.MaxActiveGoals+workers)
	}
	names, active := map[string]bool{}, 0
	for _, g := range stored {
		names[g.Name] = true
		if g.Enabled {
			active++
		}
	}
	if len(names) != len(stored) || active != goals.MaxActiveGoals {
		t.Errorf("%d distinct names for %d goals, %d active", len(names), len(stored), active)
	}
}

// TestConcurrent_Triggers: 64 goroutines create, read, list, update and
// (half of them) delete their own trigger.
func TestConcurrent_Triggers(t *testing.T) {
	t.Parallel()
	ctx := shortContext(t)
	fake := triggerstest.New()
	srv := triggerstest.NewServerWith(fake)
	defer srv.Close()
	c, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken(bearerToken), triggers.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}

	together(func(i int) {
		name := fmt.Sprintf("trigger/%02d", i) // a slash: one escaped path segment
		if _, err := c.Create(ctx, &triggers.TriggerParams{Name: &name, Enabled: triggers.Ptr(i%2 == 0)}); err != nil {
			t.Errorf("worker %d: Create: %v", i, err)
			return
		}
		if got, err := c.Get(ctx, name); err != nil || got.Name != name {
			t.Errorf("worker %d: Get = %+v, %v", i, got, err)
		}
		if _, err := c.List(ctx); err != nil {
			t.Errorf("worker %d: List: %v", i, err)
		}
		if _, err := c.Update(ctx, name, &triggers.TriggerParams{Description: triggers.Ptr("by worker")}); err != nil {
			t.Errorf("worker %d: Update: %v", i, err)
		}
		if i%2 == 1 {
			if err := c.Delete(ctx, name); err != nil {
				t.Errorf("worker %d: Delete: %v", i, err)
			}
		}
	})

	stored := fake.Triggers()
	if len(stored) != workers/2 {
		t.Fatalf("the fake holds %d triggers, want %d", len(stored), workers/2)
	}
	for _, tr := range stored {
		if tr.Description != "by worker" {
			t.Errorf("%q was not updated", tr.Name)
		}
	}
}

// TestConcurrent_Giosg: 64 goroutines create goals, read them, list a
// page, walk every page, patch their goal and record an external match.
func TestConcurrent_Giosg(t *testing.T) {
	t.Parallel()
	ctx := shortContext(t)
	fake := giosgtest.New()
	srv := giosgtest.NewServerWith(fake)
	defer srv.Close()
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(giosgToken), giosg.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	org := c.Org(giosgOrg)
	value := giosg.Decimal("10.00")

	together(func(i int) {
		name := fmt.Sprintf("goal-%02d", i)
		g, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: name, AllowAnyRoom: true, DefaultValue: &value})
		if err != nil {
			t.Errorf("worker %d: CreateGoal: %v", i, err)
			return
		}
		if got, err := org.GetGoal(ctx, g.ID); err != nil || got.Name != name {
			t.Errorf("worker %d: GetGoal = %+v, %v", i, got, err)
		}
		if _, err := org.ListGoals(ctx, nil); err != nil {
			t.Errorf("worker %d: ListGoals: %v", i, err)
		}
		if i%8 == 0 { // a few full walks, across pages others are adding to
			for _, err := range org.AllGoals(ctx, nil) {
				if err != nil {
					t.Errorf("worker %d: AllGoals: %v", i, err)
					break
				}
			}
		}
		if _, err := org.PatchGoal(ctx, g.ID, &giosg.GoalPatch{Name: giosg.Ptr(name + "-patched")}); err != nil {
			t.Errorf("worker %d: PatchGoal: %v", i, err)
		}
		m := &giosg.ExternalMatch{VisitorIdentity: fmt.Sprintf("customer-%02d", i), GoalMatchedAt: time.Now(), Rooms: []string{"room-1"}}
		if err := org.CreateExternalMatch(ctx, g.ID, m); err != nil {
			t.Errorf("worker %d: CreateExternalMatch: %v", i, err)
		}
	})

	stored := fake.Goals(giosgOrg)
	if len(stored) != workers {
		t.Fatalf("the fake holds %d goals, want %d", len(stored), workers)
	}
	for _, g := range stored {
		if n := len(fake.Matches(g.ID)); n != 1 {
			t.Errorf("goal %q has %d matches, want 1", g.Name, n)
		}
	}
	n := 0
	for _, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != workers {
		t.Errorf("AllGoals walked %d goals, want %d", n, workers)
	}
}

// TestConcurrent_PageSense: 64 goroutines create goals and custom events,
// read and list them, and half of them delete their goal.
func TestConcurrent_PageSense(t *testing.T) {
	t.Parallel()
	ctx := shortContext(t)
	fake := pagesensetest.New()
	srv := pagesensetest.NewServerWith(fake)
	defer srv.Close()
	c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken(zohoAccess), pagesense.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Project("acme", "site")

	together(func(i int) {
		in := &pagesense.GoalInput{DisplayName: fmt.Sprintf("Goal %02d", i), GoalType: pagesense.TimeSpentGoal, TimeThreshold: 1 + i}
		if i%2 == 0 {
			in = &pagesense.GoalInput{DisplayName: fmt.Sprintf("Goal %02d", i), GoalType: pagesense.PageVisitGoal,
				GoalURL: fmt.Sprintf("https://example.com/%d", i), URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}}
		}
		g, err := p.CreateGoal(ctx, in)
		if err != nil {
			t.Errorf("worker %d: CreateGoal: %v", i, err)
			return
		}
		if got, err := p.GetGoal(ctx, g.Linkname); err != nil || got.DisplayName != in.DisplayName {
			t.Errorf("worker %d: GetGoal = %+v, %v", i, got, err)
		}
		if _, err := p.ListGoals(ctx); err != nil {
			t.Errorf("worker %d: ListGoals: %v", i, err)
		}
		if _, err := p.CreateCustomEvent(ctx, fmt.Sprintf("event-%02d", i)); err != nil {
			t.Errorf("worker %d: CreateCustomEvent: %v", i, err)
		}
		if _, err := p.ListCustomEvents(ctx); err != nil {
			t.Errorf("worker %d: ListCustomEvents: %v", i, err)
		}
		if i%2 == 1 {
			if err := p.DeleteGoal(ctx, g.Linkname); err != nil {
				t.Errorf("worker %d: DeleteGoal: %v", i, err)
			}
		}
	})

	if n := len(fake.Goals("acme", "site")); n != workers/2 {
		t.Errorf("the fake holds %d goals, want %d", n, workers/2)
	}
	if n := len(fake.CustomEvents("acme", "site")); n != workers {
		t.Errorf("the fake holds %d custom events, want %d", n, workers)
	}
}
