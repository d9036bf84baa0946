package pagesense

import (
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// GoalPatch is a change to an existing goal for UpdateGoal: each non-nil
// field is sent, the others are left as they are. The official page shows
// only display_name being changed; the other fields are the create body's
// and are sent under the same names.
type GoalPatch struct {
	DisplayName   *string    // display_name; must not be blank
	GoalURL       *string    // goal_url
	IncludeURLs   *[]string  // include_urls; an empty list clears them
	ExcludeURLs   *[]string  // exclude_urls; an empty list clears them
	URL           *[]URLRule // url, the URL matching rules
	TimeThreshold *int       // time_threshold in seconds; must be positive
}

// patchRequest is the update-goal body: {"projectgoal": {...}}.
type patchRequest struct {
	Goal patchBody `json:"projectgoal"`
}

type patchBody struct {
	DisplayName     *string    `json:"display_name,omitempty"`
	GoalURL         *string    `json:"goal_url,omitempty"`
	IncludeURLs     *[]string  `json:"include_urls,omitempty"`
	ExcludeURLs     *[]string  `json:"exclude_urls,omitempty"`
	URL             *[]URLRule `json:"url,omitempty"`
	TimeThreshold   *int       `json:"time_threshold,omitempty"`
	ProjectLinkname string     `json:"project_linkname"`
}

func (p *GoalPatch) body(projectLinkname string) *patchRequest {
	b := patchBody{
		DisplayName: p.DisplayName, GoalURL: p.GoalURL, URL: p.URL,
		TimeThreshold: p.TimeThreshold, ProjectLinkname: projectLinkname,
	}
	// A set but empty list is sent as [] (clearing it), not as null.
	if p.IncludeURLs != nil {
		l := nonNil(*p.IncludeURLs)
		b.IncludeURLs = &l
	}
	if p.ExcludeURLs != nil {
		l := nonNil(*p.ExcludeURLs)
		b.ExcludeURLs = &l
	}
	return &patchRequest{Goal: b}
}

// Validate checks a patch before anything is sent: at least one field set,
// a display name that is not blank, a positive time threshold and known
// match types. The error is a *ValidationError naming the wire field
// ("projectgoal" for an empty patch).
func (p *GoalPatch) Validate() error {
	if p == nil || *p == (GoalPatch{}) {
		return transport.Invalid("projectgoal", "empty patch: set at least one field to change")
	}
	if p.DisplayName != nil && strings.TrimSpace(*p.DisplayName) == "" {
		return transport.Invalid("display_name", "must not be empty")
	}
	if p.TimeThreshold != nil && *p.TimeThreshold <= 0 {
		return transport.Invalid("time_threshold", "must be positive (seconds), got %d", *p.TimeThreshold)
	}
	if p.URL != nil {
		for i, r := range *p.URL {
			if !r.MatchType.Valid() {
				return transport.Invalid("match_type", "url[%d]: unknown match type %d (want 1 to 8 or 10)", i, int(r.MatchType))
			}
		}
	}
	return nil
}

// fill completes g, decoded from a write answer, with what the patch sent
// where the answer says nothing: write answers carry little more than ids
// and the status.
func (p *GoalPatch) fill(g *Goal) {
	if g.DisplayName == "" && p.DisplayName != nil {
		g.DisplayName = *p.DisplayName
	}
	if g.GoalURL == "" && p.GoalURL != nil {
		g.GoalURL = *p.GoalURL
	}
	if g.IncludeURLs == nil && p.IncludeURLs != nil {
		g.IncludeURLs = nonNil(*p.IncludeURLs)
	}
	if g.ExcludeURLs == nil && p.ExcludeURLs != nil {
		g.ExcludeURLs = nonNil(*p.ExcludeURLs)
	}
	if g.URL == nil && p.URL != nil {
		g.URL = *p.URL
	}
	if g.TimeThreshold == 0 && p.TimeThreshold != nil {
		g.TimeThreshold = *p.TimeThreshold
	}
}

// fill completes g, decoded from the create answer, with what was sent
// where the answer omits it; what the answer says is kept.
func (in *GoalInput) fill(g *Goal) {
	if g.DisplayName == "" {
		g.DisplayName = in.DisplayName
	}
	if g.GoalType == 0 {
		g.GoalType = in.GoalType
	}
	if g.GoalURL == "" {
		g.GoalURL = in.GoalURL
	}
	if g.IncludeURLs == nil {
		g.IncludeURLs = nonNil(in.IncludeURLs)
	}
	if g.ExcludeURLs == nil {
		g.ExcludeURLs = nonNil(in.ExcludeURLs)
	}
	if g.URL == nil {
		g.URL = in.URL
	}
	if g.TimeThreshold == 0 {
		g.TimeThreshold = in.TimeThreshold
	}
}
