package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// The per-attempt timeout (DefaultAttemptTimeout, or the Timeout of the
// caller's *http.Client) is a deadline on each attempt's context, kept by
// the pipeline, not http.Client.Timeout: net/http enforces a client
// Timeout over any RoundTripper but its own *http.Transport with a
// goroutine, a timer and channels per request (its "legacy" cancel path),
// and the pipeline is such a RoundTripper. A context deadline is one
// timer, which net/http's transport watches anyway.

// attemptTimeoutError is ErrAttemptTimeout with its limit; a net.Error
// whose Timeout is true, as http.Client's own timeout error is.
type attemptTimeoutError struct{ limit time.Duration }

func (e *attemptTimeoutError) Error() string {
	return fmt.Sprintf("%v after %v (per-attempt timeout)", ErrAttemptTimeout, e.limit)
}

// Is matches ErrAttemptTimeout, and context.DeadlineExceeded as
// http.Client's own timeout error does (what callers checked before).
func (e *attemptTimeoutError) Is(target error) bool {
	return target == ErrAttemptTimeout || target == context.DeadlineExceeded
}

// Timeout and Temporary make it a net.Error that timed out.
func (e *attemptTimeoutError) Timeout() bool   { return true }
func (e *attemptTimeoutError) Temporary() bool { return true }

// attemptError names the per-attempt timeout as the cause of err when it
// was: the attempt's context hit its deadline while the caller's did not.
func attemptError(err error, attempt, caller context.Context, limit time.Duration) error {
	if err != nil && caller.Err() == nil && errors.Is(attempt.Err(), context.DeadlineExceeded) {
		return &attemptTimeoutError{limit: limit}
	}
	return err
}

// deadlineBody keeps the attempt's deadline over reading the body and ends
// it (its timer) when the body is closed.
type deadlineBody struct {
	io.ReadCloser
	attempt context.Context
	caller  context.Context
	limit   time.Duration
	cancel  context.CancelFunc
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = attemptError(err, b.attempt, b.caller, b.limit)
	}
	return n, err
}

func (b *deadlineBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
