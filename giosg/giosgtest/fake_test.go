package giosgtest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

const org = "org-1"

var ctx = context.Background()

// serve starts f behind httptest and returns an Org on it.
func serve(t *testing.T, f *giosgtest.Fake) *giosg.Org {
	t.Helper()
	srv := giosgtest.NewServerWith(f)
	t.Cleanup(srv.Close)
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL+"/api/v5"), giosg.WithAPIToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	return c.Org(org)
}

func input(name string) *giosg.GoalInput {
	return &giosg.GoalInput{Name: name, AllowAnyRoom: true}
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreateGetPutPatch(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	clock := time.Date(2024, 1, 2, 3, 4, 5, 678901234, time.FixedZone("X", 3600))
	f.SetClock(func() time.Time { return clock })
	o := serve(t, f)

	created, err := o.CreateGoal(ctx, &giosg.GoalInput{
		Name:         "Lead",
		AllowedRooms: []string{"room-1"},
		DefaultValue: giosg.Ptr(giosg.Decimal("14.1")),
		Conditions:   []giosg.Condition{{Type: 27, Settings: giosg.Settings{"n": json.Number("10000000000000001")}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !uuidV4.MatchString(created.ID) {
		t.Errorf("id %q is not a v4 UUID", created.ID)
	}
	wantTime := time.Date(2024, 1, 2, 2, 4, 5, 678e6, time.UTC)
	if created.OrganizationID != org || created.Organization.ID != org || *created.DefaultValue != "14.10" ||
		!created.CreatedAt.Equal(wantTime) || created.CreatedByUserID != giosgtest.UserID ||
		created.Conditions[0].Settings["n"] != json.Number("10000000000000001") {
		t.Errorf("created = %+v", created)
	}

	got, err := o.GetGoal(ctx, created.ID)
	if err != nil || !reflect.DeepEqual(got, created) {
		t.Fatalf("GetGoal = %+v, %v", got, err)
	}

	clock = clock.Add(time.Hour)
	put, err := o.UpdateGoal(ctx, created.ID, &giosg.GoalInput{Name: "Lead 2", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	// PUT replaces the fields sent; default_value, not sent, stays.
	if put.Name != "Lead 2" || !put.AllowAnyRoom || len(put.AllowedRooms) != 0 || len(put.Conditions) != 0 ||
		*put.DefaultValue != "14.10" || !put.UpdatedAt.Equal(wantTime.Add(time.Hour)) || !put.CreatedAt.Equal(wantTime) {
		t.Errorf("put = %+v", put)
	}

	patched, err := o.PatchGoal(ctx, created.ID, &giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("3"))})
	if err != nil {
		t.Fatal(err)
	}
	if patched.Name != "Lead 2" || *patched.DefaultValue != "3.00" || !patched.AllowAnyRoom {
		t.Errorf("patched = %+v", patched)
	}
	if goals := f.Goals(org); len(goals) != 1 || !reflect.DeepEqual(goals[0], *patched) {
		t.Errorf("Goals = %+v", goals)
	}
}

func TestValidationErrorsAre400(t *testing.T) {
	t.Parallel()
	o := serve(t, giosgtest.New())
	g, err := o.CreateGoal(ctx, input("g"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		patch  giosg.GoalPatch
		fields map[string][]string
	}{
		// Valid for the client, refused by the server's rules.
		{giosg.GoalPatch{AllowAnyRoom: giosg.Ptr(false)},
			map[string][]string{"allowed_rooms": {"This list may not be empty when allow_any_room is false."}}},
		{giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("1.005"))},
			map[string][]string{"default_value": {"Ensure that there are no more than 2 decimal places."}}},
	}
	for _, tc := range cases {
		_, err := o.PatchGoal(ctx, g.ID, &tc.patch)
		var apiErr *giosg.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || !reflect.DeepEqual(apiErr.Fields, tc.fields) {
			t.Errorf("PatchGoal(%+v) = %v (%+v)", tc.patch, err, apiErr)
		}
	}
	after, _ := o.GetGoal(ctx, g.ID)
	if !after.AllowAnyRoom || after.DefaultValue != nil {
		t.Errorf("a refused patch changed the goal: %+v", after)
	}
}

// Raw bodies the client would never send, to check the fake's DRF answers.
func TestRawInvalidBodies(t *testing.T) {
	t.Parallel()
	srv := giosgtest.NewServer()
	defer srv.Close()
	cases := []struct{ body, want string }{
		{`{}`, `{"allow_any_room":["This field is required."],"allowed_rooms":["This field is required."],"conditions":["This field is required."],"name":["This field is required."]}`},
		{`{"name":" ","is_any_room_allowed":true,"allowed_rooms":"x","conditions":[{"type":"a"},{"type":1,"settings":[]}]}`,
			`{"allowed_rooms":["Expected a list of items but got type \"str\"."],"conditions":[{"type":["A valid integer is required."]},{"settings":["Expected a dictionary of items but got type \"list\"."]}],"name":["This field may not be blank."]}`},
		{`{"name":"n","allowed_any_room":false,"allowed_rooms":["a",""],"conditions":[],"default_value":"x"}`,
			`{"allowed_rooms":{"1":["This field may not be blank."]},"default_value":["A valid number is required."]}`},
		{`[1]`, `{"detail":"JSON parse error - json: cannot unmarshal array into Go value of type map[string]json.RawMessage"}`},
	}
	for _, tc := range cases {
		resp, err := http.Post(srv.URL+"/api/v5/orgs/o/goals", "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		var got, want any
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		json.Unmarshal([]byte(tc.want), &want)
		if resp.StatusCode != 400 || !reflect.DeepEqual(got, want) {
			t.Errorf("POST %s: %d %v\nwant %s", tc.body, resp.StatusCode, got, tc.want)
		}
	}
}

// The client never sends a condition without a type; a responder that
// strips it on the way shows the client reading the fake's nested errors.
func TestClientDecodesFakeNestedErrors(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(bytes.Replace(body, []byte(`,"type":2`), nil, 1)))
		return f.Responder()(req)
	})
	c, _ := giosg.NewClient(giosg.WithHTTPClient(&http.Client{Transport: mt}), giosg.WithBaseURL("https://api.test"), giosg.WithAPIToken("t"))
	_, err := c.Org("o").CreateGoal(ctx, &giosg.GoalInput{Name: "n", AllowAnyRoom: true,
		Conditions: []giosg.Condition{{Type: 1}, {Type: 2}}})
	var apiErr *giosg.APIError
	want := map[string][]string{"conditions[1].type": {"This field is required."}}
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || !reflect.DeepEqual(apiErr.Fields, want) {
		t.Fatalf("err = %v (%+v)", err, apiErr)
	}
}

func TestNotFound(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	g, err := o.CreateGoal(ctx, input("g"))
	if err != nil {
		t.Fatal(err)
	}
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	c, _ := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	checks := map[string]error{}
	_, checks["unknown goal"] = o.GetGoal(ctx, "nope")
	_, checks["other org"] = c.Org("org-2").GetGoal(ctx, g.ID)
	_, checks["put unknown"] = o.UpdateGoal(ctx, "nope", input("x"))
	_, checks["patch unknown"] = o.PatchGoal(ctx, "nope", &giosg.GoalPatch{Name: giosg.Ptr("x")})
	_, checks["bad cursor"] = o.ListGoals(ctx, &giosg.ListOptions{Cursor: "!!"})
	checks["match unknown goal"] = o.CreateExternalMatch(ctx, "nope", &giosg.ExternalMatch{
		VisitorIdentity: "v", GoalMatchedAt: time.Now(), Rooms: []string{"r"}})
	for name, err := range checks {
		var apiErr *giosg.APIError
		if !errors.Is(err, giosg.ErrNotFound) || !errors.As(err, &apiErr) || apiErr.Message == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestRoutesAndMethods(t *testing.T) {
	t.Parallel()
	srv := giosgtest.NewServer()
	defer srv.Close()
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{http.MethodDelete, "/orgs/o/goals", 405},
		{http.MethodDelete, "/orgs/o/goals/g", 405},
		{http.MethodGet, "/orgs/o/goals/g/matches", 405},
		{http.MethodGet, "/orgs/o/rooms", 404},
		{http.MethodGet, "/nothing", 404},
		{http.MethodGet, "/x/y/orgs/o/goals", 200}, // any prefix
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.path, resp.StatusCode, tc.status)
		}
	}
}

func TestPaginationOverHTTPTest(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	var want []string
	for i := range 8 {
		name := fmt.Sprintf("goal %d", i)
		if _, err := o.CreateGoal(ctx, input(name)); err != nil {
			t.Fatal(err)
		}
		want = append(want, name)
	}
	if _, err := f.AddGoal("other-org", *input("elsewhere")); err != nil {
		t.Fatal(err)
	}

	page, err := o.ListGoals(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != giosgtest.DefaultPageSize || page.Previous != "" || !strings.HasPrefix(page.Next, "http://127.0.0.1:") {
		t.Fatalf("page 1: %d goals, next %q, previous %q", len(page.Results), page.Next, page.Previous)
	}
	page2, err := o.ListGoals(ctx, &giosg.ListOptions{Cursor: page.NextCursor()})
	if err != nil {
		t.Fatal(err)
	}
	if page2.Results[0].Name != "goal 3" || page2.Previous == "" {
		t.Errorf("page 2 = %+v", page2)
	}
	if u, _ := url.Parse(page2.Previous); u.Query().Get("cursor") != "" || u.Path != "/api/v5/orgs/org-1/goals" {
		t.Errorf("previous of page 2 = %q, want the first page", page2.Previous)
	}

	var got []string
	for g, err := range o.AllGoals(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, g.Name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AllGoals = %v", got)
	}

	got = got[:0]
	for g, err := range o.AllGoals(ctx, &giosg.ListOptions{Ordering: "-name"}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, g.Name)
	}
	if got[0] != "goal 7" || got[7] != "goal 0" {
		t.Errorf("ordered = %v", got)
	}
}

func TestResponderUsesMockHost(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	f.SetPageSize(2)
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(f.Responder())
	c, err := giosg.NewClient(giosg.WithHTTPClient(&http.Client{Transport: mt}), giosg.WithBaseURL("https://api.test/api/v5"), giosg.WithAPIToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	o := c.Org(org)
	for i := range 5 {
		if _, err := o.CreateGoal(ctx, input(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	page, err := o.ListGoals(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != 2 || !strings.HasPrefix(page.Next, "https://api.test/api/v5/orgs/org-1/goals?cursor=") {
		t.Fatalf("page = %d goals, next %q", len(page.Results), page.Next)
	}
	n := 0
	for _, err := range o.AllGoals(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 5 {
		t.Errorf("AllGoals saw %d goals", n)
	}
}

func TestMatches(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	g, err := o.CreateGoal(ctx, &giosg.GoalInput{Name: "g", AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal("5"))})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC)
	// Without registrations every identity is accepted.
	if err := o.CreateExternalMatch(ctx, g.ID, &giosg.ExternalMatch{VisitorIdentity: "anyone", GoalMatchedAt: at, Rooms: []string{"r"}}); err != nil {
		t.Fatal(err)
	}
	f.AddVisitorIdentity("known", "room-a", "room-b")
	f.AddVisitorIdentity("anywhere")
	ok := []giosg.ExternalMatch{
		{VisitorIdentity: "known", GoalMatchedAt: at, GoalValue: giosg.Ptr(giosg.Decimal("123.45")), Rooms: []string{"x", "room-b"}},
		{VisitorIdentity: "anywhere", GoalMatchedAt: at, Rooms: []string{"z"}},
	}
	for i := range ok {
		if err := o.CreateExternalMatch(ctx, g.ID, &ok[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		m   giosg.ExternalMatch
		msg string
	}{
		{giosg.ExternalMatch{VisitorIdentity: "stranger", GoalMatchedAt: at, Rooms: []string{"room-a"}}, "No session found for visitor_identity 'stranger'."},
		{giosg.ExternalMatch{VisitorIdentity: "known", GoalMatchedAt: at, Rooms: []string{"room-c"}}, "No connected rooms found for visitor session."},
	} {
		err := o.CreateExternalMatch(ctx, g.ID, &tc.m)
		var apiErr *giosg.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Message != tc.msg {
			t.Errorf("match %+v: %v", tc.m, err)
		}
	}
	got := f.Matches(g.ID)
	want := []giosg.ExternalMatch{
		{VisitorIdentity: "anyone", GoalMatchedAt: at, GoalValue: giosg.Ptr(giosg.Decimal("5.00")), Rooms: []string{"r"}},
		{VisitorIdentity: "known", GoalMatchedAt: at, GoalValue: giosg.Ptr(giosg.Decimal("123.45")), Rooms: []string{"x", "room-b"}},
		{VisitorIdentity: "anywhere", GoalMatchedAt: at, GoalValue: giosg.Ptr(giosg.Decimal("5.00")), Rooms: []string{"z"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Matches = %+v", got)
	}
	if len(f.Matches("other")) != 0 {
		t.Error("matches for an unknown goal")
	}
}

func TestRawInvalidMatch(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	g, err := f.AddGoal("o", giosg.GoalInput{Name: "g", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := giosgtest.NewServerWith(f)
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/orgs/o/goals/"+g.ID+"/matches", "application/json",
		strings.NewReader(`{"visitor_identity":"","goal_matched_at":"yesterday","rooms":[],"goal_value":"1e5"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string][]string
	json.NewDecoder(resp.Body).Decode(&got)
	if resp.StatusCode != 400 || len(got) != 4 || got["rooms"][0] != "This list may not be empty." {
		t.Errorf("%d %v", resp.StatusCode, got)
	}
}

func TestAddGoalValidates(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	if _, err := f.AddGoal("o", giosg.GoalInput{Name: ""}); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("err = %v", err)
	}
	if len(f.Goals("o")) != 0 {
		t.Error("invalid goal stored")
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	o := serve(t, f)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			g, err := o.CreateGoal(ctx, input(fmt.Sprint(i)))
			if err != nil {
				t.Error(err)
				return
			}
			if err := o.CreateExternalMatch(ctx, g.ID, &giosg.ExternalMatch{VisitorIdentity: "v", GoalMatchedAt: time.Now(), Rooms: []string{"r"}}); err != nil {
				t.Error(err)
			}
			for _, err := range o.AllGoals(ctx, nil) {
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	ids := map[string]bool{}
	for _, g := range f.Goals(org) {
		ids[g.ID] = true
		if len(f.Matches(g.ID)) != 1 {
			t.Errorf("goal %s has %d matches", g.ID, len(f.Matches(g.ID)))
		}
	}
	if len(ids) != 20 {
		t.Errorf("%d distinct goals", len(ids))
	}
}

func TestSetIDs(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	n := 0
	f.SetIDs(func() string { n++; return fmt.Sprintf("id-%d", n) })
	o := serve(t, f)
	a, err := f.AddGoal(org, *input("a"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := o.CreateGoal(ctx, input("b"))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "id-1" || b.ID != "id-2" {
		t.Errorf("ids %q, %q; want id-1, id-2", a.ID, b.ID)
	}
	if got, err := o.GetGoal(ctx, "id-2"); err != nil || got.Name != "b" {
		t.Errorf("GetGoal(id-2) = %+v, %v", got, err)
	}
}
