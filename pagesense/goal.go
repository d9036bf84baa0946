package pagesense

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goalkit/goalkit/internal/transport"
)

// GoalInput is a goal to create. CreateGoal sends it as
// {"projectgoal": {...}} with project_linkname filled in from the Project.
type GoalInput struct {
	DisplayName string   // display_name, required
	GoalType    GoalType // goal_type, required
	// GoalURL is the page the goal is about (goal_url); required for
	// PageVisitGoal.
	GoalURL string
	// IncludeURLs and ExcludeURLs narrow where the goal counts. They are
	// sent as [] when empty, as the official example shows.
	IncludeURLs, ExcludeURLs []string
	// URL holds the URL matching rules (url), e.g. {MatchType: SimpleMatch}
	// for GoalURL. Omitted when empty.
	URL []URLRule
	// TimeThreshold is in seconds (time_threshold); required and positive
	// for TimeSpentGoal, omitted when 0.
	TimeThreshold int
}

// URLRule is one URL matching rule of a goal. The official example sends
// only the match type ({"match_type": 1}), which then applies to goal_url.
type URLRule struct {
	MatchType URLMatchType `json:"match_type"`
	// Value is a URL or pattern for the rule. It is not in the official
	// example (assumed from the rule's purpose) and is omitted when empty.
	Value string `json:"value,omitempty"`
}

// Goal is a project goal as PageSense returns it. Read answers name some
// fields differently from the create body (goal_status, time_spent_seconds,
// element_css_selector, created_time); both spellings decode.
type Goal struct {
	GoalID      string    `json:"goal_id"` // a JSON string or number on the wire
	Linkname    string    `json:"linkname"`
	DisplayName string    `json:"display_name"`
	GoalType    GoalType  `json:"goal_type"`
	GoalURL     string    `json:"goal_url,omitempty"`
	IncludeURLs []string  `json:"include_urls"`
	ExcludeURLs []string  `json:"exclude_urls"`
	URL         []URLRule `json:"url,omitempty"`
	// TimeThreshold is in seconds: time_spent_seconds in answers (a string,
	// "" when unset, which is 0), time_threshold in the create body.
	TimeThreshold   int    `json:"time_threshold,omitempty"`
	ProjectLinkname string `json:"project_linkname,omitempty"`
	// Status is goal_status (a number in answers, e.g. "2"); an older
	// "status" key is read too.
	Status string `json:"goal_status,omitempty"`
	// ElementSelector is the CSS selector of element goals
	// (element_css_selector).
	ElementSelector string `json:"element_css_selector,omitempty"`
	// CreatedAt is created_time (epoch milliseconds on the wire), in UTC;
	// zero when absent.
	CreatedAt time.Time `json:"created_time,omitzero"`
	// Selectors is a "selectors" key, kept raw: no PageSense page shows it
	// (lists carry element_css_selector), but earlier goalkit read it.
	Selectors json.RawMessage `json:"selectors,omitempty"`
}

// wireGoal is Goal with lenient types where the wire varies. The client
// decodes lists into it directly: an UnmarshalJSON on Goal itself would make
// encoding/json scan every goal twice.
type wireGoal struct {
	GoalID          flexString      `json:"goal_id"`
	Linkname        string          `json:"linkname"`
	DisplayName     string          `json:"display_name"`
	GoalType        GoalType        `json:"goal_type"`
	GoalURL         string          `json:"goal_url"`
	IncludeURLs     []string        `json:"include_urls"`
	ExcludeURLs     []string        `json:"exclude_urls"`
	URL             []URLRule       `json:"url"`
	TimeThreshold   flexInt         `json:"time_threshold"`
	TimeSpent       flexInt         `json:"time_spent_seconds"`
	ProjectLinkname string          `json:"project_linkname"`
	GoalStatus      flexString      `json:"goal_status"`
	Status          flexString      `json:"status"`
	ElementSelector string          `json:"element_css_selector"`
	CreatedTime     epochMillis     `json:"created_time"`
	Selectors       json.RawMessage `json:"selectors"`
	itemStatus
}

