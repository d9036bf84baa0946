// Package pagesensetest is an in-memory fake of the PageSense goals API for
// tests: point a pagesense.Client at NewServer's URL (or plug Responder into
// an httpmock.MockTransport) and create, list and delete goals and custom
// events as against PageSense.
//
// The fake answers in PageSense envelopes (status_code "10000",
// status_string, the payload, count, timeTakenToProcessTheResult) and
// behaves like the service where the docs say how:
//   - goals are answered with the read names (goal_status as a number,
//     time_spent_seconds as a string, "" when unset, created_time in epoch
//     milliseconds); a project without goals or events answers
//     "projectgoals": {} or "customevents": {}, as the official overview
//     shows;
//   - writes answer an array of items, each with its own "success": create
//     and update goal and delete goal in an envelope, create custom event
//     without one ({"customevents": [{"event_id", "success", "linkname"}]},
//     the official answer); an update whose result breaks the rules of
//     pagesense.GoalInput.Validate answers status_code 10000 with the item
//     saying success: false and a message (the fake's choice of failure to
//     show per item);
//   - PUT /portal/{portal}/projectgoals/{goal linkname} with
//     {"projectgoal": {...}} updates the fields it names;
//   - every request needs "Authorization: Zoho-oauthtoken <token>" (any
//     token); otherwise 401;
//   - portals and projects exist as soon as they are used;
//   - goal and event ids are assigned; linknames are derived from the
//     display or event name (lower case, runs of other characters turned
//     into '-') and made unique in the portal with a "-2", "-3" suffix;
//   - invalid input is a 400 envelope (the rules of
//     pagesense.GoalInput.Validate, a missing or mismatched
//     project_linkname, a duplicate event name in a project), an unknown
//     goal or route a 404 envelope.
//
// Error envelopes carry the fake's own codes (CodeInvalid, ...): the real
// ones are undocumented.
//
// In a test:
//
//	srv := pagesensetest.NewServer()
//	defer srv.Close()
//	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("any"))
//	if err != nil {
//		t.Fatal(err)
//	}
//	project := client.Project("my-portal", "my-project")
//	goal, err := project.CreateGoal(ctx, &pagesense.GoalInput{
//		DisplayName: "Pricing page",
//		GoalType:    pagesense.PageVisitGoal,
//		GoalURL:     "https://example.com/pricing",
//	})
//
// or, under an httpmock transport, whatever the base URL:
//
//	mt := httpmock.NewMockTransport()
//	mt.RegisterNoResponder(pagesensetest.New().Responder())
//	client, err := pagesense.NewClient(pagesense.WithToken("any"),
//		pagesense.WithHTTPClient(&http.Client{Transport: mt}))
//
// The test kit: Inject makes the fake fail on purpose, Requests logs what
// reached it (credentials redacted), Seed, SeedCustomEvents and LoadJSON
// load a portal, RequireToken (or AcceptTokensFrom an Accounts fake)
// checks the Zoho-oauthtoken, Accounts fakes Zoho's token endpoint with
// its 10-per-10-minutes limit, and Contract runs goalkit's behavioural
// suite against any pagesense.ProjectAPI.
//
// Known divergences from the real API: the error codes are the fake's own
// (the real ones are undocumented); the Accounts fake implements only the
// refresh-token grant, and its over-limit answer is the one Zoho users
// report (HTTP 400 "Access Denied"), not a documented one.
package pagesensetest

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
)

// Error codes the fake puts in status_code (as JSON numbers, as the docs'
// error sample suggests).
const (
	CodeInvalid          = 10400
	CodeUnauthorized     = 10401
	CodeNotFound         = 10404
	CodeMethodNotAllowed = 10405
)

// Fake is a stateful PageSense fake; safe for concurrent use.
type Fake struct {
	mu      sync.Mutex
	ids     fake.Counter
	portals map[string]*portal
	now     func() time.Time
	kit     *fake.Kit
}

// portal holds a portal's goals and events in creation order; linknames
// are unique across the portal, because DELETE addresses a goal by
// linkname without its project.
type portal struct {
	goals  []pagesense.Goal
	events []pagesense.CustomEvent
}

// New returns an empty fake.
func New() *Fake { return &Fake{portals: map[string]*portal{}, now: time.Now, kit: newKit()} }

// SetClock replaces time.Now for created_time and nothing else.
func (f *Fake) SetClock(now func() time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = now
}

// Responder serves the fake behind an httpmock.MockTransport.
func (f *Fake) Responder() httpmock.Responder { return fake.Responder(f) }

// NewServer starts a fresh fake on a loopback httptest server; the caller
// closes it. pagesense.WithBaseURL(srv.URL) points a client at it.
func NewServer() *httptest.Server { return NewServerWith(New()) }

