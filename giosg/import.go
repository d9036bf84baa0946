package giosg

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goalkit/goalkit/internal/transport"
)

// Defaults of ImportOptions.
const (
	DefaultImportConcurrency = 4   // ImportOptions.Concurrency
	DefaultClaimAhead        = 256 // ImportOptions.ClaimAhead
)

// ImportOptions tunes ImportConversions; nil means the defaults.
type ImportOptions struct {
	// DryRun validates every row and looks its key up in the journal, but
	// sends nothing and writes nothing.
	DryRun bool
	// Concurrency is how many POSTs may be in flight (default 4).
	Concurrency int
	// ClaimAhead bounds how many keys one journal commit claims ahead of
	// their POSTs (default 256), so that commits (fsyncs) are shared by
	// many rows while the previous batch is being sent. A crash leaves at
	// most 2×ClaimAhead + Concurrency keys in doubt, some possibly never
	// sent: smaller means fewer to check after a crash, larger means more
	// throughput on a slow disk. Outcomes are committed in groups too
	// (every 50ms), so the keys answered in the last moments before a
	// crash are in doubt as well: never re-sent, checked like the others.
	ClaimAhead int
	// Progress, if set, is called every ProgressInterval (default 500ms)
	// and once at the end, from one goroutine at a time.
	Progress         func(ImportProgress)
	ProgressInterval time.Duration
	// MaxAge and MaxFutureSkew bound MatchedAt against the clock (0: no
	// bound). A row outside them is refused as invalid, or with AgeWarn
	// sent and listed in ImportReport.Warnings.
	MaxAge        time.Duration
	MaxFutureSkew time.Duration
	AgeWarn       bool
	// OnOutcome, if set, is called for every row not accepted as it
	// settles (the same values as ImportReport.Failures), one at a time.
	OnOutcome func(RowOutcome)
	// Now replaces time.Now for the MaxAge checks.
	Now func() time.Time
}

// ImportConversions sends each conversion as an external goal match and
// records every key in j, so that a key is sent at most once across any
// number of runs and crashes:
//
//   - each row is validated before anything is sent for it; an invalid row
//     (or an error yielded by rows) is reported with its row number;
//   - a key already in the journal (accepted, rejected, in doubt, or sent
//     by a run that crashed) is a duplicate and is not sent;
//   - a key is durably marked sending before its POST leaves; valid rows
//     are claimed in batches (up to ClaimAhead, one commit each) while the
//     previous batch is sent, so a crash may leave up to 2×ClaimAhead +
//     Concurrency keys in doubt; outcomes are committed in groups (every
//     50ms), so keys answered just before a crash are in doubt too;
//   - a 2xx is accepted; a 4xx rejected with the server's status and
//     message; a 5xx, a dropped connection or a timeout after the request
//     left is in doubt: never re-sent automatically, listed, and settled
//     only by j.Resolve after the user checked; a 429 or a call cut short
//     before anything was written is deferred (pending in the journal).
//
// Keys a previous run left sending become in doubt first (Recover). Rows
// are streamed: memory is flat in the number of rows (the report keeps only
// the rows that did not succeed). Cancelling ctx stops reading; the rows
// in flight settle, and the report so far is returned with ctx's error.
func (o *Org) ImportConversions(ctx context.Context, rows iter.Seq2[Conversion, error], j Journal, opts *ImportOptions) (*ImportReport, error) {
	if j == nil {
		return nil, transport.Invalid("journal", "must not be nil")
	}
	if o.id == "" {
		return nil, transport.Invalid("organization_id", "must not be empty")
	}
	im := newImporter(o, j, opts)
	if !im.opts.DryRun {
		n, err := j.Recover()
		if err != nil {
			return nil, fmt.Errorf("giosg: recovering the journal: %w", err)
		}
		im.report.Recovered = n
	}
	stopProgress := im.startProgress()
	err := im.run(ctx, rows)
	stopProgress()
	im.report.Elapsed = time.Since(im.start)
	return &im.report, err
}

