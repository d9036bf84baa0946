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
	UpdateGoal(ctx context.Context, goalLinkname string, p *GoalPatch) (*Goal, error)
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

// CreateGoal creates a goal in the project:
// POST /portal/{portal}/projectgoals/{project} with {"projectgoal": {...}}.
// The input is validated first (see GoalInput.Validate); nothing is sent if
// it is refused. A created goal whose item in the answer says
// success: false is an *APIError. Fields the answer leaves out (display
// name, type, URLs, threshold) are filled from the input; what the answer
// says is kept.
func (p *Project) CreateGoal(ctx context.Context, in *GoalInput) (*Goal, error) {
	if err := p.ready(); err != nil {
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
	if !ok || w.GoalID == "" && w.Linkname == "" {
		return nil, transport.NoID(http.MethodPost, "goal")
	}
	g := w.goal()
	in.fill(&g)
	if g.ProjectLinkname == "" {
		g.ProjectLinkname = p.linkname
	}
	return &g, nil
}

// UpdateGoal changes the set fields of a goal:
// PUT /portal/{portal}/projectgoals/{goal linkname} with
// {"projectgoal": {...the set fields..., "project_linkname": ...}} (scope
// PageSense.goals.UPDATE). The patch is validated first (an empty one is a
// *ValidationError) and nothing is sent if it is refused. An item in the
// answer that says success: false is an *APIError.
//
// The path segment is the goal's linkname, as on the official delete page;
// a third-party summary of the update page labels it the project linkname
// (see the package documentation). The returned goal is what the answer
// says, completed with the patch and the goal's linkname; fields neither
// names are zero: GetGoal reads the whole goal.
func (p *Project) UpdateGoal(ctx context.Context, goalLinkname string, patch *GoalPatch) (*Goal, error) {
	if err := p.checkGoal(goalLinkname); err != nil {
		return nil, err
	}
	if err := patch.Validate(); err != nil {
		return nil, err
	}
	path, err := p.goalPath(goalLinkname)
	if err != nil {
		return nil, err
	}
	var env goalEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodPut, Path: path, Body: patch.body(p.linkname), Out: &env, Decode: env.decode, AllowEmpty: true}); err != nil {
		return nil, err
	}
	var g Goal
	if w, ok := created(env.Goal, env.Goals); ok {
		g = w.goal()
	}
	patch.fill(&g)
	if g.Linkname == "" {
		g.Linkname = goalLinkname
	}
	if g.ProjectLinkname == "" {
		g.ProjectLinkname = p.linkname
	}
	return &g, nil
}

// ListGoals returns the project's goals:
// GET /portal/{portal}/projectgoals/{project}. The answer is decoded in one
// pass; projectgoals may be an array or an object ({} is no goals, a goal
// object is one).
func (p *Project) ListGoals(ctx context.Context) ([]Goal, error) {
	if err := p.ready(); err != nil {
		return nil, err
	}
	var env goalsEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.goalsPath, Out: &env, Decode: env.decode}); err != nil {
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
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.goalsPath, Out: &env, Decode: env.decode}); err != nil {
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
// goal, not the project: goal linknames are unique in a portal. The answer
// lists the deleted goals; one whose item says success: false is an
// *APIError.
func (p *Project) DeleteGoal(ctx context.Context, goalLinkname string) error {
	if err := p.checkGoal(goalLinkname); err != nil {
		return err
	}
	path, err := p.goalPath(goalLinkname)
	if err != nil {
		return err
	}
	// The envelope is decoded so a non-10000 status at HTTP 200 is an error;
	// an empty 200 or a 204 is success.
	var env goalsEnvelope
	return p.c.Do(ctx, &transport.Call{Method: http.MethodDelete, Path: path, Out: &env, Decode: env.decode, AllowEmpty: true})
}

// goalPath is /portal/{portal}/projectgoals/{goal linkname}, the path of
// DeleteGoal and UpdateGoal. The delete page documents the goal's linkname
// there; that the update page means the same is this package's reading.
func (p *Project) goalPath(goalLinkname string) (string, error) {
	return transport.Path("portal", p.portal, "projectgoals", goalLinkname)
}

// CreateCustomEvent creates a custom event in the project:
// POST /portal/{portal}/customevents with
// {"customevent": {"event_name", "project_linkname"}}. The official answer
// carries only event_id, linkname and success: Name and ProjectLinkname are
// filled from the request when the answer leaves them out. An item that
// says success: false is an *APIError.
func (p *Project) CreateCustomEvent(ctx context.Context, name string) (*CustomEvent, error) {
	if err := p.ready(); err != nil {
		return nil, err
	}
	if strings.TrimSpace(name) == "" {
		return nil, transport.Invalid("event_name", "must not be empty")
	}
	if err := transport.ValidString("event_name", name); err != nil {
		return nil, err
	}
	body := &eventRequest{Event: eventBody{Name: name, ProjectLinkname: p.linkname}}
	var env eventEnvelope
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodPost, Path: p.eventsPath, Body: body, Out: &env, Decode: env.decode}); err != nil {
		return nil, err
	}
	w, ok := created(env.Event, env.Events)
	if !ok || w.EventID == "" && w.Linkname == "" {
		return nil, transport.NoID(http.MethodPost, "custom event")
	}
	e := w.event()
	if e.Name == "" {
		e.Name = name
	}
	if e.ProjectLinkname == "" {
		e.ProjectLinkname = p.linkname
	}
	return &e, nil
}

// ListCustomEvents returns the project's custom events:
// GET /portal/{portal}/customevents?project_linkname={project}.
func (p *Project) ListCustomEvents(ctx context.Context) ([]CustomEvent, error) {
	if err := p.ready(); err != nil {
		return nil, err
	}
	var env eventsEnvelope
	q := url.Values{"project_linkname": {p.linkname}}
	if err := p.c.Do(ctx, &transport.Call{Method: http.MethodGet, Path: p.eventsPath, Query: q, Out: &env, Decode: env.decode}); err != nil {
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
	if err := p.ready(); err != nil {
		return err
	}
	if goalLinkname == "" {
		return transport.Invalid("linkname", "goal linkname must not be empty")
	}
	return transport.ValidString("linkname", goalLinkname)
}

// ready reports a nil or zero-value Project (or one from a nil Client) as
// ErrNilClient, else the error of a bad portal or project name.
func (p *Project) ready() error {
	if p == nil {
		return ErrNilClient
	}
	if err := p.c.Usable(); err != nil {
		return err
	}
	return p.err
}
