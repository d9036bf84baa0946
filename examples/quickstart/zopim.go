package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// fakeToken authorizes calls to the fakes, which accept any token.
const fakeToken = "fake-token"

// zopimTour shows Zendesk Chat goals and triggers: the read-only part against
// the real API when c is complete, the whole tour against the fakes otherwise.
func zopimTour(ctx context.Context, out io.Writer, c credentials) error {
	if c.real() {
		sub := goals.WithSubdomain(c.get("ZENDESK_CHAT_SUBDOMAIN"))
		gc, err := goals.NewClient(sub, goals.WithToken(c.get("ZENDESK_CHAT_TOKEN")))
		if err != nil {
			return err
		}
		tc, err := triggers.NewClient(triggers.WithSubdomain(c.get("ZENDESK_CHAT_SUBDOMAIN")),
			triggers.WithToken(c.get("ZENDESK_CHAT_TOKEN")))
		if err != nil {
			return err
		}
		return zopimReadOnly(ctx, out, gc, tc)
	}

	goalsSrv := goalstest.NewServer()
	defer goalsSrv.Close()
	triggersSrv := triggerstest.NewServer()
	defer triggersSrv.Close()
	gc, err := goals.NewClient(goals.WithBaseURL(goalsSrv.URL), goals.WithToken(fakeToken))
	if err != nil {
		return err
	}
	tc, err := triggers.NewClient(triggers.WithBaseURL(triggersSrv.URL), triggers.WithToken(fakeToken))
	if err != nil {
		return err
	}
	if err := zopimGoals(ctx, out, gc); err != nil {
		return err
	}
	return zopimTriggers(ctx, out, tc)
}

// zopimReadOnly lists goals and triggers; it changes nothing.
func zopimReadOnly(ctx context.Context, out io.Writer, gc *goals.Client, tc *triggers.Client) error {
	gs, err := gc.List(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "zopim: goals.List: %s\n", count(len(gs), "goal"))
	for _, g := range gs {
		fmt.Fprintf(out, "zopim:   #%d %q enabled=%t\n", g.ID, g.Name, g.Enabled)
	}
	ts, err := tc.List(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "zopim: triggers.List: %s\n", count(len(ts), "trigger"))
	for _, t := range ts {
		fmt.Fprintf(out, "zopim:   %q enabled=%t\n", t.Name, t.Enabled)
	}
	return nil
}

// zopimGoals fills the account up to the active-goal limit, shows the error
// past it and tries a goal on URLs locally.
func zopimGoals(ctx context.Context, out io.Writer, gc *goals.Client) error {
	pages := []string{"pricing", "signup", "checkout", "demo", "contact"}
	var pricing *goals.Goal
	for _, page := range pages[:goals.MaxActiveGoals] {
		g, err := gc.Create(ctx, &goals.GoalParams{
			Name:             goals.Ptr("Visited /" + page),
			Enabled:          goals.Ptr(true),
			AttributionModel: goals.Ptr(goals.LastTouch),
			Settings: &goals.Settings{Conditions: []goals.Condition{
				{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/" + page},
			}},
		})
		if err != nil {
			return err
		}
		if pricing == nil {
			pricing = g
		}
	}
	fmt.Fprintf(out, "zopim: created %d enabled goals, the account limit (goals.MaxActiveGoals)\n", goals.MaxActiveGoals)

	_, err := gc.Create(ctx, &goals.GoalParams{Name: goals.Ptr("One too many"), Enabled: goals.Ptr(true)})
	var apiErr *goals.APIError
	if !errors.Is(err, goals.ErrGoalsLimitExceeded) || !errors.As(err, &apiErr) {
		return fmt.Errorf("goal %d: want goals.ErrGoalsLimitExceeded, got %v", goals.MaxActiveGoals+1, err)
	}
	fmt.Fprintf(out, "zopim: goal %d refused with %d %q: errors.Is(err, goals.ErrGoalsLimitExceeded)\n",
		goals.MaxActiveGoals+1, apiErr.StatusCode, apiErr.Message)

	// Matches evaluates the conditions here, without the API.
	for _, url := range []string{"https://shop.example.com/pricing?plan=pro", "https://shop.example.com/about"} {
		fmt.Fprintf(out, "zopim: %q matches %s: %t\n", pricing.Name, url, pricing.Matches(url))
	}
	return nil
}

// zopimTriggers creates a trigger, renames it and reads it back by its new
// name: triggers are addressed by name.
func zopimTriggers(ctx context.Context, out io.Writer, tc *triggers.Client) error {
	t, err := tc.Create(ctx, &triggers.TriggerParams{
		Name:    triggers.Ptr("Greet visitors"),
		Enabled: triggers.Ptr(true),
		Definition: &triggers.Definition{
			Event:     "chat_requested",
			Condition: json.RawMessage(`["eq", "@visitor_served", false]`),
			Actions:   json.RawMessage(`[["sendMessageToVisitor", "Support", "Hi! How can we help?"]]`),
		},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "zopim: created trigger #%d %q\n", t.ID, t.Name)

	if _, err := tc.Update(ctx, t.Name, &triggers.TriggerParams{Name: triggers.Ptr("Greet new visitors")}); err != nil {
		return err
	}
	renamed, err := tc.Get(ctx, "Greet new visitors")
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "zopim: renamed it; Get(%q) finds #%d\n", renamed.Name, renamed.ID)
	if _, err := tc.Get(ctx, t.Name); !errors.Is(err, triggers.ErrNotFound) {
		return fmt.Errorf("old trigger name: want triggers.ErrNotFound, got %v", err)
	}
	fmt.Fprintf(out, "zopim: Get(%q) is now errors.Is(err, triggers.ErrNotFound)\n", t.Name)
	return nil
}
