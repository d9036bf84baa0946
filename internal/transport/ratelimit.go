package transport

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/time/rate"
)

// ErrRateLimitWait marks a call that ended while waiting for its turn under
// WithRateLimit: that attempt was never sent. It is wrapped together with
// the context's error.
var ErrRateLimitWait = errors.New("goalkit: ended while waiting for the rate limit")

// waitRate waits for a token of l (nil: no pacing) until ctx ends.
func waitRate(ctx context.Context, l *rate.Limiter) error {
	if l == nil {
		return nil
	}
	err := l.Wait(ctx)
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%w: %w", ErrRateLimitWait, ctxErr)
	}
	// The limiter saw that the deadline would pass before a token came.
	return fmt.Errorf("%w: %w (%v)", ErrRateLimitWait, context.DeadlineExceeded, err)
}
