package giosg_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/goalkit/goalkit/giosg"
)

// giosg lists default_value among the fields it does not update: a server
// that keeps the old value is reported on the returned goal, not as an
// error.
func TestPatchAndUpdateGoal_ReportIgnoredDefaultValue(t *testing.T) {
	t.Parallel()
	in := func(v string) *giosg.GoalInput {
		return &giosg.GoalInput{Name: "Lead", AllowAnyRoom: true, DefaultValue: giosg.Ptr(giosg.Decimal(v))}
	}
	for _, tc := range []struct {
		name, answer string
		call         func(*giosg.Org) (*giosg.Goal, error)
		want         *giosg.Decimal
	}{
		{"patch ignored", `{"id":"g","default_value":"10.00"}`,
			func(o *giosg.Org) (*giosg.Goal, error) {
				return o.PatchGoal(context.Background(), testGoal, &giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("14.10"))})
			}, giosg.Ptr(giosg.Decimal("14.10"))},
		{"patch dropped to null", `{"id":"g","default_value":null}`,
			func(o *giosg.Org) (*giosg.Goal, error) {
				return o.PatchGoal(context.Background(), testGoal, &giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("1"))})
			}, giosg.Ptr(giosg.Decimal("1"))},
		{"patch applied, other notation", `{"id":"g","default_value":14.1}`,
			func(o *giosg.Org) (*giosg.Goal, error) {
				return o.PatchGoal(context.Background(), testGoal, &giosg.GoalPatch{DefaultValue: giosg.Ptr(giosg.Decimal("14.10"))})
			}, nil},
		{"patch without a value", `{"id":"g","default_value":"10.00"}`,
			func(o *giosg.Org) (*giosg.Goal, error) {
				return o.PatchGoal(context.Background(), testGoal, &giosg.GoalPatch{Name: giosg.Ptr("x")})
			}, nil},
		{"put ignored", `{"id":"g","default_value":"10.00"}`,
			func(o *giosg.Org) (*giosg.Goal, error) { return o.UpdateGoal(context.Background(), testGoal, in("12")) },
			giosg.Ptr(giosg.Decimal("12"))},
		{"put applied", `{"id":"g","default_value":"12.00"}`,
			func(o *giosg.Org) (*giosg.Goal, error) { return o.UpdateGoal(context.Background(), testGoal, in("12")) }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			var rec recorder
			mt.RegisterResponder(http.MethodPatch, goalURL, rec.respond(200, tc.answer))
			mt.RegisterResponder(http.MethodPut, goalURL, rec.respond(200, tc.answer))
			g, err := tc.call(org)
			if err != nil {
				t.Fatal(err)
			}
			got := g.DefaultValueNotApplied
			if (got == nil) != (tc.want == nil) || (got != nil && *got != *tc.want) {
				t.Errorf("DefaultValueNotApplied = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestDecimalEqual(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"10", "10.00", true}, {"+010.0", "10", true}, {"-0", "0.000", true}, {"0.10", ".1", false},
		{"0.10", "0.1", true}, {"14.15", "14.150", true}, {"14.15", "14.16", false}, {"-1", "1", false},
		{"100", "10", false}, {"1.05", "1.5", false}, {"abc", "abc", true}, {"abc", "0", false},
	} {
		if got := giosg.Decimal(tc.a).Equal(giosg.Decimal(tc.b)); got != tc.want {
			t.Errorf("%q.Equal(%q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
