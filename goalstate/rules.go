package goalstate

import (
	"errors"
	"fmt"
	"strings"
)

// ErrRule matches every *RuleError.
var ErrRule = errors.New("goalstate: the plan breaks a vendor rule")

// RuleError is a plan the vendor would refuse, found before anything is
// sent, e.g. more than goals.MaxActiveGoals enabled Zendesk goals.
type RuleError struct {
	Resource Resource
	Reason   string
	// Names are the objects concerned.
	Names []string
}

// Error names the rule and the objects.
func (e *RuleError) Error() string {
	return fmt.Sprintf("%s: %s: %s", e.Resource, e.Reason, strings.Join(e.Names, ", "))
}

// Is makes a *RuleError match ErrRule.
func (e *RuleError) Is(target error) bool { return target == ErrRule }

// pageSenseCannotUpdate says why a PageSense goal cannot take these field
// changes in place (UpdateGoal cannot change a goal type), or "" if it can.
func pageSenseCannotUpdate(fields []FieldChange) string {
	for _, f := range fields {
		if f.Field == "goal_type" {
			return "a goal's goal_type cannot change: give the new goal another display_name (and delete this one with --prune)"
		}
	}
	return ""
}
