package security

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// rule is one invalid input named in a dialect's issue: the call must fail
// with a *ValidationError for field and send nothing.
type rule[C any] struct {
	name  string
	field string
	call  func(context.Context, C) error
}

// checkRules runs each rule on a fresh client whose transport would answer
// anything with 200 {}, and counts what reached it.
func checkRules[C any](t *testing.T, newClient func(...transport.Option) (C, error), rules []rule[C]) {
	t.Helper()
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
			c, err := newClient(transport.WithHTTPClient(&http.Client{Transport: mt}),
				transport.WithBaseURL("https://"+apiHost+"/api"), transport.WithSchemeToken("Bearer", bearerToken))
			if err != nil {
				t.Fatal(err)
			}
			err = r.call(context.Background(), c)
			var ve *transport.ValidationError
			switch {
			case !errors.As(err, &ve):
				t.Fatalf("err = %v, want a *ValidationError for %q", err, r.field)
			case ve.Field != r.field:
				t.Errorf("Field = %q, want %q (%v)", ve.Field, r.field, err)
			case !errors.Is(err, transport.ErrInvalid):
				t.Errorf("%v does not match ErrInvalid", err)
			case !strings.Contains(err.Error(), r.field):
				t.Errorf("%q does not name the field", err.Error())
			}
			if n := mt.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent for invalid input", n)
			}
		})
	}
}

func TestValidation_Goals(t *testing.T) {
	t.Parallel()
	type C = *goals.Client
	valid := func() *goals.GoalParams { return &goals.GoalParams{Name: goals.Ptr("Pricing")} }
	with := func(edit func(p *goals.GoalParams)) *goals.GoalParams { p := valid(); edit(p); return p }
	cond := func(typ, op, value string) *goals.Settings {
		return &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "ok"},
			{Type: goals.ConditionType(typ), Operator: goals.Operator(op), Value: value},
		}}
	}
	create := func(p *goals.GoalParams) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { _, err := c.Create(ctx, p); return err }
	}
	update := func(id int64, p *goals.GoalParams) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { _, err := c.Update(ctx, id, p); return err }
	}
	checkRules(t, func(o ...transport.Option) (C, error) { return goals.NewClient(o...) }, []rule[C]{
		{"attribution_period 0", "attribution_period", create(with(func(p *goals.GoalParams) { p.AttributionPeriod = goals.Ptr(0) }))},
		{"attribution_period 31", "attribution_period", create(with(func(p *goals.GoalParams) { p.AttributionPeriod = goals.Ptr(31) }))},
		{"attribution_period -1 on update", "attribution_period", update(1, &goals.GoalParams{AttributionPeriod: goals.Ptr(-1)})},
		{"attribution_model linear", "attribution_model", create(with(func(p *goals.GoalParams) { p.AttributionModel = goals.Ptr(goals.AttributionModel("linear")) }))},
		{"attribution_model empty", "attribution_model", update(1, &goals.GoalParams{AttributionModel: goals.Ptr(goals.AttributionModel(""))})},
		{"attribution_model wrong case", "attribution_model", create(with(func(p *goals.GoalParams) { p.AttributionModel = goals.Ptr(goals.AttributionModel("First_Touch")) }))},
		{"condition type path", "settings.conditions[1].type", create(with(func(p *goals.GoalParams) { p.Settings = cond("path", "contains", "x") }))},
		{"condition type empty", "settings.conditions[1].type", update(1, &goals.GoalParams{Settings: cond("", "equals", "http://a/")})},
		{"operator regex", "settings.conditions[1].operator", create(with(func(p *goals.GoalParams) { p.Settings = cond("url", "regex", "^/cart") }))},
		{"operator empty", "settings.conditions[1].operator", update(1, &goals.GoalParams{Settings: cond("url", "", "x")})},
		{"equals without scheme", "settings.conditions[1].value", create(with(func(p *goals.GoalParams) { p.Settings = cond("url", "equals", "cart.com/") }))},
		{"equals ftp", "settings.conditions[1].value", create(with(func(p *goals.GoalParams) { p.Settings = cond("url", "equals", "ftp://cart.com/") }))},
		{"equals empty", "settings.conditions[1].value", update(1, &goals.GoalParams{Settings: cond("url", "equals", "")})},
		{"contains empty", "settings.conditions[1].value", update(1, &goals.GoalParams{Settings: cond("url", "contains", "")})},
		{"update with no field", "params", update(1, &goals.GoalParams{})},
		{"update nil", "params", update(1, nil)},
		{"create nil", "name", create(nil)},
		{"create without name", "name", create(&goals.GoalParams{Enabled: goals.Ptr(true)})},
		{"create blank name", "name", create(&goals.GoalParams{Name: goals.Ptr(" \t")})},
		{"update blank name", "name", update(1, &goals.GoalParams{Name: goals.Ptr("")})},
		{"get id 0", "id", func(ctx context.Context, c C) error { _, err := c.Get(ctx, 0); return err }},
		{"get id -1", "id", func(ctx context.Context, c C) error { _, err := c.Get(ctx, -1); return err }},
		{"update id 0", "id", update(0, valid())},
		{"delete id 0", "id", func(ctx context.Context, c C) error { return c.Delete(ctx, 0) }},
		{"delete id -9", "id", func(ctx context.Context, c C) error { return c.Delete(ctx, -9) }},
	})
}

