// Package journal is the durable giosg.Journal: one file, written with
// bbolt's crash-safe transactions (copy-on-write pages, fsync on commit),
// so that ImportConversions sends each conversion key at most once across
// runs, crashes and reboots.
//
// Every state change is committed before the call returns. Changes from
// concurrent workers are committed together (group commit): while one
// transaction syncs, the next calls queue up and share the following one,
// so concurrency is not serialized on fsync.
//
// The file is locked while open: a second Open of the same path, in this
// process or another, waits up to OpenTimeout and then fails.
package journal

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"

	"go.etcd.io/bbolt"

	"github.com/goalkit/goalkit/giosg"
)

// OpenTimeout is how long Open waits for another holder of the file.
const OpenTimeout = 2 * time.Second

// maxBatch bounds the calls one transaction commits.
const maxBatch = 1024

// ErrClosed is returned by calls on a closed journal.
var ErrClosed = errors.New("journal: closed")

var rowsBucket = []byte("giosg.conversions.v1")

// Journal is a giosg.Journal in a bbolt file. Safe for concurrent use.
type Journal struct {
	db   *bbolt.DB
	ops  chan *op
	done chan struct{}
	wg   sync.WaitGroup
	once sync.Once
}

var _ giosg.Journal = (*Journal)(nil)

// op is one queued write: fn runs inside the shared transaction.
type op struct {
	fn     func(b *bbolt.Bucket) error
	result chan error
}

// Open opens the journal at path, creating it (mode 0600) if needed.
func Open(path string) (*Journal, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout: OpenTimeout,
		// The free-page list is rebuilt by a scan on open instead of being
		// written by every commit: less to write per commit, and the data
		// pages and the meta page are still fsynced as before.
		NoFreelistSync: true,
		FreelistType:   bbolt.FreelistMapType,
	})
	if err != nil {
		return nil, fmt.Errorf("journal: open %s: %w", path, err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(rowsBucket)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("journal: %w", err)
	}
	j := &Journal{db: db, ops: make(chan *op), done: make(chan struct{})}
	j.wg.Go(j.commitLoop)
	return j, nil
}

// commitLoop commits queued writes, as many as are waiting, one
// transaction (one fsync) at a time.
func (j *Journal) commitLoop() {
	for {
		var first *op
		select {
		case first = <-j.ops:
		case <-j.done:
			return
		}
		batch := []*op{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case o := <-j.ops:
				batch = append(batch, o)
			default:
				break drain
			}
		}
		results := make([]error, len(batch))
		err := j.db.Update(func(tx *bbolt.Tx) error {
			b := tx.Bucket(rowsBucket)
			for i, o := range batch {
				results[i] = o.fn(b)
			}
			return nil
		})
		for i, o := range batch {
			if err != nil {
				results[i] = err
			}
			o.result <- results[i]
		}
	}
}

// write queues fn for the next group commit and waits until it is durable.
// fn must make no change when it returns an error.
func (j *Journal) write(fn func(b *bbolt.Bucket) error) error {
	o := &op{fn: fn, result: make(chan error, 1)}
	select {
	case j.ops <- o:
	case <-j.done:
		return ErrClosed
	}
	return <-o.result
}

