package journal_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/journal"
)

// The contract every Journal keeps, checked on the durable one and on the
// in-memory one alike.
func TestJournalContract(t *testing.T) {
	impls := map[string]func(t *testing.T) giosg.Journal{
		"bbolt": func(t *testing.T) giosg.Journal {
			j, err := journal.Open(filepath.Join(t.TempDir(), "j.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { j.Close() })
			return j
		},
		"memory": func(*testing.T) giosg.Journal { return giosg.NewMemoryJournal() },
	}
	for name, open := range impls {
		t.Run(name, func(t *testing.T) {
			j := open(t)
			if _, claimed, err := claimOne(j, "a", 1); err != nil || !claimed {
				t.Fatalf("first claim = %v, %v", claimed, err)
			}
			prev, claimed, err := claimOne(j, "a", 2)
			if err != nil || claimed || prev.State != giosg.StateSending || prev.Row != 1 {
				t.Fatalf("second claim = %+v, %v, %v; want not claimed, sending row 1", prev, claimed, err)
			}
			// invalid never overwrites a claimed key; it may be claimed later.
			j.Record(giosg.JournalEntry{Key: "a", State: giosg.StateInvalid})
			j.Record(giosg.JournalEntry{Key: "b", Row: 2, State: giosg.StateInvalid, Message: "bad"})
			if _, claimed, _ := claimOne(j, "b", 3); !claimed {
				t.Error("an invalid key could not be claimed")
			}
			j.Record(giosg.JournalEntry{Key: "b", Row: 3, State: giosg.StateRejected, Status: 404, Message: "No session"})
			n, err := j.Recover()
			if err != nil || n != 1 {
				t.Fatalf("Recover = %d, %v; want 1 (a)", n, err)
			}
			e, found, err := j.Lookup("a")
			if err != nil || !found || e.State != giosg.StateInDoubt || e.Message == "" {
				t.Fatalf("a after Recover = %+v, %v, %v", e, found, err)
			}
			if e, _, _ := j.Lookup("b"); e.State != giosg.StateRejected || e.Status != 404 || e.Message != "No session" || e.Row != 3 {
				t.Errorf("b = %+v", e)
			}
			if err := j.Resolve("b", giosg.ResolveResend); !errors.Is(err, giosg.ErrNotInDoubt) {
				t.Errorf("Resolve(rejected) = %v", err)
			}
			if err := j.Resolve("zz", giosg.ResolveResend); !errors.Is(err, giosg.ErrUnknownKey) {
				t.Errorf("Resolve(unknown) = %v", err)
			}
			if err := j.Resolve("a", giosg.ResolveResend); err != nil {
				t.Fatal(err)
			}
			if _, claimed, _ := claimOne(j, "a", 9); !claimed {
				t.Error("a resent key could not be claimed")
			}
			// One batch: a key twice is claimed once; a taken key is not.
			res, err := j.Claim([]giosg.KeyRow{{Key: "c", Row: 10}, {Key: "a", Row: 11}, {Key: "c", Row: 12}})
			if err != nil || len(res) != 3 || !res[0].Claimed || res[1].Claimed || res[2].Claimed || res[1].Prev.State != giosg.StateSending {
				t.Fatalf("batch claim = %+v, %v", res, err)
			}
			var keys []string
			for e, err := range j.Entries(giosg.StateSending, giosg.StateRejected) {
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, e.Key+"="+e.State.String())
			}
			if fmt.Sprint(keys) != "[a=sending b=rejected c=sending]" {
				t.Errorf("Entries = %v", keys)
			}
		})
	}
}

func TestJournalSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.db")
	j, err := journal.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 1100 {
		wg.Go(func() {
			if _, claimed, err := claimOne(j, fmt.Sprint("k", i), i); err != nil || !claimed {
				t.Errorf("claim %d: %v %v", i, claimed, err)
			}
		})
	}
	wg.Wait()
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := claimOne(j, "x", 1); !errors.Is(err, journal.ErrClosed) {
		t.Errorf("claim after close = %v, want ErrClosed", err)
	}
	j, err = journal.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	n := 0
	for e, err := range j.Entries() { // crosses several read pages
		if err != nil || e.State != giosg.StateSending {
			t.Fatalf("entry %+v, %v", e, err)
		}
		n++
	}
	if n != 1100 {
		t.Errorf("%d entries after reopen, want 1100", n)
	}
}

// claimOne claims a single key.
func claimOne(j giosg.Journal, key string, row int) (giosg.JournalEntry, bool, error) {
	res, err := j.Claim([]giosg.KeyRow{{Key: key, Row: row}})
	if err != nil {
		return giosg.JournalEntry{}, false, err
	}
	return res[0].Prev, res[0].Claimed, nil
}
