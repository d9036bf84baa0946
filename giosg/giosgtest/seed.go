package giosgtest

import (
	"encoding/json"
	"io"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/fake"
)

// ErrBadSeed is matched by every error of Seed and LoadJSON.
var ErrBadSeed = fake.ErrBadSeed

// Seed stores goals as given, in their organizations (OrganizationID,
// required), after those already there. A goal without ID gets a new
// UUID, one without CreatedAt or UpdatedAt the fake's clock. Seeding is
// all or nothing: a missing organization, a taken id, or a goal the POST
// endpoint would refuse is an error matching ErrBadSeed, and nothing is
// stored.
func (f *Fake) Seed(gs ...giosg.Goal) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	seen := map[string]bool{}
	ready := make([]*goal, 0, len(gs))
	for i, in := range gs {
		if in.OrganizationID == "" {
			return fake.BadSeed("goal %d: organization_id is required", i)
		}
		if _, taken := f.goals[in.ID]; in.ID != "" && (taken || seen[in.ID]) {
			return fake.BadSeed("goal %d: id %q is taken", i, in.ID)
		}
		seen[in.ID] = true
		body, err := json.Marshal(giosg.GoalInput{
			Name: in.Name, AllowAnyRoom: in.AllowAnyRoom, AllowedRooms: in.AllowedRooms,
			DefaultValue: in.DefaultValue, Conditions: in.Conditions,
		})
		if err != nil {
			return fake.BadSeed("goal %d: %v", i, err)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(body, &raw); err != nil {
			return fake.BadSeed("goal %d: %v", i, err)
		}
		g := &goal{OrgID: in.OrganizationID, ID: in.ID, CreatedAt: in.CreatedAt, UpdatedAt: in.UpdatedAt}
		if errs := g.apply(raw, false); errs != nil {
			return fake.BadSeed("goal %d: %v", i, errs)
		}
		if g.ID == "" {
			g.ID = newUUID()
		}
		if g.CreatedAt.IsZero() {
			g.CreatedAt = f.stamp()
		}
		if g.UpdatedAt.IsZero() {
			g.UpdatedAt = g.CreatedAt
		}
		ready = append(ready, g)
	}
	for _, g := range ready {
		f.goals[g.ID] = g
		f.order = append(f.order, g)
	}
	return nil
}

// LoadJSON seeds the fake from a JSON document, {"goals": [...]} or a
// bare array, of goals as giosg.Goal encodes them, each with its
// organization_id; a recorded list page ({"next", "previous", "results"})
// loads its results. A document that does not parse is
// an error matching ErrBadSeed.
func (f *Fake) LoadJSON(r io.Reader) error {
	var gs, results []giosg.Goal
	var link *string
	err := fake.DecodeSeed(r, "goals", map[string]any{"goals": &gs, "results": &results, "next": &link, "previous": &link})
	if err != nil {
		return err
	}
	return f.Seed(append(gs, results...)...)
}
