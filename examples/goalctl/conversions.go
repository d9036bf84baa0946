package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/journal"
)

// conversionsCommand is "goalctl giosg conversions": the offline conversion
// importer over a durable journal (giosg.ImportConversions).
func conversionsCommand() *command {
	return &command{
		name:    "conversions",
		summary: "import offline conversions in bulk, at most once per key",
		help:    conversionsHelp,
		subs: []*command{
			{name: "import", summary: "send every row of a CSV or NDJSON file once", args: []string{"FILE"}, help: conversionsImportHelp, setup: conversionsImport},
			{name: "status", summary: "count the journal's keys per state and list those in doubt", setup: conversionsStatus},
			{name: "resolve", summary: "settle in-doubt keys after checking giosg: --resend or --drop", args: []string{"KEY..."}, setup: conversionsResolve},
		},
	}
}

const conversionsHelp = `The journal (--journal PATH, a file) remembers every key: a rerun, or a run
after a crash, never sends a key again. A key whose request left without an
answer (dropped connection, timeout, 5xx) is "in doubt": check in giosg
whether it was recorded, then "resolve KEY --resend" or "resolve KEY --drop".`

const conversionsImportHelp = `FILE is .csv (a header line naming the columns) or .ndjson (one JSON object
a line) with the fields key, goal_id, visitor_identity, matched_at (RFC 3339),
value (a decimal; empty for the goal's default) and rooms (separated by ; in
CSV, a list or a ;-separated string in NDJSON). An empty key is derived from
the other fields.
Exit status: 0 every row accepted (or already in the journal), 1 some row
rejected, in doubt or deferred, 2 bad input (invalid rows) or usage.`

// importSummary is what "conversions import" prints: the report without the
// per-row list, which goes to --report.
type importSummary struct {
	*giosg.ImportReport
	Failures []giosg.RowOutcome `json:"failures,omitempty"`
	Report   string             `json:"report,omitempty"`
}

func conversionsImport(fs *flag.FlagSet) action {
	journalPath := fs.String("journal", "", "`PATH` of the journal file (required; created if missing)")
	dryRun := fs.Bool("dry-run", false, "validate every row and check the journal; send nothing")
	concurrency := fs.Int("concurrency", giosg.DefaultImportConcurrency, "requests in flight")
	rateFlag := fs.String("rate", "", "pace to `N/s` (or N/m, N/h) requests")
	reportPath := fs.String("report", "", "write every row not accepted to `PATH`, one JSON object a line")
	return func(ctx context.Context, a *app, args []string) error {
		if *journalPath == "" {
			return usagef("--journal is required")
		}
		if *concurrency < 1 {
			return usagef("--concurrency %d: want at least 1", *concurrency)
		}
		var opts []giosg.Option
		if *rateFlag != "" {
			n, per, err := parseRate(*rateFlag)
			if err != nil {
				return err
			}
			opts = append(opts, giosg.WithRateLimit(n, per))
		}
		in, err := openRows(args[0])
		if err != nil {
			return err
		}
		defer in.close()
		org, err := a.giosgOrg(opts...)
		if err != nil {
			return err
		}
		j, err := journal.Open(*journalPath)
		if err != nil {
			return configErr(err.Error())
		}
		defer j.Close()
		sum := importSummary{Report: *reportPath}
		var rep *reportFile
		if *reportPath != "" {
			if rep, err = createReport(*reportPath); err != nil {
				return configErr(err.Error())
			}
		}
		prog := a.newProgress()
		report, importErr := org.ImportConversions(ctx, in.rows(), j, &giosg.ImportOptions{
			DryRun: *dryRun, Concurrency: *concurrency, Progress: prog.update,
			OnOutcome: func(o giosg.RowOutcome) {
				if rep != nil {
					rep.add(o)
				}
			},
		})
		prog.finish()
		if rep != nil {
			if err := rep.close(); err != nil && importErr == nil {
				importErr = err
			}
		}
		if report == nil {
			return importErr
		}
		sum.ImportReport = report
		if rep == nil {
			sum.Failures = report.Failures
		}
		report.Failures = nil
		if err := a.print(sum, func() table { return importTable(report) }); err != nil {
			return err
		}
		switch {
		case importErr != nil:
			return importErr
		case in.err != nil:
			return fmt.Errorf("reading %s: %w (the rows before it were imported)", args[0], in.err)
		case report.Rejected+report.InDoubt+report.Deferred > 0:
			return fmt.Errorf("%d rejected, %d in doubt, %d deferred: see %s", report.Rejected, report.InDoubt, report.Deferred, reportWhere(*reportPath))
		case report.Invalid > 0:
			return configErr(fmt.Sprintf("%d invalid rows: see %s", report.Invalid, reportWhere(*reportPath)))
		}
		return nil
	}
}

func reportWhere(path string) string {
	if path == "" {
		return "the failures in the output"
	}
	return path
}