// importer is the state of one ImportConversions call.
type importer struct {
	org   *Org
	j     Journal
	opts  ImportOptions
	start time.Time

	mu     sync.Mutex // guards report and OnOutcome calls
	report ImportReport

	read, sent, accepted, rejected, inDoubt, settled atomic.Int64
}

// job is one valid row on its way to a worker.
type job struct {
	row int
	key string
	c   Conversion
}

func newImporter(o *Org, j Journal, opts *ImportOptions) *importer {
	im := &importer{org: o, j: j, start: time.Now()}
	if opts != nil {
		im.opts = *opts
	}
	if im.opts.Concurrency <= 0 {
		im.opts.Concurrency = DefaultImportConcurrency
	}
	if im.opts.ClaimAhead <= 0 {
		im.opts.ClaimAhead = DefaultClaimAhead
	}
	if im.opts.ProgressInterval <= 0 {
		im.opts.ProgressInterval = 500 * time.Millisecond
	}
	if im.opts.Now == nil {
		im.opts.Now = time.Now
	}
	im.report.DryRun = im.opts.DryRun
	return im
}

// run reads the rows on the caller's goroutine, validates them, and hands
// the valid ones in batches to the claimer, which claims each batch in one
// commit and passes the claimed rows to the workers. Outcomes are recorded
// in batches too. It returns the first journal failure, or ctx's error.
func (im *importer) run(ctx context.Context, rows iter.Seq2[Conversion, error]) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	rec := im.startRecorder(cancel)
	// Unbuffered: a send succeeds at once only when the claimer is idle,
	// so a batch grows while a commit is in progress and no longer.
	batches := make(chan []job)
	// Claimed rows wait here while the next batch is committed, so that
	// commits overlap sending.
	jobs := make(chan job, im.opts.ClaimAhead)
	var claimer, workers sync.WaitGroup
	claimer.Go(func() {
		defer close(jobs)
		im.claimLoop(ctx, cancel, batches, jobs, rec)
	})
	for range im.opts.Concurrency {
		workers.Go(func() {
			for jb := range jobs {
				im.send(ctx, jb, rec)
			}
		})
	}
	var pending []job
	row := 0
	for c, rowErr := range rows {
		if ctx.Err() != nil {
			break
		}
		row++
		im.read.Add(1)
		jb, ok := im.prepare(row, c, rowErr, rec)
		if !ok {
			continue
		}
		pending = append(pending, jb)
		if len(pending) >= im.opts.ClaimAhead {
			select {
			case batches <- pending:
			case <-ctx.Done():
			}
			pending = nil
			continue
		}
		select {
		case batches <- pending:
			pending = nil
		default:
		}
	}
	if len(pending) > 0 {
		select {
		case batches <- pending:
		case <-ctx.Done():
		}
	}
	close(batches)
	claimer.Wait()
	workers.Wait()
	if err := rec.close(); err != nil {
		cancel(err)
	}
	return context.Cause(ctx)
}

// claimLoop claims each batch in one commit. A claimed row that can no
// longer be sent (the import was cancelled) goes back to pending.
func (im *importer) claimLoop(ctx context.Context, cancel context.CancelCauseFunc, batches <-chan []job, jobs chan<- job, rec *recorder) {
	for batch := range batches {
		if ctx.Err() != nil {
			continue // read, never claimed: not part of the report
		}
		keys := make([]KeyRow, len(batch))
		for i, jb := range batch {
			keys[i] = KeyRow{Key: jb.key, Row: jb.row}
		}
		res, err := im.j.Claim(keys)
		if err != nil {
			cancel(fmt.Errorf("giosg: journal: %w", err))
			continue
		}
		for i, jb := range batch {
			if !res[i].Claimed {
				im.settle(RowOutcome{Row: jb.row, Key: jb.key, Outcome: OutcomeDuplicate, Reason: "already in the journal: " + res[i].Prev.State.String()})
				continue
			}
			select {
			case jobs <- jb:
			case <-ctx.Done():
				im.unsent(jb, rec)
			}
		}
	}
}

