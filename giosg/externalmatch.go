package giosg

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/goalkit/goalkit/internal/transport"
)

// MatchTimeLayout is how GoalMatchedAt is sent: RFC 3339 in UTC with
// milliseconds, as the docs show ("2016-10-10T22:00:49.123Z").
const MatchTimeLayout = "2006-01-02T15:04:05.000Z"

// ExternalMatch records that a visitor reached a goal outside the web page
// (a purchase by phone or in a shop). The visitor identity must have been
// sent earlier through giosg's Visitor Identifier API; giosg links the
// match to that visitor's most recent session before GoalMatchedAt.
type ExternalMatch struct {
	VisitorIdentity string    `json:"visitor_identity"`
	GoalMatchedAt   time.Time `json:"goal_matched_at"`
	// GoalValue is the match's value; nil uses the goal's default value.
	GoalValue *Decimal `json:"goal_value,omitempty"`
	// Rooms are the ids of the rooms where the goal matched; at least one.
	Rooms []string `json:"rooms"`
}

// externalMatchJSON is the wire form: the time is preformatted.
type externalMatchJSON struct {
	VisitorIdentity string   `json:"visitor_identity"`
	GoalMatchedAt   string   `json:"goal_matched_at"`
	GoalValue       *string  `json:"goal_value,omitempty"` // the Decimal's text
	Rooms           []string `json:"rooms"`
}

// MarshalJSON encodes the match with goal_matched_at in MatchTimeLayout.
// It decodes with the default rules (any RFC 3339 time).
func (m ExternalMatch) MarshalJSON() ([]byte, error) {
	if m.GoalValue != nil && !m.GoalValue.Valid() {
		return nil, errInvalidDecimal(*m.GoalValue)
	}
	return json.Marshal(externalMatchJSON{
		VisitorIdentity: m.VisitorIdentity,
		GoalMatchedAt:   m.GoalMatchedAt.UTC().Format(MatchTimeLayout),
		GoalValue:       (*string)(m.GoalValue),
		Rooms:           nonNil(m.Rooms),
	})
}

// validate applies the documented required fields.
func (m *ExternalMatch) validate() error {
	switch {
	case m == nil:
		return transport.Invalid("match", "match is nil")
	case strings.TrimSpace(m.VisitorIdentity) == "":
		return transport.Invalid("visitor_identity", "must not be empty")
	case m.GoalMatchedAt.IsZero():
		return transport.Invalid("goal_matched_at", "must be set")
	case m.GoalMatchedAt.UTC().Year() < 0 || m.GoalMatchedAt.UTC().Year() > 9999:
		// MatchTimeLayout would write such a year as non-RFC 3339 text.
		return transport.Invalid("goal_matched_at", "year %d is outside 0-9999 (RFC 3339)", m.GoalMatchedAt.UTC().Year())
	case len(m.Rooms) == 0:
		return transport.Invalid("rooms", "must list at least one room")
	case m.GoalValue != nil && !m.GoalValue.Valid():
		return transport.Invalid("goal_value", "%q is not a decimal ([+-]digits[.digits])", string(*m.GoalValue))
	}
	if err := validRooms("rooms", m.Rooms); err != nil {
		return err
	}
	return transport.ValidUTF8("", m)
}
