package goalstate

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Sending one change: the SDK call of each action, with only the fields
// that change.

// applyChange sends one change.
func applyChange(ctx context.Context, t Targets, c Change) error {
	d := c.Desired
	if c.Action != ActionDelete && c.Resource != PageSenseCustomEvents && d == nil {
		return fmt.Errorf("the plan holds no desired object for this change")
	}
	switch c.Resource {
	case ZendeskGoals:
		if c.Action == ActionDelete {
			return t.Goals.Delete(ctx, mustID(c.Key))
		}
		if d.ZendeskGoal == nil {
			return errNoDesired
		}
		if c.Action == ActionCreate {
			_, err := t.Goals.Create(ctx, d.ZendeskGoal.params())
			return err
		}
		_, err := t.Goals.Update(ctx, mustID(c.Key), zendeskGoalPatch(d.ZendeskGoal, c.Fields))
		return err
	case ZendeskTriggers:
		if c.Action == ActionDelete {
			return t.Triggers.Delete(ctx, c.Key)
		}
		if d.Trigger == nil {
			return errNoDesired
		}
		params, err := d.Trigger.params()
		if err != nil {
			return err
		}
		switch c.Action {
		case ActionCreate:
			_, err = t.Triggers.Create(ctx, params)
		case ActionReplace:
			_, err = t.Triggers.Replace(ctx, c.Key, params)
		default:
			_, err = t.Triggers.Update(ctx, c.Key, triggerPatch(params, c.Fields))
		}
		return err
	case GiosgGoals:
		if d.GiosgGoal == nil {
			return errNoDesired
		}
		if c.Action == ActionCreate {
			_, err := t.Giosg.CreateGoal(ctx, d.GiosgGoal.input())
			return err
		}
		g, err := t.Giosg.UpdateGoal(ctx, c.Key, d.GiosgGoal.input())
		if err == nil && g.DefaultValueNotApplied != nil {
			// The rest of the goal was updated; say so rather than
			// report a partial write as success.
			return fmt.Errorf("giosg updated the goal but kept default_value %q instead of %q (giosg does not update default_value: set it in the giosg console)", amountText(g.DefaultValue), *g.DefaultValueNotApplied)
		}
		return err
	case PageSenseGoals:
		switch c.Action {
		case ActionDelete:
			return t.PageSense.DeleteGoal(ctx, c.Key)
		case ActionCreate:
			if d.PageSenseGoal == nil {
				return errNoDesired
			}
			in, err := d.PageSenseGoal.input()
			if err != nil {
				return err
			}
			_, err = t.PageSense.CreateGoal(ctx, in)
			return err
		}
		if d.PageSenseGoal == nil {
			return errNoDesired
		}
		patch, err := pageSenseGoalPatch(d.PageSenseGoal, c.Fields)
		if err != nil {
			return err
		}
		_, err = t.PageSense.UpdateGoal(ctx, c.Key, patch)
		return err
	case PageSenseCustomEvents:
		_, err := t.PageSense.CreateCustomEvent(ctx, c.Name)
		return err
	}
	return fmt.Errorf("unknown resource %q", c.Resource)
}

var errNoDesired = errors.New("the plan holds no desired object of this resource")

// zendeskGoalPatch sends only the fields that change.
func zendeskGoalPatch(g *ZendeskGoal, fields []FieldChange) *goals.GoalParams {
	full, p := g.params(), &goals.GoalParams{}
	for _, f := range fields {
		switch f.Field {
		case "name":
			p.Name = full.Name
		case "description":
			p.Description = full.Description
		case "enabled":
			p.Enabled = full.Enabled
		case "attribution_model":
			p.AttributionModel = full.AttributionModel
		case "attribution_period":
			p.AttributionPeriod = full.AttributionPeriod
		case "conditions":
			p.Settings = full.Settings
		}
	}
	return p
}

// amountText is an optional amount as text, "" when unset.
func amountText(d *giosg.Decimal) string {
	if d == nil {
		return ""
	}
	return string(*d)
}

// triggerPatch sends only the fields that change (a new name renames);
// never the definition, which the API cannot edit.
func triggerPatch(full *triggers.TriggerParams, fields []FieldChange) *triggers.TriggerParams {
	p := &triggers.TriggerParams{}
	for _, f := range fields {
		switch f.Field {
		case "name":
			p.Name = full.Name
		case "description":
			p.Description = full.Description
		case "enabled":
			p.Enabled = full.Enabled
		}
	}
	return p
}

// pageSenseGoalPatch sends only the fields that change.
func pageSenseGoalPatch(g *PageSenseGoal, fields []FieldChange) (*pagesense.GoalPatch, error) {
	in, err := g.input()
	if err != nil {
		return nil, err
	}
	p := &pagesense.GoalPatch{}
	for _, f := range fields {
		switch f.Field {
		case "display_name":
			p.DisplayName = &in.DisplayName
		case "goal_url":
			p.GoalURL = &in.GoalURL
		case "include_urls":
			p.IncludeURLs = ptr(nonNil(in.IncludeURLs))
		case "exclude_urls":
			p.ExcludeURLs = ptr(nonNil(in.ExcludeURLs))
		case "url":
			p.URL = ptr(in.URL)
		case "time_threshold":
			p.TimeThreshold = &in.TimeThreshold
		}
	}
	return p, nil
}

// nonNil sends an empty list as [] (which clears it), not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// mustID reads a Zendesk goal id key; a bad one (a hand-edited plan) is 0,
// which the API answers with 404.
func mustID(key string) int64 {
	id, _ := strconv.ParseInt(key, 10, 64)
	return id
}

// outcomeUnknown reports whether a failed write may have happened anyway:
// anything but an answer with a 4xx status (or a refusal before sending).
func outcomeUnknown(err error) bool {
	var ve *goals.ValidationError
	if errors.As(err, &ve) {
		return false
	}
	var ae *goals.APIError
	if errors.As(err, &ae) {
		return ae.StatusCode >= http.StatusInternalServerError
	}
	return true
}

// createdAnyway reads the created resource and reports whether an object of
// the change's name now exists that the plan did not read.
func createdAnyway(ctx context.Context, t Targets, c Change) (bool, error) {
	objs, err := readResource(ctx, t, c.Resource)
	if err != nil {
		return false, err
	}
	for _, o := range objs {
		if o.Name == c.Name && satisfies(c, o) {
			return true, nil
		}
	}
	return false, nil
}