func TestValidation_Triggers(t *testing.T) {
	t.Parallel()
	type C = *triggers.Client
	def := func(edit func(d *triggers.Definition)) *triggers.TriggerParams {
		d := &triggers.Definition{Event: "chat_requested", Condition: json.RawMessage(`["and"]`), Actions: json.RawMessage(`[]`)}
		edit(d)
		return &triggers.TriggerParams{Name: triggers.Ptr("First Reply"), Definition: d}
	}
	create := func(p *triggers.TriggerParams) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { _, err := c.Create(ctx, p); return err }
	}
	update := func(name string, p *triggers.TriggerParams) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { _, err := c.Update(ctx, name, p); return err }
	}
	enabled := &triggers.TriggerParams{Enabled: triggers.Ptr(true)}
	checkRules(t, func(o ...transport.Option) (C, error) { return triggers.NewClient(o...) }, []rule[C]{
		{"get empty name", "name", func(ctx context.Context, c C) error { _, err := c.Get(ctx, ""); return err }},
		{"update empty name", "name", update("", enabled)},
		{"delete empty name", "name", func(ctx context.Context, c C) error { return c.Delete(ctx, "") }},
		{"create nil", "name", create(nil)},
		{"create without name", "name", create(enabled)},
		{"create blank name", "name", create(&triggers.TriggerParams{Name: triggers.Ptr("  ")})},
		{"update renames to blank", "name", update("First Reply", &triggers.TriggerParams{Name: triggers.Ptr("")})},
		{"update nil", "params", update("First Reply", nil)},
		{"update with no field", "params", update("First Reply", &triggers.TriggerParams{})},
		{"condition not JSON", "definition.condition", create(def(func(d *triggers.Definition) { d.Condition = json.RawMessage(`["and",`) }))},
		{"actions not JSON", "definition.actions", create(def(func(d *triggers.Definition) { d.Actions = json.RawMessage(`wait 5`) }))},
		{"update with a definition", "definition", update("First Reply", def(func(d *triggers.Definition) {}))},
		{"extra key not JSON", "definition.future", create(def(func(d *triggers.Definition) {
			d.Extra = map[string]json.RawMessage{"future": json.RawMessage(`{`)}
		}))},
	})
}

