package transport

import "context"

// Send is c.Do for a c that may be nil: ErrNilClient instead of a panic.
func Send(ctx context.Context, c *Client, call *Call) error {
	if err := c.Usable(); err != nil {
		return err
	}
	return c.Do(ctx, call)
}
