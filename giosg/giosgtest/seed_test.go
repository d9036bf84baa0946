package giosgtest_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

func TestLoadJSONRecordedPage(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	doc, err := os.Open("testdata/goals-list.json")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	if err := f.LoadJSON(doc); err != nil {
		t.Fatal(err)
	}
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := c.Org("ac83d426-be80-4d75-8c62-49a77f98468e").GetGoal(ctx, "4d0648b8-9074-11e6-963e-f45c89c72de3")
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "User sent a lead" || *g.DefaultValue != "10.00" || g.CreatedAt.Format("15:04:05.000") != "11:31:36.042" || len(g.AllowedRooms) != 1 {
		t.Errorf("seeded goal read back as %+v", g)
	}
	for name, err := range map[string]error{
		"no org":    f.Seed(giosg.Goal{Name: "x", AllowAnyRoom: true}),
		"taken id":  f.Seed(giosg.Goal{ID: g.ID, OrganizationID: "o", Name: "x", AllowAnyRoom: true}),
		"invalid":   f.Seed(giosg.Goal{OrganizationID: "o"}),
		"not JSON":  f.LoadJSON(strings.NewReader(`{"results": {}}`)),
		"other key": f.LoadJSON(strings.NewReader(`{"count": 1}`)),
	} {
		if !errors.Is(err, giosgtest.ErrBadSeed) {
			t.Errorf("%s: %v, want ErrBadSeed", name, err)
		}
	}
}

func TestRequireTokenAnswersDRF401(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	f.RequireToken("secret")
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	for _, tc := range []struct {
		opt  giosg.Option
		want error
	}{
		{giosg.WithAPIToken("wrong"), giosg.ErrUnauthorized},
		{giosg.WithAPIToken("secret"), nil},
	} {
		c, _ := giosg.NewClient(giosg.WithBaseURL(srv.URL), tc.opt)
		_, err := c.Org("o").ListGoals(ctx, nil)
		var apiErr *giosg.APIError
		if tc.want == nil && err != nil || tc.want != nil && (!errors.As(err, &apiErr) || apiErr.Message != "Invalid token.") {
			t.Errorf("ListGoals = %v, want %v", err, tc.want)
		}
	}
}

// TestMatchAppliedButAnswerLost is the outcome a client cannot know: the
// conversion is recorded, the connection drops before the answer.
func TestMatchAppliedButAnswerLost(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	goal, err := o.CreateGoal(ctx, input("Sale"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Inject(giosgtest.Fault{Route: "CreateExternalMatch", Drop: true, AfterApply: true, Times: 1}); err != nil {
		t.Fatal(err)
	}
	err = o.CreateExternalMatch(ctx, goal.ID, &giosg.ExternalMatch{VisitorIdentity: "v1", GoalMatchedAt: time.Now(), Rooms: []string{"room-1"}})
	if err == nil {
		t.Fatal("a dropped answer reported success")
	}
	if errors.As(err, new(*giosg.ValidationError)) {
		t.Fatal(err)
	}
	if n := len(f.Matches(goal.ID)); n != 1 {
		t.Errorf("%d matches recorded, want 1", n)
	}
	var posts int
	for _, r := range f.Requests() {
		if r.Operation == "CreateExternalMatch" {
			posts++
			if !r.Applied || !r.Faulted {
				t.Errorf("match logged as %+v", r)
			}
		}
	}
	if posts != 1 {
		t.Errorf("match POSTed %d times, want exactly once", posts)
	}
}

func TestFaultOnSecondPage(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	for _, n := range []string{"a", "b", "c", "d"} {
		if _, err := f.AddGoal(org, *input(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Inject(giosgtest.Fault{Route: "ListGoals", Page: 2, Status: 404, Body: `{"detail": "Invalid cursor"}`}); err != nil {
		t.Fatal(err)
	}
	var got int
	var err error
	for _, e := range o.AllGoals(ctx, nil) {
		if e != nil {
			err = e
			break
		}
		got++
	}
	if got != giosgtest.DefaultPageSize || !errors.Is(err, giosg.ErrNotFound) {
		t.Errorf("AllGoals gave %d goals then %v; want the first page then ErrNotFound", got, err)
	}
	if err := f.Inject(giosgtest.Fault{Route: "CreateGoal", Page: 1, Status: 500}); !errors.Is(err, giosgtest.ErrBadFault) {
		t.Errorf("Page on CreateGoal: %v, want ErrBadFault", err)
	}
}
