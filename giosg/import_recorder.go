package giosg

import (
	"context"
	"fmt"
)

// recorder writes the importer's outcomes to the journal in batches: all
// that arrived while the previous commit ran go into the next one.
type recorder struct {
	j    Journal
	ch   chan JournalEntry
	done chan struct{}
	err  error // the first journal failure; later outcomes are dropped
}

// maxRecordBatch bounds one Record call.
const maxRecordBatch = 1024

// startRecorder starts the recording goroutine; a journal failure cancels
// the import.
func (im *importer) startRecorder(cancel context.CancelCauseFunc) *recorder {
	r := &recorder{j: im.j, ch: make(chan JournalEntry, maxRecordBatch), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		batch := make([]JournalEntry, 0, maxRecordBatch)
		for e := range r.ch {
			batch = append(batch[:0], e)
		drain:
			for len(batch) < maxRecordBatch {
				select {
				case e, ok := <-r.ch:
					if !ok {
						break drain
					}
					batch = append(batch, e)
				default:
					break drain
				}
			}
			if r.err != nil || im.opts.DryRun {
				continue
			}
			if err := r.j.Record(batch...); err != nil {
				r.err = fmt.Errorf("giosg: journal: %w", err)
				cancel(r.err)
			}
		}
	}()
	return r
}

// add queues one outcome.
func (r *recorder) add(e JournalEntry) { r.ch <- e }

// close waits until every queued outcome is committed.
func (r *recorder) close() error {
	close(r.ch)
	<-r.done
	return r.err
}
