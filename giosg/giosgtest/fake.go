// Package giosgtest is an in-memory fake of the giosg v5 Goals and External
// Goal Match API, for testing code that uses package giosg without the
// network.
//
// The fake behaves like the vendor as far as the docs and notes tell:
// goals get random UUIDs (v4) and creation/update times, lists come in
// creation order in cursor pages of PageSize goals with full next and
// previous URLs on the request's own host, PUT replaces and PATCH merges,
// invalid input is a Django REST Framework style 400 ({"name": ["This field
// is required."]}), unknown goals and cursors are 404 {"detail": ...}, and
// matches are recorded for inspection with Matches.
//
// Serve it with NewServer (httptest) and giosg.WithBaseURL(srv.URL), or
// mount Responder on an httpmock.MockTransport. Routes work under any base
// prefix: .../orgs/{org}/goals[/{goal}[/matches]]. A test of code that
// records a conversion:
//
//	f := giosgtest.New()
//	srv := giosgtest.NewServerWith(f)
//	defer srv.Close()
//	client, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("any"))
//	if err != nil {
//		t.Fatal(err)
//	}
//	org := client.Org("org-1")
//	goal, err := org.CreateGoal(ctx, &giosg.GoalInput{Name: "Purchase", AllowAnyRoom: true})
//	if err != nil {
//		t.Fatal(err)
//	}
//	recordSale(ctx, org, goal.ID) // the code under test calls CreateExternalMatch
//	if got := f.Matches(goal.ID); len(got) != 1 {
//		t.Errorf("recorded %d matches, want 1", len(got))
//	}
//
// The test kit: Inject makes the fake fail on purpose (also on one page
// of the goals list, or after a match was recorded), Requests logs what
// reached it (credentials redacted), Seed and LoadJSON load goals (a
// recorded list page loads as it is), RequireToken checks the Token or
// Bearer credential, and Contract runs goalkit's behavioural suite
// against any giosg.GoalsAPI.
//
// Known divergences from the real API: error bodies are Django REST
// Framework's shapes, assumed (giosg does not document them); pages hold
// DefaultPageSize goals, real ones more and not a fixed number; a match
// is accepted for any visitor unless AddVisitorIdentity was called (the
// real API needs a live visitor session); the fake applies default_value
// on PUT and PATCH, which giosg may ignore; neither has a DELETE for
// goals.
package giosgtest

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/fake"
)

// DefaultPageSize is the number of goals per list page of a new Fake. It
// is small so that tests cross page boundaries with few goals.
const DefaultPageSize = 3

// UserID is the id of the user the fake records as creator and updater of
// every goal.
const UserID = "00000000-0000-4000-8000-000000000001"

// OrganizationName is the name the fake gives every organization.
const OrganizationName = "Fake organization"

// Fake is a stateful in-memory giosg API. The zero value is not usable:
// call New. It is safe for concurrent use.
type Fake struct {
	mu       sync.Mutex
	pageSize int
	goals    map[string]*goal // by id, every organization
	order    []*goal          // creation order
	matches  map[string][]giosg.ExternalMatch
	visitors map[string][]string // identity -> session rooms (nil: any)
	now      func() time.Time
	kit      *fake.Kit
}

// New returns an empty fake with DefaultPageSize.
func New() *Fake {
	f := &Fake{
		pageSize: DefaultPageSize,
		goals:    map[string]*goal{},
		matches:  map[string][]giosg.ExternalMatch{},
		visitors: map[string][]string{},
		now:      time.Now,
	}
	f.kit = f.newKit()
	return f
}

// NewServer starts a fresh fake behind httptest; close it when done.
func NewServer() *httptest.Server { return NewServerWith(New()) }

// NewServerWith starts f behind httptest, for tests that also inspect or
// seed f; close the server when done.
func NewServerWith(f *Fake) *httptest.Server { return fake.NewServer(f) }

// Responder serves the fake behind an httpmock.MockTransport, e.g.
// mt.RegisterNoResponder(f.Responder()).
func (f *Fake) Responder() httpmock.Responder { return fake.Responder(f) }

// SetPageSize sets how many goals a list page holds (at least 1).
func (f *Fake) SetPageSize(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pageSize = max(n, 1)
}

// SetClock replaces time.Now for created_at, updated_at and nothing else.
func (f *Fake) SetClock(now func() time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = now
}

// AddVisitorIdentity registers a visitor identity, as the Visitor
// Identifier API would while the visitor browses, with the rooms of its
// session (none: any room). Once any identity is registered, a match for
// an unknown identity is 404 (no session), and one whose rooms miss the
// session's rooms is 404 (no connected rooms). Without registrations every
// identity is accepted.
func (f *Fake) AddVisitorIdentity(identity string, rooms ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.visitors[identity] = slices.Clone(rooms)
}

