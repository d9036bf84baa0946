// Package goalstest is an in-memory fake of the Zendesk Chat goals API, for
// testing code that uses package goals without the network.
//
//	srv := goalstest.NewServer()
//	defer srv.Close()
//	client, _ := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("any"))
//
// The fake behaves like the vendor as documented: ids are assigned from 1;
// an account holds at most goals.MaxActiveGoals enabled goals, and a create
// or update that would enable one more answers 400 {"error": "Bad
// Request", "description": "Goals limit exceeded"} (disabling or deleting
// a goal frees a slot); unknown or non-numeric ids answer 404; bodies that
// break the documented rules (see goals.GoalParams.Validate), a create
// without a name, malformed JSON, or an "id" in the body answer 400 with
// the Zopim error body. Responses encode "enabled" as 1/0, like the docs.
//
// Choices where the docs are silent: a goal created without "enabled" is
// enabled (so it counts toward the limit); other omitted fields keep their
// zero values; the Authorization header is not checked unless RequireToken
// is set.
//
// The test kit: Inject makes the fake fail on purpose (statuses with
// Retry-After, delays, dropped connections, bodies cut short, a write
// applied whose answer is lost), Requests logs what reached it
// (credentials redacted), Seed and LoadJSON load goals, RequireToken
// checks the Bearer token, and Contract runs goalkit's behavioural suite
// against any goals.API.
//
// Known divergences from the real API (found or suspected; Contract run
// with real credentials is how to find more): the real API answers
// "enabled" as true/false, the fake as 1/0 like the docs; the limit's
// description and the 400 messages for bad bodies are the fake's own (the
// real wording is unrecorded); Basic auth is never checked.
package goalstest

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/internal/zopim/zopimfake"
)

// LimitDescription is the fake's description for the active-goal limit.
const LimitDescription = "Goals limit exceeded"

// Fake is the fake's state. It is safe for concurrent use.
type Fake struct {
	mu     sync.Mutex
	ids    fake.Counter
	goals  map[int64]goals.Goal
	router *zopimfake.Resource
	kit    *fake.Kit
}

// New returns an empty fake account.
func New() *Fake {
	f := &Fake{goals: map[int64]goals.Goal{}}
	f.kit = zopimfake.NewKit("goals", "id")
	f.router = &zopimfake.Resource{
		Name: "goals", List: f.list, Create: f.create,
		Get: f.get, Update: f.update, Delete: f.delete,
	}
	return f
}

// NewServer starts a fresh fake on a loopback httptest server; pass its URL
// to goals.WithBaseURL. The caller closes it.
func NewServer() *httptest.Server { return NewServerWith(New()) }

// NewServerWith serves f, e.g. to inspect its state with f.Goals.
func NewServerWith(f *Fake) *httptest.Server { return fake.NewServer(f) }

// Responder serves the fake behind an httpmock.MockTransport, under any
// host and base path.
func (f *Fake) Responder() httpmock.Responder { return fake.Responder(f) }

// ServeHTTP routes /goals and /goals/{id} under any base prefix.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.kit.ServeHTTP(w, r, f.router)
}

// Goals returns a copy of the stored goals, by id.
func (f *Fake) Goals() []goals.Goal {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]goals.Goal, 0, len(f.goals))
	for _, id := range f.sortedIDs() {
		out = append(out, clone(f.goals[id]))
	}
	return out
}

func (f *Fake) list(w http.ResponseWriter, _ *http.Request) {
	fake.WriteJSON(w, http.StatusOK, f.Goals())
}

func (f *Fake) get(w http.ResponseWriter, _ *http.Request, key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.find(w, key)
	if !ok {
		return
	}
	fake.WriteJSON(w, http.StatusOK, g)
}

func (f *Fake) create(w http.ResponseWriter, r *http.Request) {
	p, ok := zopimfake.ReadValid[goals.GoalParams](w, r)
	if !ok {
		return
	}
	if p.Name == nil {
		zopimfake.BadRequest(w, "name: is required to create a goal")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g := goals.Goal{Enabled: true} // omitted "enabled" means enabled
	apply(&g, p)
	if g.Enabled && f.active(0) >= goals.MaxActiveGoals {
		zopimfake.BadRequest(w, LimitDescription)
		return
	}
	g.ID = f.ids.Next()
	f.goals[g.ID] = g
	fake.WriteJSON(w, http.StatusCreated, g)
}

func (f *Fake) update(w http.ResponseWriter, r *http.Request, key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.find(w, key)
	if !ok {
		return
	}
	p, ok := zopimfake.ReadValid[goals.GoalParams](w, r)
	if !ok {
		return
	}
	wasEnabled := g.Enabled
	apply(&g, p)
	if g.Enabled && !wasEnabled && f.active(g.ID) >= goals.MaxActiveGoals {
		zopimfake.BadRequest(w, LimitDescription)
		return
	}
	f.goals[g.ID] = g
	fake.WriteJSON(w, http.StatusOK, g)
}

func (f *Fake) delete(w http.ResponseWriter, _ *http.Request, key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.find(w, key)
	if !ok {
		return
	}
	delete(f.goals, g.ID)
	w.WriteHeader(http.StatusNoContent)
}

// find returns the goal its path key names, or answers 404 (false); the
// caller holds f.mu. A key that is not a positive integer is unknown, as
// on the real API.
func (f *Fake) find(w http.ResponseWriter, key string) (goals.Goal, bool) {
	id, err := strconv.ParseInt(key, 10, 64)
	g, ok := f.goals[id]
	if err != nil || !ok {
		zopimfake.NotFound(w)
		return goals.Goal{}, false
	}
	return g, true
}

// active counts the enabled goals other than except; the caller holds f.mu.
func (f *Fake) active(except int64) int {
	n := 0
	for id, g := range f.goals {
		if g.Enabled && id != except {
			n++
		}
	}
	return n
}

func (f *Fake) sortedIDs() []int64 {
	ids := make([]int64, 0, len(f.goals))
	for id := range f.goals {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// apply copies the set fields of p onto g.
func apply(g *goals.Goal, p *goals.GoalParams) {
	if p.Name != nil {
		g.Name = *p.Name
	}
	if p.Description != nil {
		g.Description = *p.Description
	}
	if p.Enabled != nil {
		g.Enabled = *p.Enabled
	}
	if p.AttributionModel != nil {
		g.AttributionModel = *p.AttributionModel
	}
	if p.AttributionPeriod != nil {
		g.AttributionPeriod = *p.AttributionPeriod
	}
	if p.Settings != nil {
		g.Settings.Conditions = slices.Clone(p.Settings.Conditions)
	}
}

// clone copies g so callers cannot change the fake's state.
func clone(g goals.Goal) goals.Goal {
	g.Settings.Conditions = slices.Clone(g.Settings.Conditions)
	return g
}
