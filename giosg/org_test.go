package giosg_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// seedGoal is the goal of the seed's list example, field by field.
func seedGoal() giosg.Goal {
	bill := &giosg.User{
		ID: testOrg, FullName: "Bill Giosg", FirstName: "Bill", LastName: "Giosg",
		OrganizationID: testOrg, IsBot: false,
	}
	return giosg.Goal{
		ID:              testGoal,
		Name:            "User sent a lead",
		OrganizationID:  testOrg,
		Organization:    &giosg.Organization{ID: testOrg, Name: "Example Ltd."},
		AllowAnyRoom:    false,
		AllowedRooms:    []string{"e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"},
		DefaultValue:    giosg.Ptr(giosg.Decimal("10.00")),
		Conditions:      []giosg.Condition{{Negate: false, Settings: giosg.Settings{}, Type: 27, Value: ""}},
		CreatedAt:       time.Date(2016, 9, 1, 11, 31, 36, 42e6, time.UTC),
		CreatedByUserID: testOrg,
		CreatedByUser:   bill,
		UpdatedAt:       time.Date(2016, 9, 1, 15, 31, 36, 42e6, time.UTC),
		UpdatedByUserID: testOrg,
		UpdatedByUser:   bill,
	}
}

func TestListGoalsDecodesSeedExactly(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterResponder(http.MethodGet, goalsURL, rec.Reply(200, readFile(t, "seed_list.json")))

	page, err := org.ListGoals(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := &giosg.GoalPage{
		Next:    "https://service.giosg.com/api/v5/orgs/ac83d426-be80-4d75-8c62-49a77f98468e/goals",
		Results: []giosg.Goal{seedGoal()},
	}
	if !reflect.DeepEqual(page, want) {
		t.Errorf("page =\n%#v\nwant\n%#v", page, want)
	}
	s := rec.Only(t)
	if s.Method != http.MethodGet || s.URL != goalsURL {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, false)
}

func TestPlainUnmarshalOfSeed(t *testing.T) {
	t.Parallel()
	var page giosg.GoalPage
	if err := json.Unmarshal([]byte(readFile(t, "seed_list.json")), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Results) != 1 || !reflect.DeepEqual(page.Results[0], seedGoal()) {
		t.Errorf("decoded %#v", page.Results)
	}
}

func TestListGoalsQuery(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterNoResponder(rec.Reply(200, `{"next":null,"previous":null,"results":[]}`))

	page, err := org.ListGoals(context.Background(), &giosg.ListOptions{Ordering: "name,-created_at", Cursor: "cD0y"})
	if err != nil {
		t.Fatal(err)
	}
	if want := goalsURL + "?cursor=cD0y&ordering=name%2C-created_at"; rec.Only(t).URL != want {
		t.Errorf("URL = %s, want %s", rec.Only(t).URL, want)
	}
	if page.Next != "" || page.Previous != "" || len(page.Results) != 0 {
		t.Errorf("page = %+v", page)
	}
}

func TestGoalPageNextCursor(t *testing.T) {
	t.Parallel()
	p := &giosg.GoalPage{Next: goalsURL + "?cursor=abc%3D&ordering=name"}
	if got := p.NextCursor(); got != "abc=" {
		t.Errorf("NextCursor = %q", got)
	}
	if got := (&giosg.GoalPage{}).NextCursor(); got != "" {
		t.Errorf("NextCursor at end = %q", got)
	}
}

func TestGetGoal(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	body := `{"id":"g/1","name":"n","allowed_rooms":[],"is_any_room_allowed":true,"default_value":14.15,"conditions":[]}`
	mt.RegisterNoResponder(rec.Reply(200, body))

	g, err := org.GetGoal(context.Background(), "g/1")
	if err != nil {
		t.Fatal(err)
	}
	s := rec.Only(t)
	if s.Method != http.MethodGet || s.URL != goalsURL+"/g%2F1" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, false)
	want := &giosg.Goal{ID: "g/1", Name: "n", AllowAnyRoom: true, AllowedRooms: []string{},
		DefaultValue: giosg.Ptr(giosg.Decimal("14.15")), Conditions: []giosg.Condition{}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("goal = %#v", g)
	}
}

