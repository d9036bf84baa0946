package giosg

import (
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

// MarshalJSON encodes the match with goal_matched_at in MatchTimeLayout.
// It decodes with the default rules (any RFC 3339 time).
//
// It is written by hand (one match is POSTed per conversion, so this is a
// hot path): the bytes are json.Marshal's of the wire struct
// {visitor_identity, goal_matched_at, goal_value,omitempty, rooms}
// (FuzzExternalMatchJSON), at a fifth of its cost.
func (m ExternalMatch) MarshalJSON() ([]byte, error) {
	if m.GoalValue != nil && !m.GoalValue.Valid() {
		return nil, errInvalidDecimal(*m.GoalValue)
	}
	n := len(`{"visitor_identity":"","goal_matched_at":"2006-01-02T15:04:05.000Z","goal_value":"","rooms":[]}`) + len(m.VisitorIdentity)
	if m.GoalValue != nil {
		n += len(*m.GoalValue)
	}
	for _, r := range m.Rooms {
		n += len(r) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, `{"visitor_identity":`...)
	b = transport.AppendJSONString(b, m.VisitorIdentity)
	b = append(b, `,"goal_matched_at":`...)
	b = appendMatchTime(b, m.GoalMatchedAt)
	if m.GoalValue != nil {
		b = append(b, `,"goal_value":`...)
		b = transport.AppendJSONString(b, *m.GoalValue)
	}
	b = append(b, `,"rooms":[`...)
	for i, r := range m.Rooms {
		if i > 0 {
			b = append(b, ',')
		}
		b = transport.AppendJSONString(b, r)
	}
	return append(b, "]}"...), nil
}

// appendMatchTime appends t as a JSON string in MatchTimeLayout: digits
// written directly for years 0-9999 (AppendFormat parses the layout on
// every call), AppendFormat for the rest.
func appendMatchTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		var at [64]byte
		return transport.AppendJSONString(b, t.AppendFormat(at[:0], MatchTimeLayout))
	}
	hour, minute, sec := t.Clock()
	b = append(b, '"')
	b = appendDigits(b, year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(month), 2)
	b = append(b, '-')
	b = appendDigits(b, day, 2)
	b = append(b, 'T')
	b = appendDigits(b, hour, 2)
	b = append(b, ':')
	b = appendDigits(b, minute, 2)
	b = append(b, ':')
	b = appendDigits(b, sec, 2)
	b = append(b, '.')
	b = appendDigits(b, t.Nanosecond()/1e6, 3)
	return append(b, 'Z', '"')
}

// appendDigits appends the width low decimal digits of n (n >= 0),
// zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	var d [4]byte
	for i := width - 1; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[:width]...)
}

// validate applies the documented required fields.
func (m *ExternalMatch) validate() error {
	if m == nil {
		return transport.Invalid("match", "match is nil")
	}
	year := m.GoalMatchedAt.UTC().Year()
	switch {
	case strings.TrimSpace(m.VisitorIdentity) == "":
		return transport.Invalid("visitor_identity", "must not be empty")
	case m.GoalMatchedAt.IsZero():
		return transport.Invalid("goal_matched_at", "must be set")
	case year < 0 || year > 9999:
		// MatchTimeLayout would write such a year as non-RFC 3339 text.
		return transport.Invalid("goal_matched_at", "year %d is outside 0-9999 (RFC 3339)", year)
	case len(m.Rooms) == 0:
		return transport.Invalid("rooms", "must list at least one room")
	case m.GoalValue != nil && !m.GoalValue.Valid():
		return transport.Invalid("goal_value", "%q is not a decimal ([+-]digits[.digits])", string(*m.GoalValue))
	}
	if err := validRooms("rooms", m.Rooms); err != nil {
		return err
	}
	// The text fields, checked one by one (a valid goal_value is ASCII):
	// what transport.ValidUTF8 would say, without its reflection on this
	// hot path (TestExternalMatchChecksEveryText).
	if err := transport.ValidString("visitor_identity", m.VisitorIdentity); err != nil {
		return err
	}
	return transport.ValidStrings("rooms", m.Rooms)
}