// unsent puts back a claimed row that was never sent.
func (im *importer) unsent(jb job, rec *recorder) {
	out := RowOutcome{Row: jb.row, Key: jb.key, Outcome: OutcomeDeferred, Reason: "not sent: the import was stopped"}
	rec.add(JournalEntry{Key: jb.key, Row: jb.row, State: StatePending, Message: out.Reason})
	im.settle(out)
}

// prepare validates one row. ok false means it settled here (invalid, or a
// dry run's verdict).
func (im *importer) prepare(row int, c Conversion, rowErr error, rec *recorder) (job, bool) {
	if rowErr != nil {
		im.settle(RowOutcome{Row: row, Key: c.Key, Outcome: OutcomeInvalid, Reason: rowErr.Error(), Field: fieldOf(rowErr)})
		return job{}, false
	}
	key := c.key(im.org.id)
	err := c.validate(key)
	if err == nil {
		var warn bool
		if warn, err = im.checkAge(&c); warn {
			im.warn(RowOutcome{Row: row, Key: key, Reason: err.Error(), Field: "matched_at"})
			err = nil
		}
	}
	if err != nil {
		if !im.opts.DryRun && strings.TrimSpace(key) != "" && len(key) <= MaxKeyLength {
			rec.add(JournalEntry{Key: key, Row: row, State: StateInvalid, Message: err.Error()})
		}
		im.settle(RowOutcome{Row: row, Key: key, Outcome: OutcomeInvalid, Reason: err.Error(), Field: fieldOf(err)})
		return job{}, false
	}
	if im.opts.DryRun {
		e, found, err := im.j.Lookup(key)
		if err != nil {
			im.settle(RowOutcome{Row: row, Key: key, Outcome: OutcomeInvalid, Reason: "journal: " + err.Error()})
			return job{}, false
		}
		if found && !e.State.Claimable() {
			im.settle(RowOutcome{Row: row, Key: key, Outcome: OutcomeDuplicate, Reason: "already in the journal: " + e.State.String()})
		} else {
			im.settle(RowOutcome{Row: row, Key: key, Outcome: OutcomeWouldSend})
		}
		return job{}, false
	}
	return job{row: row, key: key, c: c}, true
}

// checkAge applies MaxAge and MaxFutureSkew; warn reports that the row
// goes on with a warning.
func (im *importer) checkAge(c *Conversion) (warn bool, err error) {
	now := im.opts.Now()
	switch {
	case im.opts.MaxAge > 0 && now.Sub(c.MatchedAt) > im.opts.MaxAge:
		err = transport.Invalid("matched_at", "%s is older than the maximum age %s", c.MatchedAt.UTC().Format(time.RFC3339), im.opts.MaxAge)
	case im.opts.MaxFutureSkew > 0 && c.MatchedAt.Sub(now) > im.opts.MaxFutureSkew:
		err = transport.Invalid("matched_at", "%s is more than %s in the future", c.MatchedAt.UTC().Format(time.RFC3339), im.opts.MaxFutureSkew)
	}
	return err != nil && im.opts.AgeWarn, err
}

// send posts one claimed row and records its outcome.
func (im *importer) send(ctx context.Context, jb job, rec *recorder) {
	if ctx.Err() != nil {
		im.unsent(jb, rec)
		return
	}
	var tr sendTrace
	im.sent.Add(1)
	sendErr := im.org.CreateExternalMatch(tr.attach(ctx), jb.c.GoalID, jb.c.match())
	out := classify(sendErr, tr.wrote.Load())
	out.Row, out.Key = jb.row, jb.key
	rec.add(JournalEntry{Key: jb.key, Row: jb.row, State: out.journalState(), Status: out.Status, Message: out.Reason})
	im.settle(out)
}

// sendTrace notes whether any request headers were written, the only proof
// that a failed POST never reached the server is that none were.
type sendTrace struct{ wrote atomic.Bool }

func (t *sendTrace) attach(ctx context.Context) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteHeaders: func() { t.wrote.Store(true) },
	})
}