func TestCreateGoalSendsSeedBody(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterResponder(http.MethodPost, goalsURL, rec.Reply(201, `{"id":"new","name":"A new goal","allow_any_room":true}`))

	g, err := org.CreateGoal(context.Background(), &giosg.GoalInput{
		Name:         "A new goal",
		AllowAnyRoom: true,
		Conditions:   []giosg.Condition{{Type: 1, Value: "Helsinki"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "new" || !g.AllowAnyRoom {
		t.Errorf("goal = %+v", g)
	}
	s := rec.Only(t)
	checkHeaders(t, s, true)
	// Nil AllowedRooms goes out as [] and nil Settings as {}: the seed's body.
	jsonEqual(t, s.Body, readFile(t, "seed_create.json"))
}

func TestUpdateGoal(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterResponder(http.MethodPut, goalURL, rec.Reply(200, `{"id":"`+testGoal+`","name":"Renamed"}`))

	g, err := org.UpdateGoal(context.Background(), testGoal, &giosg.GoalInput{
		Name:         "Renamed",
		AllowedRooms: []string{"room-1"},
		DefaultValue: giosg.Ptr(giosg.Decimal("0.10")),
		Conditions:   []giosg.Condition{{Negate: true, Settings: giosg.Settings{"k": "v"}, Type: 27}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "Renamed" {
		t.Errorf("goal = %+v", g)
	}
	s := rec.Only(t)
	checkHeaders(t, s, true)
	jsonEqual(t, s.Body, `{"name":"Renamed","allow_any_room":false,"allowed_rooms":["room-1"],"default_value":"0.10",
		"conditions":[{"negate":true,"settings":{"k":"v"},"type":27,"value":""}]}`)
}

func TestPatchGoalSendsOnlySetFields(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		patch giosg.GoalPatch
		want  string
	}{
		{"name only", giosg.GoalPatch{Name: giosg.Ptr("x")}, `{"name":"x"}`},
		{"false flag is sent", giosg.GoalPatch{AllowAnyRoom: giosg.Ptr(false), AllowedRooms: &[]string{"r"}},
			`{"allow_any_room":false,"allowed_rooms":["r"]}`},
		{"nil lists as []", giosg.GoalPatch{AllowAnyRoom: giosg.Ptr(true), AllowedRooms: new([]string), Conditions: new([]giosg.Condition)},
			`{"allow_any_room":true,"allowed_rooms":[],"conditions":[]}`},
		{"value", giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("-1.5"))}, `{"default_value":"-1.5"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			var rec recorder
			mt.RegisterResponder(http.MethodPatch, goalURL, rec.Reply(200, `{"id":"`+testGoal+`"}`))
			if _, err := org.PatchGoal(context.Background(), testGoal, &tc.patch); err != nil {
				t.Fatal(err)
			}
			s := rec.Only(t)
			checkHeaders(t, s, true)
			jsonEqual(t, s.Body, tc.want)
		})
	}
}

func TestCreateExternalMatchSendsSeedBody(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterResponder(http.MethodPost, matchURL, rec.Reply(200, `{"ok":true}`))

	helsinki := time.FixedZone("EEST", 3*3600)
	err := org.CreateExternalMatch(context.Background(), testGoal, &giosg.ExternalMatch{
		VisitorIdentity: "customer-12345678",
		GoalMatchedAt:   time.Date(2016, 10, 11, 1, 0, 49, 123456789, helsinki),
		GoalValue:       giosg.Ptr(giosg.Decimal("123.45")),
		Rooms:           []string{"ac83d426-be80-4d75-8c62-49a77f98468h", "ac83d426-be80-4d75-8c62-49a77f98468g"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := rec.Only(t)
	if s.Method != http.MethodPost || s.URL != matchURL {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, true)
	jsonEqual(t, s.Body, readFile(t, "seed_match.json"))
}

func TestCreateExternalMatchEmptyAnswer(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterResponder(http.MethodPost, matchURL, httpmock.NewStringResponder(201, ""))
	err := org.CreateExternalMatch(context.Background(), testGoal, &giosg.ExternalMatch{
		VisitorIdentity: "c", GoalMatchedAt: time.Now(), Rooms: []string{"r"},
	})
	if err != nil {
		t.Fatal(err)
	}
}
