package pagesense

import (
	"reflect"
	"testing"

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
