package giosgtest

import (
	"net/http"

	"github.com/goalkit/goalkit/internal/fake"
)

// Fault makes the fake misbehave on purpose; pass it to Fake.Inject. It is
// the one Fault type all goalkit fakes share. Selectors (zero: any): Route
// (an operation name or its route: ListGoals "GET /orgs/{org}/goals",
// CreateGoal "POST /orgs/{org}/goals", GetGoal, UpdateGoal (PUT) and
// PatchGoal (PATCH) on "/orgs/{org}/goals/{goal}", CreateExternalMatch
// "POST /orgs/{org}/goals/{goal}/matches"), Method, Page (1-based page of
// ListGoals), Times (hits, 0: all), Probability with Seed (repeatable
// chaos). Effects: Status with Body, ContentType and RetryAfter; Delay
// (hold the request; it is still handled if the client gives up meanwhile,
// as a real server would); Drop (reset the connection); CutBody (half the
// body, then close; reset with Drop); Oversize (a body of n bytes);
// AfterApply (handle first, so the write is applied, then Delay, then
// Status, Drop or CutBody: e.g. a match recorded whose answer is lost; a
// 2xx Status never replaces a refusal). Drop and CutBody need NewServer
// (over Responder they become transport errors); Status faults work over
// both.
type Fault = fake.Fault

// Request is one entry of Fake.Requests: Method, Operation
// ("CreateExternalMatch"), Route, Path, Query, Body, Header (credentials
// redacted), Applied (the fake changed its state) and Faulted.
type Request = fake.Request

// ErrBadFault is matched by every error of Fake.Inject.
var ErrBadFault = fake.ErrBadFault

// operations are the routes a Fault's Route can name, by the *giosg.Org
// method that calls each (AllGoals calls ListGoals page by page).
var operations = []fake.Operation{
	{Name: "ListGoals", Method: http.MethodGet, Pattern: "/orgs/{org}/goals", Paged: true},
	{Name: "CreateGoal", Method: http.MethodPost, Pattern: "/orgs/{org}/goals"},
	{Name: "GetGoal", Method: http.MethodGet, Pattern: "/orgs/{org}/goals/{goal}"},
	{Name: "UpdateGoal", Method: http.MethodPut, Pattern: "/orgs/{org}/goals/{goal}"},
	{Name: "PatchGoal", Method: http.MethodPatch, Pattern: "/orgs/{org}/goals/{goal}"},
	{Name: "CreateExternalMatch", Method: http.MethodPost, Pattern: "/orgs/{org}/goals/{goal}/matches"},
}

func (f *Fake) newKit() *fake.Kit {
	return fake.NewKit(fake.KitConfig{
		Operations: operations,
		Page:       f.pageNumber,
		Schemes:    []string{"Token", "Bearer"},
		Unauthorized: func(w http.ResponseWriter) {
			w.Header().Set("WWW-Authenticate", "Token")
			fake.WriteJSON(w, http.StatusUnauthorized, map[string]string{"detail": "Invalid token."})
		},
	})
}

// pageNumber is the 1-based page a list request's cursor points at.
func (f *Fake) pageNumber(r *http.Request) int {
	offset := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		offset, _ = decodeCursor(c)
	}
	f.mu.Lock()
	size := f.pageSize
	f.mu.Unlock()
	return offset/size + 1
}

// Inject arms a fault; faults are tried in the order injected. A fault
// that selects nothing (an unknown route, a Page on a route without
// pages) or does nothing is an error matching ErrBadFault, and is not
// armed.
func (f *Fake) Inject(flt Fault) error { return f.kit.Inject(flt) }

// ClearFaults removes every injected fault.
func (f *Fake) ClearFaults() { f.kit.ClearFaults() }

// Requests returns the requests that reached the fake, in order.
func (f *Fake) Requests() []Request { return f.kit.Requests() }

// RequireToken makes a request without "Authorization: Token <token>" or
// "Bearer <token>" a 401 {"detail": "Invalid token."}; "" accepts any
// credential again.
func (f *Fake) RequireToken(token string) { f.kit.RequireToken(token) }
