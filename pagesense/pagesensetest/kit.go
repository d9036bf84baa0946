package pagesensetest

import (
	"net/http"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
)

// Fault makes the fake misbehave on purpose; pass it to Fake.Inject. It is
// the one Fault type all goalkit fakes share. Selectors (zero: any): Route
// (an operation name or its route: ListGoals "GET" and CreateGoal "POST
// /portal/{portal}/projectgoals/{project}", UpdateGoal "PUT" and DeleteGoal
// "DELETE /portal/{portal}/projectgoals/{goal}", ListCustomEvents "GET" and
// CreateCustomEvent "POST /portal/{portal}/customevents"; GetGoal reads the
// list, so ListGoals selects it too), Method, Page (unused: PageSense lists
// have no pages), Times (hits, 0: all), Probability with Seed (repeatable
// chaos). Effects: Status with Body, ContentType and RetryAfter; Delay
// (hold the request; it is still handled if the client gives up meanwhile,
// as a real server would); Drop (reset the connection); CutBody (half the
// body, then close; reset with Drop); Oversize (a body of n bytes);
// AfterApply (handle first, so the write is applied, then Delay, then
// Status, Drop or CutBody; a 2xx Status never replaces a refusal). Drop and
// CutBody need NewServer (over Responder they become transport errors);
// Status faults work over both.
type Fault = fake.Fault

// Request is one entry of Fake.Requests: Method, Operation ("CreateGoal"),
// Route, Path, Query, Body, Header (credentials redacted), Applied (the
// fake changed its state) and Faulted.
type Request = fake.Request

// ErrBadFault is matched by every error of Fake.Inject.
var ErrBadFault = fake.ErrBadFault

// operations are the routes a Fault's Route can name, by the
// *pagesense.Project method that calls each.
var operations = []fake.Operation{
	{Name: "ListGoals", Method: http.MethodGet, Pattern: "/portal/{portal}/projectgoals/{project}"},
	{Name: "CreateGoal", Method: http.MethodPost, Pattern: "/portal/{portal}/projectgoals/{project}"},
	{Name: "UpdateGoal", Method: http.MethodPut, Pattern: "/portal/{portal}/projectgoals/{goal}"},
	{Name: "DeleteGoal", Method: http.MethodDelete, Pattern: "/portal/{portal}/projectgoals/{goal}"},
	{Name: "ListCustomEvents", Method: http.MethodGet, Pattern: "/portal/{portal}/customevents"},
	{Name: "CreateCustomEvent", Method: http.MethodPost, Pattern: "/portal/{portal}/customevents"},
}

func newKit() *fake.Kit {
	return fake.NewKit(fake.KitConfig{
		Operations: operations,
		Schemes:    []string{pagesense.AuthScheme},
		Unauthorized: func(w http.ResponseWriter) {
			writeError(w, http.StatusUnauthorized, CodeUnauthorized, "Invalid OAuth token")
		},
	})
}

// Inject arms a fault; faults are tried in the order injected. A fault
// that selects nothing (an unknown route, a method no route takes) or does
// nothing is an error matching ErrBadFault, and is not armed.
func (f *Fake) Inject(flt Fault) error { return f.kit.Inject(flt) }

// ClearFaults removes every injected fault.
func (f *Fake) ClearFaults() { f.kit.ClearFaults() }

// Requests returns the requests that reached the fake, in order.
func (f *Fake) Requests() []Request { return f.kit.Requests() }

// RequireToken makes a request without "Authorization: Zoho-oauthtoken
// <token>" a 401 error envelope (CodeUnauthorized); "" accepts any token
// again.
func (f *Fake) RequireToken(token string) { f.kit.RequireToken(token) }
