package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
)

// pages serves a chain of pages: page i lists the given goal names and links
// to next[i] ("" for null). Page 0 is at goalsURL, page i at ?cursor=c<i>.
func servePages(mt *httpmock.MockTransport, names [][]string, next []string) {
	for i := range names {
		var goals []string
		for _, n := range names[i] {
			goals = append(goals, fmt.Sprintf(`{"id":%q,"name":%q,"allow_any_room":true}`, "id-"+n, n))
		}
		link := "null"
		if next[i] != "" {
			link = fmt.Sprintf("%q", next[i])
		}
		body := fmt.Sprintf(`{"next":%s,"previous":null,"results":[%s]}`, link, strings.Join(goals, ","))
		url := goalsURL
		if i > 0 {
			url = fmt.Sprintf("%s?cursor=c%d", goalsURL, i)
		}
		mt.RegisterResponder(http.MethodGet, url, httpmock.NewStringResponder(200, body))
	}
}

func cursor(i int) string { return fmt.Sprintf("%s?cursor=c%d", goalsURL, i) }

// collect runs the walk, stopping after limit goals (0: no limit).
func collect(seq func(func(giosg.Goal, error) bool), limit int) (names []string, errs []error) {
	for g, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names = append(names, g.Name)
		if len(names) == limit {
			break
		}
	}
	return names, errs
}

func TestAllGoalsFollowsCursorPages(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	servePages(mt, [][]string{{"a", "b"}, {"c", "d"}, {}, {"e"}}, []string{cursor(1), cursor(2), cursor(3), ""})

	names, errs := collect(org.AllGoals(context.Background(), nil), 0)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if want := []string{"a", "b", "c", "d", "e"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	if n := mt.GetTotalCallCount(); n != 4 {
		t.Errorf("fetched %d pages, want 4", n)
	}
}

func TestAllGoalsSendsOptionsOnFirstPageOnly(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterResponder(http.MethodGet, goalsURL+"?ordering=-name",
		httpmock.NewStringResponder(200, `{"next":"`+cursor(1)+`","results":[{"name":"b"}]}`))
	mt.RegisterResponder(http.MethodGet, cursor(1), httpmock.NewStringResponder(200, `{"next":null,"results":[{"name":"a"}]}`))

	names, errs := collect(org.AllGoals(context.Background(), &giosg.ListOptions{Ordering: "-name"}), 0)
	if len(errs) != 0 || !reflect.DeepEqual(names, []string{"b", "a"}) {
		t.Errorf("names %v errs %v", names, errs)
	}
}

func TestAllGoalsFetchesOnlyWhatTheLoopWants(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		limit, calls int
	}{
		{1, 1}, // mid-page break
		{2, 1}, // break on the page's last goal: page 2 is not fetched
		{3, 2},
	} {
		t.Run(fmt.Sprint(tc.limit), func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			servePages(mt, [][]string{{"a", "b"}, {"c", "d"}, {"e"}}, []string{cursor(1), cursor(2), ""})
			seq := org.AllGoals(context.Background(), nil)
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Fatalf("AllGoals fetched %d pages before the loop started", n)
			}
			names, _ := collect(seq, tc.limit)
			if len(names) != tc.limit {
				t.Errorf("got %d goals", len(names))
			}
			if n := mt.GetTotalCallCount(); n != tc.calls {
				t.Errorf("fetched %d pages, want %d", n, tc.calls)
			}
		})
	}
}

