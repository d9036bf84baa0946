package goalstate

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

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

// Report is what an apply did. Every change of the plan is in exactly one of
// its lists.
type Report struct {
	// Applied are the changes this run made.
	Applied []Change `json:"applied"`
	// AlreadyApplied are the changes an earlier run made (a resumed apply).
	AlreadyApplied []Change `json:"already_applied"`
	// NotApplied are the changes not made: after a failure, and every
	// "cannot".
	NotApplied []Change `json:"not_applied"`
	// Unknown holds a create whose answer was lost and whose result could
	// not be read back either. Running the apply again reads first: it
	// finds the object if it was made, and never creates it twice.
	Unknown []Change `json:"unknown,omitempty"`
}

// Apply makes exactly the changes of p, in its order. First it reads every
// resource p read (one list call each) and refuses with *StateMovedError,
// sending nothing, if an object is neither as the plan read it nor as the
// plan leaves it. Changes an earlier run already made are skipped, so Apply
// is safe to run again after an interruption. It stops at the first failure;
// the Report says what was applied and what was not. A create whose outcome
// is unknown (a network error or a 5xx) is followed by a read by name before
// anything else: if the object exists, the create counts as applied; it is
// never sent twice.
func Apply(ctx context.Context, p *Plan, t Targets) (*Report, error) {
	if p.FormatVersion != PlanFormatVersion {
		return nil, fmt.Errorf("goalstate: plan format_version %d, this version reads %d", p.FormatVersion, PlanFormatVersion)
	}
	live := map[Resource][]liveObject{}
	for _, r := range slices.Sorted(maps.Keys(p.Read)) {
		objs, err := readResource(ctx, t, r)
		if err != nil {
			return nil, err
		}
		live[r] = objs
	}
	done, err := checkState(p, live)
	if err != nil {
		return nil, err
	}
	rep := &Report{Applied: []Change{}, AlreadyApplied: []Change{}, NotApplied: []Change{}}
	for i, c := range p.Changes {
		switch {
		case c.Action == ActionCannot:
			rep.NotApplied = append(rep.NotApplied, c)
			continue
		case done[i]:
			rep.AlreadyApplied = append(rep.AlreadyApplied, c)
			continue
		}
		if err := applyChange(ctx, t, c); err != nil {
			rest := p.Changes[i+1:]
			if c.Action == ActionCreate && outcomeUnknown(err) {
				found, rerr := createdAnyway(ctx, t, c)
				switch {
				case rerr == nil && found:
					rep.Applied = append(rep.Applied, c)
					continue
				case rerr != nil:
					// Neither the answer nor a read says whether it
					// exists; the next run reads before it creates.
					rep.Unknown = append(rep.Unknown, c)
					rep.NotApplied = append(rep.NotApplied, rest...)
					return rep, &ApplyError{Change: c, Err: errors.Join(err, rerr)}
				}
			}
			rep.NotApplied = append(rep.NotApplied, p.Changes[i:]...)
			return rep, &ApplyError{Change: c, Err: err}
		}
		rep.Applied = append(rep.Applied, c)
	}
	return rep, nil
}

// ApplyError is the failure that stopped an apply: the change and why.
type ApplyError struct {
	Change Change
	Err    error
}

// Error names the change and the cause.
func (e *ApplyError) Error() string {
	return fmt.Sprintf("%s %s %q: %v", e.Change.Action, e.Change.Resource, e.Change.Name, e.Err)
}

// Unwrap returns the cause, so errors.Is/As see the SDK's errors.
func (e *ApplyError) Unwrap() error { return e.Err }

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