func TestValidation_Giosg(t *testing.T) {
	t.Parallel()
	type C = *giosg.Client
	when := time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC)
	input := func(edit func(in *giosg.GoalInput)) *giosg.GoalInput {
		in := &giosg.GoalInput{Name: "Lead", AllowedRooms: []string{"room-1"}}
		if edit != nil {
			edit(in)
		}
		return in
	}
	match := func(edit func(m *giosg.ExternalMatch)) *giosg.ExternalMatch {
		m := &giosg.ExternalMatch{VisitorIdentity: "customer-12345678", GoalMatchedAt: when, Rooms: []string{"room-1"}}
		if edit != nil {
			edit(m)
		}
		return m
	}
	dec := func(s string) *giosg.Decimal { d := giosg.Decimal(s); return &d }
	org := func(id string, f func(context.Context, *giosg.Org) error) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { return f(ctx, c.Org(id)) }
	}
	create := func(in *giosg.GoalInput) func(context.Context, C) error {
		return org(giosgOrg, func(ctx context.Context, o *giosg.Org) error { _, err := o.CreateGoal(ctx, in); return err })
	}
	update := func(id string, in *giosg.GoalInput) func(context.Context, C) error {
		return org(giosgOrg, func(ctx context.Context, o *giosg.Org) error { _, err := o.UpdateGoal(ctx, id, in); return err })
	}
	patch := func(id string, p *giosg.GoalPatch) func(context.Context, C) error {
		return org(giosgOrg, func(ctx context.Context, o *giosg.Org) error { _, err := o.PatchGoal(ctx, id, p); return err })
	}
	matchCall := func(orgID, goalID string, m *giosg.ExternalMatch) func(context.Context, C) error {
		return org(orgID, func(ctx context.Context, o *giosg.Org) error { return o.CreateExternalMatch(ctx, goalID, m) })
	}
	noOrg := func(f func(context.Context, *giosg.Org) error) func(context.Context, C) error { return org("", f) }
	checkRules(t, func(o ...transport.Option) (C, error) { return giosg.NewClient(o...) }, []rule[C]{
		{"CreateGoal nil", "goal", create(nil)},
		{"UpdateGoal nil", "goal", update(giosgGoal, nil)},
		{"PatchGoal nil", "goal", patch(giosgGoal, nil)},
		{"CreateGoal empty name", "name", create(input(func(in *giosg.GoalInput) { in.Name = "" }))},
		{"CreateGoal blank name", "name", create(input(func(in *giosg.GoalInput) { in.Name = "  " }))},
		{"UpdateGoal empty name", "name", update(giosgGoal, input(func(in *giosg.GoalInput) { in.Name = "" }))},
		{"PatchGoal empty name", "name", patch(giosgGoal, &giosg.GoalPatch{Name: giosg.Ptr("")})},
		{"CreateGoal no rooms, any room false", "allowed_rooms", create(input(func(in *giosg.GoalInput) { in.AllowedRooms = nil }))},
		{"UpdateGoal no rooms, any room false", "allowed_rooms", update(giosgGoal, input(func(in *giosg.GoalInput) { in.AllowedRooms = []string{} }))},
		{"PatchGoal no rooms, any room false", "allowed_rooms", patch(giosgGoal, &giosg.GoalPatch{AllowAnyRoom: giosg.Ptr(false), AllowedRooms: &[]string{}})},
		{"CreateGoal blank room id", "allowed_rooms", create(input(func(in *giosg.GoalInput) { in.AllowedRooms = []string{"room-1", " "} }))},
		{"CreateGoal default_value 1e5", "default_value", create(input(func(in *giosg.GoalInput) { in.DefaultValue = dec("1e5") }))},
		{"UpdateGoal default_value empty", "default_value", update(giosgGoal, input(func(in *giosg.GoalInput) { in.DefaultValue = dec("") }))},
		{"PatchGoal default_value 1,5", "default_value", patch(giosgGoal, &giosg.GoalPatch{DefaultValue: dec("1,5")})},
		{"match nil", "match", matchCall(giosgOrg, giosgGoal, nil)},
		{"match empty visitor_identity", "visitor_identity", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.VisitorIdentity = "" }))},
		{"match blank visitor_identity", "visitor_identity", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.VisitorIdentity = " " }))},
		{"match zero goal_matched_at", "goal_matched_at", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.GoalMatchedAt = time.Time{} }))},
		{"match no rooms", "rooms", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.Rooms = nil }))},
		{"match blank room", "rooms", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.Rooms = []string{""} }))},
		{"match goal_value NaN", "goal_value", matchCall(giosgOrg, giosgGoal, match(func(m *giosg.ExternalMatch) { m.GoalValue = dec("NaN") }))},
		{"empty org: ListGoals", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error { _, err := o.ListGoals(ctx, nil); return err })},
		{"empty org: AllGoals", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error {
			for _, err := range o.AllGoals(ctx, nil) {
				return err
			}
			return errors.New("AllGoals yielded nothing")
		})},
		{"empty org: GetGoal", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error { _, err := o.GetGoal(ctx, giosgGoal); return err })},
		{"empty org: CreateGoal", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error { _, err := o.CreateGoal(ctx, input(nil)); return err })},
		{"empty org: UpdateGoal", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error {
			_, err := o.UpdateGoal(ctx, giosgGoal, input(nil))
			return err
		})},
		{"empty org: PatchGoal", "organization_id", noOrg(func(ctx context.Context, o *giosg.Org) error {
			_, err := o.PatchGoal(ctx, giosgGoal, &giosg.GoalPatch{Name: giosg.Ptr("x")})
			return err
		})},
		{"empty org: CreateExternalMatch", "organization_id", matchCall("", giosgGoal, match(nil))},
		{"empty goal id: GetGoal", "goal_id", org(giosgOrg, func(ctx context.Context, o *giosg.Org) error { _, err := o.GetGoal(ctx, ""); return err })},
		{"empty goal id: UpdateGoal", "goal_id", update("", input(nil))},
		{"empty goal id: PatchGoal", "goal_id", patch("", &giosg.GoalPatch{Name: giosg.Ptr("x")})},
		{"empty goal id: CreateExternalMatch", "goal_id", matchCall(giosgOrg, "", match(nil))},
	})
}