// NewServerWith starts f on a loopback httptest server, so a test can look
// at f's state.
func NewServerWith(f *Fake) *httptest.Server { return fake.NewServer(f) }

// Goals returns a copy of a project's goals, in creation order.
func (f *Fake) Goals(portalName, project string) []pagesense.Goal {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.projectGoals(portalName, project)
}

// CustomEvents returns a copy of a project's custom events, in creation
// order.
func (f *Fake) CustomEvents(portalName, project string) []pagesense.CustomEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.projectEvents(portalName, project)
}

// ServeHTTP routes /portal/{portal}/projectgoals/{linkname} and
// /portal/{portal}/customevents under any base prefix.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.kit.ServeHTTP(w, r, http.HandlerFunc(f.serve))
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), pagesense.AuthScheme+" "); !ok || strings.TrimSpace(tok) == "" {
		writeError(w, http.StatusUnauthorized, CodeUnauthorized, "Invalid OAuth token: want Authorization: Zoho-oauthtoken <token>")
		return
	}
	segs, ok := fake.Segments(r, "portal")
	switch {
	case !ok || len(segs) < 2 || segs[0] == "":
		writeError(w, http.StatusNotFound, CodeNotFound, "no such resource")
	case segs[1] == "projectgoals" && len(segs) == 3 && segs[2] != "":
		f.serveGoals(w, r, segs[0], segs[2])
	case segs[1] == "customevents" && len(segs) == 2:
		f.serveEvents(w, r, segs[0])
	default:
		writeError(w, http.StatusNotFound, CodeNotFound, "no such resource")
	}
}

// serveGoals: GET and POST name the project in the path, PUT and DELETE
// the goal.
func (f *Fake) serveGoals(w http.ResponseWriter, r *http.Request, portalName, linkname string) {
	switch r.Method {
	case http.MethodGet:
		f.mu.Lock()
		goals := f.projectGoals(portalName, linkname)
		f.mu.Unlock()
		writeOK(w, http.StatusOK, "projectgoals", goalAnswers(goals, false), len(goals))
	case http.MethodPost:
		f.createGoal(w, r, portalName, linkname)
	case http.MethodPut:
		f.updateGoal(w, r, portalName, linkname)
	case http.MethodDelete:
		f.deleteGoal(w, portalName, linkname)
	default:
		writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "method not allowed")
	}
}

func (f *Fake) createGoal(w http.ResponseWriter, r *http.Request, portalName, project string) {
	var body struct {
		Goal *pagesense.Goal `json:"projectgoal"`
	}
	if err := fake.ReadJSON(r, &body); err != nil || body.Goal == nil {
		writeError(w, http.StatusBadRequest, CodeInvalid, "body must be {\"projectgoal\": {...}}")
		return
	}
	g := *body.Goal
	if g.ProjectLinkname != project {
		writeError(w, http.StatusBadRequest, CodeInvalid, "project_linkname must be the project in the path")
		return
	}
	if err := inputOf(&g).Validate(); err != nil {
		writeError(w, http.StatusBadRequest, CodeInvalid, err.Error())
		return
	}
	// Stored as PageSense shows them: lists are [], never null.
	g.IncludeURLs = append([]string{}, g.IncludeURLs...)
	g.ExcludeURLs = append([]string{}, g.ExcludeURLs...)
	f.mu.Lock()
	p := f.portal(portalName)
	g.GoalID = strconv.FormatInt(f.ids.Next(), 10)
	g.Linkname = uniqueLinkname(slug(g.DisplayName, "goal"), p)
	g.Status = statusActive
	g.CreatedAt = f.now().UTC().Truncate(time.Millisecond)
	p.goals = append(p.goals, g)
	f.mu.Unlock()
	writeOK(w, http.StatusCreated, "projectgoals", goalAnswers([]pagesense.Goal{g}, true), 1)
}