// Claim implements giosg.Journal.
func (j *Journal) Claim(keys []giosg.KeyRow) ([]giosg.Claimed, error) {
	var out []giosg.Claimed
	err := j.write(func(b *bbolt.Bucket) error {
		// Read every key first: an error then leaves nothing half written.
		out = make([]giosg.Claimed, len(keys))
		for i, k := range keys {
			if v := b.Get([]byte(k.Key)); v != nil {
				e, err := decode(k.Key, v)
				if err != nil {
					return err
				}
				if !e.State.Claimable() {
					out[i].Prev = e
					continue
				}
			}
			if err := validKey(k.Key); err != nil {
				return err
			}
			out[i].Claimed = true
		}
		now := time.Now()
		for i, k := range keys {
			if !out[i].Claimed {
				continue
			}
			if b.Get([]byte(k.Key)) != nil && giosg.RowState(b.Get([]byte(k.Key))[0]) == giosg.StateSending {
				out[i] = giosg.Claimed{Prev: giosg.JournalEntry{Key: k.Key, Row: k.Row, State: giosg.StateSending}} // twice in keys
				continue
			}
			if err := put(b, giosg.JournalEntry{Key: k.Key, Row: k.Row, State: giosg.StateSending, Updated: now}); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Record implements giosg.Journal.
func (j *Journal) Record(entries ...giosg.JournalEntry) error {
	return j.write(func(b *bbolt.Bucket) error {
		for _, e := range entries {
			if err := validKey(e.Key); err != nil {
				return err
			}
		}
		for _, e := range entries {
			if e.State == giosg.StateInvalid {
				if v := b.Get([]byte(e.Key)); v != nil {
					cur, err := decode(e.Key, v)
					if err != nil {
						return err
					}
					if !cur.State.Claimable() {
						continue
					}
				}
			}
			if err := put(b, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// validKey checks what bbolt would refuse, before anything is written.
func validKey(key string) error {
	if key == "" || len(key) > bbolt.MaxKeySize {
		return fmt.Errorf("journal: key of %d bytes: want 1 to %d", len(key), bbolt.MaxKeySize)
	}
	return nil
}

// Lookup implements giosg.Journal.
func (j *Journal) Lookup(key string) (e giosg.JournalEntry, found bool, err error) {
	err = j.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(rowsBucket).Get([]byte(key))
		if v == nil {
			return nil
		}
		found = true
		e, err = decode(key, v)
		return err
	})
	return e, found, err
}

// Recover implements giosg.Journal.
func (j *Journal) Recover() (n int, err error) {
	err = j.write(func(b *bbolt.Bucket) error {
		var stuck []giosg.JournalEntry
		n = 0
		err := b.ForEach(func(k, v []byte) error {
			if len(v) > 0 && giosg.RowState(v[0]) == giosg.StateSending {
				e, err := decode(string(k), v)
				if err != nil {
					return err
				}
				stuck = append(stuck, e)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range stuck {
			e.State = giosg.StateInDoubt
			e.Message = "the previous run ended while this key's request may have been on the wire"
			if err := put(b, e); err != nil {
				return err
			}
		}
		n = len(stuck)
		return nil
	})
	return n, err
}

// Resolve implements giosg.Journal.
func (j *Journal) Resolve(key string, r giosg.Resolution) error {
	return j.write(func(b *bbolt.Bucket) error {
		v := b.Get([]byte(key))
		if v == nil {
			return fmt.Errorf("%w: %q", giosg.ErrUnknownKey, key)
		}
		e, err := decode(key, v)
		if err != nil {
			return err
		}
		if e.State, err = e.State.Resolved(key, r); err != nil {
			return err
		}
		e.Updated = time.Time{} // stamped now by put
		return put(b, e)
	})
}

// entriesPage is how many entries Entries reads per read transaction: the
// loop body may write to the journal, which must not wait on a long read.
const entriesPage = 512

// Entries implements giosg.Journal, in key order.
func (j *Journal) Entries(states ...giosg.RowState) iter.Seq2[giosg.JournalEntry, error] {
	return func(yield func(giosg.JournalEntry, error) bool) {
		var after []byte
		for {
			var page []giosg.JournalEntry
			err := j.db.View(func(tx *bbolt.Tx) error {
				c := tx.Bucket(rowsBucket).Cursor()
				k, v := c.First()
				if after != nil {
					if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
						k, v = c.Next()
					}
				}
				for ; k != nil && len(page) < entriesPage; k, v = c.Next() {
					after = append(after[:0], k...)
					e, err := decode(string(k), v)
					if err != nil {
						return err
					}
					if e.State.In(states...) {
						page = append(page, e)
					}
				}
				if k == nil {
					after = nil
				}
				return nil
			})
			if err != nil {
				yield(giosg.JournalEntry{}, err)
				return
			}
			for _, e := range page {
				if !yield(e, nil) {
					return
				}
			}
			if after == nil {
				return
			}
		}
	}
}

// Close waits for the commit in progress and closes the file.
func (j *Journal) Close() error {
	var err error
	j.once.Do(func() {
		close(j.done)
		j.wg.Wait()
		err = j.db.Close()
	})
	return err
}
