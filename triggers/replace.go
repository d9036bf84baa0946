package triggers

import (
	"context"
	"fmt"
	"time"
)

// restoreTimeout bounds the recreation of the old trigger after a failed
// Replace; it runs even when the caller's context is done.
const restoreTimeout = 30 * time.Second

// Replace changes a trigger's definition the only way the API allows: it
// reads the trigger called name, deletes it, and creates t (the full
// trigger: Name is required, and t.Name may differ from name). It is not
// atomic: between the delete and the create the trigger does not exist, and
// its id changes.
//
// If the create fails, Replace recreates the old trigger from what it read
// first (also when ctx is done, within a bounded time), so a failure does
// not leave the account without it. The error is then a *ReplaceError,
// which says whether the old trigger was restored and, if it was not,
// holds it in Old to be created again; errors.Is and errors.As see the
// create's error (and the restore's).
func (c *Client) Replace(ctx context.Context, name string, t *TriggerParams) (*Trigger, error) {
	if _, err := triggerPath(name); err != nil {
		return nil, err
	}
	if err := t.validateCreate(); err != nil {
		return nil, err
	}
	old, err := c.Get(ctx, name)
	if err != nil {
		return nil, err
	}
	if err := c.Delete(ctx, name); err != nil {
		return nil, err
	}
	created, err := c.Create(ctx, t)
	if err == nil {
		return created, nil
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), restoreTimeout)
	defer cancel()
	restored, restoreErr := c.Create(rctx, old.params())
	return nil, &ReplaceError{Name: name, Old: old, Restored: restored, Err: err, RestoreErr: restoreErr}
}

// params is the trigger as a create body, without its id.
func (t *Trigger) params() *TriggerParams {
	return &TriggerParams{Name: &t.Name, Description: &t.Description, Enabled: &t.Enabled, Definition: t.Definition}
}

// ReplaceError is a Replace whose create failed after the old trigger was
// deleted.
type ReplaceError struct {
	Name string // the trigger Replace was asked to replace
	// Old is the trigger as read before the delete.
	Old *Trigger
	// Restored is the old trigger created again (with a new id); nil when
	// RestoreErr is set.
	Restored *Trigger
	// Err is the create's error.
	Err error
	// RestoreErr is why the old trigger could not be created again; nil
	// when it was. Then the account has neither trigger: create Old again.
	RestoreErr error
}

// Error says what failed and whether the old trigger is back.
func (e *ReplaceError) Error() string {
	if e.RestoreErr == nil {
		return fmt.Sprintf("triggers: replace %q: create failed, old trigger restored: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("triggers: replace %q: create failed (%v) and restoring the old trigger failed too (%v): "+
		"the trigger is deleted; ReplaceError.Old holds it", e.Name, e.Err, e.RestoreErr)
}

// Unwrap returns the create's error and the restore's, if any.
func (e *ReplaceError) Unwrap() []error {
	if e.RestoreErr == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.RestoreErr}
}
