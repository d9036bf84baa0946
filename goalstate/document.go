package goalstate

import (
	"bytes"
	"encoding/json"
)

// FormatVersion is the version of the desired-state format this package
// reads and writes (the document's "version" key).
const FormatVersion = 1

// Document is a desired state: per dialect, the goals, triggers and custom
// events that should exist in one account. A dialect left out of the file is
// not managed, and so is a list left out (or null) inside a dialect; an empty
// list means "none", which removes the live objects only with Options.Prune.
//
// The vocabulary is the SDK's: wire names for fields, names for enums
// ("first_touch", "PAGE_VISIT_GOAL"), true/false, and money as decimal text.
type Document struct {
	// Version is FormatVersion.
	Version int `json:"version"`
	// Variables are defaults for ${NAME} references in string values;
	// LoadOptions.Variables override them.
	Variables map[string]string `json:"variables,omitempty"`
	// Zendesk is the Zendesk Chat account (packages goals and triggers).
	Zendesk *ZendeskState `json:"zendesk,omitempty"`
	// Giosg is the giosg organization.
	Giosg *GiosgState `json:"giosg,omitempty"`
	// PageSense is the PageSense project.
	PageSense *PageSenseState `json:"pagesense,omitempty"`
}

// ZendeskState is the desired state of a Zendesk Chat account.
type ZendeskState struct {
	// Account names the account for readers (e.g. its subdomain); the
	// account acted on is the one the client was built for.
	Account string `json:"account,omitempty"`
	// Goals are keyed by name; a rename says renamed_from.
	Goals []ZendeskGoal `json:"goals"`
	// Triggers are keyed by name; a rename says renamed_from.
	Triggers []Trigger `json:"triggers"`
}

// ZendeskGoal is a Zendesk Chat goal (goals.Goal without its id).
type ZendeskGoal struct {
	Name string `json:"name"`
	// RenamedFrom is the goal's current name when the file renames it.
	RenamedFrom string `json:"renamed_from,omitempty"`
	Description string `json:"description,omitempty"`
	// Enabled defaults to true when left out, as the API does.
	Enabled *bool `json:"enabled,omitempty"`
	// AttributionModel is "first_touch" or "last_touch".
	AttributionModel string `json:"attribution_model"`
	// AttributionPeriod is in days, 1 to 30.
	AttributionPeriod int `json:"attribution_period"`
	// Conditions: the goal is met when any one is.
	Conditions []ZendeskCondition `json:"conditions,omitempty"`
	// Tests are URLs checked locally with goals.Goal.Matches at plan time.
	Tests *GoalTests `json:"tests,omitempty"`
}

// ZendeskCondition is one rule on the visited URL (goals.Condition).
type ZendeskCondition struct {
	// Type is "url" (the default).
	Type string `json:"type,omitempty"`
	// Operator is "equals" or "contains".
	Operator string `json:"operator"`
	Value    string `json:"value"`
}

// Trigger is a Zendesk Chat trigger (triggers.Trigger without its id).
type Trigger struct {
	Name string `json:"name"`
	// RenamedFrom is the trigger's current name when the file renames it:
	// a rename is said, never guessed from a delete and a create.
	RenamedFrom string `json:"renamed_from,omitempty"`
	Description string `json:"description,omitempty"`
	// Enabled defaults to true when left out.
	Enabled *bool `json:"enabled,omitempty"`
	// Definition is what the trigger does; left out, it is not managed.
	// The API cannot edit a definition: changing it replaces the trigger.
	Definition *TriggerDefinition `json:"definition,omitempty"`
}

// TriggerDefinition is triggers.Definition with its prefix expressions as
// plain YAML/JSON values; they are compared as JSON values.
type TriggerDefinition struct {
	Event     string `json:"event"`
	Condition any    `json:"condition,omitempty"`
	Actions   any    `json:"actions,omitempty"`
	Version   int    `json:"version,omitempty"`
	Editor    string `json:"editor,omitempty"`
	// Extra holds keys of the definition the SDK does not model.
	Extra map[string]any `json:"extra,omitempty"`
}

