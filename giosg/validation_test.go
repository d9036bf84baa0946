package giosg_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

func TestValidationSendsNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	okInput := func() *giosg.GoalInput {
		return &giosg.GoalInput{Name: "g", AllowedRooms: []string{"r"}}
	}
	okMatch := func() *giosg.ExternalMatch {
		return &giosg.ExternalMatch{VisitorIdentity: "v", GoalMatchedAt: time.Now(), Rooms: []string{"r"}}
	}
	with := func(f func(*giosg.GoalInput)) *giosg.GoalInput { in := okInput(); f(in); return in }
	withMatch := func(f func(*giosg.ExternalMatch)) *giosg.ExternalMatch { m := okMatch(); f(m); return m }

	cases := []struct {
		name  string
		field string
		call  func(o *giosg.Org, empty *giosg.Org) error
	}{
		{"create nil", "goal", func(o, _ *giosg.Org) error { _, err := o.CreateGoal(ctx, nil); return err }},
		{"create empty name", "name", func(o, _ *giosg.Org) error {
			_, err := o.CreateGoal(ctx, with(func(in *giosg.GoalInput) { in.Name = " \t" }))
			return err
		}},
		{"create no rooms without any room", "allowed_rooms", func(o, _ *giosg.Org) error {
			_, err := o.CreateGoal(ctx, with(func(in *giosg.GoalInput) { in.AllowedRooms = nil }))
			return err
		}},
		{"create blank room", "allowed_rooms", func(o, _ *giosg.Org) error {
			_, err := o.CreateGoal(ctx, with(func(in *giosg.GoalInput) { in.AllowAnyRoom, in.AllowedRooms = true, []string{""} }))
			return err
		}},
		{"create bad default", "default_value", func(o, _ *giosg.Org) error {
			_, err := o.CreateGoal(ctx, with(func(in *giosg.GoalInput) { in.DefaultValue = giosg.Ptr(giosg.Decimal("1e5")) }))
			return err
		}},
		{"create empty org", "organization_id", func(_, e *giosg.Org) error { _, err := e.CreateGoal(ctx, okInput()); return err }},
		{"update empty name", "name", func(o, _ *giosg.Org) error {
			_, err := o.UpdateGoal(ctx, "g", with(func(in *giosg.GoalInput) { in.Name = "" }))
			return err
		}},
		{"update no rooms", "allowed_rooms", func(o, _ *giosg.Org) error {
			_, err := o.UpdateGoal(ctx, "g", with(func(in *giosg.GoalInput) { in.AllowedRooms = []string{} }))
			return err
		}},
		{"update empty goal id", "goal_id", func(o, _ *giosg.Org) error { _, err := o.UpdateGoal(ctx, "", okInput()); return err }},
		{"update empty org", "organization_id", func(_, e *giosg.Org) error { _, err := e.UpdateGoal(ctx, "g", okInput()); return err }},
		{"patch nil", "goal", func(o, _ *giosg.Org) error { _, err := o.PatchGoal(ctx, "g", nil); return err }},
		{"patch empty name", "name", func(o, _ *giosg.Org) error {
			_, err := o.PatchGoal(ctx, "g", &giosg.GoalPatch{Name: giosg.Ptr("")})
			return err
		}},
		{"patch no rooms without any room", "allowed_rooms", func(o, _ *giosg.Org) error {
			_, err := o.PatchGoal(ctx, "g", &giosg.GoalPatch{AllowAnyRoom: giosg.Ptr(false), AllowedRooms: &[]string{}})
			return err
		}},
		{"patch blank room", "allowed_rooms", func(o, _ *giosg.Org) error {
			_, err := o.PatchGoal(ctx, "g", &giosg.GoalPatch{AllowedRooms: &[]string{"r", " "}})
			return err
		}},
		{"patch bad default", "default_value", func(o, _ *giosg.Org) error {
			_, err := o.PatchGoal(ctx, "g", &giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("NaN"))})
			return err
		}},
		{"patch empty goal id", "goal_id", func(o, _ *giosg.Org) error {
			_, err := o.PatchGoal(ctx, "", &giosg.GoalPatch{Name: giosg.Ptr("x")})
			return err
		}},
		{"get empty goal id", "goal_id", func(o, _ *giosg.Org) error { _, err := o.GetGoal(ctx, ""); return err }},
		{"get empty org", "organization_id", func(_, e *giosg.Org) error { _, err := e.GetGoal(ctx, "g"); return err }},
		{"list empty org", "organization_id", func(_, e *giosg.Org) error { _, err := e.ListGoals(ctx, nil); return err }},
		{"match nil", "match", func(o, _ *giosg.Org) error { return o.CreateExternalMatch(ctx, "g", nil) }},
		{"match no identity", "visitor_identity", func(o, _ *giosg.Org) error {
			return o.CreateExternalMatch(ctx, "g", withMatch(func(m *giosg.ExternalMatch) { m.VisitorIdentity = " " }))
		}},
		{"match no time", "goal_matched_at", func(o, _ *giosg.Org) error {
			return o.CreateExternalMatch(ctx, "g", withMatch(func(m *giosg.ExternalMatch) { m.GoalMatchedAt = time.Time{} }))
		}},
		{"match no rooms", "rooms", func(o, _ *giosg.Org) error {
			return o.CreateExternalMatch(ctx, "g", withMatch(func(m *giosg.ExternalMatch) { m.Rooms = nil }))
		}},
		{"match blank room", "rooms", func(o, _ *giosg.Org) error {
			return o.CreateExternalMatch(ctx, "g", withMatch(func(m *giosg.ExternalMatch) { m.Rooms = []string{"r", ""} }))
		}},
		{"match bad value", "goal_value", func(o, _ *giosg.Org) error {
			return o.CreateExternalMatch(ctx, "g", withMatch(func(m *giosg.ExternalMatch) { m.GoalValue = giosg.Ptr(giosg.Decimal("12,5")) }))
		}},
		{"match empty goal id", "goal_id", func(o, _ *giosg.Org) error { return o.CreateExternalMatch(ctx, "", okMatch()) }},
		{"match empty org", "organization_id", func(_, e *giosg.Org) error { return e.CreateExternalMatch(ctx, "g", okMatch()) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			c, _ := giosg.NewClient(giosg.WithHTTPClient(mtClient(mt)), giosg.WithBaseURL(testBase), giosg.WithAPIToken("t"))
			err := tc.call(org, c.Org(""))
			var ve *giosg.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want *ValidationError", err)
			}
			if ve.Field != tc.field {
				t.Errorf("Field = %q, want %q (%v)", ve.Field, tc.field, err)
			}
			if !errors.Is(err, giosg.ErrInvalid) {
				t.Error("not ErrInvalid")
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// Ids are checked for presence only: the documented room ids are not hex.
func TestValidationAcceptsNonHexIDs(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	var rec recorder
	mt.RegisterNoResponder(rec.Reply(200, `{"id":"g1"}`))
	err := org.CreateExternalMatch(context.Background(), "not-a-uuid", &giosg.ExternalMatch{
		VisitorIdentity: "v", GoalMatchedAt: time.Now(), Rooms: []string{"ac83d426-be80-4d75-8c62-49a77f98468h"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := org.CreateGoal(context.Background(), &giosg.GoalInput{Name: "n", AllowedRooms: []string{"zz"}}); err != nil {
		t.Fatal(err)
	}
}
