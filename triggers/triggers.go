package triggers

import (
	"context"
	"net/http"

	"github.com/goalkit/goalkit/internal/transport"
)

// List returns every trigger of the account (the API does not paginate).
func (c *Client) List(ctx context.Context) ([]Trigger, error) {
	var out []Trigger
	if err := c.pipeline().Do(ctx, &transport.Call{Method: http.MethodGet, Path: "/triggers", Out: &out}); err != nil {
		return nil, err
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
	var t Trigger
	if err := c.pipeline().Do(ctx, &transport.Call{Method: http.MethodGet, Path: path, Out: &t}); err != nil {
		return nil, err
	}
	return &t, nil
}

// Create adds a trigger. p needs a name: triggers are addressed by it.
func (c *Client) Create(ctx context.Context, p *TriggerParams) (*Trigger, error) {
	if err := p.validateCreate(); err != nil {
		return nil, err
	}
	var t Trigger
	if err := c.pipeline().Do(ctx, &transport.Call{Method: http.MethodPost, Path: "/triggers", Body: p, Out: &t}); err != nil {
		return nil, err
	}
	return &t, nil
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
	var t Trigger
	if err := c.pipeline().Do(ctx, &transport.Call{Method: http.MethodPut, Path: path, Body: p, Out: &t}); err != nil {
		return nil, err
	}
	return &t, nil
}

// Delete removes the trigger called name (204 No Content).
func (c *Client) Delete(ctx context.Context, name string) error {
	path, err := triggerPath(name)
	if err != nil {
		return err
	}
	return c.pipeline().Do(ctx, &transport.Call{Method: http.MethodDelete, Path: path})
}

// triggerPath is /triggers/{name}, the name escaped as one segment ("a/b"
// is "a%2Fb", ".." is "%2E%2E"), so no name reaches another resource.
func triggerPath(name string) (string, error) {
	if name == "" {
		return "", transport.Invalid("name", "must not be empty")
	}
	return transport.Path("triggers", name)
}