func TestAllGoalsRefusesForeignNextLink(t *testing.T) {
	t.Parallel()
	for _, link := range []string{
		"https://evil.test/api/v5/orgs/x/goals?cursor=1",
		"http://api.test/api/v5/orgs/x/goals?cursor=1",       // scheme downgrade
		"https://api.test:8443/api/v5/orgs/x/goals?cursor=1", // other port
		"//evil.test/goals",
		"/api/v5/orgs/x/goals?cursor=1", // relative: no scheme and host of its own
		"::not a url",
	} {
		t.Run(link, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			servePages(mt, [][]string{{"a"}}, []string{link})
			mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"results":[{"name":"leaked"}]}`))

			names, errs := collect(org.AllGoals(context.Background(), nil), 0)
			if !reflect.DeepEqual(names, []string{"a"}) {
				t.Errorf("names = %v", names)
			}
			if len(errs) != 1 || !errors.Is(errs[0], giosg.ErrForeignLink) {
				t.Fatalf("errs = %v, want one ErrForeignLink", errs)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("made %d requests, want only the first page", n)
			}
		})
	}
}

func TestAllGoalsStopsOnLoop(t *testing.T) {
	t.Parallel()
	for name, next := range map[string][]string{
		"self":        {cursor(1), cursor(1)},
		"back to one": {cursor(1), goalsURL},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			servePages(mt, [][]string{{"a"}, {"b"}}, next)
			names, errs := collect(org.AllGoals(context.Background(), nil), 0)
			if !reflect.DeepEqual(names, []string{"a", "b"}) {
				t.Errorf("names = %v", names)
			}
			if len(errs) != 1 || !errors.Is(errs[0], giosg.ErrPageLoop) {
				t.Fatalf("errs = %v, want one ErrPageLoop", errs)
			}
			if n := mt.GetTotalCallCount(); n != 2 {
				t.Errorf("made %d requests, want 2", n)
			}
		})
	}
}

func TestAllGoalsYieldsErrorOnceThenStops(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	servePages(mt, [][]string{{"a"}}, []string{cursor(1)})
	mt.RegisterResponder(http.MethodGet, cursor(1), httpmock.NewStringResponder(403, `{"detail":"You do not have permission to perform this action."}`))

	var calls int
	names, errs := collect(func(yield func(giosg.Goal, error) bool) {
		for g, err := range org.AllGoals(context.Background(), nil) {
			calls++
			if !yield(g, err) {
				return
			}
		}
	}, 0)
	if !reflect.DeepEqual(names, []string{"a"}) || calls != 2 {
		t.Errorf("names %v, %d yields", names, calls)
	}
	var apiErr *giosg.APIError
	if len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 403 ||
		apiErr.Message != "You do not have permission to perform this action." {
		t.Fatalf("errs = %v", errs)
	}
}

func TestAllGoalsBadOrgYieldsValidationError(t *testing.T) {
	t.Parallel()
	c, err := giosg.NewClient(giosg.WithHTTPClient(&http.Client{Transport: httpmock.NewMockTransport()}), giosg.WithAPIToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	_, errs := collect(c.Org("").AllGoals(context.Background(), nil), 0)
	var ve *giosg.ValidationError
	if len(errs) != 1 || !errors.As(errs[0], &ve) || ve.Field != "organization_id" {
		t.Fatalf("errs = %v", errs)
	}
}

// Goals kept from one page must not change when the next page is decoded
// into the reused buffer.
func TestAllGoalsKeepsYieldedGoalsIntact(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterResponder(http.MethodGet, goalsURL, httpmock.NewStringResponder(200,
		`{"next":"`+cursor(1)+`","results":[{"name":"a","allowed_rooms":["r1","r2"],"default_value":"1.00",
		  "conditions":[{"type":1,"settings":{"x":1}}],"organization":{"id":"o"}}]}`))
	mt.RegisterResponder(http.MethodGet, cursor(1), httpmock.NewStringResponder(200,
		`{"next":null,"results":[{"name":"b","allowed_rooms":["r3"]}]}`))

	var got []giosg.Goal
	for g, err := range org.AllGoals(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, g)
	}
	want := []giosg.Goal{
		{Name: "a", AllowedRooms: []string{"r1", "r2"}, DefaultValue: giosg.Ptr(giosg.Decimal("1.00")),
			Conditions:   []giosg.Condition{{Type: 1, Settings: giosg.Settings{"x": jsonNumber("1")}}},
			Organization: &giosg.Organization{ID: "o"}},
		{Name: "b", AllowedRooms: []string{"r3"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestAllGoalsContextCancelled(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	servePages(mt, [][]string{{"a"}, {"b"}}, []string{cursor(1), ""})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	for _, err := range org.AllGoals(ctx, nil) {
		if err != nil {
			errs = append(errs, err)
		}
		cancel()
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("errs = %v", errs)
	}
}