func importTable(r *giosg.ImportReport) table {
	t := table{header: []string{"TOTAL", "ACCEPTED", "REJECTED", "INVALID", "DUPLICATES", "IN_DOUBT", "DEFERRED", "WOULD_SEND"}}
	t.add(strconv.Itoa(r.Total), strconv.Itoa(r.Accepted), strconv.Itoa(r.Rejected), strconv.Itoa(r.Invalid),
		strconv.Itoa(r.Duplicates), strconv.Itoa(r.InDoubt), strconv.Itoa(r.Deferred), strconv.Itoa(r.WouldSend))
	return t
}

// parseRate reads --rate: "N/s", "N/m", "N/h", or a bare N per second.
func parseRate(s string) (int, time.Duration, error) {
	num, unit, _ := strings.Cut(s, "/")
	per := map[string]time.Duration{"": time.Second, "s": time.Second, "m": time.Minute, "h": time.Hour}[unit]
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || per == 0 {
		return 0, 0, usagef("--rate %q: want N/s, N/m or N/h with N >= 1", s)
	}
	return n, per, nil
}

// statusResult is what "conversions status" prints.
type statusResult struct {
	Counts  map[string]int       `json:"counts"`
	InDoubt []giosg.JournalEntry `json:"in_doubt"`
}

func conversionsStatus(fs *flag.FlagSet) action {
	journalPath := fs.String("journal", "", "`PATH` of the journal file (required)")
	return func(_ context.Context, a *app, _ []string) error {
		j, err := openExistingJournal(*journalPath)
		if err != nil {
			return err
		}
		defer j.Close()
		res := statusResult{Counts: map[string]int{}, InDoubt: []giosg.JournalEntry{}}
		for e, err := range j.Entries() {
			if err != nil {
				return err
			}
			res.Counts[e.State.String()]++
			if e.State == giosg.StateInDoubt {
				res.InDoubt = append(res.InDoubt, e)
			}
		}
		return a.print(res, func() table {
			t := table{header: []string{"STATE", "KEY", "ROW", "REASON"}}
			for _, s := range []giosg.RowState{giosg.StateAccepted, giosg.StateRejected, giosg.StateInvalid, giosg.StateInDoubt, giosg.StateDropped, giosg.StatePending, giosg.StateSending} {
				t.add(s.String(), fmt.Sprintf("%d keys", res.Counts[s.String()]), "", "")
			}
			for _, e := range res.InDoubt {
				t.add(e.State.String(), e.Key, strconv.Itoa(e.Row), e.Message)
			}
			return t
		})
	}
}

// resolveResult is what "conversions resolve" prints.
type resolveResult struct {
	Resolved   []string `json:"resolved"`
	Resolution string   `json:"resolution"`
}

func conversionsResolve(fs *flag.FlagSet) action {
	journalPath := fs.String("journal", "", "`PATH` of the journal file (required)")
	resend := fs.Bool("resend", false, "the conversion was not recorded: the next import sends it")
	drop := fs.Bool("drop", false, "the conversion was recorded (or is given up): never send it")
	return func(_ context.Context, a *app, keys []string) error {
		if *resend == *drop {
			return usagef("give exactly one of --resend and --drop")
		}
		res, name := giosg.ResolveDrop, "drop"
		if *resend {
			res, name = giosg.ResolveResend, "resend"
		}
		j, err := openExistingJournal(*journalPath)
		if err != nil {
			return err
		}
		defer j.Close()
		out := resolveResult{Resolved: []string{}, Resolution: name}
		var errs []error
		for _, k := range keys {
			if err := j.Resolve(k, res); err != nil {
				errs = append(errs, err)
				continue
			}
			out.Resolved = append(out.Resolved, k)
		}
		if err := a.print(out, func() table {
			t := table{header: []string{"KEY", "RESOLUTION"}}
			for _, k := range out.Resolved {
				t.add(k, name)
			}
			return t
		}); err != nil {
			return err
		}
		if err := errors.Join(errs...); err != nil {
			return usagef("%v", err)
		}
		return nil
	}
}

// openExistingJournal opens a journal that must exist: status and resolve
// on a mistyped path should not create an empty one.
func openExistingJournal(path string) (*journal.Journal, error) {
	if path == "" {
		return nil, usagef("--journal is required")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, configErr(fmt.Sprintf("journal %s: %v", path, err))
	}
	j, err := journal.Open(path)
	if err != nil {
		return nil, configErr(err.Error())
	}
	return j, nil
}

// reportFile is the --report file: one JSON object per row not accepted.
type reportFile struct {
	f   *os.File
	enc *json.Encoder
	err error
}

func createReport(path string) (*reportFile, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	return &reportFile{f: f, enc: json.NewEncoder(f)}, nil
}

func (r *reportFile) add(o giosg.RowOutcome) {
	if r.err == nil {
		r.err = r.enc.Encode(o)
	}
}

func (r *reportFile) close() error {
	if err := r.f.Close(); r.err == nil {
		r.err = err
	}
	return r.err
}
