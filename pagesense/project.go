package pagesense

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// ProjectAPI is the set of *Project's methods, for code that prefers to
// mock at this level.
type ProjectAPI interface {
	CreateGoal(ctx context.Context, in *GoalInput) (*Goal, error)
	ListGoals(ctx context.Context) ([]Goal, error)
	GetGoal(ctx context.Context, goalLinkname string) (*Goal, error)
	DeleteGoal(ctx context.Context, goalLinkname string) error
	CreateCustomEvent(ctx context.Context, name string) (*CustomEvent, error)
	ListCustomEvents(ctx context.Context) ([]CustomEvent, error)
}

var _ ProjectAPI = (*Project)(nil)

// Project is one PageSense project in a portal: its goals and custom
// events. Get one from Client.Project; it is safe for concurrent use.
type Project struct {
	c          *transport.Client
	portal     string
	linkname   string
	goalsPath  string // /portal/{portal}/projectgoals/{project}
	eventsPath string // /portal/{portal}/customevents
	err        error  // a bad portal or project name, reported by every method
}

// Portal returns the portal name the project was addressed with.
func (p *Project) Portal() string {
	if p == nil {
		return ""
	}
	return p.portal
}

// Linkname returns the project's linkname.
func (p *Project) Linkname() string {
	if p == nil {
		return ""
	}
	return p.linkname
}

// problem is what makes every call of the project fail: a nil Project, or
// a bad portal or project name.
func (p *Project) problem() error {
	if p == nil || p.c == nil {
		return transport.ErrNilClient
	}
	return p.err
}

// CreateGoal creates a goal in the project:
// POST /portal/{portal}/projectgoals/{project} with {"projectgoal": {...}}.
// The input is validated first (see GoalInput.Validate); nothing is sent if
// it is refused.
func (p *Project) CreateGoal(ctx context.Context, in *GoalInput) (*Goal, error) {
	if err := p.problem(); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var env goalEnvelope
	err := p.c.Do(ctx, &transport.Call{Method: http.MethodPost, Path: p.goalsPath, Body: in.body(p.linkname), Out: &env, Decode: env.decode})
	if err != nil {
		return nil, err
	}
	w, ok := created(env.Goal, env.Goals)
	if !ok {
		return nil, fmt.Errorf("pagesense: create goal: %w: no projectgoal in the answer", ErrMalformedResponse)
	}
	g := w.goal()
	return &g, nil
}

// ListGoals returns the project's goals:
// GET /portal/{portal}/projectgoals/{project}. The answer is decoded in one
// pass.
func (p *Project) ListGoals(ctx context.Context) ([]Goal, error) {
	if err := p.problem(); err != nil {
		return nil, err
	}
	var env goalsEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.goalsPath, Out: &env}); err != nil {
		return nil, err
	}
	return goalsOf(env.Goals), nil
}

// GetGoal returns the goal with the given linkname. PageSense documents no
// single-goal endpoint, so it lists the project's goals and picks the one;
// an absent goal is an error matching ErrNotFound (not an *APIError, since
// the API answered the list fine).
func (p *Project) GetGoal(ctx context.Context, goalLinkname string) (*Goal, error) {
	if err := p.checkGoal(goalLinkname); err != nil {
		return nil, err
	}
	var env goalsEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.goalsPath, Out: &env}); err != nil {
		return nil, err
	}
	for i := range env.Goals {
		if env.Goals[i].Linkname == goalLinkname {
			g := env.Goals[i].goal()
			return &g, nil
		}
	}
	return nil, fmt.Errorf("pagesense: goal %q not in project %q of portal %q: %w", goalLinkname, p.linkname, p.portal, ErrNotFound)
}

// DeleteGoal deletes the goal with the given linkname:
// DELETE /portal/{portal}/projectgoals/{goal linkname}. The path names the
// goal, not the project: goal linknames are unique in a portal.
func (p *Project) DeleteGoal(ctx context.Context, goalLinkname string) error {
	if err := p.checkGoal(goalLinkname); err != nil {
		return err
	}
	path, err := transport.Path("portal", p.portal, "projectgoals", goalLinkname)
	if err != nil {
		return err
	}
	// The envelope is decoded so a non-10000 status at HTTP 200 is an error;
	// an empty 200 or a 204 is success.
	var env envelope
	return p.c.Do(ctx, &transport.Call{Method: http.MethodDelete, Path: path, Out: &env, AllowEmpty: true})
}

// CreateCustomEvent creates a custom event in the project:
// POST /portal/{portal}/customevents with
// {"customevent": {"event_name", "project_linkname"}}.
func (p *Project) CreateCustomEvent(ctx context.Context, name string) (*CustomEvent, error) {
	if err := p.problem(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(name) == "" {
		return nil, transport.Invalid("event_name", "must not be empty")
	}
	body := &eventRequest{Event: eventBody{Name: name, ProjectLinkname: p.linkname}}
	var env eventEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodPost, Path: p.eventsPath, Body: body, Out: &env, Decode: env.decode}); err != nil {
		return nil, err
	}
	w, ok := created(env.Event, env.Events)
	if !ok {
		return nil, fmt.Errorf("pagesense: create custom event: %w: no customevent in the answer", ErrMalformedResponse)
	}
	e := w.event()
	return &e, nil
}

// ListCustomEvents returns the project's custom events:
// GET /portal/{portal}/customevents?project_linkname={project}.
func (p *Project) ListCustomEvents(ctx context.Context) ([]CustomEvent, error) {
	if err := p.problem(); err != nil {
		return nil, err
	}
	var env eventsEnvelope
	q := url.Values{"project_linkname": {p.linkname}}
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.eventsPath, Query: q, Out: &env}); err != nil {
		return nil, err
	}
	events := make([]CustomEvent, len(env.Events))
	for i := range env.Events {
		events[i] = env.Events[i].event()
	}
	return events, nil
}

// checkGoal reports a bad project or an empty goal linkname.
func (p *Project) checkGoal(goalLinkname string) error {
	if err := p.problem(); err != nil {
		return err
	}
	if goalLinkname == "" {
		return transport.Invalid("linkname", "goal linkname must not be empty")
	}
	return nil
}
