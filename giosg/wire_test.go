package giosg

import (
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/wirecheck"
)

// TestGoalWireMirrorsGoal: a field added to Goal but not to goalJSON, or
// not copied, fails here instead of being dropped. AllowAnyRoom comes from
// three spellings, tested in goal_test.go.
func TestGoalWireMirrorsGoal(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Goal](), reflect.TypeFor[goalJSON](), "AllowAnyRoom", "IsAnyRoomAllowed", "AllowedAnyRoom")
	var w goalJSON
	wirecheck.Fill(&w)
	w.AllowAnyRoom = optBool{set: true, value: true}
	wirecheck.AllSet(t, w.goal())
}

// TestExternalMatchEncoderWritesEveryField: with every field set, the
// hand-written body has a key for each; a field added to ExternalMatch
// but not to MarshalJSON fails here.
func TestExternalMatchEncoderWritesEveryField(t *testing.T) {
	var m ExternalMatch
	wirecheck.Fill(&m)
	*m.GoalValue = "12.50" // Fill's "x" is no decimal
	wirecheck.WritesEveryField(t, &m, m, 0)
}
