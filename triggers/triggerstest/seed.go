package triggerstest

import (
	"io"
	"strings"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/triggers"
)

// ErrBadSeed is matched by every error of Seed and LoadJSON.
var ErrBadSeed = fake.ErrBadSeed

// Seed stores triggers as given, definitions included, beside those
// already there. A trigger with ID 0 gets the next id; later ids never
// collide with seeded ones. Seeding is all or nothing: a blank or taken
// name is an error matching ErrBadSeed, and nothing is stored.
func (f *Fake) Seed(ts ...triggers.Trigger) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	seen := map[string]bool{}
	var maxID int64
	for i, t := range ts {
		_, taken := f.byName[t.Name]
		switch {
		case strings.TrimSpace(t.Name) == "":
			return fake.BadSeed("trigger %d: blank name", i)
		case taken || seen[t.Name]:
			return fake.BadSeed("trigger %d: name %q is taken", i, t.Name)
		case t.ID < 0:
			return fake.BadSeed("trigger %d: negative id %d", i, t.ID)
		}
		seen[t.Name] = true
		maxID = max(maxID, t.ID)
	}
	f.ids.Bump(maxID)
	for _, t := range ts {
		if t.ID == 0 {
			t.ID = f.ids.Next()
		}
		t.Definition = t.Definition.Clone()
		f.byName[t.Name] = t
	}
	return nil
}

// LoadJSON seeds the fake from a JSON document, {"triggers": [...]} or a
// bare array, of triggers as triggers.Trigger encodes them (the shape List
// returns). A document that does not parse is an error matching
// ErrBadSeed.
func (f *Fake) LoadJSON(r io.Reader) error {
	var ts []triggers.Trigger
	if err := fake.DecodeSeed(r, "triggers", map[string]any{"triggers": &ts}); err != nil {
		return err
	}
	return f.Seed(ts...)
}
