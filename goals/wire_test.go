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
	var g Goal
	wirecheck.Fill(&g)
	w := wireOf(&g)
	back := w.goal()
	wirecheck.AllSet(t, back)
	if !reflect.DeepEqual(back, g) {
		t.Errorf("round trip through the wire struct: %+v, want %+v", back, g)
	}
}
