package giosg_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

func TestAnyRoomSpellings(t *testing.T) {
	t.Parallel()
	cases := map[string]bool{
		`{"allow_any_room":true}`:      true,
		`{"is_any_room_allowed":true}`: true,
		`{"allowed_any_room":true}`:    true,
		`{}`:                           false,
		`{"allow_any_room":null}`:      false,
		// allow_any_room (the JSON examples) wins over the other spellings.
		`{"allowed_any_room":true,"allow_any_room":false}`:      false,
		`{"is_any_room_allowed":false,"allowed_any_room":true}`: false,
		`{"allow_any_room":null,"allowed_any_room":true}`:       true,
	}
	for body, want := range cases {
		var g giosg.Goal
		if err := json.Unmarshal([]byte(body), &g); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if g.AllowAnyRoom != want {
			t.Errorf("%s: AllowAnyRoom = %v, want %v", body, g.AllowAnyRoom, want)
		}
	}
	var g giosg.Goal
	if err := json.Unmarshal([]byte(`{"allow_any_room":"yes"}`), &g); err == nil {
		t.Error("a string flag decoded")
	}
}

func TestGoalEncodesAllowAnyRoom(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(giosg.Goal{ID: "g", Name: "n", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"g","name":"n","organization_id":"","allow_any_room":true,"allowed_rooms":null,"conditions":null}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestGoalRoundTrip(t *testing.T) {
	t.Parallel()
	g := seedGoal()
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var back giosg.Goal
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, g) {
		t.Errorf("round trip changed the goal:\n%#v", back)
	}
}

func TestSettingsRoundTripUnchanged(t *testing.T) {
	t.Parallel()
	in := `{"negate":true,"settings":{"big":10000000000000001,"list":[1.50,"x",null,true],"nested":{"a":-0.0,"e":1e400}},"type":27,"value":"v"}`
	var c giosg.Condition
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	if got := c.Settings["big"]; got != json.Number("10000000000000001") {
		t.Errorf("big = %#v", got)
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("got  %s\nwant %s", out, in)
	}
	for _, bad := range []string{`{"settings":[]}`, `{"settings":"x"}`, `{"settings":{"a":}}`} {
		if err := json.Unmarshal([]byte(bad), &c); err == nil {
			t.Errorf("%s decoded", bad)
		}
	}
}

func TestNilSettingsEncodeAsObject(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(giosg.Condition{Type: 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"negate":false,"settings":{},"type":1,"value":""}`; string(b) != want {
		t.Errorf("got %s", b)
	}
	// Settings is a map[string]any underneath.
	var m map[string]any = giosg.Settings{"a": 1}
	if m["a"] != 1 {
		t.Error(m)
	}
}

func TestGoalInputJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(giosg.GoalInput{Name: "n"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"n","allow_any_room":false,"allowed_rooms":[],"conditions":[]}`; string(b) != want {
		t.Errorf("got %s", b)
	}
	b, err = json.Marshal(&giosg.GoalInput{Name: "n", DefaultValue: giosg.Ptr(giosg.Decimal("5"))})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"default_value":"5"`) {
		t.Errorf("got %s", b)
	}
}

func TestExternalMatchJSON(t *testing.T) {
	t.Parallel()
	m := giosg.ExternalMatch{
		VisitorIdentity: "v",
		GoalMatchedAt:   time.Date(2016, 10, 10, 22, 0, 49, 0, time.UTC),
		Rooms:           []string{"r"},
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	// Milliseconds are always written, and no goal_value when it is nil.
	if want := `{"visitor_identity":"v","goal_matched_at":"2016-10-10T22:00:49.000Z","rooms":["r"]}`; string(b) != want {
		t.Errorf("got %s", b)
	}
	var back giosg.ExternalMatch
	if err := json.Unmarshal(b, &back); err != nil || !back.GoalMatchedAt.Equal(m.GoalMatchedAt) || back.VisitorIdentity != "v" {
		t.Errorf("decoded %+v, %v", back, err)
	}
}
