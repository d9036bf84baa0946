package giosg

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"time"
)

// Goal is a giosg goal: an event that can be triggered for a visitor, used
// for reporting and targeting. Everything but Name, AllowAnyRoom,
// AllowedRooms, DefaultValue and Conditions is read-only.
type Goal struct {
	ID             string        `json:"id"`
	Name           string        `json:"name"`
	OrganizationID string        `json:"organization_id"`
	Organization   *Organization `json:"organization,omitempty"`
	// AllowAnyRoom: can the goal match in any room. The docs spell it
	// allow_any_room, is_any_room_allowed and allowed_any_room; all three
	// decode, allow_any_room is encoded.
	AllowAnyRoom bool `json:"allow_any_room"`
	// AllowedRooms are the room ids the goal may match in when
	// AllowAnyRoom is false.
	AllowedRooms []string `json:"allowed_rooms"`
	// DefaultValue is the value of a match that brings none; nil if unset.
	DefaultValue    *Decimal    `json:"default_value,omitempty"`
	Conditions      []Condition `json:"conditions"`
	CreatedAt       time.Time   `json:"created_at,omitzero"`
	CreatedByUserID string      `json:"created_by_user_id,omitempty"`
	CreatedByUser   *User       `json:"created_by_user,omitempty"`
	// UpdatedAt is when the goal was last updated.
	UpdatedAt       time.Time `json:"updated_at,omitzero"`
	UpdatedByUserID string    `json:"updated_by_user_id,omitempty"`
	UpdatedByUser   *User     `json:"updated_by_user,omitempty"`

	// DefaultValueNotApplied is set only on the goal UpdateGoal or
	// PatchGoal returns, when it sent a default_value and the answer's
	// differs (compared as amounts: "10" equals "10.00"): giosg lists
	// default_value among the fields it does not update, so the server may
	// keep the old one without an error. It holds the value sent; nil when
	// the answer carries it or none was sent. It is never encoded.
	DefaultValueNotApplied *Decimal `json:"-"`
}

// Organization is the organization object embedded in a goal.
type Organization struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// User is the user object embedded in a goal (created_by_user,
// updated_by_user).
type User struct {
	ID             string `json:"id"`
	FullName       string `json:"full_name"`
	FirstName      string `json:"first_name"`
	LastName       string `json:"last_name"`
	OrganizationID string `json:"organization_id"`
	IsBot          bool   `json:"is_bot"`
}

// Condition is one rule used for matching a goal.
type Condition struct {
	Negate bool `json:"negate"`
	// Settings are the condition's type-specific settings, kept whole.
	Settings Settings      `json:"settings"`
	Type     ConditionType `json:"type"`
	Value    string        `json:"value"`
}

// ConditionType is the numeric kind of a condition (the seed shows 1 with
// a city name and 27 with an empty value). The docs do not publish the
// table, so no constants are defined: use the numbers giosg shows you.
type ConditionType int

// Settings holds a condition's settings object. It is a map[string]any, so
// literals and indexing work as for any map, but it decodes numbers as
// json.Number (their exact text) instead of float64, so settings survive a
// Get then Update unchanged: 10000000000000001 and 1.50 stay as written. A
// nil Settings encodes as {} (the API wants an object).
type Settings map[string]any

// MarshalJSON encodes s as a JSON object; nil becomes {}.
func (s Settings) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string]any(s))
}

// UnmarshalJSON decodes a JSON object keeping numbers as json.Number; null
// leaves s unchanged.
func (s *Settings) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch string(data) {
	case "null":
		return nil
	case "{}":
		*s = Settings{} // the common case, without a second decoder
		return nil
	}
	if len(data) == 0 || data[0] != '{' {
		return errors.New("giosg: condition settings must be a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	m := map[string]any{}
	if err := dec.Decode(&m); err != nil {
		return err
	}
	*s = m
	return nil
}

// GoalPage is one page of goals. Next and Previous are the full URLs of the
// neighbouring pages, "" at either end.
type GoalPage struct {
	Next     string `json:"next"`
	Previous string `json:"previous"`
	Results  []Goal `json:"results"`
}

// NextCursor returns the cursor query parameter of Next ("" at the end),
// for ListOptions.Cursor.
func (p *GoalPage) NextCursor() string {
	if p == nil || p.Next == "" {
		return ""
	}
	u, err := url.Parse(p.Next)
	if err != nil {
		return ""
	}
	return u.Query().Get("cursor")
}

// ListOptions select and order a goal listing.
type ListOptions struct {
	// Ordering sorts by fields, "-" for descending: "name,-created_at".
	// The API's default is creation time, ascending.
	Ordering string `url:"ordering,omitempty"`
	// Cursor starts the listing at a page: GoalPage.NextCursor of the page
	// before. Empty is the first page.
	Cursor string `url:"cursor,omitempty"`
}

// optBool is a bool that remembers whether it was present in the JSON.
// Unlike *bool it decodes without an allocation, which matters for pages
// of thousands of goals.
type optBool struct{ set, value bool }

func (b *optBool) UnmarshalJSON(data []byte) error {
	switch string(data) {
	case "true":
		*b = optBool{set: true, value: true}
	case "false":
		*b = optBool{set: true}
	case "null":
	default:
		return errors.New("giosg: want a JSON boolean, got " + string(data))
	}
	return nil
}

// goalFields is Goal without its methods, so goalJSON can embed it without
// recursing into Goal.UnmarshalJSON.
type goalFields Goal

// goalJSON is the wire form of a goal: Goal's fields plus the three
// spellings of the any-room flag. Its allow_any_room shadows the embedded
// field of the same name.
type goalJSON struct {
	goalFields
	AllowAnyRoom     optBool `json:"allow_any_room"`
	IsAnyRoomAllowed optBool `json:"is_any_room_allowed"`
	AllowedAnyRoom   optBool `json:"allowed_any_room"`
}

// goal returns the decoded goal. If several spellings are present,
// allow_any_room (the JSON examples) wins, then is_any_room_allowed (the
// attribute table), then allowed_any_room (the update text).
func (w *goalJSON) goal() Goal {
	g := Goal(w.goalFields)
	for _, b := range [...]optBool{w.AllowAnyRoom, w.IsAnyRoomAllowed, w.AllowedAnyRoom} {
		if b.set {
			g.AllowAnyRoom = b.value
			break
		}
	}
	return g
}

// UnmarshalJSON decodes a goal, accepting every spelling of the any-room
// flag.
func (g *Goal) UnmarshalJSON(data []byte) error {
	var w goalJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*g = w.goal()
	return nil
}

// pageJSON is the wire form of a page. The client decodes pages into it
// directly, so the goals of a page are decoded once, not twice.
type pageJSON struct {
	Next     string     `json:"next"`
	Previous string     `json:"previous"`
	Results  []goalJSON `json:"results"`
}

// reset empties the page for reuse. The old goals are zeroed: encoding/json
// decodes into existing elements, which would otherwise merge old fields
// into new goals and overwrite slices the caller still holds.
func (p *pageJSON) reset() {
	clear(p.Results[:cap(p.Results)])
	*p = pageJSON{Results: p.Results[:0]}
}

// page converts the wire page to a GoalPage.
func (p *pageJSON) page() *GoalPage {
	out := &GoalPage{Next: p.Next, Previous: p.Previous, Results: make([]Goal, len(p.Results))}
	for i := range p.Results {
		out.Results[i] = p.Results[i].goal()
	}
	return out
}