// Matches returns the matches recorded for a goal, oldest first. A match
// sent without goal_value carries the goal's default value, as giosg
// records it.
func (f *Fake) Matches(goalID string) []giosg.ExternalMatch {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]giosg.ExternalMatch, len(f.matches[goalID]))
	for i, m := range f.matches[goalID] {
		m.Rooms = slices.Clone(m.Rooms)
		out[i] = m
	}
	return out
}

// AddGoal creates a goal directly, with the validation of the POST
// endpoint, and returns it as the API would.
func (f *Fake) AddGoal(orgID string, in giosg.GoalInput) (giosg.Goal, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return giosg.Goal{}, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return giosg.Goal{}, err
	}
	f.mu.Lock()
	g, errs := f.create(orgID, raw)
	f.mu.Unlock()
	if errs != nil {
		return giosg.Goal{}, errs
	}
	return g.public(), nil
}

// Goals returns the organization's goals in creation order.
func (f *Fake) Goals(orgID string) []giosg.Goal {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []giosg.Goal
	for _, g := range f.order {
		if g.OrgID == orgID {
			out = append(out, g.public())
		}
	}
	return out
}

// ServeHTTP routes .../orgs/{org}/goals[/{goal}[/matches]] under any
// prefix.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.kit.ServeHTTP(w, r, http.HandlerFunc(f.serve))
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	seg, ok := fake.Segments(r, "orgs")
	if !ok || len(seg) < 2 || seg[1] != "goals" || seg[0] == "" {
		notFound(w, "Not found.")
		return
	}
	org := seg[0]
	switch {
	case len(seg) == 2:
		f.serveGoals(w, r, org)
	case len(seg) == 3:
		f.serveGoal(w, r, org, seg[2])
	case len(seg) == 4 && seg[3] == "matches":
		f.serveMatches(w, r, org, seg[2])
	default:
		notFound(w, "Not found.")
	}
}

func (f *Fake) serveGoals(w http.ResponseWriter, r *http.Request, org string) {
	switch r.Method {
	case http.MethodGet:
		f.list(w, r, org)
	case http.MethodPost:
		raw, ok := readObject(w, r)
		if !ok {
			return
		}
		f.mu.Lock()
		g, errs := f.create(org, raw)
		var out goalOut
		if errs == nil {
			out = g.out()
		}
		f.mu.Unlock()
		if errs != nil {
			fake.WriteJSON(w, http.StatusBadRequest, errs)
			return
		}
		fake.WriteJSON(w, http.StatusCreated, out)
	default:
		methodNotAllowed(w, r, "GET, POST")
	}
}