// updateGoal applies the fields the body names to the goal; one that
// leaves the goal invalid is refused per item, at status_code 10000.
func (f *Fake) updateGoal(w http.ResponseWriter, r *http.Request, portalName, linkname string) {
	var body struct {
		Goal *struct {
			DisplayName     *string              `json:"display_name"`
			GoalURL         *string              `json:"goal_url"`
			IncludeURLs     *[]string            `json:"include_urls"`
			ExcludeURLs     *[]string            `json:"exclude_urls"`
			URL             *[]pagesense.URLRule `json:"url"`
			TimeThreshold   *int                 `json:"time_threshold"`
			ProjectLinkname string               `json:"project_linkname"`
		} `json:"projectgoal"`
	}
	if err := fake.ReadJSON(r, &body); err != nil || body.Goal == nil {
		writeError(w, http.StatusBadRequest, CodeInvalid, "body must be {\"projectgoal\": {...}}")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p, i := f.findGoal(w, portalName, linkname)
	if i < 0 {
		return
	}
	g, patch := p.goals[i], body.Goal
	if patch.ProjectLinkname != g.ProjectLinkname {
		writeError(w, http.StatusBadRequest, CodeInvalid, "project_linkname must be the goal's project")
		return
	}
	set(&g.DisplayName, patch.DisplayName)
	set(&g.GoalURL, patch.GoalURL)
	set(&g.IncludeURLs, patch.IncludeURLs)
	set(&g.ExcludeURLs, patch.ExcludeURLs)
	set(&g.URL, patch.URL)
	set(&g.TimeThreshold, patch.TimeThreshold)
	if err := inputOf(&g).Validate(); err != nil {
		writeOK(w, http.StatusOK, "projectgoals", []goalAnswer{{Linkname: linkname, ProjectLinkname: g.ProjectLinkname, Success: ptr(false), Message: err.Error()}}, 1)
		return
	}
	p.goals[i] = g
	writeOK(w, http.StatusOK, "projectgoals", goalAnswers([]pagesense.Goal{g}, true), 1)
}

// deleteGoal answers the deleted goal, as the official delete page shows.
func (f *Fake) deleteGoal(w http.ResponseWriter, portalName, linkname string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, i := f.findGoal(w, portalName, linkname)
	if i < 0 {
		return
	}
	g := p.goals[i]
	p.goals = append(p.goals[:i], p.goals[i+1:]...)
	writeOK(w, http.StatusOK, "projectgoals", goalAnswers([]pagesense.Goal{g}, true), 1)
}

// findGoal returns the portal and the index of the goal with linkname, or
// answers 404 and returns -1; f.mu is held.
func (f *Fake) findGoal(w http.ResponseWriter, portalName, linkname string) (*portal, int) {
	p := f.portal(portalName)
	for i := range p.goals {
		if p.goals[i].Linkname == linkname {
			return p, i
		}
	}
	writeError(w, http.StatusNotFound, CodeNotFound, "goal "+strconv.Quote(linkname)+" not found")
	return p, -1
}

func (f *Fake) serveEvents(w http.ResponseWriter, r *http.Request, portalName string) {
	switch r.Method {
	case http.MethodGet:
		project := r.URL.Query().Get("project_linkname")
		if project == "" {
			writeError(w, http.StatusBadRequest, CodeInvalid, "project_linkname is required")
			return
		}
		f.mu.Lock()
		events := f.projectEvents(portalName, project)
		f.mu.Unlock()
		writeOK(w, http.StatusOK, "customevents", events, len(events))
	case http.MethodPost:
		f.createEvent(w, r, portalName)
	default:
		writeError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, "method not allowed")
	}
}

