package giosg

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"
)

// RowState is where a conversion key stands in a Journal.
type RowState uint8

// Row states. Pending and Invalid keys may be sent by the next import;
// every other state is final for the importer: the key is never sent
// again unless Resolve says so.
const (
	// StatePending: known but not sent (reset by Resolve, or a call that
	// provably never left, such as a 429 or a rate-limit wait cut short).
	StatePending RowState = iota + 1
	// StateSending: durably claimed, its POST may be on the wire. A run
	// that ends normally never leaves a key here; a crash does, and the
	// next import turns it into StateInDoubt.
	StateSending
	// StateAccepted: the API answered 2xx; the conversion is recorded.
	StateAccepted
	// StateRejected: the API answered 4xx; Status and Message say why.
	StateRejected
	// StateInvalid: the row failed validation and was not sent.
	StateInvalid
	// StateInDoubt: the POST left but no answer says whether it was
	// recorded (dropped connection, timeout, 5xx, crash). Never re-sent
	// automatically: check, then Resolve.
	StateInDoubt
	// StateDropped: an in-doubt key the user resolved with ResolveDrop.
	StateDropped
)

var stateNames = [...]string{"", "pending", "sending", "accepted", "rejected", "invalid", "in-doubt", "dropped"}

// String returns the state's name as the journal and the CLI show it.
func (s RowState) String() string {
	if int(s) < len(stateNames) && s != 0 {
		return stateNames[s]
	}
	return fmt.Sprintf("RowState(%d)", uint8(s))
}

// ParseRowState is the inverse of String.
func ParseRowState(name string) (RowState, error) {
	for i, n := range stateNames {
		if n == name && i != 0 {
			return RowState(i), nil
		}
	}
	return 0, fmt.Errorf("giosg: unknown row state %q", name)
}

// Claimable reports whether the importer may claim (and send) a key in
// this state: pending or invalid. Every other state is final.
func (s RowState) Claimable() bool { return s == StatePending || s == StateInvalid }

// In reports whether s is one of states, or states is empty (the filter of
// Journal.Entries).
func (s RowState) In(states ...RowState) bool {
	return len(states) == 0 || slices.Contains(states, s)
}

// Resolved is the state an in-doubt key moves to under r; a key in any
// other state is an error matching ErrNotInDoubt.
func (s RowState) Resolved(key string, r Resolution) (RowState, error) {
	switch {
	case s != StateInDoubt:
		return 0, fmt.Errorf("%w: %q is %s", ErrNotInDoubt, key, s)
	case r == ResolveResend:
		return StatePending, nil
	case r == ResolveDrop:
		return StateDropped, nil
	}
	return 0, fmt.Errorf("giosg: unknown resolution %d", r)
}

// JournalEntry is the journal's record of one conversion key.
type JournalEntry struct {
	Key   string   `json:"key"`
	Row   int      `json:"row"` // 1-based row number in the run that last wrote it
	State RowState `json:"state"`
	// Status and Message are the server's answer of a rejected key, or the
	// reason of an invalid or in-doubt one.
	Status  int       `json:"status,omitempty"`
	Message string    `json:"message,omitempty"`
	Updated time.Time `json:"updated"`
}

// KeyRow is a key to claim and the input row it comes from.
type KeyRow struct {
	Key string
	Row int
}

// Claimed is the result of claiming one key.
type Claimed struct {
	// Claimed: the key is now sending and may be sent once.
	Claimed bool
	// Prev is the key's entry when it was not claimed.
	Prev JournalEntry
}

// Resolution is what the user decided about an in-doubt key.
type Resolution uint8

// Resolutions for Journal.Resolve.
const (
	// ResolveResend: the conversion was not recorded; the next import sends it.
	ResolveResend Resolution = iota + 1
	// ResolveDrop: the conversion was recorded (or is given up); never send it.
	ResolveDrop
)

// Journal errors, matched with errors.Is.
var (
	// ErrUnknownKey: Resolve for a key the journal has never seen.
	ErrUnknownKey = errors.New("giosg: key not in the journal")
	// ErrNotInDoubt: Resolve for a key that is not in doubt.
	ErrNotInDoubt = errors.New("giosg: key is not in doubt")
)

// Journal remembers every conversion key an import has seen, durably, so
// that ImportConversions sends each key at most once across runs and
// crashes. One import at a time may use a journal. Implementations: the
// in-memory NewMemoryJournal for tests, and package giosg/journal (a file).
type Journal interface {
	// Claim moves each key that is new or sendable (pending, invalid) to
	// StateSending, all durably before it returns, in one commit; result i
	// says whether keys[i] was claimed, or else holds its entry, unchanged.
	// A key twice in keys is claimed once. Concurrent calls should share
	// commits (group commit).
	Claim(keys []KeyRow) ([]Claimed, error)
	// Record stores, in one commit, the outcomes of claimed keys
	// (accepted, rejected, in-doubt, or back to pending), or marks new or
	// sendable keys invalid; an invalid mark never overwrites another state.
	Record(entries ...JournalEntry) error
	// Lookup returns the key's entry, found false if the key is unknown.
	Lookup(key string) (e JournalEntry, found bool, err error)
	// Recover turns every key left in StateSending (by a crash) into
	// StateInDoubt and returns how many it changed.
	Recover() (int, error)
	// Resolve settles an in-doubt key: resend (back to pending) or drop.
	Resolve(key string, r Resolution) error
	// Entries yields every entry in key order, or those in the given
	// states when any are given.
	Entries(states ...RowState) iter.Seq2[JournalEntry, error]
	// Close releases the journal.
	Close() error
}

// recordable reports whether Record may store next over a key currently in
// cur (exists false: unknown key).
func recordable(cur RowState, exists bool, next RowState) bool {
	return next != StateInvalid || !exists || cur.Claimable()
}
