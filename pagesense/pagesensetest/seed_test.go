package pagesensetest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

func TestLoadJSONPortal(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	doc := `{"portal": "acme", "goals": [
		{"goal_id": 2000000027001, "linkname": "pricing", "display_name": "Pricing", "goal_type": "PAGE_VISIT_GOAL",
		 "goal_url": "https://example.com/pricing", "project_linkname": "site"}],
		"custom_events": [{"event_id": "7", "event_name": "signup", "project_linkname": "site"}]}`
	if err := f.LoadJSON(strings.NewReader(doc)); err != nil {
		t.Fatal(err)
	}
	p := newClient(t, f).Project("acme", "site")
	g, err := p.GetGoal(context.Background(), "pricing")
	if err != nil {
		t.Fatal(err)
	}
	if g.GoalID != "2000000027001" || g.GoalType != pagesense.PageVisitGoal {
		t.Errorf("seeded goal read back as %+v", g)
	}
	evs, err := p.ListCustomEvents(context.Background())
	if err != nil || len(evs) != 1 || evs[0].Linkname != "signup" {
		t.Errorf("events %+v, %v", evs, err)
	}
	created, err := p.CreateGoal(context.Background(), pageVisit("more"))
	if err != nil || created.GoalID <= "2000000027001" && len(created.GoalID) <= 13 {
		t.Errorf("created %+v, %v: id must follow the seeded ones", created, err)
	}
	half := `{"portal": "acme", "goals": [{"display_name": "Half", "goal_type": "PAGE_VISIT_GOAL", "goal_url": "https://x", "project_linkname": "site"}],
		"custom_events": [{"event_name": "signup", "project_linkname": "site"}]}`
	if err := f.LoadJSON(strings.NewReader(half)); !errors.Is(err, pagesensetest.ErrBadSeed) || len(f.Goals("acme", "site")) != 2 {
		t.Errorf("a document whose events fail: %v, %d goals; want ErrBadSeed and its goals not stored", err, len(f.Goals("acme", "site")))
	}
	for name, err := range map[string]error{
		"no portal":    f.LoadJSON(strings.NewReader(`{"goals": []}`)),
		"no project":   f.Seed("acme", pagesense.Goal{DisplayName: "x", GoalType: pagesense.PageVisitGoal, GoalURL: "https://x"}),
		"taken link":   f.Seed("acme", pagesense.Goal{Linkname: "pricing", DisplayName: "x", GoalType: pagesense.PageVisitGoal, GoalURL: "https://x", ProjectLinkname: "site"}),
		"invalid goal": f.Seed("acme", pagesense.Goal{ProjectLinkname: "site"}),
		"dup event":    f.SeedCustomEvents("acme", pagesense.CustomEvent{Name: "signup", ProjectLinkname: "site"}),
		"not JSON":     f.LoadJSON(strings.NewReader(`{`)),
	} {
		if !errors.Is(err, pagesensetest.ErrBadSeed) {
			t.Errorf("%s: %v, want ErrBadSeed", name, err)
		}
	}
}

func TestRequireTokenAnswersEnvelope401(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	f.RequireToken("fresh")
	_, err := newClient(t, f).Project("acme", "site").ListGoals(context.Background()) // sends "tok"
	var apiErr *pagesense.APIError
	if !errors.Is(err, pagesense.ErrUnauthorized) || !errors.As(err, &apiErr) || apiErr.Code != "10401" {
		t.Errorf("ListGoals = %#v, want a 401 envelope", err)
	}
	if _, err := newClient(t, f, pagesense.WithToken("fresh")).Project("acme", "site").ListGoals(context.Background()); err != nil {
		t.Errorf("right token: %v", err)
	}
}
