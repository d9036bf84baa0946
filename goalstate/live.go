package goalstate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// Resource names one kind of object in one dialect. It keys a plan's reads
// and names the kind of each change.
type Resource string

// The resources this package manages.
const (
	ZendeskGoals          Resource = "zendesk.goals"
	ZendeskTriggers       Resource = "zendesk.triggers"
	GiosgGoals            Resource = "giosg.goals"
	PageSenseGoals        Resource = "pagesense.goals"
	PageSenseCustomEvents Resource = "pagesense.custom_events"
)

// liveObject is one object as read: its key (the id the API addresses it
// by), its name (what the file keys it by), a hash of everything read, and
// the SDK value.
type liveObject struct {
	Key, Name, Hash string
	Value           any
}

// readResource lists one resource with one list call (giosg follows its
// pages to the end).
func readResource(ctx context.Context, t Targets, r Resource) ([]liveObject, error) {
	var out []liveObject
	add := func(key, name string, v any) error {
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(raw)
		out = append(out, liveObject{Key: key, Name: name, Hash: hex.EncodeToString(sum[:12]), Value: v})
		return nil
	}
	var err error
	switch r {
	case ZendeskGoals:
		if t.Goals == nil {
			return nil, fmt.Errorf("goalstate: the document manages %s but no goals client was given", r)
		}
		var list []goals.Goal
		if list, err = t.Goals.List(ctx); err == nil {
			for _, g := range list {
				if err = add(strconv.FormatInt(g.ID, 10), g.Name, g); err != nil {
					break
				}
			}
		}
	case ZendeskTriggers:
		if t.Triggers == nil {
			return nil, fmt.Errorf("goalstate: the document manages %s but no triggers client was given", r)
		}
		var list []triggers.Trigger
		if list, err = t.Triggers.List(ctx); err == nil {
			for _, tr := range list {
				if err = add(tr.Name, tr.Name, tr); err != nil {
					break
				}
			}
		}
	case GiosgGoals:
		if t.Giosg == nil {
			return nil, fmt.Errorf("goalstate: the document manages %s but no giosg client was given", r)
		}
		for g, gerr := range t.Giosg.AllGoals(ctx, nil) {
			if gerr != nil {
				err = gerr
				break
			}
			if err = add(g.ID, g.Name, g); err != nil {
				break
			}
		}
	case PageSenseGoals, PageSenseCustomEvents:
		if t.PageSense == nil {
			return nil, fmt.Errorf("goalstate: the document manages %s but no pagesense client was given", r)
		}
		if r == PageSenseGoals {
			var list []pagesense.Goal
			if list, err = t.PageSense.ListGoals(ctx); err == nil {
				for _, g := range list {
					if err = add(g.Linkname, g.DisplayName, g); err != nil {
						break
					}
				}
			}
		} else {
			var list []pagesense.CustomEvent
			if list, err = t.PageSense.ListCustomEvents(ctx); err == nil {
				for _, e := range list {
					if err = add(e.Name, e.Name, e); err != nil {
						break
					}
				}
			}
		}
	default:
		return nil, fmt.Errorf("goalstate: unknown resource %q", r)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", r, err)
	}
	return out, nil
}

// managed lists the resources the document manages, in a fixed order.
func (d *Document) managed() []Resource {
	var rs []Resource
	if z := d.Zendesk; z != nil {
		if z.Goals != nil {
			rs = append(rs, ZendeskGoals)
		}
		if z.Triggers != nil {
			rs = append(rs, ZendeskTriggers)
		}
	}
	if g := d.Giosg; g != nil && g.Goals != nil {
		rs = append(rs, GiosgGoals)
	}
	if p := d.PageSense; p != nil {
		if p.Goals != nil {
			rs = append(rs, PageSenseGoals)
		}
		if p.CustomEvents != nil {
			rs = append(rs, PageSenseCustomEvents)
		}
	}
	return rs
}

// byName groups live objects by name.
func byName(objs []liveObject) map[string][]liveObject {
	m := map[string][]liveObject{}
	for _, o := range objs {
		m[o.Name] = append(m[o.Name], o)
	}
	return m
}