// applyChange sends one change.
func applyChange(ctx context.Context, t Targets, c Change) error {
	d := c.Desired
	if c.Action != ActionDelete && c.Resource != PageSenseCustomEvents && d == nil {
		return fmt.Errorf("the plan holds no desired object for this change")
	}
	switch c.Resource {
	case ZendeskGoals:
		if c.Action == ActionDelete {
			return t.Goals.Delete(ctx, mustID(c.Key))
		}
		if d.ZendeskGoal == nil {
			return errNoDesired
		}
		if c.Action == ActionCreate {
			_, err := t.Goals.Create(ctx, d.ZendeskGoal.params())
			return err
		}
		_, err := t.Goals.Update(ctx, mustID(c.Key), zendeskGoalPatch(d.ZendeskGoal, c.Fields))
		return err
	case ZendeskTriggers:
		if c.Action == ActionDelete {
			return t.Triggers.Delete(ctx, c.Key)
		}
		if d.Trigger == nil {
			return errNoDesired
		}
		params, err := d.Trigger.params()
		if err != nil {
			return err
		}
		switch c.Action {
		case ActionCreate:
			_, err = t.Triggers.Create(ctx, params)
		case ActionReplace:
			r, ok := t.Triggers.(triggerReplacer)
			if !ok {
				return fmt.Errorf("the triggers client cannot replace a trigger")
			}
			_, err = r.Replace(ctx, c.Key, params)
		default:
			_, err = t.Triggers.Update(ctx, c.Key, triggerPatch(params, c.Fields))
		}
		return err
	case GiosgGoals:
		if d.GiosgGoal == nil {
			return errNoDesired
		}
		if c.Action == ActionCreate {
			_, err := t.Giosg.CreateGoal(ctx, d.GiosgGoal.input())
			return err
		}
		g, err := t.Giosg.UpdateGoal(ctx, c.Key, d.GiosgGoal.input())
		if err == nil && g.DefaultValueNotApplied != nil {
			// The rest of the goal was updated; say so rather than
			// report a partial write as success.
			return fmt.Errorf("giosg updated the goal but kept default_value %q instead of %q (giosg does not update default_value: set it in the giosg console)", amountText(g.DefaultValue), *g.DefaultValueNotApplied)
		}
		return err
	case PageSenseGoals:
		switch c.Action {
		case ActionDelete:
			return t.PageSense.DeleteGoal(ctx, c.Key)
		case ActionCreate:
			if d.PageSenseGoal == nil {
				return errNoDesired
			}
			in, err := d.PageSenseGoal.input()
			if err != nil {
				return err
			}
			_, err = t.PageSense.CreateGoal(ctx, in)
			return err
		}
		if d.PageSenseGoal == nil {
			return errNoDesired
		}
		patch, err := pageSenseGoalPatch(d.PageSenseGoal, c.Fields)
		if err != nil {
			return err
		}
		_, err = t.PageSense.UpdateGoal(ctx, c.Key, patch)
		return err
	case PageSenseCustomEvents:
		_, err := t.PageSense.CreateCustomEvent(ctx, c.Name)
		return err
	}
	return fmt.Errorf("unknown resource %q", c.Resource)
}

var errNoDesired = errors.New("the plan holds no desired object of this resource")

// zendeskGoalPatch sends only the fields that change.
func zendeskGoalPatch(g *ZendeskGoal, fields []FieldChange) *goals.GoalParams {
	full, p := g.params(), &goals.GoalParams{}
	for _, f := range fields {
		switch f.Field {
		case "name":
			p.Name = full.Name
		case "description":
			p.Description = full.Description
		case "enabled":
			p.Enabled = full.Enabled
		case "attribution_model":
			p.AttributionModel = full.AttributionModel
		case "attribution_period":
			p.AttributionPeriod = full.AttributionPeriod
		case "conditions":
			p.Settings = full.Settings
		}
	}
	return p
}

// amountText is an optional amount as text, "" when unset.
func amountText(d *giosg.Decimal) string {
	if d == nil {
		return ""
	}
	return string(*d)
}

// triggerPatch sends only the fields that change (a new name renames);
// never the definition, which the API cannot edit.
func triggerPatch(full *triggers.TriggerParams, fields []FieldChange) *triggers.TriggerParams {
	p := &triggers.TriggerParams{}
	for _, f := range fields {
		switch f.Field {
		case "name":
			p.Name = full.Name
		case "description":
			p.Description = full.Description
		case "enabled":
			p.Enabled = full.Enabled
		}
	}
	return p
}

// pageSenseGoalPatch sends only the fields that change.
func pageSenseGoalPatch(g *PageSenseGoal, fields []FieldChange) (*pagesense.GoalPatch, error) {
	in, err := g.input()
	if err != nil {
		return nil, err
	}
	p := &pagesense.GoalPatch{}
	for _, f := range fields {
		switch f.Field {
		case "display_name":
			p.DisplayName = &in.DisplayName
		case "goal_url":
			p.GoalURL = &in.GoalURL
		case "include_urls":
			p.IncludeURLs = ptr(nonNil(in.IncludeURLs))
		case "exclude_urls":
			p.ExcludeURLs = ptr(nonNil(in.ExcludeURLs))
		case "url":
			p.URL = ptr(in.URL)
		case "time_threshold":
			p.TimeThreshold = &in.TimeThreshold
		}
	}
	return p, nil
}

// nonNil sends an empty list as [] (which clears it), not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// mustID reads a Zendesk goal id key; a bad one (a hand-edited plan) is 0,
// which the API answers with 404.
func mustID(key string) int64 {
	id, _ := strconv.ParseInt(key, 10, 64)
	return id
}

// outcomeUnknown reports whether a failed write may have happened anyway:
// anything but an answer with a 4xx status (or a refusal before sending).
func outcomeUnknown(err error) bool {
	var ve *goals.ValidationError
	if errors.As(err, &ve) {
		return false
	}
	var ae *goals.APIError
	if errors.As(err, &ae) {
		return ae.StatusCode >= http.StatusInternalServerError
	}
	return true
}

// createdAnyway reads the created resource and reports whether an object of
// the change's name now exists that the plan did not read.
func createdAnyway(ctx context.Context, t Targets, c Change) (bool, error) {
	objs, err := readResource(ctx, t, c.Resource)
	if err != nil {
		return false, err
	}
	for _, o := range objs {
		if o.Name == c.Name && satisfies(c, o) {
			return true, nil
		}
	}
	return false, nil
}
