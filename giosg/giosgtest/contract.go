package giosgtest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/fake"
)

// ContractIdleName is the name the contract suite leaves its goal under:
// giosg documents no DELETE for goals, so a real organization keeps one
// "goalkit-contract-*" goal, which the next run reuses instead of creating
// another.
const ContractIdleName = fake.ContractPrefix + "idle"

// Contract runs one behavioural suite against the giosg goals API behind
// newClient (an organization's *giosg.Org): goalkit runs it against this
// fake always and against a real organization when credentials are set
// (see contract_test.go), which is how a divergence between fake and
// vendor shows.
//
// The suite touches goals named "goalkit-contract-*" only: it creates one
// (or reuses a leftover of an earlier run, see ContractIdleName), reads it
// back, replaces it (PUT), patches it, finds it in the list, and checks
// that bad input is a *ValidationError with nothing sent and an unknown
// goal is giosg.ErrNotFound. At the end, also after a failure, t.Cleanup
// renames it to ContractIdleName. Calls: about 10 plus the list pages.
// External matches are not covered: a real match needs a live visitor
// session.
func Contract(t *testing.T, newClient func(t *testing.T) giosg.GoalsAPI) {
	t.Helper()
	o := newClient(t)
	ctx := fake.ContractContext(t)

	t.Run("lifecycle", func(t *testing.T) {
		var g *giosg.Goal
		for goal, err := range o.AllGoals(ctx, nil) {
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(goal.Name, fake.ContractPrefix) {
				g = &goal
				break
			}
		}
		name := fake.ContractName()
		if g == nil {
			var err error
			g, err = o.CreateGoal(ctx, &giosg.GoalInput{Name: name, AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal("10.00"))})
			if err != nil {
				t.Fatal(err)
			}
			if g.ID == "" || g.Name != name || !g.AllowAnyRoom || g.DefaultValue == nil || *g.DefaultValue != "10.00" || g.CreatedAt.IsZero() {
				t.Fatalf("CreateGoal returned %+v", g)
			}
		}
		id := g.ID
		fake.ContractCleanup(t, "rename goal "+id, nil, func(ctx context.Context) error {
			_, err := o.PatchGoal(ctx, id, &giosg.GoalPatch{Name: giosg.Ptr(ContractIdleName)})
			return err
		})
		got, err := o.GetGoal(ctx, id)
		if err != nil || got.ID != id || got.Name != g.Name {
			t.Fatalf("GetGoal = %+v, %v; want %+v", got, err, g)
		}
		put, err := o.UpdateGoal(ctx, id, &giosg.GoalInput{Name: name + "-put", AllowAnyRoom: true})
		if err != nil || put.ID != id || put.Name != name+"-put" || !put.AllowAnyRoom {
			t.Fatalf("UpdateGoal = %+v, %v", put, err)
		}
		patched, err := o.PatchGoal(ctx, id, &giosg.GoalPatch{Name: giosg.Ptr(name)})
		if err != nil || patched.Name != name || !patched.AllowAnyRoom {
			t.Fatalf("PatchGoal = %+v, %v; want the name changed, allow_any_room kept", patched, err)
		}
		found := false
		for goal, err := range o.AllGoals(ctx, nil) {
			if err != nil {
				t.Fatal(err)
			}
			found = found || goal.ID == id && goal.Name == name
		}
		if !found {
			t.Errorf("AllGoals lacks %s %q", id, name)
		}
	})

	t.Run("validation", func(t *testing.T) {
		var ve *giosg.ValidationError
		if _, err := o.CreateGoal(ctx, &giosg.GoalInput{AllowAnyRoom: true}); !errors.As(err, &ve) || ve.Field != "name" {
			t.Errorf("no name: %v, want a *ValidationError for name", err)
		}
		if _, err := o.GetGoal(ctx, "00000000-0000-4000-8000-00000000dead"); !errors.Is(err, giosg.ErrNotFound) {
			t.Errorf("GetGoal of an unknown id = %v, want ErrNotFound", err)
		}
	})
}
