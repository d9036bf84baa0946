package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

// The fake organization, room and CRM customer of the offline tour.
const (
	fakeOrg      = "ac83d426-be80-4d75-8c62-49a77f98468e"
	fakeRoom     = "e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"
	fakeCustomer = "crm-customer-42"
)

// realGoalsShown caps how many goals of a real organization the tour reads.
const realGoalsShown = 10

// giosgTour shows giosg goals and offline matches: the read-only part against
// the real API when c is complete, the whole tour against the fake otherwise.
func giosgTour(ctx context.Context, out io.Writer, c credentials) error {
	if c.real() {
		client, err := giosg.NewClient(giosg.WithAPIToken(c.get("GIOSG_API_TOKEN")))
		if err != nil {
			return err
		}
		return giosgReadOnly(ctx, out, client.Org(c.get("GIOSG_ORG_ID")))
	}

	fake := giosgtest.New()
	// External matches need a visitor the site identified earlier (giosg's
	// Visitor Identifier API); the fake learns it here.
	fake.AddVisitorIdentity(fakeCustomer, fakeRoom)
	srv := giosgtest.NewServerWith(fake)
	defer srv.Close()
	// The counter sits under the client, so it sees every page AllGoals fetches.
	counter := &requestCounter{next: http.DefaultTransport}
	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(fakeToken),
		giosg.WithHTTPClient(&http.Client{Transport: counter}))
	if err != nil {
		return err
	}
	org := client.Org(fakeOrg)

	names := []string{"Lead", "Purchase", "Newsletter", "Call back", "Demo booked", "Quote sent", "Store visit"}
	var purchase *giosg.Goal
	for _, name := range names {
		g, err := org.CreateGoal(ctx, &giosg.GoalInput{
			Name:         name,
			AllowedRooms: []string{fakeRoom},
			DefaultValue: giosg.Ptr(giosg.Decimal("10.00")),
		})
		if err != nil {
			return err
		}
		if name == "Purchase" {
			purchase = g
		}
	}
	fmt.Fprintf(out, "giosg: created %d goals (the fake serves %d per page)\n", len(names), giosgtest.DefaultPageSize)

	counter.n.Store(0)
	walked := 0
	for _, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			return err
		}
		walked++
	}
	fmt.Fprintf(out, "giosg: AllGoals walked %d goals across %d pages\n", walked, counter.n.Load())

	// An offline conversion: the customer bought by phone. The value is a
	// Decimal, exact text, never a float.
	value, err := giosg.ParseDecimal("149.90")
	if err != nil {
		return err
	}
	err = org.CreateExternalMatch(ctx, purchase.ID, &giosg.ExternalMatch{
		VisitorIdentity: fakeCustomer,
		GoalMatchedAt:   time.Now(),
		GoalValue:       &value,
		Rooms:           []string{fakeRoom},
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "giosg: external match posted to %q for %s, value %s (the fake recorded %d)\n",
		purchase.Name, fakeCustomer, value, len(fake.Matches(purchase.ID)))
	return nil
}

// giosgReadOnly reads the first page of goals, then walks a few with AllGoals.
func giosgReadOnly(ctx context.Context, out io.Writer, org *giosg.Org) error {
	page, err := org.ListGoals(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "giosg: ListGoals: the first page holds %s, more pages: %t\n", count(len(page.Results), "goal"), page.Next != "")
	walked := 0
	for g, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "giosg:   %s %q\n", g.ID, g.Name)
		if walked++; walked == realGoalsShown {
			break // AllGoals fetches no further page
		}
	}
	fmt.Fprintf(out, "giosg: AllGoals read %s\n", count(walked, "goal"))
	return nil
}

// requestCounter counts the requests that pass through it.
type requestCounter struct {
	n    atomic.Int64
	next http.RoundTripper
}

// RoundTrip counts r and passes it on.
func (c *requestCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}
