package triggers

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/goalkit/goalkit/internal/transport"
)

// List returns every trigger of the account (the API does not paginate).
func (c *Client) List(ctx context.Context) ([]Trigger, error) {
	var wire []triggerWire
	if err := c.do(ctx, &transport.Call{Method: http.MethodGet, Path: "/triggers", Out: &wire}); err != nil {
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
	return c.triggerCall(ctx, http.MethodPost, "/triggers", (*paramsBody)(p))
}

// Update changes the name, description or enabled flag of the trigger
// called name, sending only the fields set in p. Setting p.Name renames it
// (later calls use the new name): Zendesk documents renames, but some
// clients never send the name in an update, so a refused rename says so.
//
// Zendesk does not edit definitions through Update Trigger ("Definitions
// are not editable in Update Trigger"), so a set p.Definition is a
// *ValidationError naming "definition", before anything is sent: Replace
// changes a definition.
func (c *Client) Update(ctx context.Context, name string, p *TriggerParams) (*Trigger, error) {
	path, err := triggerPath(name)
	if err != nil {
		return nil, err
	}
	if err := p.validateUpdate(); err != nil {
		return nil, err
	}
	t, err := c.triggerCall(ctx, http.MethodPut, path, (*paramsBody)(p))
	if err != nil && p.Name != nil && *p.Name != name && refused(err) {
		return nil, fmt.Errorf("triggers: rename %q to %q was refused: the API may not accept a name in an update "+
			"(Replace with the new name deletes and recreates the trigger instead): %w", name, *p.Name, err)
	}
	return t, err
}

// refused reports an answer that turned the request down as such (a 4xx
// other than 401, 404 and 429, which say nothing about the body).
func refused(err error) bool {
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode < 400 || ae.StatusCode > 499 {
		return false
	}
	switch ae.StatusCode {
	case http.StatusUnauthorized, http.StatusNotFound, http.StatusTooManyRequests:
		return false
	}
	return true
}

// Delete removes the trigger called name (204 No Content).
func (c *Client) Delete(ctx context.Context, name string) error {
	path, err := triggerPath(name)
	if err != nil {
		return err
	}
	return c.do(ctx, &transport.Call{Method: http.MethodDelete, Path: path})
}

// triggerCall sends a call answered by one trigger, decoded in one pass;
// an answer without an id or a name is ErrMalformedResponse, not a zero
// trigger.
func (c *Client) triggerCall(ctx context.Context, method, path string, body any) (*Trigger, error) {
	var w triggerWire
	if err := c.do(ctx, &transport.Call{Method: method, Path: path, Body: body, Out: &w}); err != nil {
		return nil, err
	}
	t := w.trigger()
	// Triggers are keyed by name and may come without an id (recorded
	// objects do): an answer with neither is the one that says nothing.
	if t.ID == 0 && t.Name == "" {
		return nil, transport.NoID(method, "trigger")
	}
	return &t, nil
}

// do sends a call; a nil or zero-value Client gets ErrNilClient.
func (c *Client) do(ctx context.Context, call *transport.Call) error {
	if c == nil {
		return transport.ErrNilClient
	}
	return transport.Send(ctx, c.t, call)
}

// triggerPath is /triggers/{name}, the name escaped as one segment ("a/b"
// is "a%2Fb", ".." is "%2E%2E"), so no name reaches another resource.
func triggerPath(name string) (string, error) {
	if name == "" {
		return "", transport.Invalid("name", "must not be empty")
	}
	if err := transport.ValidString("name", name); err != nil {
		return "", err
	}
	return transport.Path("triggers", name)
}