func (f *Fake) createEvent(w http.ResponseWriter, r *http.Request, portalName string) {
	var body struct {
		Event *pagesense.CustomEvent `json:"customevent"`
	}
	if err := fake.ReadJSON(r, &body); err != nil || body.Event == nil {
		writeError(w, http.StatusBadRequest, CodeInvalid, "body must be {\"customevent\": {...}}")
		return
	}
	e := *body.Event
	if strings.TrimSpace(e.Name) == "" || e.ProjectLinkname == "" {
		writeError(w, http.StatusBadRequest, CodeInvalid, "event_name and project_linkname are required")
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.portal(portalName)
	for _, old := range p.events {
		if old.ProjectLinkname == e.ProjectLinkname && old.Name == e.Name {
			writeError(w, http.StatusBadRequest, CodeInvalid, "custom event "+strconv.Quote(e.Name)+" already exists")
			return
		}
	}
	e.EventID = strconv.FormatInt(f.ids.Next(), 10)
	e.Linkname = uniqueLinkname(slug(e.Name, "event"), p)
	p.events = append(p.events, e)
	// The official answer: no envelope, no event_name.
	id, _ := strconv.ParseInt(e.EventID, 10, 64)
	fake.WriteJSON(w, http.StatusCreated, map[string]any{"customevents": []map[string]any{
		{"event_id": id, "success": true, "linkname": e.Linkname},
	}})
}

// portal returns the named portal, creating it; f.mu is held.
func (f *Fake) portal(name string) *portal {
	p := f.portals[name]
	if p == nil {
		p = &portal{}
		f.portals[name] = p
	}
	return p
}

// projectGoals copies a project's goals; f.mu is held. Never nil, so the
// list encodes as [].
func (f *Fake) projectGoals(portalName, project string) []pagesense.Goal {
	out := []pagesense.Goal{}
	if p := f.portals[portalName]; p != nil {
		for _, g := range p.goals {
			if g.ProjectLinkname == project {
				out = append(out, g)
			}
		}
	}
	return out
}

// projectEvents is projectGoals for custom events.
func (f *Fake) projectEvents(portalName, project string) []pagesense.CustomEvent {
	out := []pagesense.CustomEvent{}
	if p := f.portals[portalName]; p != nil {
		for _, e := range p.events {
			if e.ProjectLinkname == project {
				out = append(out, e)
			}
		}
	}
	return out
}

// slug lower-cases name and turns each run of characters other than a-z
// and 0-9 into one '-', trimmed at the ends; fallback stands in for a name
// with no such characters.
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// uniqueLinkname returns base, or base-2, base-3, ... whichever no goal or
// event of the portal uses yet.
func uniqueLinkname(base string, p *portal) string {
	taken := func(l string) bool {
		for _, g := range p.goals {
			if g.Linkname == l {
				return true
			}
		}
		for _, e := range p.events {
			if e.Linkname == l {
				return true
			}
		}
		return false
	}
	l := base
	for n := 2; taken(l); n++ {
		l = base + "-" + strconv.Itoa(n)
	}
	return l
}

// writeOK writes a success envelope; key "" writes no payload, and an
// empty list is written as {}, as the official overview shows.
func writeOK(w http.ResponseWriter, status int, key string, payload any, count int) {
	env := map[string]any{
		"status_code":                 pagesense.StatusSuccess,
		"status_string":               "Operation completed successfully",
		"timeTakenToProcessTheResult": "1",
	}
	if key != "" {
		if count == 0 {
			payload = struct{}{}
		}
		env[key] = payload
		env["count"] = count
	}
	fake.WriteJSON(w, status, env)
}

// statusActive is the goal_status the fake gives new goals (the delete
// page's sample shows 2; the meaning of the values is undocumented).
const statusActive = "2"

// goalAnswer is a goal as PageSense answers it: the read names, numbers
// where the samples show numbers, and on writes a per-item success.
type goalAnswer struct {
	GoalID           int64               `json:"goal_id,omitempty"`
	Linkname         string              `json:"linkname"`
	DisplayName      string              `json:"display_name,omitempty"`
	GoalType         pagesense.GoalType  `json:"goal_type,omitempty"`
	GoalURL          string              `json:"goal_url,omitempty"`
	IncludeURLs      []string            `json:"include_urls"`
	ExcludeURLs      []string            `json:"exclude_urls"`
	URL              []pagesense.URLRule `json:"url,omitempty"`
	TimeSpentSeconds *string             `json:"time_spent_seconds,omitempty"`
	ProjectLinkname  string              `json:"project_linkname"`
	GoalStatus       int                 `json:"goal_status,omitempty"`
	ElementSelector  string              `json:"element_css_selector,omitempty"`
	CreatedTime      int64               `json:"created_time,omitempty"`
	Success          *bool               `json:"success,omitempty"`
	Message          string              `json:"message,omitempty"`
}

// goalAnswers converts stored goals to answers; write marks each item
// successful.
func goalAnswers(gs []pagesense.Goal, write bool) []goalAnswer {
	out := make([]goalAnswer, len(gs))
	for i, g := range gs {
		id, _ := strconv.ParseInt(g.GoalID, 10, 64)
		status, _ := strconv.Atoi(g.Status)
		secs := ""
		if g.TimeThreshold > 0 {
			secs = strconv.Itoa(g.TimeThreshold)
		}
		a := goalAnswer{
			GoalID: id, Linkname: g.Linkname, DisplayName: g.DisplayName, GoalType: g.GoalType,
			GoalURL: g.GoalURL, IncludeURLs: append([]string{}, g.IncludeURLs...), ExcludeURLs: append([]string{}, g.ExcludeURLs...),
			URL: g.URL, TimeSpentSeconds: &secs, ProjectLinkname: g.ProjectLinkname, GoalStatus: status,
			ElementSelector: g.ElementSelector, CreatedTime: g.CreatedAt.UnixMilli(),
		}
		if write {
			a.Success = ptr(true)
		}
		out[i] = a
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// inputOf is g as a create input, to check it by the client's rules.
func inputOf(g *pagesense.Goal) *pagesense.GoalInput {
	return &pagesense.GoalInput{
		DisplayName: g.DisplayName, GoalType: g.GoalType, GoalURL: g.GoalURL,
		IncludeURLs: g.IncludeURLs, ExcludeURLs: g.ExcludeURLs, URL: g.URL, TimeThreshold: g.TimeThreshold,
	}
}

// set stores *v in dst when the body named it.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// writeError writes an error envelope.
func writeError(w http.ResponseWriter, status, code int, msg string) {
	fake.WriteJSON(w, status, map[string]any{"status_code": code, "message": msg})
}
