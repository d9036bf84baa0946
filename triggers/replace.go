package triggers

import (
	"context"
	"errors"
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
// A failed delete stops Replace only while the trigger is still there (a
// delete whose answer was lost may have been applied). If the create
// fails, Replace recreates the old trigger from what it read first (also
// when ctx is done, within a bounded time), so a failure does not leave the
// account without it, and returns a *ReplaceError: it says whether the old
// trigger was restored and, if not, holds it in Old to be created again;
// errors.Is and errors.As see the create's error (and the restore's). A
// create whose answer was lost (a dropped connection, not a refusal) may
// have been applied: if the restore then fails and a trigger called t.Name
// exists, Replace returns that trigger.
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
	// From here on the trigger may be gone: what must follow (a lookup, the
	// restore) runs even when ctx is done, within a bounded time.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), restoreTimeout)
	defer cancel()
	if err := c.Delete(ctx, name); err != nil && !errors.Is(err, ErrNotFound) {
		// A retried DELETE answers 404 when its first attempt went through;
		// any other failure may also have been applied with its answer
		// lost: only a trigger still there means nothing changed.
		if _, getErr := c.Get(rctx, name); !errors.Is(getErr, ErrNotFound) {
			return nil, err
		}
	}
	created, err := c.Create(ctx, t)
	if err == nil {
		return created, nil
	}
	restored, restoreErr := c.Create(rctx, old.params())
	if restoreErr != nil && !answered(err) {
		// The create's answer was lost, not refused: it may have been
		// applied, which would also be why the restore failed.
		if cur, getErr := c.Get(rctx, *t.Name); getErr == nil {
			return cur, nil
		}
	}
	return nil, &ReplaceError{Name: name, Old: old, Restored: restored, Err: err, RestoreErr: restoreErr}
}

// answered reports an error the API answered with: the request was
// refused, not lost on the way.
func answered(err error) bool {
	var ae *APIError
	return errors.As(err, &ae)
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
