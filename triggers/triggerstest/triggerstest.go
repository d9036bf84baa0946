// Package triggerstest is an in-memory fake of the Zendesk Chat triggers
// API, for testing code that uses package triggers without the network.
//
//	srv := triggerstest.NewServer()
//	defer srv.Close()
//	client, _ := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("any"))
//
// The fake behaves like the vendor as documented: ids are assigned from 1;
// triggers are addressed by name (one escaped path segment); a PUT that
// sets "name" renames the trigger; unknown names answer 404; a body that
// is not a JSON object, has an undecodable field, carries "id", or lacks a
// name on create answers 400 with the Zopim error body. Definitions are
// stored as sent, unknown keys included. A PUT with a definition answers
// 400 (DefinitionNotEditable): Zendesk's "Definitions are not editable in
// Update Trigger"; a definition changes by DELETE then POST, as
// triggers.Client.Replace does. Responses encode "enabled" as 1/0.
//
// Choices where the docs are silent: names are unique (creating or
// renaming onto a taken name answers 400 "Trigger name already exists");
// a trigger created without "enabled" is enabled; the Authorization header
// is not checked unless RequireToken is set.
//
// The test kit: Inject makes the fake fail on purpose, Requests logs what
// reached it (credentials redacted), Seed and LoadJSON load triggers,
// RequireToken checks the Bearer token, and Contract runs goalkit's
// behavioural suite against any triggers.API.
//
// Known divergences from the real API: unique names and the 400 for a
// taken one are the fake's choice (unverified); the real API answers
// "enabled" as true/false, the fake as 1/0 like the docs; the fake's 400
// messages are its own; Basic auth is never checked.
package triggerstest

import (
	"cmp"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/internal/zopim/zopimfake"
	"github.com/goalkit/goalkit/triggers"
)

// DuplicateDescription is the fake's description for a name already taken.
const DuplicateDescription = "Trigger name already exists"

// DefinitionNotEditable is the fake's description for a PUT that carries a
// definition (Zendesk's wording in its triggers reference; the real error
// body is undocumented).
const DefinitionNotEditable = "Definitions are not editable in Update Trigger"

// Fake is the fake's state. It is safe for concurrent use.
type Fake struct {
	mu     sync.Mutex
	ids    fake.Counter
	byName map[string]triggers.Trigger
	router *zopimfake.Resource
	kit    *fake.Kit
}

// New returns an empty fake account.
func New() *Fake {
	f := &Fake{byName: map[string]triggers.Trigger{}}
	f.kit = zopimfake.NewKit("triggers", "name")
	f.router = &zopimfake.Resource{
		Name: "triggers", List: f.list, Create: f.create,
		Get: f.get, Update: f.update, Delete: f.delete,
	}
	return f
}

// NewServer starts a fresh fake on a loopback httptest server; pass its URL
// to triggers.WithBaseURL. The caller closes it.
func NewServer() *httptest.Server { return NewServerWith(New()) }

// NewServerWith serves f, e.g. to inspect its state with f.Triggers.
func NewServerWith(f *Fake) *httptest.Server { return fake.NewServer(f) }

// Responder serves the fake behind an httpmock.MockTransport, under any
// host and base path.
func (f *Fake) Responder() httpmock.Responder { return fake.Responder(f) }

// ServeHTTP routes /triggers and /triggers/{name} under any base prefix.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.kit.ServeHTTP(w, r, f.router)
}

// Triggers returns a deep copy of the stored triggers, by id.
func (f *Fake) Triggers() []triggers.Trigger {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]triggers.Trigger, 0, len(f.byName))
	for _, t := range f.byName {
		t.Definition = t.Definition.Clone()
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b triggers.Trigger) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func (f *Fake) list(w http.ResponseWriter, _ *http.Request) {
	fake.WriteJSON(w, http.StatusOK, f.Triggers())
}

func (f *Fake) get(w http.ResponseWriter, _ *http.Request, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.find(w, name)
	if !ok {
		return
	}
	fake.WriteJSON(w, http.StatusOK, t)
}

func (f *Fake) create(w http.ResponseWriter, r *http.Request) {
	p, ok := zopimfake.ReadValid[triggers.TriggerParams](w, r)
	if !ok {
		return
	}
	if p.Name == nil {
		zopimfake.BadRequest(w, "name: is required to create a trigger")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, taken := f.byName[*p.Name]; taken {
		zopimfake.BadRequest(w, DuplicateDescription)
		return
	}
	t := triggers.Trigger{Enabled: true} // omitted "enabled" means enabled
	apply(&t, p)
	t.ID = f.ids.Next()
	f.byName[t.Name] = t
	fake.WriteJSON(w, http.StatusCreated, t)
}

func (f *Fake) update(w http.ResponseWriter, r *http.Request, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	t, ok := f.find(w, name)
	if !ok {
		return
	}
	p, ok := zopimfake.ReadValid[triggers.TriggerParams](w, r)
	if !ok {
		return
	}
	if p.Definition != nil {
		zopimfake.BadRequest(w, DefinitionNotEditable)
		return
	}
	if p.Name != nil && *p.Name != name {
		if _, taken := f.byName[*p.Name]; taken {
			zopimfake.BadRequest(w, DuplicateDescription)
			return
		}
	}
	apply(&t, p)
	delete(f.byName, name)
	f.byName[t.Name] = t
	fake.WriteJSON(w, http.StatusOK, t)
}

func (f *Fake) delete(w http.ResponseWriter, _ *http.Request, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.find(w, name); !ok {
		return
	}
	delete(f.byName, name)
	w.WriteHeader(http.StatusNoContent)
}

// find returns the trigger named name, or answers 404 (false); the caller
// holds f.mu.
func (f *Fake) find(w http.ResponseWriter, name string) (triggers.Trigger, bool) {
	t, ok := f.byName[name]
	if !ok {
		zopimfake.NotFound(w)
	}
	return t, ok
}

// apply copies the set fields of p onto t.
func apply(t *triggers.Trigger, p *triggers.TriggerParams) {
	if p.Name != nil {
		t.Name = *p.Name
	}
	if p.Description != nil {
		t.Description = *p.Description
	}
	if p.Enabled != nil {
		t.Enabled = *p.Enabled
	}
	if p.Definition != nil {
		t.Definition = p.Definition.Clone()
	}
}
