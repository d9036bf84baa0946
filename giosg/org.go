package giosg

import (
	"context"
	"fmt"
	"iter"
	"net/http"

	"github.com/google/go-querystring/query"

	"github.com/goalkit/goalkit/internal/transport"
)

// Org is the goal API of one organization, /orgs/{orgID} below the base
// URL. It is cheap to create and safe for concurrent use.
type Org struct {
	t  *transport.Client
	id string
	// goals is "/orgs/{id}/goals", escaped once by Client.Org, or idErr
	// says why id cannot be used.
	goals string
	idErr error
}

// GoalsAPI is the set of *Org methods, for code that prefers to mock at
// this level rather than over HTTP (see giosgtest for the HTTP fake).
type GoalsAPI interface {
	ListGoals(ctx context.Context, opts *ListOptions) (*GoalPage, error)
	AllGoals(ctx context.Context, opts *ListOptions) iter.Seq2[Goal, error]
	GetGoal(ctx context.Context, goalID string) (*Goal, error)
	CreateGoal(ctx context.Context, in *GoalInput) (*Goal, error)
	UpdateGoal(ctx context.Context, goalID string, in *GoalInput) (*Goal, error)
	PatchGoal(ctx context.Context, goalID string, p *GoalPatch) (*Goal, error)
	CreateExternalMatch(ctx context.Context, goalID string, m *ExternalMatch) error
}

var _ GoalsAPI = (*Org)(nil)

// ID returns the organization id the Org was made for.
func (o *Org) ID() string {
	if o == nil {
		return ""
	}
	return o.id
}

// ready reports a nil or zero-value Org (or one from a nil Client).
func (o *Org) ready() error {
	if o == nil {
		return ErrNilClient
	}
	return o.t.Usable()
}

// ListGoals fetches one page of goals (by default in creation order). Use
// AllGoals to walk every page, or ListOptions.Cursor with
// GoalPage.NextCursor to page by hand.
func (o *Org) ListGoals(ctx context.Context, opts *ListOptions) (*GoalPage, error) {
	path, err := o.goalsPath()
	if err != nil {
		return nil, err
	}
	if err := transport.ValidUTF8("", opts); err != nil {
		return nil, err
	}
	var page pageJSON
	if err := o.t.Do(ctx, &transport.Call{Method: http.MethodGet, Path: path, Query: opts, Out: &page}); err != nil {
		return nil, err
	}
	return page.page(), nil
}

// AllGoals walks every goal of the organization, following the next links
// until the last page. A page is fetched only when the loop asks for the
// goal after the previous page, and breaking out of the loop fetches
// nothing more. On failure the error is yielded once and the walk ends.
//
// A next link is followed only if it has the client's own scheme and host
// (the credentials would go elsewhere) and has not been fetched before in
// this walk (a loop would never end); links are compared in canonical form
// (resolved, escaping and query order normalized), so respelling a page
// does not escape the check. A walk ends with ErrPageLimit after
// MaxEmptyPages empty pages in a row or MaxPagesPerWalk pages. In each case
// the error is yielded and no request is made. Only one page is held at a
// time.
func (o *Org) AllGoals(ctx context.Context, opts *ListOptions) iter.Seq2[Goal, error] {
	return func(yield func(Goal, error) bool) {
		next, err := o.firstPageURL(opts)
		if err != nil {
			yield(Goal{}, err)
			return
		}
		var page pageJSON
		w := newWalk()
		for next != "" {
			if err := w.visit(next); err != nil {
				yield(Goal{}, err)
				return
			}
			page.reset()
			if err := o.t.Do(ctx, &transport.Call{Method: http.MethodGet, URL: next, Out: &page}); err != nil {
				yield(Goal{}, err)
				return
			}
			for i := range page.Results {
				if !yield(page.Results[i].goal(), nil) {
					return
				}
			}
			if err := w.counted(len(page.Results)); err != nil {
				yield(Goal{}, err)
				return
			}
			if page.Next == "" {
				return
			}
			u, ok := resolve(page.Next)
			if !ok || !o.t.SameOrigin(u) {
				yield(Goal{}, fmt.Errorf("%w: refusing %q", ErrForeignLink, transport.RedactURL(u)))
				return
			}
			next = u.String()
		}
	}
}

// GetGoal fetches one goal.
func (o *Org) GetGoal(ctx context.Context, goalID string) (*Goal, error) {
	return o.goalCall(ctx, http.MethodGet, goalID, nil)
}

// CreateGoal creates a goal (POST, answered with 201). The input is
// validated first: a non-empty name, and at least one allowed room unless
// AllowAnyRoom. A POST is never retried after a 5xx or a dropped
// connection, so a goal is never created twice.
func (o *Org) CreateGoal(ctx context.Context, in *GoalInput) (*Goal, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	return o.goalCall(ctx, http.MethodPost, "", in)
}

