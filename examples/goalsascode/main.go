// Command goalsascode is the goals-as-code workflow end to end, offline:
// a staging and a production account (in-process fakes of the four APIs),
// goals.yaml as the desired state, a plan for production reviewed as text,
// applied, and a drift check as CI would run it. goalctl export, plan, apply
// and drift do the same against real accounts.
package main

import (
	"context"
	_ "embed"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/goalstate"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// goalsFile is goals.yaml, built in so that the example runs from any
// directory.
//
//go:embed goals.yaml
var goalsFile []byte

func main() {
	if err := run(context.Background(), goalsFile); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, data []byte) error {
	staging, closeStaging, err := account()
	if err != nil {
		return err
	}
	defer closeStaging()
	production, closeProduction, err := account()
	if err != nil {
		return err
	}
	defer closeProduction()

	// 1. Staging is set up from the file (the file's default SITE).
	doc, err := goalstate.Load(data, goalstate.LoadOptions{})
	if err != nil {
		return err
	}
	if err := planAndApply(ctx, doc, staging, "staging"); err != nil {
		return err
	}
	// 2. Export staging: this is what goalctl export writes.
	exported, err := goalstate.Export(ctx, staging, goalstate.AllResources)
	if err != nil {
		return err
	}
	text, err := goalstate.Encode(exported)
	if err != nil {
		return err
	}
	back, err := goalstate.Load(text, goalstate.LoadOptions{})
	if err != nil {
		return err
	}
	check, err := goalstate.MakePlan(ctx, back, staging, goalstate.Options{})
	if err != nil {
		return err
	}
	fmt.Printf("== export of staging: %d bytes of YAML; its plan against staging has changes: %v\n", len(text), check.HasChanges())

	// 3. Promote to production: the same file, another SITE.
	prod, err := goalstate.Load(data, goalstate.LoadOptions{Variables: map[string]string{"SITE": "www.example.com"}})
	if err != nil {
		return err
	}
	if err := planAndApply(ctx, prod, production, "production"); err != nil {
		return err
	}

	// 4. Drift in CI: someone disables a goal by hand; the check sees it.
	live, err := production.Goals.List(ctx)
	if err != nil {
		return err
	}
	if _, err := production.Goals.Update(ctx, live[0].ID, &goals.GoalParams{Enabled: goals.Ptr(false)}); err != nil {
		return err
	}
	drift, err := goalstate.MakePlan(ctx, prod, production, goalstate.Options{})
	if err != nil {
		return err
	}
	fmt.Println("== drift check (goalctl drift exits 2):")
	return drift.WriteText(os.Stdout, false)
}

// planAndApply shows the plan, applies it and checks that nothing is left.
func planAndApply(ctx context.Context, doc *goalstate.Document, t goalstate.Targets, name string) error {
	p, err := goalstate.MakePlan(ctx, doc, t, goalstate.Options{})
	if err != nil {
		return err
	}
	fmt.Printf("== plan for %s:\n", name)
	if err := p.WriteText(os.Stdout, false); err != nil {
		return err
	}
	rep, err := goalstate.Apply(ctx, p, t)
	if err != nil {
		return err
	}
	if err := rep.WriteText(os.Stdout); err != nil {
		return err
	}
	again, err := goalstate.MakePlan(ctx, doc, t, goalstate.Options{})
	if err != nil {
		return err
	}
	if again.HasChanges() {
		return fmt.Errorf("%s: changes left after apply", name)
	}
	return nil
}

// account is one set of fakes behind loopback servers, with clients.
func account() (goalstate.Targets, func(), error) {
	var servers []*httptest.Server
	serve := func(h http.Handler) string {
		s := httptest.NewServer(h)
		servers = append(servers, s)
		return s.URL
	}
	closeAll := func() {
		for _, s := range servers {
			s.Close()
		}
	}
	gc, err := goals.NewClient(goals.WithBaseURL(serve(goalstest.New())), goals.WithToken("demo"))
	if err != nil {
		return goalstate.Targets{}, closeAll, err
	}
	tc, err := triggers.NewClient(triggers.WithBaseURL(serve(triggerstest.New())), triggers.WithToken("demo"))
	if err != nil {
		return goalstate.Targets{}, closeAll, err
	}
	giosgClient, err := giosg.NewClient(giosg.WithBaseURL(serve(giosgtest.New())), giosg.WithAPIToken("demo"))
	if err != nil {
		return goalstate.Targets{}, closeAll, err
	}
	ps, err := pagesense.NewClient(pagesense.WithBaseURL(serve(pagesensetest.New())), pagesense.WithToken("demo"))
	if err != nil {
		return goalstate.Targets{}, closeAll, err
	}
	return goalstate.Targets{Goals: gc, Triggers: tc, Giosg: giosgClient.Org("demo-org"), PageSense: ps.Project("demo", "site")}, closeAll, nil
}