func (f *Fake) serveGoal(w http.ResponseWriter, r *http.Request, org, id string) {
	switch r.Method {
	case http.MethodGet, http.MethodPut, http.MethodPatch:
	default:
		methodNotAllowed(w, r, "GET, PUT, PATCH")
		return
	}
	var raw map[string]json.RawMessage
	if r.Method != http.MethodGet {
		var ok bool
		if raw, ok = readObject(w, r); !ok {
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g := f.find(org, id)
	if g == nil {
		notFound(w, "Not found.")
		return
	}
	if r.Method != http.MethodGet {
		next := *g
		if errs := next.apply(raw, r.Method == http.MethodPatch); errs != nil {
			fake.WriteJSON(w, http.StatusBadRequest, errs)
			return
		}
		next.UpdatedAt = f.stamp()
		*g = next
	}
	fake.WriteJSON(w, http.StatusOK, g.out())
}

// create validates a POST body and stores the goal. Call with f.mu held.
func (f *Fake) create(org string, raw map[string]json.RawMessage) (*goal, errorBody) {
	g := &goal{OrgID: org}
	if errs := g.apply(raw, false); errs != nil {
		return nil, errs
	}
	g.ID = newUUID()
	g.CreatedAt = f.stamp()
	g.UpdatedAt = g.CreatedAt
	f.goals[g.ID] = g
	f.order = append(f.order, g)
	return g, nil
}

// find returns the organization's goal, or nil. Call with f.mu held.
func (f *Fake) find(org, id string) *goal {
	if g := f.goals[id]; g != nil && g.OrgID == org {
		return g
	}
	return nil
}

// stamp is the current time as the API shows it: UTC, milliseconds.
func (f *Fake) stamp() time.Time { return f.now().UTC().Truncate(time.Millisecond) }

// list writes one cursor page. The cursor is an opaque base64 offset; the
// links keep the request's scheme, host, path and other parameters.
func (f *Fake) list(w http.ResponseWriter, r *http.Request, org string) {
	q := r.URL.Query()
	offset := 0
	if c := q.Get("cursor"); c != "" {
		var ok bool
		if offset, ok = decodeCursor(c); !ok {
			notFound(w, "Invalid cursor")
			return
		}
	}
	f.mu.Lock()
	var goals []*goal
	for _, g := range f.order {
		if g.OrgID == org {
			goals = append(goals, g)
		}
	}
	sortGoals(goals, q.Get("ordering"))
	size := f.pageSize
	end := min(offset+size, len(goals))
	results := make([]goalOut, 0, max(end-offset, 0))
	for _, g := range goals[min(offset, len(goals)):end] {
		results = append(results, g.out())
	}
	f.mu.Unlock()
	page := pageOut{Results: results}
	if end < len(goals) {
		page.Next = pageURL(r, end)
	}
	if offset > 0 {
		page.Previous = pageURL(r, max(offset-size, 0))
	}
	fake.WriteJSON(w, http.StatusOK, page)
}

// sortGoals applies an ordering parameter ("name,-created_at"); unknown
// fields are ignored, as Django REST Framework does. Ties keep creation
// order.
func sortGoals(goals []*goal, ordering string) {
	if ordering == "" {
		return
	}
	keys := strings.Split(ordering, ",")
	slices.SortStableFunc(goals, func(a, b *goal) int {
		for _, k := range keys {
			desc := strings.HasPrefix(k, "-")
			var c int
			switch strings.TrimPrefix(k, "-") {
			case "name":
				c = strings.Compare(a.Name, b.Name)
			case "created_at":
				c = a.CreatedAt.Compare(b.CreatedAt)
			case "updated_at":
				c = a.UpdatedAt.Compare(b.UpdatedAt)
			case "id":
				c = strings.Compare(a.ID, b.ID)
			}
			if desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}

// pageURL is the request's own URL with the cursor for offset; offset 0 is
// the first page, without a cursor. httpmock requests carry scheme and host
// in r.URL; server requests have them in r.TLS and r.Host.
func pageURL(r *http.Request, offset int) string {
	u := *r.URL
	if u.Scheme == "" {
		u.Scheme = "http"
		if r.TLS != nil {
			u.Scheme = "https"
		}
	}
	if u.Host == "" {
		u.Host = r.Host
	}
	q := u.Query()
	q.Del("cursor")
	if offset > 0 {
		q.Set("cursor", encodeCursor(offset))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o=" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "o=") {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[2:]))
	return n, err == nil && n >= 0
}

func (f *Fake) serveMatches(w http.ResponseWriter, r *http.Request, org, id string) {
	if r.Method != http.MethodPost {
		methodNotAllowed(w, r, "POST")
		return
	}
	raw, ok := readObject(w, r)
	if !ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	g := f.find(org, id)
	if g == nil {
		notFound(w, "Goal not found.")
		return
	}
	m, errs := parseMatch(raw)
	if errs != nil {
		fake.WriteJSON(w, http.StatusBadRequest, errs)
		return
	}
	if msg := f.checkSession(m); msg != "" {
		notFound(w, msg)
		return
	}
	if m.GoalValue == nil && g.DefaultValue != nil {
		m.GoalValue = giosg.Ptr(giosg.Decimal(*g.DefaultValue))
	}
	f.matches[id] = append(f.matches[id], m)
	fake.WriteJSON(w, http.StatusOK, m)
}

// checkSession answers the two session 404s of the match endpoint, or "".
// Call with f.mu held.
func (f *Fake) checkSession(m giosg.ExternalMatch) string {
	if len(f.visitors) == 0 {
		return ""
	}
	rooms, ok := f.visitors[m.VisitorIdentity]
	if !ok {
		return "No session found for visitor_identity '" + m.VisitorIdentity + "'."
	}
	if len(rooms) > 0 && !slices.ContainsFunc(m.Rooms, func(r string) bool { return slices.Contains(rooms, r) }) {
		return "No connected rooms found for visitor session."
	}
	return ""
}

// readObject reads a JSON object body, answering 400 itself if it is not
// one.
func readObject(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, bool) {
	var raw map[string]json.RawMessage
	if err := fake.ReadJSON(r, &raw); err != nil || raw == nil {
		msg := "JSON parse error - expected an object"
		if err != nil {
			msg = "JSON parse error - " + err.Error()
		}
		fake.WriteJSON(w, http.StatusBadRequest, map[string]string{"detail": msg})
		return nil, false
	}
	return raw, true
}

func notFound(w http.ResponseWriter, msg string) {
	fake.WriteJSON(w, http.StatusNotFound, map[string]string{"detail": msg})
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	fake.WriteJSON(w, http.StatusMethodNotAllowed, map[string]string{"detail": `Method "` + r.Method + `" not allowed.`})
}
