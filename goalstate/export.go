package goalstate

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/goccy/go-yaml"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// AllResources are every resource, for Export.
var AllResources = []Resource{ZendeskGoals, ZendeskTriggers, GiosgGoals, PageSenseGoals, PageSenseCustomEvents}

// Export reads the live state of the given resources (one list call each)
// into a document. The round-trip law holds: a plan of the export against
// the same account has no changes. Goal tests and variables are not
// exported. Live objects sharing a name are exported as they are, and the
// file then fails Load (names are keys): rename one in the console first.
func Export(ctx context.Context, t Targets, resources []Resource) (*Document, error) {
	doc := &Document{Version: FormatVersion}
	for _, r := range resources {
		objs, err := readResource(ctx, t, r)
		if err != nil {
			return nil, err
		}
		switch r {
		case ZendeskGoals, ZendeskTriggers:
			if doc.Zendesk == nil {
				doc.Zendesk = &ZendeskState{}
			}
		case GiosgGoals:
			doc.Giosg = &GiosgState{}
		case PageSenseGoals, PageSenseCustomEvents:
			if doc.PageSense == nil {
				doc.PageSense = &PageSenseState{}
			}
		}
		switch r {
		case ZendeskGoals:
			doc.Zendesk.Goals = []ZendeskGoal{}
			for _, o := range objs {
				doc.Zendesk.Goals = append(doc.Zendesk.Goals, zendeskGoalFrom(o.Value.(goals.Goal)))
			}
		case ZendeskTriggers:
			doc.Zendesk.Triggers = []Trigger{}
			for _, o := range objs {
				tr, err := triggerFrom(o.Value.(triggers.Trigger))
				if err != nil {
					return nil, err
				}
				doc.Zendesk.Triggers = append(doc.Zendesk.Triggers, tr)
			}
		case GiosgGoals:
			doc.Giosg.Goals = []GiosgGoal{}
			for _, o := range objs {
				g, err := giosgGoalFrom(o.Value.(giosg.Goal))
				if err != nil {
					return nil, err
				}
				doc.Giosg.Goals = append(doc.Giosg.Goals, g)
			}
		case PageSenseGoals:
			doc.PageSense.Goals = []PageSenseGoal{}
			for _, o := range objs {
				doc.PageSense.Goals = append(doc.PageSense.Goals, pageSenseGoalFrom(o.Value.(pagesense.Goal)))
			}
		case PageSenseCustomEvents:
			doc.PageSense.CustomEvents = []string{}
			for _, o := range objs {
				doc.PageSense.CustomEvents = append(doc.PageSense.CustomEvents, o.Name)
			}
		}
	}
	return doc, nil
}

// Encode writes doc as YAML, which Load reads back to the same document:
// a literal "${" in a value is written "$${" so that it is not taken for a
// variable. Encode changes doc while it runs (and restores it), so doc must
// not be used concurrently.
func Encode(doc *Document) ([]byte, error) {
	replaceInStrings(doc, "${", "$${")
	defer replaceInStrings(doc, "$${", "${")
	out, err := yaml.MarshalWithOptions(doc, yaml.Indent(2), yaml.IndentSequence(true))
	if err != nil {
		return nil, fmt.Errorf("goalstate: encoding the document: %w", err)
	}
	// go-yaml writes some strings (one with a tab) in a form it reads back
	// differently. Then the document is written as JSON, which is YAML too.
	var back Document
	if err := yaml.UnmarshalWithOptions(out, &back, yaml.Strict()); err != nil || !jsonEqual(doc, &back) {
		out, err := json.MarshalIndent(doc, "", "  ")
		return append(out, '\n'), err
	}
	return out, nil
}