func (w *wireGoal) goal() Goal {
	g := Goal{
		GoalID:          string(w.GoalID),
		Linkname:        w.Linkname,
		DisplayName:     w.DisplayName,
		GoalType:        w.GoalType,
		GoalURL:         w.GoalURL,
		IncludeURLs:     w.IncludeURLs,
		ExcludeURLs:     w.ExcludeURLs,
		URL:             w.URL,
		TimeThreshold:   int(w.TimeSpent),
		ProjectLinkname: w.ProjectLinkname,
		Status:          string(w.GoalStatus),
		ElementSelector: w.ElementSelector,
		CreatedAt:       time.Time(w.CreatedTime),
		Selectors:       w.Selectors,
	}
	if g.TimeThreshold == 0 {
		g.TimeThreshold = int(w.TimeThreshold)
	}
	if g.Status == "" {
		g.Status = string(w.Status)
	}
	return g
}

func goalsOf(ws []wireGoal) []Goal {
	gs := make([]Goal, len(ws))
	for i := range ws {
		gs[i] = ws[i].goal()
	}
	return gs
}

// UnmarshalJSON decodes a goal from plain json.Unmarshal too, accepting
// both spellings of the renamed fields and ids, statuses and thresholds as
// strings or numbers.
func (g *Goal) UnmarshalJSON(b []byte) error {
	var w wireGoal
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*g = w.goal()
	return nil
}

// CustomEvent is a project's custom event, which custom-event goals count.
type CustomEvent struct {
	EventID         string `json:"event_id"` // a JSON string or number on the wire
	Linkname        string `json:"linkname"`
	Name            string `json:"event_name"`
	ProjectLinkname string `json:"project_linkname,omitempty"`
}

// wireEvent is CustomEvent with a lenient event_id; see wireGoal.
type wireEvent struct {
	EventID         flexString `json:"event_id"`
	Linkname        string     `json:"linkname"`
	Name            string     `json:"event_name"`
	ProjectLinkname string     `json:"project_linkname"`
	itemStatus
}

func (w *wireEvent) event() CustomEvent {
	return CustomEvent{EventID: string(w.EventID), Linkname: w.Linkname, Name: w.Name, ProjectLinkname: w.ProjectLinkname}
}

// UnmarshalJSON decodes a custom event from plain json.Unmarshal too,
// accepting event_id as a string or a number.
func (e *CustomEvent) UnmarshalJSON(b []byte) error {
	var w wireEvent
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = w.event()
	return nil
}

// goalRequest is the create-goal body. Field order follows the official
// example, so the time-spent example is reproduced byte for byte.
type goalRequest struct {
	Goal goalBody `json:"projectgoal"`
}

type goalBody struct {
	DisplayName     string    `json:"display_name"`
	GoalType        GoalType  `json:"goal_type"`
	GoalURL         string    `json:"goal_url,omitempty"`
	IncludeURLs     []string  `json:"include_urls"`
	ExcludeURLs     []string  `json:"exclude_urls"`
	URL             []URLRule `json:"url,omitempty"`
	TimeThreshold   int       `json:"time_threshold,omitempty"`
	ProjectLinkname string    `json:"project_linkname"`
}

