package giosg_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/transport"
)

// externalMatchWire is the match's wire struct, the reference the
// hand-written ExternalMatch.MarshalJSON must equal byte for byte.
type externalMatchWire struct {
	VisitorIdentity string   `json:"visitor_identity"`
	GoalMatchedAt   string   `json:"goal_matched_at"`
	GoalValue       *string  `json:"goal_value,omitempty"`
	Rooms           []string `json:"rooms"`
}

// FuzzExternalMatchJSON: the hand-written encoder writes what json.Marshal
// writes for the wire struct, for any text, time, value and rooms.
func FuzzExternalMatchJSON(f *testing.F) {
	f.Add("customer-12345678", int64(1476136849123), "123.45", true, "ac83d426-be80-4d75-8c62-49a77f98468h", "r2", 2)
	f.Add("", int64(0), "", false, "", "", 0)
	f.Add("<caf\xe9>\"\\\n", int64(-62135596800000), "-1", true, "\u2028", "&", 1)
	f.Add("v", int64(253402300799999), "+0.5", true, "r", "", 3)
	f.Fuzz(func(t *testing.T, visitor string, ms int64, value string, hasValue bool, room1, room2 string, rooms int) {
		m := giosg.ExternalMatch{VisitorIdentity: visitor, GoalMatchedAt: time.UnixMilli(ms)}
		if hasValue {
			m.GoalValue = giosg.Ptr(giosg.Decimal(value))
		}
		switch rooms % 4 {
		case 1:
			m.Rooms = []string{room1}
		case 2:
			m.Rooms = []string{room1, room2}
		case 3:
			m.Rooms = []string{}
		}
		got, err := m.MarshalJSON()
		if hasValue && !m.GoalValue.Valid() {
			if err == nil {
				t.Fatalf("invalid decimal %q encoded: %s", value, got)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		w := externalMatchWire{VisitorIdentity: visitor, GoalMatchedAt: m.GoalMatchedAt.UTC().Format(giosg.MatchTimeLayout), Rooms: m.Rooms}
		if w.Rooms == nil {
			w.Rooms = []string{}
		}
		if hasValue {
			w.GoalValue = &value
		}
		want, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("MarshalJSON:\n got %s\nwant %s", got, want)
		}
	})
}

// TestExternalMatchChecksEveryText: every text field of ExternalMatch is
// refused when it is not valid UTF-8, named as transport.ValidUTF8 names
// it. A new field of another kind fails here until validate checks it.
func TestExternalMatchChecksEveryText(t *testing.T) {
	bad := "caf\xe9"
	org := (*giosg.Client)(nil).Org("o") // validation runs before the client is needed
	typ := reflect.TypeFor[giosg.ExternalMatch]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		m := giosg.ExternalMatch{VisitorIdentity: "v", GoalMatchedAt: time.Unix(1e9, 0), Rooms: []string{"r"}}
		v := reflect.ValueOf(&m).Elem().Field(i)
		switch {
		case f.Type.Kind() == reflect.String:
			v.SetString(bad)
		case f.Type == reflect.TypeFor[[]string]():
			v.Set(reflect.ValueOf([]string{"ok", bad}))
			name += "[1]"
		case f.Type == reflect.TypeFor[time.Time](), f.Type == reflect.TypeFor[*giosg.Decimal]():
			continue // no free text: a time, a decimal checked as ASCII digits
		default:
			t.Fatalf("field %s (%s): teach validate and this test its UTF-8 check", f.Name, f.Type)
		}
		err := org.CreateExternalMatch(context.Background(), "g", &m)
		var ve *giosg.ValidationError
		if !errors.As(err, &ve) || ve.Field != name || !strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("%s = %q: err %v, want a UTF-8 ValidationError for %s", f.Name, bad, err, name)
		}
		if want := transport.ValidUTF8("", &m); want == nil || want.Error() != err.Error() {
			t.Errorf("%s: validate says %v, transport.ValidUTF8 says %v", f.Name, err, want)
		}
	}
}
