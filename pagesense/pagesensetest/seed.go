package pagesensetest

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
)

// ErrBadSeed is matched by every error of Seed, SeedCustomEvents and
// LoadJSON.
var ErrBadSeed = fake.ErrBadSeed

// Seed stores goals in a portal, each in its project (ProjectLinkname,
// required), after those already there. A goal without GoalID or Linkname
// gets one as a create would. Seeding is all or nothing: a missing
// project, a linkname taken in the portal, or a goal the create endpoint
// would refuse is an error matching ErrBadSeed, and nothing is stored.
func (f *Fake) Seed(portalName string, gs ...pagesense.Goal) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if portalName == "" {
		return fake.BadSeed("blank portal")
	}
	p := f.portal(portalName)
	staged := &portal{goals: append([]pagesense.Goal(nil), p.goals...), events: p.events}
	for i, g := range gs {
		in := pagesense.GoalInput{
			DisplayName: g.DisplayName, GoalType: g.GoalType, GoalURL: g.GoalURL,
			IncludeURLs: g.IncludeURLs, ExcludeURLs: g.ExcludeURLs, URL: g.URL, TimeThreshold: g.TimeThreshold,
		}
		if g.ProjectLinkname == "" {
			return fake.BadSeed("goal %d: project_linkname is required", i)
		}
		if err := in.Validate(); err != nil {
			return fake.BadSeed("goal %d: %v", i, err)
		}
		if g.Linkname == "" {
			g.Linkname = uniqueLinkname(slug(g.DisplayName, "goal"), staged)
		} else if uniqueLinkname(g.Linkname, staged) != g.Linkname {
			return fake.BadSeed("goal %d: linkname %q is taken", i, g.Linkname)
		}
		if g.GoalID == "" {
			g.GoalID = strconv.FormatInt(f.ids.Next(), 10)
		} else if n, err := strconv.ParseInt(g.GoalID, 10, 64); err == nil {
			f.ids.Bump(n)
		}
		g.IncludeURLs = append([]string{}, g.IncludeURLs...)
		g.ExcludeURLs = append([]string{}, g.ExcludeURLs...)
		staged.goals = append(staged.goals, g)
	}
	p.goals = staged.goals
	return nil
}

// SeedCustomEvents stores custom events in a portal, each in its project
// (ProjectLinkname, required), all or nothing like Seed: a blank name or
// project, a name taken in the project or a taken linkname is an error
// matching ErrBadSeed.
func (f *Fake) SeedCustomEvents(portalName string, es ...pagesense.CustomEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if portalName == "" {
		return fake.BadSeed("blank portal")
	}
	p := f.portal(portalName)
	staged := &portal{goals: p.goals, events: append([]pagesense.CustomEvent(nil), p.events...)}
	for i, e := range es {
		if strings.TrimSpace(e.Name) == "" || e.ProjectLinkname == "" {
			return fake.BadSeed("custom event %d: event_name and project_linkname are required", i)
		}
		for _, old := range staged.events {
			if old.ProjectLinkname == e.ProjectLinkname && old.Name == e.Name {
				return fake.BadSeed("custom event %d: %q exists in the project", i, e.Name)
			}
		}
		if e.Linkname == "" {
			e.Linkname = uniqueLinkname(slug(e.Name, "event"), staged)
		} else if uniqueLinkname(e.Linkname, staged) != e.Linkname {
			return fake.BadSeed("custom event %d: linkname %q is taken", i, e.Linkname)
		}
		if e.EventID == "" {
			e.EventID = strconv.FormatInt(f.ids.Next(), 10)
		} else if n, err := strconv.ParseInt(e.EventID, 10, 64); err == nil {
			f.ids.Bump(n)
		}
		staged.events = append(staged.events, e)
	}
	p.events = staged.events
	return nil
}

// LoadJSON seeds the fake from a JSON document of one portal:
//
//	{"portal": "my-portal", "goals": [...], "custom_events": [...]}
//
// with goals and custom events as pagesense.Goal and
// pagesense.CustomEvent encode them, each with its project_linkname. A
// document that does not parse, lacks the portal or breaks a rule of Seed
// or SeedCustomEvents is an error matching ErrBadSeed, and nothing is
// stored.
func (f *Fake) LoadJSON(r io.Reader) error {
	var doc struct {
		portal string
		goals  []pagesense.Goal
		events []pagesense.CustomEvent
	}
	err := fake.DecodeSeed(r, "", map[string]any{"portal": &doc.portal, "goals": &doc.goals, "custom_events": &doc.events})
	if err != nil {
		return err
	}
	if doc.portal == "" {
		return fake.BadSeed(`"portal" is required`)
	}
	f.mu.Lock()
	before := slices.Clone(f.portal(doc.portal).goals)
	f.mu.Unlock()
	if err := f.Seed(doc.portal, doc.goals...); err != nil {
		return err
	}
	if err := f.SeedCustomEvents(doc.portal, doc.events...); err != nil {
		f.mu.Lock()
		f.portal(doc.portal).goals = before // all or nothing
		f.mu.Unlock()
		return err
	}
	return nil
}
