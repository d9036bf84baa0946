package goalstate

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
)

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
