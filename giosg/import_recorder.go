package giosg

import (
	"context"
	"fmt"
	"time"
)

// recorder writes the importer's outcomes to the journal in group
// commits. An outcome is not urgent: until it is committed its key stays
// sending, which a crash turns into in doubt, never into a resend. So
// outcomes wait up to recordDelay to share one commit (one fsync) with
// the others that arrive meanwhile, instead of each commit taking only
// what arrived during the previous one: far fewer commits, and the claim
// commits that do gate sending wait less behind them.
type recorder struct {
	j    Journal
	ch   chan JournalEntry
	done chan struct{}
	err  error // the first journal failure; later outcomes are dropped
}

const (
	// maxRecordBatch bounds one Record call.
	maxRecordBatch = 1024
	// recordDelay is how long the first outcome of a batch waits for
	// others before they are committed together.
	recordDelay = 50 * time.Millisecond
)

// startRecorder starts the recording goroutine; a journal failure cancels
// the import.
func (im *importer) startRecorder(cancel context.CancelCauseFunc) *recorder {
	r := &recorder{j: im.j, ch: make(chan JournalEntry, maxRecordBatch), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		batch := make([]JournalEntry, 0, maxRecordBatch)
		timer := time.NewTimer(recordDelay)
		timer.Stop()
		for e := range r.ch {
			batch = append(batch[:0], e)
			timer.Reset(recordDelay)
		collect:
			for len(batch) < maxRecordBatch {
				select {
				case e, ok := <-r.ch:
					if !ok {
						break collect
					}
					batch = append(batch, e)
				case <-timer.C:
					break collect
				}
			}
			timer.Stop()
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
