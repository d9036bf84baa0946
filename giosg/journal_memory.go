package giosg

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
	"time"
)

// MemoryJournal is a Journal held in memory, for tests and dry runs: it
// forgets everything when the process ends. Safe for concurrent use.
type MemoryJournal struct {
	mu      sync.Mutex
	entries map[string]JournalEntry
}

var _ Journal = (*MemoryJournal)(nil)

// NewMemoryJournal returns an empty in-memory journal.
func NewMemoryJournal() *MemoryJournal {
	return &MemoryJournal{entries: map[string]JournalEntry{}}
}

// Claim implements Journal.
func (j *MemoryJournal) Claim(keys []KeyRow) ([]Claimed, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Claimed, len(keys))
	now := time.Now().UTC()
	for i, k := range keys {
		if e, ok := j.entries[k.Key]; ok && !e.State.Claimable() {
			out[i].Prev = e
			continue
		}
		j.entries[k.Key] = JournalEntry{Key: k.Key, Row: k.Row, State: StateSending, Updated: now}
		out[i].Claimed = true
	}
	return out, nil
}

// Record implements Journal.
func (j *MemoryJournal) Record(entries ...JournalEntry) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, e := range entries {
		cur, ok := j.entries[e.Key]
		if recordable(cur.State, ok, e.State) {
			if e.Updated.IsZero() {
				e.Updated = time.Now().UTC()
			}
			j.entries[e.Key] = e
		}
	}
	return nil
}

// Lookup implements Journal.
func (j *MemoryJournal) Lookup(key string) (JournalEntry, bool, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.entries[key]
	return e, ok, nil
}

// Recover implements Journal.
func (j *MemoryJournal) Recover() (int, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := 0
	for k, e := range j.entries {
		if e.State == StateSending {
			e.State, e.Message, e.Updated = StateInDoubt, inDoubtAfterCrash, time.Now().UTC()
			j.entries[k] = e
			n++
		}
	}
	return n, nil
}

// Resolve implements Journal.
func (j *MemoryJournal) Resolve(key string, r Resolution) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.entries[key]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownKey, key)
	}
	next, err := e.State.Resolved(key, r)
	if err != nil {
		return err
	}
	e.State, e.Updated = next, time.Now().UTC()
	j.entries[key] = e
	return nil
}

// Entries implements Journal; it yields a snapshot taken when the loop starts.
func (j *MemoryJournal) Entries(states ...RowState) iter.Seq2[JournalEntry, error] {
	return func(yield func(JournalEntry, error) bool) {
		j.mu.Lock()
		keys := slices.Sorted(maps.Keys(j.entries))
		snapshot := make([]JournalEntry, 0, len(keys))
		for _, k := range keys {
			if e := j.entries[k]; e.State.In(states...) {
				snapshot = append(snapshot, e)
			}
		}
		j.mu.Unlock()
		for _, e := range snapshot {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// Close implements Journal; the entries stay readable.
func (j *MemoryJournal) Close() error { return nil }

// inDoubtAfterCrash is the reason Recover gives a key left sending.
const inDoubtAfterCrash = "the previous run ended while this key's request may have been on the wire"