// UpdateGoal replaces a goal's editable fields (PUT), with the same rules
// as CreateGoal. A DefaultValue left nil is not sent.
//
// giosg documents only name, allow_any_room, allowed_rooms and conditions
// as updatable: the server may ignore default_value. When the returned goal
// does not carry the DefaultValue sent, its DefaultValueNotApplied holds
// the value sent (not an error: the other fields were applied).
func (o *Org) UpdateGoal(ctx context.Context, goalID string, in *GoalInput) (*Goal, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	if goalID == "" {
		return nil, transport.Invalid("goal_id", "must not be empty")
	}
	g, err := o.goalCall(ctx, http.MethodPut, goalID, in)
	if err != nil {
		return nil, err
	}
	g.noteDefaultValue(in.DefaultValue)
	return g, nil
}

// noteDefaultValue sets DefaultValueNotApplied when sent is not the
// goal's default value.
func (g *Goal) noteDefaultValue(sent *Decimal) {
	if sent != nil && (g.DefaultValue == nil || !g.DefaultValue.Equal(*sent)) {
		v := *sent
		g.DefaultValueNotApplied = &v
	}
}

// PatchGoal changes only the fields set in p (PATCH).
//
// giosg documents only name, allow_any_room, allowed_rooms and conditions
// as updatable: the server may ignore default_value. PatchGoal compares the
// returned default_value with p.DefaultValue; on a mismatch the returned
// goal's DefaultValueNotApplied holds the value sent (not an error: the
// other fields were applied).
func (o *Org) PatchGoal(ctx context.Context, goalID string, p *GoalPatch) (*Goal, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	if goalID == "" {
		return nil, transport.Invalid("goal_id", "must not be empty")
	}
	g, err := o.goalCall(ctx, http.MethodPatch, goalID, p)
	if err != nil {
		return nil, err
	}
	g.noteDefaultValue(p.DefaultValue)
	return g, nil
}

// CreateExternalMatch records an offline goal match (POST
// .../goals/{goalID}/matches). The visitor identity, the time and at least
// one room are required. The POST is never retried after a 5xx or a
// dropped connection (one conversion must not be counted twice); a 429 is
// retried, since the server did not act. A 404 has three causes (goal,
// visitor session, rooms): APIError.Message keeps the server's words.
func (o *Org) CreateExternalMatch(ctx context.Context, goalID string, m *ExternalMatch) error {
	if err := m.validate(); err != nil {
		return err
	}
	path, err := o.goalPath(goalID, "matches")
	if err != nil {
		return err
	}
	return o.t.Do(ctx, &transport.Call{Method: http.MethodPost, Path: path, Body: m})
}

// goalCall sends a call on /goals (goalID "") or /goals/{goalID} and
// decodes the goal it answers with.
func (o *Org) goalCall(ctx context.Context, method, goalID string, body any) (*Goal, error) {
	var (
		path string
		err  error
	)
	if method == http.MethodPost {
		path, err = o.goalsPath()
	} else {
		path, err = o.goalPath(goalID, "")
	}
	if err != nil {
		return nil, err
	}
	var w goalJSON
	if err := o.t.Do(ctx, &transport.Call{Method: method, Path: path, Body: body, Out: &w}); err != nil {
		return nil, err
	}
	if w.ID == "" {
		return nil, transport.NoID(method, "goal")
	}
	g := w.goal()
	return &g, nil
}

func (o *Org) goalsPath() (string, error) {
	if err := o.ready(); err != nil {
		return "", err
	}
	return o.goals, o.idErr // an Org that passes ready was made by Client.Org
}

// goalsPrefix checks an organization id and builds its goals path.
func goalsPrefix(orgID string) (string, error) {
	if orgID == "" {
		return "", transport.Invalid("organization_id", "must not be empty")
	}
	if err := transport.ValidString("organization_id", orgID); err != nil {
		return "", err
	}
	return transport.Path("orgs", orgID, "goals")
}

// goalPath is the path of one goal, or of its sub-resource sub ("" for
// none).
func (o *Org) goalPath(goalID, sub string) (string, error) {
	prefix, err := o.goalsPath()
	if err != nil {
		return "", err
	}
	if goalID == "" {
		return "", transport.Invalid("goal_id", "must not be empty")
	}
	if err := transport.ValidString("goal_id", goalID); err != nil {
		return "", err
	}
	var p string
	if sub == "" {
		p, err = transport.Path(goalID)
	} else {
		p, err = transport.Path(goalID, sub)
	}
	return prefix + p, err
}

// firstPageURL is the absolute URL of the first page, so that it takes
// part in the loop check like every next link.
func (o *Org) firstPageURL(opts *ListOptions) (string, error) {
	path, err := o.goalsPath()
	if err != nil {
		return "", err
	}
	if err := transport.ValidUTF8("", opts); err != nil {
		return "", err
	}
	u := o.t.BaseURL().String() + path
	v, err := query.Values(opts)
	if err != nil {
		return "", fmt.Errorf("giosg: encoding query: %w", err)
	}
	if qs := v.Encode(); qs != "" {
		u += "?" + qs
	}
	return u, nil
}