// UnmarshalJSON decodes a definition from JSON (a saved plan) keeping
// every digit of integers in condition, actions and extra: plain
// encoding/json would turn them into float64.
func (d *TriggerDefinition) UnmarshalJSON(b []byte) error {
	type plain TriggerDefinition
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return err
	}
	p.Condition, p.Actions = plainNumbers(p.Condition), plainNumbers(p.Actions)
	for k, v := range p.Extra {
		p.Extra[k] = plainNumbers(v)
	}
	*d = TriggerDefinition(p)
	return nil
}

// GiosgState is the desired state of a giosg organization.
type GiosgState struct {
	// Account names the organization for readers.
	Account string `json:"account,omitempty"`
	// Goals are keyed by name. giosg has no goal delete: a live goal the
	// file leaves out is reported, never planned.
	Goals []GiosgGoal `json:"goals"`
}

// GiosgGoal is a giosg goal (the writable fields of giosg.Goal).
type GiosgGoal struct {
	Name string `json:"name"`
	// RenamedFrom is the goal's current name when the file renames it.
	RenamedFrom  string   `json:"renamed_from,omitempty"`
	AllowAnyRoom bool     `json:"allow_any_room"`
	AllowedRooms []string `json:"allowed_rooms,omitempty"`
	// DefaultValue is decimal text ("10.00"); equal amounts ("10.0") are
	// no change.
	DefaultValue string           `json:"default_value,omitempty"`
	Conditions   []GiosgCondition `json:"conditions,omitempty"`
}

// GiosgCondition is giosg.Condition.
type GiosgCondition struct {
	Type     int            `json:"type"`
	Value    string         `json:"value,omitempty"`
	Negate   bool           `json:"negate,omitempty"`
	Settings map[string]any `json:"settings,omitempty"`
}

// PageSenseState is the desired state of a PageSense project.
type PageSenseState struct {
	// Account names the project for readers.
	Account string `json:"account,omitempty"`
	// Goals are keyed by display name.
	Goals []PageSenseGoal `json:"goals"`
	// CustomEvents are event names. PageSense can only create them.
	CustomEvents []string `json:"custom_events"`
}

// PageSenseGoal is a PageSense project goal (pagesense.GoalInput).
type PageSenseGoal struct {
	DisplayName string `json:"display_name"`
	// RenamedFrom is the goal's current display name when the file
	// renames it.
	RenamedFrom string `json:"renamed_from,omitempty"`
	// GoalType is a name such as "PAGE_VISIT_GOAL".
	GoalType      string             `json:"goal_type"`
	GoalURL       string             `json:"goal_url,omitempty"`
	IncludeURLs   []string           `json:"include_urls,omitempty"`
	ExcludeURLs   []string           `json:"exclude_urls,omitempty"`
	URL           []PageSenseURLRule `json:"url,omitempty"`
	TimeThreshold int                `json:"time_threshold,omitempty"`
	// Tests are URLs checked locally with pagesense.MatchURL at plan time.
	Tests *GoalTests `json:"tests,omitempty"`
}

// PageSenseURLRule is pagesense.URLRule with its match type by name.
type PageSenseURLRule struct {
	// MatchType is a name such as "SIMPLE_MATCH".
	MatchType string `json:"match_type"`
	// Value is the pattern; empty means the goal's goal_url.
	Value string `json:"value,omitempty"`
}

// GoalTests are URLs a goal must match and must not match, evaluated
// locally when a plan is made; a failing test fails the plan.
type GoalTests struct {
	Match   []string `json:"match,omitempty"`
	NoMatch []string `json:"no_match,omitempty"`
}

// enabled reads an optional enabled flag, true when left out.
func enabled(b *bool) bool { return b == nil || *b }