func TestValidation_PageSense(t *testing.T) {
	t.Parallel()
	type C = *pagesense.Client
	input := func(edit func(in *pagesense.GoalInput)) *pagesense.GoalInput {
		in := &pagesense.GoalInput{DisplayName: "Pricing", GoalType: pagesense.PageVisitGoal, GoalURL: "https://example.com/pricing",
			URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}}
		if edit != nil {
			edit(in)
		}
		return in
	}
	project := func(portal, linkname string, f func(context.Context, *pagesense.Project) error) func(context.Context, C) error {
		return func(ctx context.Context, c C) error { return f(ctx, c.Project(portal, linkname)) }
	}
	create := func(in *pagesense.GoalInput) func(context.Context, C) error {
		return project("acme", "site", func(ctx context.Context, p *pagesense.Project) error { _, err := p.CreateGoal(ctx, in); return err })
	}
	rules := []rule[C]{
		{"CreateGoal nil", "projectgoal", create(nil)},
		{"empty display_name", "display_name", create(input(func(in *pagesense.GoalInput) { in.DisplayName = "" }))},
		{"blank display_name", "display_name", create(input(func(in *pagesense.GoalInput) { in.DisplayName = "\n" }))},
		{"goal_type 0", "goal_type", create(input(func(in *pagesense.GoalInput) { in.GoalType = 0 }))},
		{"goal_type 11", "goal_type", create(input(func(in *pagesense.GoalInput) { in.GoalType = 11 }))},
		{"goal_type -1", "goal_type", create(input(func(in *pagesense.GoalInput) { in.GoalType = -1 }))},
		{"TimeSpentGoal time_threshold 0", "time_threshold", create(input(func(in *pagesense.GoalInput) { in.GoalType = pagesense.TimeSpentGoal }))},
		{"TimeSpentGoal time_threshold -30", "time_threshold", create(input(func(in *pagesense.GoalInput) {
			in.GoalType, in.TimeThreshold = pagesense.TimeSpentGoal, -30
		}))},
		{"negative time_threshold on another type", "time_threshold", create(input(func(in *pagesense.GoalInput) { in.TimeThreshold = -1 }))},
		{"PageVisitGoal without goal_url", "goal_url", create(input(func(in *pagesense.GoalInput) { in.GoalURL = "" }))},
		{"PageVisitGoal blank goal_url", "goal_url", create(input(func(in *pagesense.GoalInput) { in.GoalURL = "  " }))},
		{"match type 9", "match_type", create(input(func(in *pagesense.GoalInput) { in.URL = []pagesense.URLRule{{MatchType: 1}, {MatchType: 9}} }))},
		{"match type 0", "match_type", create(input(func(in *pagesense.GoalInput) { in.URL = []pagesense.URLRule{{}} }))},
		{"match type 11", "match_type", create(input(func(in *pagesense.GoalInput) { in.URL = []pagesense.URLRule{{MatchType: 11}} }))},
		{"MatchURL match type 9", "match_type", func(context.Context, C) error {
			_, err := pagesense.MatchURL(9, "x", "x")
			return err
		}},
		{"empty custom event name", "event_name", project("acme", "site", func(ctx context.Context, p *pagesense.Project) error {
			_, err := p.CreateCustomEvent(ctx, "")
			return err
		})},
		{"blank custom event name", "event_name", project("acme", "site", func(ctx context.Context, p *pagesense.Project) error {
			_, err := p.CreateCustomEvent(ctx, " ")
			return err
		})},
		{"GetGoal empty goal linkname", "linkname", project("acme", "site", func(ctx context.Context, p *pagesense.Project) error {
			_, err := p.GetGoal(ctx, "")
			return err
		})},
		{"DeleteGoal empty goal linkname", "linkname", project("acme", "site", func(ctx context.Context, p *pagesense.Project) error {
			return p.DeleteGoal(ctx, "")
		})},
	}
	// Every method refuses an empty portal or project linkname.
	methods := map[string]func(context.Context, *pagesense.Project) error{
		"CreateGoal": func(ctx context.Context, p *pagesense.Project) error {
			_, err := p.CreateGoal(ctx, input(nil))
			return err
		},
		"ListGoals":  func(ctx context.Context, p *pagesense.Project) error { _, err := p.ListGoals(ctx); return err },
		"GetGoal":    func(ctx context.Context, p *pagesense.Project) error { _, err := p.GetGoal(ctx, "pricing"); return err },
		"DeleteGoal": func(ctx context.Context, p *pagesense.Project) error { return p.DeleteGoal(ctx, "pricing") },
		"CreateCustomEvent": func(ctx context.Context, p *pagesense.Project) error {
			_, err := p.CreateCustomEvent(ctx, "Signup")
			return err
		},
		"ListCustomEvents": func(ctx context.Context, p *pagesense.Project) error { _, err := p.ListCustomEvents(ctx); return err },
	}
	for name, m := range methods {
		rules = append(rules,
			rule[C]{"empty portal: " + name, "portal_name", project("", "site", m)},
			rule[C]{"empty project linkname: " + name, "project_linkname", project("acme", "", m)},
		)
	}
	checkRules(t, func(o ...transport.Option) (C, error) { return pagesense.NewClient(o...) }, rules)
}
