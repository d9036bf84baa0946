package goalstest

import (
	"io"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/fake"
)

// ErrBadSeed is matched by every error of Seed and LoadJSON.
var ErrBadSeed = fake.ErrBadSeed

// Seed stores goals as given, beside those already there. A goal with ID
// 0 gets the next id; later ids never collide with seeded ones. Seeding
// is all or nothing: a duplicate id, a goal that breaks the rules of
// goals.GoalParams.Validate, or more than goals.MaxActiveGoals enabled
// goals is an error matching ErrBadSeed, and nothing is stored.
func (f *Fake) Seed(gs ...goals.Goal) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	next := make(map[int64]goals.Goal, len(f.goals)+len(gs))
	for id, g := range f.goals {
		next[id] = g
	}
	var maxID int64
	seen := map[int64]bool{}
	for i, g := range gs {
		p := goals.GoalParams{Name: &g.Name, AttributionPeriod: &g.AttributionPeriod, Settings: &g.Settings}
		if g.AttributionModel != "" {
			p.AttributionModel = &g.AttributionModel
		}
		if g.AttributionPeriod == 0 {
			p.AttributionPeriod = nil
		}
		if err := p.Validate(); err != nil {
			return fake.BadSeed("goal %d: %v", i, err)
		}
		if g.ID < 0 {
			return fake.BadSeed("goal %d: negative id %d", i, g.ID)
		}
		if _, dup := next[g.ID]; (dup || seen[g.ID]) && g.ID != 0 {
			return fake.BadSeed("goal %d: id %d is taken", i, g.ID)
		}
		seen[g.ID] = true
		maxID = max(maxID, g.ID)
	}
	f.ids.Bump(maxID)
	for _, g := range gs {
		if g.ID == 0 {
			g.ID = f.ids.Next()
		}
		next[g.ID] = clone(g)
	}
	active := 0
	for _, g := range next {
		if g.Enabled {
			active++
		}
	}
	if active > goals.MaxActiveGoals {
		return fake.BadSeed("%d enabled goals, the account allows %d", active, goals.MaxActiveGoals)
	}
	f.goals = next
	return nil
}

// LoadJSON seeds the fake from a JSON document, {"goals": [...]} or a bare
// array, of goals as goals.Goal encodes them (the shape List returns). A
// document that does not parse is an error matching ErrBadSeed.
func (f *Fake) LoadJSON(r io.Reader) error {
	var gs []goals.Goal
	if err := fake.DecodeSeed(r, "goals", map[string]any{"goals": &gs}); err != nil {
		return err
	}
	return f.Seed(gs...)
}
