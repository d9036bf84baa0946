package goalstate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// PlanFormatVersion is the version of the plan's JSON form.
const PlanFormatVersion = 1

// Action is what a change does.
type Action string

// The actions of a plan.
const (
	ActionCreate  Action = "create"
	ActionUpdate  Action = "update"  // Fields say what changes
	ActionDisable Action = "disable" // an update that turns enabled off
	ActionRename  Action = "rename"  // the file's renamed_from, maybe with other fields
	ActionReplace Action = "replace" // a trigger definition: the API cannot edit one
	ActionDelete  Action = "delete"  // only with Options.Prune
	ActionCannot  Action = "cannot"  // wanted, not possible: Reason says why; apply skips it
)

// Plan is a reviewed set of changes and what they were computed from. Its
// JSON form (goalctl plan --out, --output json) is stable: fields are only
// added, and FormatVersion changes if one changes meaning.
type Plan struct {
	FormatVersion int      `json:"format_version"`
	Changes       []Change `json:"changes"`
	// Notes report what the plan leaves alone, e.g. live objects the file
	// does not list without --prune, or a giosg goal (no delete).
	Notes []Note `json:"notes,omitempty"`
	// Read is what the plan read: per resource, each object's key and a
	// hash of its content. Apply refuses if the live state moved.
	Read map[Resource]map[string]string `json:"read"`
}

// Change is one planned change.
type Change struct {
	Resource Resource `json:"resource"`
	Action   Action   `json:"action"`
	// Name is the object's name in the file (its display name in
	// PageSense).
	Name        string `json:"name"`
	RenamedFrom string `json:"renamed_from,omitempty"`
	// Key is the id of the live object changed (Zendesk goal id, trigger
	// name, giosg id, PageSense linkname); empty for a create.
	Key    string        `json:"key,omitempty"`
	Fields []FieldChange `json:"fields,omitempty"`
	Reason string        `json:"reason,omitempty"`
	// Desired is the object as the file wants it (not for delete).
	Desired *Desired `json:"desired,omitempty"`
}

// Desired holds the wanted object of a change, in the field of its
// resource.
type Desired struct {
	ZendeskGoal   *ZendeskGoal   `json:"zendesk_goal,omitempty"`
	Trigger       *Trigger       `json:"trigger,omitempty"`
	GiosgGoal     *GiosgGoal     `json:"giosg_goal,omitempty"`
	PageSenseGoal *PageSenseGoal `json:"pagesense_goal,omitempty"`
}

// Note is something the plan reports and does not change.
type Note struct {
	Resource Resource `json:"resource"`
	Name     string   `json:"name"`
	Key      string   `json:"key,omitempty"`
	Message  string   `json:"message"`
}

// HasChanges reports whether the plan changes anything (a "cannot" counts:
// the live state differs from the file).
func (p *Plan) HasChanges() bool { return len(p.Changes) > 0 }

// Options tune a plan.
type Options struct {
	// Prune deletes live objects the file does not list (where the vendor
	// can delete). Without it they are reported as notes.
	Prune bool
}

// MakePlan computes the changes that turn the live state of t into doc.
// Before anything is sent it runs the goal tests (a failure is a
// *GoalTestError); then it reads each managed resource with one list call
// and checks the vendors' rules (a violation is a *RuleError). It never
// writes.
func MakePlan(ctx context.Context, doc *Document, t Targets, opts Options) (*Plan, error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if err := RunGoalTests(doc); err != nil {
		return nil, err
	}
	p := &Plan{FormatVersion: PlanFormatVersion, Changes: []Change{}, Read: map[Resource]map[string]string{}}
	for _, r := range doc.managed() {
		objs, err := readResource(ctx, t, r)
		if err != nil {
			return nil, err
		}
		p.Read[r] = map[string]string{}
		for _, o := range objs {
			p.Read[r][o.Key] = o.Hash
		}
		pl := planner{plan: p, opts: opts, targets: t, resource: r, live: objs, byName: byName(objs), claimed: map[string]bool{}}
		switch r {
		case ZendeskGoals:
			err = pl.zendeskGoals(doc.Zendesk.Goals)
		case ZendeskTriggers:
			pl.triggers(doc.Zendesk.Triggers)
		case GiosgGoals:
			err = pl.giosgGoals(doc.Giosg.Goals)
		case PageSenseGoals:
			pl.pageSenseGoals(doc.PageSense.Goals)
		case PageSenseCustomEvents:
			pl.customEvents(doc.PageSense.CustomEvents)
		}
		if err != nil {
			return nil, err
		}
	}
	orderChanges(p.Changes)
	return p, nil
}

