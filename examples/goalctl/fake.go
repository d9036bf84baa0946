package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// What --fake talks to. The base URL is never dialled: an httpmock transport
// in front of the fake answers every request in-process, so --fake opens no
// socket at all.
const (
	fakeBaseURL = "https://fake.goalctl.invalid/api"
	fakeToken   = "fake-token"
	fakeOrgID   = "demo-org"
	fakePortal  = "demo-portal"
	fakeProject = "demo-project"
)

// fakeSet is one in-process fake per API, seeded with demo objects.
type fakeSet struct {
	goals     *goalstest.Fake
	triggers  *triggerstest.Fake
	giosg     *giosgtest.Fake
	pagesense *pagesensetest.Fake
}

// fakeSet returns the invocation's fakes (the hook's, for tests that share
// state between runs), seeding them on first use, and says on stderr that
// this is a fake.
func (a *app) fakeSet(api string) (*fakeSet, error) {
	fmt.Fprintf(a.stderr, "goalctl: --fake: using an in-process fake of the %s API with demo data; nothing is sent\n", api)
	if a.fakes == nil {
		a.fakes = a.hooks.fakes
	}
	if a.fakes == nil {
		fs, err := newFakeSet()
		if err != nil {
			return nil, fmt.Errorf("seeding the fake: %w", err)
		}
		a.fakes = fs
	}
	return a.fakes, nil
}

// fakeOptions point a client at r in-process.
func fakeOptions(r httpmock.Responder) []goals.Option {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(r)
	return []goals.Option{
		goals.WithHTTPClient(&http.Client{Transport: mt}),
		goals.WithBaseURL(fakeBaseURL),
	}
}

// fakeCreatedAt is the creation time of every demo PageSense goal.
var fakeCreatedAt = time.Date(2025, 10, 29, 10, 6, 58, 0, time.UTC)

// newFakeSet builds the fakes and seeds each with two demo objects of every
// kind, so that list and get show something. The Zopim and PageSense fakes
// have no seeding API, so they are seeded through the SDK, in-process.
func newFakeSet() (*fakeSet, error) {
	fs := &fakeSet{goals: goalstest.New(), triggers: triggerstest.New(), giosg: giosgtest.New(), pagesense: pagesensetest.New()}
	// PageSense goals carry created_time: a fixed one keeps the demo stable.
	fs.pagesense.SetClock(func() time.Time { return fakeCreatedAt })
	// Seeding never leaves the process, so it needs no cancellation.
	ctx := context.Background()
	for _, seed := range []func(context.Context) error{fs.seedGoals, fs.seedTriggers, fs.seedGiosg, fs.seedPageSense} {
		if err := seed(ctx); err != nil {
			return nil, err
		}
	}
	return fs, nil
}

func (fs *fakeSet) seedGoals(ctx context.Context) error {
	c, err := goals.NewClient(append(fakeOptions(fs.goals.Responder()), goals.WithToken(fakeToken))...)
	if err != nil {
		return err
	}
	for _, p := range []*goals.GoalParams{{
		Name: goals.Ptr("Pricing page"), Description: goals.Ptr("Reached the pricing page"),
		Enabled: goals.Ptr(true), AttributionModel: goals.Ptr(goals.FirstTouch), AttributionPeriod: goals.Ptr(30),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "https://example.com/pricing"},
		}},
	}, {
		Name: goals.Ptr("Checkout"), Description: goals.Ptr("Went to the cart or the checkout"),
		Enabled: goals.Ptr(true), AttributionModel: goals.Ptr(goals.LastTouch), AttributionPeriod: goals.Ptr(7),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/cart"},
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/checkout"},
		}},
	}} {
		if _, err := c.Create(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func (fs *fakeSet) seedTriggers(ctx context.Context) error {
	c, err := triggers.NewClient(append(fakeOptions(fs.triggers.Responder()), triggers.WithToken(fakeToken))...)
	if err != nil {
		return err
	}
	for _, p := range []*triggers.TriggerParams{{
		Name: triggers.Ptr("Greet returning visitors"), Description: triggers.Ptr("Welcome back visitors who were served before"),
		Enabled: triggers.Ptr(true),
		Definition: &triggers.Definition{
			Event:     "chat_requested",
			Condition: json.RawMessage(`["and",["eq","@visitor_served",true],["not",["firedBefore"]]]`),
			Actions:   json.RawMessage(`[["sendMessageToVisitor","Support","Welcome back!"]]`),
			Editor:    "advanced",
		},
	}, {
		Name: triggers.Ptr("Offer help on pricing"), Description: triggers.Ptr("Nudge visitors who linger on pricing"),
		Enabled: triggers.Ptr(false),
		Definition: &triggers.Definition{
			Event:     "page_enter",
			Condition: json.RawMessage(`["icontains","@visitor_page_url","pricing"]`),
			Actions:   json.RawMessage(`[["wait",30],["sendMessageToVisitor","Sales","Questions about our plans?"]]`),
			Editor:    "simple",
		},
	}} {
		if _, err := c.Create(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// Demo room ids of the giosg fake.
const (
	demoRoomShop  = "6f1a2b3c-0000-4000-8000-000000000001"
	demoRoomPhone = "6f1a2b3c-0000-4000-8000-000000000002"
)

func (fs *fakeSet) seedGiosg(context.Context) error {
	for _, in := range []giosg.GoalInput{{
		Name: "Newsletter signup", AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal("5.00")),
		Conditions: []giosg.Condition{{Type: 27}},
	}, {
		Name: "Phone order", AllowedRooms: []string{demoRoomShop, demoRoomPhone}, DefaultValue: giosg.Ptr(giosg.Decimal("49.90")),
	}} {
		if _, err := fs.giosg.AddGoal(fakeOrgID, in); err != nil {
			return err
		}
	}
	return nil
}

func (fs *fakeSet) seedPageSense(ctx context.Context) error {
	c, err := pagesense.NewClient(append(fakeOptions(fs.pagesense.Responder()), pagesense.WithToken(fakeToken))...)
	if err != nil {
		return err
	}
	p := c.Project(fakePortal, fakeProject)
	for _, in := range []*pagesense.GoalInput{{
		DisplayName: "Pricing visit", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing",
		URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}},
	}, {
		DisplayName: "Engaged reader", GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog",
		TimeThreshold: 60,
	}} {
		if _, err := p.CreateGoal(ctx, in); err != nil {
			return err
		}
	}
	for _, name := range []string{"signup_clicked", "trial_started"} {
		if _, err := p.CreateCustomEvent(ctx, name); err != nil {
			return err
		}
	}
	return nil
}