// classify turns the answer to one POST into its outcome.
func classify(err error, wrote bool) RowOutcome {
	if err == nil {
		return RowOutcome{Outcome: OutcomeAccepted}
	}
	var apiErr *APIError
	var valErr *ValidationError
	switch {
	case errors.As(err, &apiErr) && apiErr.StatusCode == 429:
		return RowOutcome{Outcome: OutcomeDeferred, Status: 429, Reason: "rate limited (429) after the retries: not recorded, the next run sends it"}
	case errors.As(err, &apiErr) && apiErr.StatusCode >= 500:
		return RowOutcome{Outcome: OutcomeInDoubt, Status: apiErr.StatusCode, Reason: "server error to a POST: it may have been recorded: " + apiMessage(apiErr)}
	case errors.As(err, &apiErr) && apiErr.StatusCode >= 400:
		return RowOutcome{Outcome: OutcomeRejected, Status: apiErr.StatusCode, Reason: apiMessage(apiErr)}
	case errors.As(err, &apiErr):
		return RowOutcome{Outcome: OutcomeInDoubt, Status: apiErr.StatusCode, Reason: "unexpected answer: " + apiMessage(apiErr)}
	case errors.As(err, &valErr):
		return RowOutcome{Outcome: OutcomeInvalid, Reason: err.Error(), Field: valErr.Field}
	case !wrote && (errors.Is(err, transport.ErrRateLimitWait) || dialFailed(err)):
		return RowOutcome{Outcome: OutcomeDeferred, Reason: "not sent: " + err.Error()}
	}
	return RowOutcome{Outcome: OutcomeInDoubt, Reason: "no answer after the request left: " + err.Error()}
}

// dialFailed reports a connection that was never made: nothing was sent.
func dialFailed(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// apiMessage is the server's own words, else the status.
func apiMessage(e *APIError) string {
	if e.Message != "" {
		return e.Message
	}
	return fmt.Sprintf("HTTP %d", e.StatusCode)
}

// journalState is the state a settled outcome leaves its key in.
func (r RowOutcome) journalState() RowState {
	switch r.Outcome {
	case OutcomeAccepted:
		return StateAccepted
	case OutcomeRejected:
		return StateRejected
	case OutcomeInvalid:
		return StateInvalid
	case OutcomeDeferred:
		return StatePending
	}
	return StateInDoubt
}

// fieldOf is the field a *ValidationError names, else "".
func fieldOf(err error) string {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Field
	}
	return ""
}

// settle counts one row and reports it if it did not succeed.
func (im *importer) settle(out RowOutcome) {
	switch out.Outcome {
	case OutcomeAccepted:
		im.accepted.Add(1)
	case OutcomeRejected:
		im.rejected.Add(1)
	case OutcomeInDoubt:
		im.inDoubt.Add(1)
	}
	im.settled.Add(1)
	im.mu.Lock()
	defer im.mu.Unlock()
	im.report.add(out.Outcome)
	if out.Outcome == OutcomeAccepted || out.Outcome == OutcomeWouldSend {
		return
	}
	im.report.Failures = append(im.report.Failures, out)
	if im.opts.OnOutcome != nil {
		im.opts.OnOutcome(out)
	}
}

func (im *importer) warn(out RowOutcome) {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.report.Warnings = append(im.report.Warnings, out)
}

// startProgress calls Progress every interval until the returned stop,
// which makes the final call.
func (im *importer) startProgress() (stop func()) {
	if im.opts.Progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(im.opts.ProgressInterval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				im.opts.Progress(im.progress())
			case <-done:
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		im.opts.Progress(im.progress())
	}
}

func (im *importer) progress() ImportProgress {
	p := ImportProgress{
		Read: im.read.Load(), Sent: im.sent.Load(), Accepted: im.accepted.Load(),
		Rejected: im.rejected.Load(), InDoubt: im.inDoubt.Load(), Elapsed: time.Since(im.start),
	}
	if s := p.Elapsed.Seconds(); s > 0 {
		p.Rate = float64(im.settled.Load()) / s
	}
	return p
}
