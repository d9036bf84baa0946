package goals

import (
	"reflect"
	"testing"

	"github.com/goalkit/goalkit/internal/wirecheck"
)

// TestGoalWireMirrorsGoal: a field added to Goal but not to its wire
// struct, or not copied, fails here instead of being dropped.
func TestGoalWireMirrorsGoal(t *testing.T) {
	wirecheck.SameFields(t, reflect.TypeFor[Goal](), reflect.TypeFor[goalWire]())
	wirecheck.RoundTrip(t, wireOf, (*goalWire).goal)
}
