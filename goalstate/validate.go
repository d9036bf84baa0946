package goalstate

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
)

// Allowed enum values, by name, as the file spells them.
var (
	attributionModels = []string{string(goals.FirstTouch), string(goals.LastTouch)}
	operators         = []string{string(goals.OperatorEquals), string(goals.OperatorContains)}
	conditionTypes    = []string{string(goals.ConditionURL)}
)

// goalTypeNames and matchTypeNames list the PageSense enums by name.
func goalTypeNames() []string {
	var names []string
	for t := pagesense.PageVisitGoal; t.Valid(); t++ {
		names = append(names, t.String())
	}
	return names
}

func matchTypeNames() []string {
	var names []string
	for t := pagesense.SimpleMatch; t <= pagesense.URLGroupMatch; t++ {
		if t.Valid() {
			names = append(names, t.String())
		}
	}
	return names
}

// Validate checks the rules of the format that need no vendor: version,
// required names, enums, ranges, decimals, duplicate names and renames.
// Errors are *FileError naming the key path.
func (d *Document) Validate() error {
	if d.Version != FormatVersion {
		return invalid("version", "must be %d, got %d", FormatVersion, d.Version)
	}
	if z := d.Zendesk; z != nil {
		names := map[string]bool{}
		for i, g := range z.Goals {
			if err := g.validate(fmt.Sprintf("zendesk.goals[%d]", i), names); err != nil {
				return err
			}
		}
		names = map[string]bool{}
		for i, t := range z.Triggers {
			if err := t.validate(fmt.Sprintf("zendesk.triggers[%d]", i), names); err != nil {
				return err
			}
		}
	}
	if g := d.Giosg; g != nil {
		names := map[string]bool{}
		for i, goal := range g.Goals {
			if err := goal.validate(fmt.Sprintf("giosg.goals[%d]", i), names); err != nil {
				return err
			}
		}
	}
	if p := d.PageSense; p != nil {
		names := map[string]bool{}
		for i, goal := range p.Goals {
			if err := goal.validate(fmt.Sprintf("pagesense.goals[%d]", i), names); err != nil {
				return err
			}
		}
		names = map[string]bool{}
		for i, e := range p.CustomEvents {
			if err := unique(fmt.Sprintf("pagesense.custom_events[%d]", i), e, names); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *ZendeskGoal) validate(path string, names map[string]bool) error {
	if err := named(path, "name", g.Name, g.RenamedFrom, names); err != nil {
		return err
	}
	if err := oneOf(path+".attribution_model", g.AttributionModel, attributionModels); err != nil {
		return err
	}
	if g.AttributionPeriod < 1 || g.AttributionPeriod > 30 {
		return invalid(path+".attribution_period", "must be 1 to 30 days, got %d", g.AttributionPeriod)
	}
	for i, c := range g.Conditions {
		cp := fmt.Sprintf("%s.conditions[%d]", path, i)
		if c.Type != "" {
			if err := oneOf(cp+".type", c.Type, conditionTypes); err != nil {
				return err
			}
		}
		if err := oneOf(cp+".operator", c.Operator, operators); err != nil {
			return err
		}
	}
	if err := g.params().Validate(); err != nil {
		return sdkInvalid(path, err)
	}
	return nil
}

func (t *Trigger) validate(path string, names map[string]bool) error {
	if err := named(path, "name", t.Name, t.RenamedFrom, names); err != nil {
		return err
	}
	if t.Definition != nil && t.Definition.Event == "" {
		return invalid(path+".definition.event", "is required")
	}
	return nil
}

func (g *GiosgGoal) validate(path string, names map[string]bool) error {
	if err := named(path, "name", g.Name, g.RenamedFrom, names); err != nil {
		return err
	}
	if g.DefaultValue != "" {
		if _, err := giosg.ParseDecimal(g.DefaultValue); err != nil {
			return invalid(path+".default_value", "%q is not decimal text such as \"10.00\"", g.DefaultValue)
		}
	}
	if !g.AllowAnyRoom && len(g.AllowedRooms) == 0 {
		return invalid(path+".allowed_rooms", "must list rooms when allow_any_room is false")
	}
	return nil
}

func (g *PageSenseGoal) validate(path string, names map[string]bool) error {
	if err := named(path, "display_name", g.DisplayName, g.RenamedFrom, names); err != nil {
		return err
	}
	if err := oneOf(path+".goal_type", g.GoalType, goalTypeNames()); err != nil {
		return err
	}
	for i, r := range g.URL {
		if err := oneOf(fmt.Sprintf("%s.url[%d].match_type", path, i), r.MatchType, matchTypeNames()); err != nil {
			return err
		}
	}
	in, err := g.input()
	if err != nil {
		return invalid(path, "%v", err)
	}
	if err := in.Validate(); err != nil {
		return sdkInvalid(path, err)
	}
	if g.Tests != nil && len(g.URL) == 0 && g.GoalURL == "" {
		return invalid(path+".tests", "the goal has no URL to test")
	}
	return nil
}

// named checks an object's name (under key) and its renamed_from: both
// unique in the list, and not the same.
func named(path, key, name, renamedFrom string, seen map[string]bool) error {
	if err := unique(path+"."+key, name, seen); err != nil {
		return err
	}
	if renamedFrom == "" {
		return nil
	}
	if renamedFrom == name {
		return invalid(path+".renamed_from", "is the object's own name")
	}
	return unique(path+".renamed_from", renamedFrom, seen)
}

// unique requires a non-empty name not seen before in the same list.
func unique(path, name string, seen map[string]bool) error {
	if strings.TrimSpace(name) == "" {
		return invalid(path, "is required")
	}
	if seen[name] {
		return invalid(path, "%q is listed twice", name)
	}
	seen[name] = true
	return nil
}

// oneOf requires v to be one of the allowed values and names them if not.
func oneOf(path, v string, allowed []string) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	return invalid(path, "unknown value %q; allowed: %s", v, strings.Join(allowed, ", "))
}

// sdkInvalid turns an SDK *ValidationError into a *FileError at the field
// it names (the SDK's wire names are the file's, but for a Zendesk goal's
// "settings." prefix).
func sdkInvalid(path string, err error) error {
	var ve *goals.ValidationError
	if !errors.As(err, &ve) {
		return invalid(path, "%v", err)
	}
	return invalid(join(path, strings.TrimPrefix(ve.Field, "settings.")), "%s", ve.Reason)
}

func invalid(path, format string, args ...any) error {
	return &FileError{Path: path, Reason: fmt.Sprintf(format, args...)}
}
