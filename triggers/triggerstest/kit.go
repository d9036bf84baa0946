package triggerstest

import "github.com/goalkit/goalkit/internal/fake"

// Fault makes the fake misbehave on purpose; pass it to Fake.Inject. It is
// the one Fault type all goalkit fakes share. Selectors (zero: any): Route
// (an operation name or its route: List "GET /triggers", Create "POST
// /triggers", Get "GET /triggers/{name}", Update "PUT /triggers/{name}",
// Delete "DELETE /triggers/{name}"), Method, Page (unused: the triggers
// list has no pages), Times (hits, 0: all), Probability with Seed
// (repeatable chaos). Effects: Status with Body, ContentType and
// RetryAfter; Delay (hold the request; it is still handled if the client
// gives up meanwhile, as a real server would); Drop (reset the connection);
// CutBody (half the body, then close; reset with Drop); Oversize (a body of
// n bytes); AfterApply (handle first, so the write is applied, then Delay,
// then Status, Drop or CutBody; a 2xx Status never replaces a refusal).
// Drop and CutBody need NewServer (over Responder they become transport
// errors); Status faults work over both. RELIABILITY.md shows each of its
// rows as one Fault.
type Fault = fake.Fault

// Request is one entry of Fake.Requests: Method, Operation ("Create"),
// Route ("POST /triggers"), Path, Query, Body, Header (credentials
// redacted), Applied (the fake changed its state) and Faulted.
type Request = fake.Request

// ErrBadFault is matched by every error of Fake.Inject.
var ErrBadFault = fake.ErrBadFault

// Inject arms a fault; faults are tried in the order injected. A fault
// that selects nothing (an unknown route, a method no route takes) or does
// nothing is an error matching ErrBadFault, and is not armed.
func (f *Fake) Inject(flt Fault) error { return f.kit.Inject(flt) }

// ClearFaults removes every injected fault.
func (f *Fake) ClearFaults() { f.kit.ClearFaults() }

// Requests returns the requests that reached the fake, in order.
func (f *Fake) Requests() []Request { return f.kit.Requests() }

// RequireToken makes a request without "Authorization: Bearer <token>" a
// 401 with the Zopim error body; "" accepts any credential again.
func (f *Fake) RequireToken(token string) { f.kit.RequireToken(token) }