// planner plans one resource.
type planner struct {
	plan     *Plan
	opts     Options
	targets  Targets
	resource Resource
	live     []liveObject
	byName   map[string][]liveObject
	claimed  map[string]bool // live keys the file lists
}

func (pl *planner) add(c Change) {
	c.Resource = pl.resource
	pl.plan.Changes = append(pl.plan.Changes, c)
}

func (pl *planner) note(o liveObject, msg string) {
	pl.plan.Notes = append(pl.plan.Notes, Note{Resource: pl.resource, Name: o.Name, Key: o.Key, Message: msg})
}

// match finds the one live object named name; a second one is a "cannot".
func (pl *planner) match(name string) (liveObject, bool, error) {
	objs := pl.byName[name]
	for _, o := range objs {
		pl.claimed[o.Key] = true
	}
	switch len(objs) {
	case 0:
		return liveObject{}, false, nil
	case 1:
		return objs[0], true, nil
	}
	keys := make([]string, len(objs))
	for i, o := range objs {
		keys[i] = o.Key
	}
	return liveObject{}, false, fmt.Errorf("%d live objects are named %q (keys %s): remove all but one in the vendor's console", len(objs), name, strings.Join(keys, ", "))
}

// unlisted handles the live objects the file does not list: deleted with
// Prune where deletable, reported otherwise.
func (pl *planner) unlisted(deletable bool, why string) {
	for _, o := range pl.live {
		if pl.claimed[o.Key] {
			continue
		}
		switch {
		case !deletable:
			pl.note(o, why)
		case pl.opts.Prune:
			pl.add(Change{Action: ActionDelete, Name: o.Name, Key: o.Key})
		default:
			pl.note(o, "not in the file; left as is (--prune deletes it)")
		}
	}
}

func (pl *planner) zendeskGoals(want []ZendeskGoal) error {
	enabledAfter := []string{}
	for i := range want {
		w := &want[i]
		_ = pl.one(w.Name, w.RenamedFrom, &Desired{ZendeskGoal: w}, func(o liveObject) ([]FieldChange, error) {
			return zendeskGoalDiff(w, o.Value.(goals.Goal)), nil
		}, func(c *Change, o liveObject) {
			if o.Value.(goals.Goal).Enabled && !enabled(w.Enabled) {
				c.Action = ActionDisable
			}
		})
		if enabled(w.Enabled) {
			enabledAfter = append(enabledAfter, w.Name)
		}
	}
	pl.unlisted(true, "")
	if !pl.opts.Prune {
		for _, o := range pl.live {
			if !pl.claimed[o.Key] && o.Value.(goals.Goal).Enabled {
				enabledAfter = append(enabledAfter, o.Name+" (not in the file)")
			}
		}
	}
	if len(enabledAfter) > goals.MaxActiveGoals {
		return &RuleError{
			Resource: ZendeskGoals, Names: enabledAfter,
			Reason: fmt.Sprintf("%d goals would be enabled after the plan; Zendesk Chat allows %d", len(enabledAfter), goals.MaxActiveGoals),
		}
	}
	return nil
}

