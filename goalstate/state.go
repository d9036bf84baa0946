package goalstate

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Whether the live state is still the one a plan was made from, and which
// of its changes are already made.

// ErrStateMoved matches every *StateMovedError.
var ErrStateMoved = errors.New("goalstate: the live state moved since the plan was made")

// StateMovedError is an apply refused before anything was sent because the
// live state is neither what the plan read nor what the plan makes of it:
// someone changed it in between. Make a new plan.
type StateMovedError struct {
	// Moved describes each object that moved.
	Moved []string
}

// Error lists what moved.
func (e *StateMovedError) Error() string {
	return "the live state moved since the plan was made (make a new plan):\n  " + strings.Join(e.Moved, "\n  ")
}

// Is makes a *StateMovedError match ErrStateMoved.
func (e *StateMovedError) Is(target error) bool { return target == ErrStateMoved }

// checkState compares the live state with the plan's reads and says which
// changes are already made. Every object must be as read, or, for the
// object of a change, as the change leaves it.
func checkState(p *Plan, live map[Resource][]liveObject) (map[int]bool, error) {
	done := map[int]bool{}
	var moved []string
	for r, objs := range live {
		read := p.Read[r]
		current := map[string]liveObject{}
		for _, o := range objs {
			current[o.Key] = o
		}
		explained := map[string]bool{} // live keys a change accounts for
		for i, c := range p.Changes {
			if c.Resource != r || c.Action == ActionCannot {
				continue
			}
			status, keys := changeStatus(c, read, objs, current)
			for _, k := range keys {
				explained[k] = true
			}
			switch status {
			case statusDone:
				done[i] = true
			case statusMoved:
				moved = append(moved, fmt.Sprintf("%s %q: changed by someone else", r, c.Name))
			}
		}
		for _, o := range objs {
			if explained[o.Key] {
				continue
			}
			if h, ok := read[o.Key]; !ok {
				moved = append(moved, fmt.Sprintf("%s %q (%s): created since the plan", r, o.Name, o.Key))
			} else if h != o.Hash {
				moved = append(moved, fmt.Sprintf("%s %q (%s): changed since the plan", r, o.Name, o.Key))
			}
		}
		for k := range read {
			if _, ok := current[k]; !ok && !explained[k] {
				moved = append(moved, fmt.Sprintf("%s %s: deleted since the plan", r, k))
			}
		}
	}
	if len(moved) > 0 {
		slices.Sort(moved)
		return nil, &StateMovedError{Moved: moved}
	}
	return done, nil
}

type status int

const (
	statusPending status = iota
	statusDone
	statusMoved
)

// changeStatus says whether c is still to do, done, or neither, and which
// live keys it accounts for.
func changeStatus(c Change, read map[string]string, objs []liveObject, current map[string]liveObject) (status, []string) {
	switch c.Action {
	case ActionDelete:
		o, ok := current[c.Key]
		switch {
		case !ok:
			return statusDone, []string{c.Key}
		case o.Hash == read[c.Key]:
			return statusPending, []string{c.Key}
		}
		return statusMoved, []string{c.Key}
	case ActionCreate:
		// Done if an object of that name appeared and is as wanted.
		for _, o := range objs {
			if _, wasRead := read[o.Key]; !wasRead && o.Name == c.Name {
				if satisfies(c, o) {
					return statusDone, []string{o.Key}
				}
				return statusMoved, []string{o.Key}
			}
		}
		return statusPending, nil
	}
	// update, disable, rename, replace: the object read, or its successor.
	if o, ok := current[c.Key]; ok && o.Hash == read[c.Key] {
		return statusPending, []string{c.Key}
	}
	// An update leaves the key as it is; a rename or a replace moves the
	// trigger to its new name.
	for _, o := range objs {
		_, wasRead := read[o.Key]
		sameObject := o.Key == c.Key || (!wasRead && (c.Action == ActionRename || c.Action == ActionReplace))
		if sameObject && o.Name == c.Name && satisfies(c, o) {
			return statusDone, []string{o.Key, c.Key}
		}
	}
	return statusMoved, []string{c.Key}
}

// satisfies reports whether a live object is as the change wants it.
func satisfies(c Change, o liveObject) bool {
	d := c.Desired
	switch c.Resource {
	case ZendeskGoals:
		return d != nil && d.ZendeskGoal != nil && len(zendeskGoalDiff(d.ZendeskGoal, o.Value.(goals.Goal))) == 0
	case ZendeskTriggers:
		if d == nil || d.Trigger == nil {
			return false
		}
		fields, _ := triggerDiff(d.Trigger, o.Value.(triggers.Trigger))
		return len(fields) == 0
	case GiosgGoals:
		if d == nil || d.GiosgGoal == nil {
			return false
		}
		fields, err := giosgGoalDiff(d.GiosgGoal, o.Value.(giosg.Goal))
		return err == nil && len(fields) == 0
	case PageSenseGoals:
		return d != nil && d.PageSenseGoal != nil && len(pageSenseGoalDiff(d.PageSenseGoal, o.Value.(pagesense.Goal))) == 0
	case PageSenseCustomEvents:
		return true
	}
	return false
}
