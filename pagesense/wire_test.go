package pagesense

import (
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/wirecheck"
)

// TestWireStructsMirrorModels: a field added to Goal or CustomEvent but not
// to its wire struct, or not copied, fails here instead of being dropped.
// Status, TimeThreshold and CreatedAt are read from more than one spelling
// or type (goal_status/status, time_spent_seconds, created_time in epoch
// milliseconds), tested in model_test.go; AllSet still checks they are
// copied.
func TestWireStructsMirrorModels(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Goal](), reflect.TypeFor[wireGoal](), "Status", "GoalStatus", "CreatedAt", "CreatedTime", "TimeSpent")
	wirecheck.SameFields(t, reflect.TypeFor[CustomEvent](), reflect.TypeFor[wireEvent]())
	var wg wireGoal
	wirecheck.Fill(&wg)
	wirecheck.AllSet(t, wg.goal())
	var we wireEvent
	wirecheck.Fill(&we)
	wirecheck.AllSet(t, we.event())
}

// goalRequestRef is goalRequest without its hand-written MarshalJSON: the
// reference for its bytes.
type goalRequestRef goalRequest

// FuzzGoalRequestEncoder: the hand-written create body is json.Marshal's
// bytes of the struct, whatever the text, numbers and lists.
func FuzzGoalRequestEncoder(f *testing.F) {
	f.Add("Engaged Reader", 8, "https://example.com/blog", "", "", 1, 1, "", 30, "website-performance-project", uint8(0))
	f.Add("", 0, "", "a", "b", 0, -3, "v", 0, "", uint8(0xff))
	f.Add("<caf\xe9>\"\\\n", -1, "\u2028", "&", "\x00", 2, 10, "\x7f", -5, "é", uint8(0x5a))
	f.Fuzz(func(t *testing.T, name string, goalType int, goalURL, inc, exc string, rules, matchType int, value string, threshold int, project string, lists uint8) {
		in := GoalInput{DisplayName: name, GoalType: GoalType(goalType), GoalURL: goalURL, TimeThreshold: threshold}
		switch lists % 3 {
		case 1:
			in.IncludeURLs, in.ExcludeURLs = []string{inc}, []string{}
		case 2:
			in.IncludeURLs, in.ExcludeURLs = []string{inc, exc}, []string{exc}
		}
		for i := range rules % 3 {
			in.URL = append(in.URL, URLRule{MatchType: URLMatchType(matchType + i), Value: value[:len(value)*i/2]})
		}
		if lists&4 != 0 && in.URL == nil {
			in.URL = []URLRule{}
		}
		r := in.body(project)
		wirecheck.EncodesAs(t, r, (*goalRequestRef)(r))
	})
}

// TestGoalInputChecksEveryText: Validate refuses every text field that is
// not valid UTF-8 with transport.ValidUTF8's error over the wire body.
func TestGoalInputChecksEveryText(t *testing.T) {
	var in GoalInput
	wirecheck.Fill(&in)
	wirecheck.EveryText(t, &in, in.Validate, func() error { return transport.ValidUTF8("", &in.body("p").Goal) })
}

// TestGoalInputEncoderWritesEveryField: with every field of GoalInput set,
// the hand-written body has a key for each, plus project_linkname; a field
// added to GoalInput but not carried into the body fails here.
func TestGoalInputEncoderWritesEveryField(t *testing.T) {
	var in GoalInput
	wirecheck.Fill(&in)
	wirecheck.WritesEveryField(t, &in, in.body("p"), 1, "projectgoal")
}
