package transport

import (
	"errors"
	"fmt"
)

// ErrNilClient is returned by every method of a nil or zero-value client
// (goals.Client, triggers.Client, giosg.Client, *giosg.Org,
// pagesense.Client, *pagesense.Project): make clients with NewClient.
var ErrNilClient = errors.New("goalkit: nil or zero-value client (make one with NewClient)")

// Usable returns ErrNilClient for a nil *Client, so a dialect method on a
// zero value reports an error instead of panicking.
func (c *Client) Usable() error {
	if c == nil {
		return ErrNilClient
	}
	return nil
}

// NoID reports a 2xx answer that decoded but carries no id (201 null, {},
// an unrelated object). It matches ErrMalformedResponse. For a create the
// message says the resource may exist: the server may have acted, and the
// call is not retried.
func NoID(method, what string) error {
	if method == "POST" {
		return fmt.Errorf("goalkit: %s: the answer carries no %s id, the %s may have been created; list before retrying: %w", method, what, what, ErrMalformedResponse)
	}
	return fmt.Errorf("goalkit: %s: the answer carries no %s id: %w", method, what, ErrMalformedResponse)
}
