package goals

import (
	"context"
	"net/http"
	"strconv"

	"github.com/goalkit/goalkit/internal/transport"
)

// List returns every goal of the account (the API does not paginate).
func (c *Client) List(ctx context.Context) ([]Goal, error) {
	var wire []goalWire
	if err := c.do(ctx, &transport.Call{Method: http.MethodGet, Path: "/goals", Out: &wire}); err != nil {
		return nil, err
	}
	conds := 0
	for i := range wire {
		conds += len(wire[i].Settings.Conditions)
	}
	arena := make([]Condition, 0, conds)
	out := make([]Goal, len(wire))
	for i := range wire {
		out[i] = wire[i].goalIn(&arena)
	}
	return out, nil
}

// Get returns one goal. An unknown id is an *APIError matching ErrNotFound.
func (c *Client) Get(ctx context.Context, id int64) (*Goal, error) {
	path, err := goalPath(id)
	if err != nil {
		return nil, err
	}
	return c.goalCall(ctx, http.MethodGet, path, nil)
}

// Create adds a goal and returns it with its id. p needs a name; the other
// fields are sent only when set (see GoalParams). An account that already
// has MaxActiveGoals enabled goals answers with an error matching
// ErrGoalsLimitExceeded.
func (c *Client) Create(ctx context.Context, p *GoalParams) (*Goal, error) {
	if err := p.validateCreate(); err != nil {
		return nil, err
	}
	return c.goalCall(ctx, http.MethodPost, "/goals", p) // GoalParams.MarshalJSON
}

// Update changes the fields set in p, and only those; at least one must be
// set. The id is in the path, never in the body.
func (c *Client) Update(ctx context.Context, id int64, p *GoalParams) (*Goal, error) {
	path, err := goalPath(id)
	if err != nil {
		return nil, err
	}
	if err := p.validateUpdate(); err != nil {
		return nil, err
	}
	return c.goalCall(ctx, http.MethodPut, path, p)
}

// Delete removes a goal (204 No Content).
func (c *Client) Delete(ctx context.Context, id int64) error {
	path, err := goalPath(id)
	if err != nil {
		return err
	}
	return c.do(ctx, &transport.Call{Method: http.MethodDelete, Path: path})
}

// goalCall sends a call answered by one goal.
func (c *Client) goalCall(ctx context.Context, method, path string, body any) (*Goal, error) {
	var w goalWire
	if err := c.do(ctx, &transport.Call{Method: method, Path: path, Body: body, Out: &w}); err != nil {
		return nil, err
	}
	if w.ID == 0 {
		return nil, transport.NoID(method, "goal")
	}
	g := w.goal()
	return &g, nil
}

// do sends a call; a nil or zero-value Client gets ErrNilClient.
func (c *Client) do(ctx context.Context, call *transport.Call) error {
	if c == nil {
		return transport.ErrNilClient
	}
	return transport.Send(ctx, c.t, call)
}

// goalPath is /goals/{id}; ids are positive.
func goalPath(id int64) (string, error) {
	if id <= 0 {
		return "", transport.Invalid("id", "must be positive, got %d", id)
	}
	return transport.Path("goals", strconv.FormatInt(id, 10))
}