func (pl *planner) triggers(want []Trigger) {
	for i := range want {
		w := &want[i]
		_ = pl.one(w.Name, w.RenamedFrom, &Desired{Trigger: w}, func(o liveObject) ([]FieldChange, error) {
			fields, _ := triggerDiff(w, o.Value.(triggers.Trigger))
			return fields, nil
		}, func(c *Change, o liveObject) {
			if _, definition := triggerDiff(w, o.Value.(triggers.Trigger)); !definition {
				return
			}
			c.Action = ActionReplace
			c.Reason = "the API cannot edit a trigger definition: the trigger is replaced (deleted and created again)"
		})
	}
	pl.unlisted(true, "")
}

func (pl *planner) giosgGoals(want []GiosgGoal) error {
	for i := range want {
		w := &want[i]
		err := pl.one(w.Name, w.RenamedFrom, &Desired{GiosgGoal: w}, func(o liveObject) ([]FieldChange, error) {
			return giosgGoalDiff(w, o.Value.(giosg.Goal))
		}, func(c *Change, _ liveObject) {
			if slices.ContainsFunc(c.Fields, func(f FieldChange) bool { return f.Field == "default_value" }) {
				c.Reason = "giosg does not list default_value as updatable and may keep the old one; apply reports it if so"
			}
		})
		if err != nil {
			return err
		}
	}
	pl.unlisted(false, "not in the file; giosg has no goal delete, so it stays (remove it in the giosg console)")
	return nil
}

func (pl *planner) pageSenseGoals(want []PageSenseGoal) {
	for i := range want {
		w := &want[i]
		_ = pl.one(w.DisplayName, w.RenamedFrom, &Desired{PageSenseGoal: w}, func(o liveObject) ([]FieldChange, error) {
			return pageSenseGoalDiff(w, o.Value.(pagesense.Goal)), nil
		}, func(c *Change, _ liveObject) {
			if reason := pageSenseCannotUpdate(c.Fields); reason != "" {
				c.Action, c.Reason = ActionCannot, reason
			}
		})
	}
	pl.unlisted(true, "")
}

// one plans the object the file names name (or renamedFrom, when the file
// renames it): a "cannot" when several live objects have that name, a
// create when none has, else an update (a rename) with the fields diff
// finds (none: no change), which adjust may turn into another action.
func (pl *planner) one(name, renamedFrom string, d *Desired, diff func(liveObject) ([]FieldChange, error), adjust func(*Change, liveObject)) error {
	o, found, err := pl.match(name)
	action := ActionUpdate
	if err == nil && renamedFrom != "" {
		old, oldFound, oldErr := pl.match(renamedFrom)
		switch {
		case oldErr != nil:
			err = oldErr
		case oldFound && found:
			err = fmt.Errorf("both %q and its renamed_from %q exist: delete one first", name, renamedFrom)
		case oldFound:
			o, found, action = old, true, ActionRename
		}
	}
	switch {
	case err != nil:
		pl.add(Change{Action: ActionCannot, Name: name, Reason: err.Error()})
		return nil
	case !found:
		pl.add(Change{Action: ActionCreate, Name: name, Desired: d})
		return nil
	}
	fields, err := diff(o)
	if err != nil || len(fields) == 0 {
		return err
	}
	c := Change{Action: action, Name: name, Key: o.Key, Fields: fields, Desired: d}
	if action == ActionRename {
		c.RenamedFrom = renamedFrom
	}
	if adjust != nil {
		adjust(&c, o)
	}
	pl.add(c)
	return nil
}

func (pl *planner) customEvents(want []string) {
	for _, name := range want {
		if _, found, _ := pl.match(name); !found {
			pl.add(Change{Action: ActionCreate, Name: name})
		}
	}
	pl.unlisted(false, "not in the file; PageSense custom events are create-only, so it stays")
}

// orderChanges puts deletes and disables first, so that the Zendesk limit
// of enabled goals is never crossed in the middle of an apply; otherwise the
// file's order is kept.
func orderChanges(cs []Change) {
	first := func(c Change) int {
		if c.Action == ActionDelete || c.Action == ActionDisable {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(cs, func(a, b Change) int { return first(a) - first(b) })
}