// MarshalJSON writes the body by hand (a create is a hot path, and this
// is a fifth of encoding/json's cost): the bytes are json.Marshal's over
// the struct as declared (FuzzGoalRequestEncoder).
func (r *goalRequest) MarshalJSON() ([]byte, error) {
	g := &r.Goal
	n := 160 + len(g.DisplayName) + len(g.GoalURL) + len(g.ProjectLinkname)
	for _, list := range [...][]string{g.IncludeURLs, g.ExcludeURLs} {
		for _, s := range list {
			n += len(s) + 3
		}
	}
	for _, u := range g.URL {
		n += 40 + len(u.Value)
	}
	b := append(make([]byte, 0, n), `{"projectgoal":{"display_name":`...)
	b = transport.AppendJSONString(b, g.DisplayName)
	b = strconv.AppendInt(append(b, `,"goal_type":`...), int64(g.GoalType), 10)
	if g.GoalURL != "" {
		b = transport.AppendJSONString(append(b, `,"goal_url":`...), g.GoalURL)
	}
	b = transport.AppendJSONStrings(append(b, `,"include_urls":`...), g.IncludeURLs)
	b = transport.AppendJSONStrings(append(b, `,"exclude_urls":`...), g.ExcludeURLs)
	if len(g.URL) > 0 {
		b = append(b, `,"url":[`...)
		for i, u := range g.URL {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(append(b, `{"match_type":`...), int64(u.MatchType), 10)
			if u.Value != "" {
				b = transport.AppendJSONString(append(b, `,"value":`...), u.Value)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if g.TimeThreshold != 0 {
		b = strconv.AppendInt(append(b, `,"time_threshold":`...), int64(g.TimeThreshold), 10)
	}
	b = transport.AppendJSONString(append(b, `,"project_linkname":`...), g.ProjectLinkname)
	return append(b, "}}"...), nil
}

// eventRequest is the create-custom-event body.
type eventRequest struct {
	Event eventBody `json:"customevent"`
}

type eventBody struct {
	Name            string `json:"event_name"`
	ProjectLinkname string `json:"project_linkname"`
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (in *GoalInput) body(projectLinkname string) *goalRequest {
	return &goalRequest{Goal: goalBody{
		DisplayName:     in.DisplayName,
		GoalType:        in.GoalType,
		GoalURL:         in.GoalURL,
		IncludeURLs:     nonNil(in.IncludeURLs),
		ExcludeURLs:     nonNil(in.ExcludeURLs),
		URL:             in.URL,
		TimeThreshold:   in.TimeThreshold,
		ProjectLinkname: projectLinkname,
	}}
}

// Validate checks what PageSense requires before anything is sent: a
// display name, a known goal type, a positive time threshold for
// TimeSpentGoal (and never a negative one), a goal URL for PageVisitGoal,
// and known match types in the URL rules. The error is a *ValidationError
// naming the wire field.
func (in *GoalInput) Validate() error {
	if in == nil {
		return transport.Invalid("projectgoal", "missing goal input")
	}
	if strings.TrimSpace(in.DisplayName) == "" {
		return transport.Invalid("display_name", "must not be empty")
	}
	if !in.GoalType.Valid() {
		return transport.Invalid("goal_type", "unknown goal type %d (want 1 to 10)", int(in.GoalType))
	}
	if in.TimeThreshold < 0 {
		return transport.Invalid("time_threshold", "must not be negative, got %d", in.TimeThreshold)
	}
	if in.GoalType == TimeSpentGoal && in.TimeThreshold == 0 {
		return transport.Invalid("time_threshold", "must be positive (seconds) for %s", in.GoalType)
	}
	if in.GoalType == PageVisitGoal && strings.TrimSpace(in.GoalURL) == "" {
		return transport.Invalid("goal_url", "required for %s", in.GoalType)
	}
	for i, r := range in.URL {
		if !r.MatchType.Valid() {
			return transport.Invalid("match_type", "url[%d]: unknown match type %d (want 1 to 8 or 10)", i, int(r.MatchType))
		}
	}
	return in.validText()
}

// validText refuses text that is not valid UTF-8 (JSON encoding would
// silently turn it into U+FFFD), naming the field as transport.ValidUTF8
// names it in the wire body, without its reflection on the create path
// (TestGoalInputChecksEveryText).
func (in *GoalInput) validText() error {
	if err := transport.ValidString("display_name", in.DisplayName); err != nil {
		return err
	}
	if err := transport.ValidString("goal_url", in.GoalURL); err != nil {
		return err
	}
	if err := transport.ValidStrings("include_urls", in.IncludeURLs); err != nil {
		return err
	}
	if err := transport.ValidStrings("exclude_urls", in.ExcludeURLs); err != nil {
		return err
	}
	for i, r := range in.URL {
		if !utf8.ValidString(r.Value) {
			return transport.Invalid(fmt.Sprintf("url[%d].value", i), "is not valid UTF-8")
		}
	}
	return nil
}
