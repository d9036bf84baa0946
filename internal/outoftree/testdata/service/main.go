// Command service is a downstream module's view of goalkit: it imports only
// the public packages, as a service that ran `go get` would, and drives each
// dialect against its fake. The outoftree test builds and runs it; it exits
// non-zero on the first surprise.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit"
	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

func main() {
	log.SetFlags(0)
	ctx := context.Background()
	fmt.Println("goalkit", goalkit.Version != "")
	zopimGoals(ctx)
	zopimTriggers(ctx)
	giosgGoals(ctx)
	pagesenseGoals(ctx)
}

func zopimGoals(ctx context.Context) {
	srv := goalstest.NewServer()
	defer srv.Close()
	c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"), goals.WithRetryMax(0))
	check(err)
	_, err = c.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Pricing"), Enabled: goals.Ptr(true)})
	check(err)
	list, err := c.List(ctx)
	check(err)
	_, err = c.Get(ctx, 999)
	_, err2 := c.Create(ctx, &goals.GoalParams{Name: goals.Ptr(" ")})
	var apiErr *goals.APIError
	var v *goals.ValidationError
	fmt.Println("goals:", len(list), list[0].Name, errors.Is(err, goals.ErrNotFound), errors.As(err, &apiErr) && apiErr.StatusCode == 404,
		errors.As(err2, &v) && v.Field == "name")
}

func zopimTriggers(ctx context.Context) {
	srv := triggerstest.NewServer()
	defer srv.Close()
	c, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("t"))
	check(err)
	_, err = c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Greet")})
	check(err)
	list, err := c.List(ctx)
	check(err)
	_, err = c.Get(ctx, "Nobody")
	_, err2 := c.Create(ctx, &triggers.TriggerParams{})
	var v *triggers.ValidationError
	fmt.Println("triggers:", len(list), list[0].Name, errors.Is(err, triggers.ErrNotFound), errors.As(err2, &v) && v.Field == "name")
}

func giosgGoals(ctx context.Context) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	check(err)
	org := c.Org("org-1")
	for _, name := range []string{"Lead", "Purchase", "Newsletter", "Demo"} {
		_, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: name, AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal("9.90"))})
		check(err)
	}
	n := 0
	for _, err := range org.AllGoals(ctx, nil) {
		check(err)
		n++
	}
	_, err = org.GetGoal(ctx, "00000000-0000-4000-8000-00000000dead")
	_, err2 := org.CreateGoal(ctx, &giosg.GoalInput{Name: "No rooms"})
	var v *giosg.ValidationError
	// The sentinels are shared: a giosg error matches goals.ErrNotFound too.
	fmt.Println("giosg:", n, errors.Is(err, giosg.ErrNotFound), errors.Is(err, goals.ErrNotFound), errors.As(err2, &v) && v.Field == "allowed_rooms")
}

// pagesenseGoals mounts the fake on an httpmock transport, as a downstream
// unit test would.
func pagesenseGoals(ctx context.Context) {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(pagesensetest.New().Responder())
	c, err := pagesense.NewClient(pagesense.WithToken("t"), pagesense.WithHTTPClient(&http.Client{Transport: mt}))
	check(err)
	p := c.Project("acme", "shop")
	_, err = p.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "Stayed", GoalType: pagesense.TimeSpentGoal, TimeThreshold: 60})
	check(err)
	_, err = p.CreateCustomEvent(ctx, "add_to_cart")
	check(err)
	gs, err := p.ListGoals(ctx)
	check(err)
	evs, err := p.ListCustomEvents(ctx)
	check(err)
	_, err = p.GetGoal(ctx, "nope")
	_, err2 := p.CreateGoal(ctx, &pagesense.GoalInput{DisplayName: "Too short", GoalType: pagesense.TimeSpentGoal})
	var v *pagesense.ValidationError
	fmt.Println("pagesense:", len(gs), gs[0].GoalType, len(evs), evs[0].Name, errors.Is(err, pagesense.ErrNotFound),
		errors.As(err2, &v) && v.Field == "time_threshold")
}

func check(err error) {
	if err != nil {
		log.Print(err)
		os.Exit(1)
	}
}
