package triggers

import (
	"context"
	"net/http"

	"github.com/goalkit/goalkit/internal/transport"
)

// List returns every trigger of the account (the API does not paginate).
func (c *Client) List(ctx context.Context) ([]Trigger, error) {
	var wire []triggerWire
	if err := c.t.Do(ctx, &transport.Call{Method: http.MethodGet, Path: "/triggers", Out: &wire}); err != nil {
		return nil, err
	}
	out := make([]Trigger, len(wire))
	for i := range wire {
		out[i] = wire[i].trigger()
	}
	return out, nil
}

// Get returns the trigger called name. The name is one escaped path
// segment, whatever it contains. An unknown name is an *APIError matching
// ErrNotFound.
func (c *Client) Get(ctx context.Context, name string) (*Trigger, error) {
	path, err := triggerPath(name)
	if err != nil {
		return nil, err
	}
	return c.triggerCall(ctx, http.MethodGet, path, nil)
}

// Create adds a trigger. p needs a name: triggers are addressed by it.
func (c *Client) Create(ctx context.Context, p *TriggerParams) (*Trigger, error) {
	if err := p.validateCreate(); err != nil {
		return nil, err
	}
	return c.triggerCall(ctx, http.MethodPost, "/triggers", p)
}

// Update changes the fields set in p on the trigger called name; setting
// p.Name renames it (later calls use the new name). A set Definition
// replaces the whole definition: to change part of it, Get the trigger,
// change its Definition and send it back (keys this package does not model
// are kept).
func (c *Client) Update(ctx context.Context, name string, p *TriggerParams) (*Trigger, error) {
	path, err := triggerPath(name)
	if err != nil {
		return nil, err
	}
	if err := p.validateUpdate(); err != nil {
		return nil, err
	}
	return c.triggerCall(ctx, http.MethodPut, path, p)
}

// Delete removes the trigger called name (204 No Content).
func (c *Client) Delete(ctx context.Context, name string) error {
	path, err := triggerPath(name)
	if err != nil {
		return err
	}
	return c.t.Do(ctx, &transport.Call{Method: http.MethodDelete, Path: path})
}

// triggerCall sends a call answered by one trigger, decoded in one pass.
func (c *Client) triggerCall(ctx context.Context, method, path string, body any) (*Trigger, error) {
	var w triggerWire
	if err := c.t.Do(ctx, &transport.Call{Method: method, Path: path, Body: body, Out: &w}); err != nil {
		return nil, err
	}
	t := w.trigger()
	return &t, nil
}

// triggerPath is /triggers/{name}, the name escaped as one segment ("a/b"
// is "a%2Fb", ".." is "%2E%2E"), so no name reaches another resource.
func triggerPath(name string) (string, error) {
	if name == "" {
		return "", transport.Invalid("name", "must not be empty")
	}
	return transport.Path("triggers", name)
}
