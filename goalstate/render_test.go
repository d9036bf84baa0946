package goalstate

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
)

var renderPlan = &Plan{FormatVersion: 1, Read: map[Resource]map[string]string{}, Changes: []Change{
	{Resource: ZendeskGoals, Action: ActionDisable, Name: "a", Key: "7", Fields: []FieldChange{{Field: "enabled", Old: true, New: false}}},
	{Resource: ZendeskTriggers, Action: ActionRename, Name: "New", RenamedFrom: "Old", Key: "Old", Fields: []FieldChange{{Field: "name", Old: "Old", New: "New"}}},
	{Resource: PageSenseGoals, Action: ActionCannot, Name: "p", Key: "p-1", Reason: "why"},
}, Notes: []Note{{Resource: GiosgGoals, Name: "g", Key: "uuid", Message: "stays"}}}

func TestWriteText_ReadableDiffColouredOnlyWhenAsked(t *testing.T) {
	var plain, coloured strings.Builder
	if err := renderPlan.WriteText(&plain, false); err != nil {
		t.Fatal(err)
	}
	want := `~ disable zendesk.goals "a" (7)
    enabled: true -> false
~ rename zendesk.triggers "Old" -> "New"
    name: "Old" -> "New"
! cannot pagesense.goals "p" (p-1): why
# giosg.goals "g" (uuid): stays
Plan: 1 disable, 1 rename, 1 cannot.
`
	if plain.String() != want {
		t.Errorf("got\n%s\nwant\n%s", plain.String(), want)
	}
	_ = renderPlan.WriteText(&coloured, true)
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(coloured.String(), "\x1b[33m~ disable") {
		t.Errorf("colour: plain has escapes or coloured lacks them:\n%q", coloured.String())
	}
}

// TestPlanJSON_DocumentedKeys pins the JSON form the README documents.
func TestPlanJSON_DocumentedKeys(t *testing.T) {
	raw, err := json.Marshal(renderPlan)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	_ = json.Unmarshal(raw, &v)
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	if got := keys(v); !slices.Equal(got, []string{"changes", "format_version", "notes", "read"}) {
		t.Errorf("plan keys %q", got)
	}
	rename := v["changes"].([]any)[1].(map[string]any)
	if got := keys(rename); !slices.Equal(got, []string{"action", "fields", "key", "name", "renamed_from", "resource"}) {
		t.Errorf("change keys %q", got)
	}
	if got := keys(rename["fields"].([]any)[0].(map[string]any)); !slices.Equal(got, []string{"field", "new", "old"}) {
		t.Errorf("field keys %q", got)
	}
}

// keptDefault is a giosg organization whose updates keep the old
// default_value, as giosg may.
type keptDefault struct{ *giosg.Org }

func (k keptDefault) UpdateGoal(ctx context.Context, id string, in *giosg.GoalInput) (*giosg.Goal, error) {
	g, err := k.Org.UpdateGoal(ctx, id, in)
	if err == nil {
		g.DefaultValueNotApplied = in.DefaultValue
	}
	return g, err
}

func TestApply_GiosgDefaultValueKeptIsNotReportedAsApplied(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if _, err := w.org.CreateGoal(ctx, &giosg.GoalInput{Name: "Sale", AllowAnyRoom: true, DefaultValue: ptr(giosg.Decimal("5.00"))}); err != nil {
		t.Fatal(err)
	}
	w.targets.Giosg = keptDefault{w.org}
	doc := load(t, "version: 1\ngiosg:\n  goals: [{name: Sale, allow_any_room: true, default_value: \"7.50\"}]\n", nil)
	rep, err := Apply(ctx, w.plan(t, doc, Options{}), w.targets)
	var ae *ApplyError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), `kept default_value`) || len(rep.Applied) != 0 || len(rep.NotApplied) != 1 {
		t.Errorf("err = %v, report %+v", err, rep)
	}
}
