package giosg

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/goalkit/goalkit/internal/transport"
)

// MaxKeyLength bounds a Conversion.Key, so that a journal entry stays small.
const MaxKeyLength = 256

// Conversion is one offline conversion to import: an external goal match
// for a visitor identified earlier on the site, with the caller's id for it.
type Conversion struct {
	// Key is the caller's unique id for the conversion (an order id). It is
	// what makes the import at-most-once: a key is sent once across every
	// run. Empty derives one with DeriveKey.
	Key             string
	GoalID          string
	VisitorIdentity string
	MatchedAt       time.Time
	// Value is the match's value; nil uses the goal's default value.
	Value *Decimal
	// Rooms are the ids of the rooms where the goal matched; at least one.
	Rooms []string
}

// DeriveKey is the key of a conversion without one: "sha256:" and the hex
// SHA-256 of the organization, goal, visitor identity, matched-at to the
// millisecond in UTC, and value, each ended by a zero byte so that no two
// different rows share a key by moving text between fields.
func DeriveKey(orgID string, c *Conversion) string {
	h := sha256.New()
	value := ""
	if c.Value != nil {
		value = string(*c.Value)
	}
	for _, s := range []string{orgID, c.GoalID, c.VisitorIdentity, c.MatchedAt.UTC().Format(MatchTimeLayout), value} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// key returns the conversion's key, derived when empty.
func (c *Conversion) key(orgID string) string {
	if c.Key != "" {
		return c.Key
	}
	return DeriveKey(orgID, c)
}

// match is the request body of the conversion.
func (c *Conversion) match() *ExternalMatch {
	return &ExternalMatch{VisitorIdentity: c.VisitorIdentity, GoalMatchedAt: c.MatchedAt, GoalValue: c.Value, Rooms: c.Rooms}
}

// validate checks what CreateExternalMatch would, plus the key and goal.
func (c *Conversion) validate(key string) error {
	switch {
	case strings.TrimSpace(key) == "":
		return transport.Invalid("key", "must not be blank")
	case len(key) > MaxKeyLength:
		return transport.Invalid("key", "longer than %d bytes", MaxKeyLength)
	case strings.TrimSpace(c.GoalID) == "":
		return transport.Invalid("goal_id", "must not be empty")
	}
	return c.match().validate()
}
