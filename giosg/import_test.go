package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/internal/fake"
)

// importEnv is a loopback giosgtest server, with one goal and a count of
// the match POSTs that reached the server. Faults go in through
// env.fake.Inject.
type importEnv struct {
	fake  *giosgtest.Fake
	org   *giosg.Org
	goal  string
	posts atomic.Int64
}

// newImportEnv starts the server; onPost (if not nil) runs as each POST
// arrives.
func newImportEnv(t *testing.T, onPost func(), opts ...giosg.Option) *importEnv {
	t.Helper()
	env := &importEnv{fake: giosgtest.New()}
	g, err := env.fake.AddGoal(testOrg, giosg.GoalInput{Name: "Phone order", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	env.goal = g.ID
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			env.posts.Add(1)
			if onPost != nil {
				onPost()
			}
		}
		env.fake.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	base := []giosg.Option{
		giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(testToken),
		giosg.WithRetryWait(time.Millisecond, 5*time.Millisecond),
		giosg.WithHTTPClient(&http.Client{Timeout: time.Second}), // generous: a loaded CI machine must not turn a slow answer into a stall
	}
	c, err := giosg.NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	env.org = c.Org(testOrg)
	return env
}

// recorded counts the matches the fake holds per visitor identity.
func (env *importEnv) recorded() map[string]int {
	n := map[string]int{}
	for _, m := range env.fake.Matches(env.goal) {
		n[m.VisitorIdentity]++
	}
	return n
}

// conv is a valid conversion whose visitor identity names its key.
func (env *importEnv) conv(key string) giosg.Conversion {
	return giosg.Conversion{
		Key: key, GoalID: env.goal, VisitorIdentity: "v-" + key,
		MatchedAt: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Value:     giosg.Ptr(giosg.Decimal("19.90")), Rooms: []string{"room-1"},
	}
}

func seqOf(rows ...giosg.Conversion) iter.Seq2[giosg.Conversion, error] {
	return func(yield func(giosg.Conversion, error) bool) {
		for _, c := range rows {
			if !yield(c, nil) {
				return
			}
		}
	}
}

func state(t *testing.T, j giosg.Journal, key string) giosg.RowState {
	t.Helper()
	e, ok, err := j.Lookup(key)
	if err != nil || !ok {
		t.Fatalf("Lookup(%q) = %v, %v", key, ok, err)
	}
	return e.State
}

func checkAddsUp(t *testing.T, r *giosg.ImportReport) {
	t.Helper()
	if sum := r.Accepted + r.Rejected + r.Invalid + r.Duplicates + r.InDoubt + r.Deferred + r.WouldSend; sum != r.Total {
		t.Errorf("counts add up to %d, Total %d: %+v", sum, r.Total, r)
	}
}

func TestImportAcceptsRejectsAndNamesEveryFailedRow(t *testing.T) {
	env := newImportEnv(t, nil)
	rows := []giosg.Conversion{env.conv("o-1"), env.conv("o-2"), env.conv("o-3"), env.conv("o-4"), env.conv("o-1")}
	rows[1].VisitorIdentity = ""        // row 2: invalid
	rows[2].VisitorIdentity = "unknown" // row 3: no session, 404
	for _, c := range rows {
		if c.VisitorIdentity != "unknown" {
			env.fake.AddVisitorIdentity(c.VisitorIdentity)
		}
	}
	j := giosg.NewMemoryJournal()
	rep, err := env.org.ImportConversions(context.Background(), seqOf(rows...), j, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, rep)
	if rep.Total != 5 || rep.Accepted != 2 || rep.Invalid != 1 || rep.Rejected != 1 || rep.Duplicates != 1 {
		t.Errorf("report = %+v, want 5 total, 2 accepted, 1 invalid, 1 rejected, 1 duplicate", rep)
	}
	byRow := map[int]giosg.RowOutcome{}
	for _, f := range rep.Failures {
		byRow[f.Row] = f
	}
	if f := byRow[2]; f.Outcome != giosg.OutcomeInvalid || f.Field != "visitor_identity" || f.Key != "o-2" {
		t.Errorf("row 2 = %+v, want invalid visitor_identity", f)
	}
	if f := byRow[3]; f.Outcome != giosg.OutcomeRejected || f.Status != 404 || !strings.Contains(f.Reason, "No session found") {
		t.Errorf("row 3 = %+v, want rejected 404 with the server's message", f)
	}
	if f := byRow[5]; f.Outcome != giosg.OutcomeDuplicate || f.Key != "o-1" {
		t.Errorf("row 5 = %+v, want duplicate o-1", f)
	}
	if got := env.recorded(); got["v-o-1"] != 1 || got["v-o-4"] != 1 || len(got) != 2 {
		t.Errorf("fake recorded %v, want v-o-1 and v-o-4 once each", got)
	}
	if n := env.posts.Load(); n != 3 {
		t.Errorf("server saw %d POSTs, want 3 (the invalid row and the duplicate are not sent)", n)
	}
	for key, want := range map[string]giosg.RowState{"o-1": giosg.StateAccepted, "o-2": giosg.StateInvalid, "o-3": giosg.StateRejected, "o-4": giosg.StateAccepted} {
		if got := state(t, j, key); got != want {
			t.Errorf("journal %s = %s, want %s", key, got, want)
		}
	}

	// A second run of the same file sends nothing.
	env.posts.Store(0)
	rows[1].VisitorIdentity = "v-o-2" // fixed: an invalid key may be sent later
	env.fake.AddVisitorIdentity("v-o-2")
	rep, err = env.org.ImportConversions(context.Background(), seqOf(rows...), j, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, rep)
	if rep.Accepted != 1 || rep.Duplicates != 4 || env.posts.Load() != 1 {
		t.Errorf("second run: %+v with %d POSTs, want only the fixed row sent", rep, env.posts.Load())
	}
}

func TestImportDryRunSendsNothing(t *testing.T) {
	env := newImportEnv(t, nil)
	j := giosg.NewMemoryJournal()
	if _, claimed, _ := claimOne(j, "done", 1); !claimed {
		t.Fatal("claim failed")
	}
	j.Record(giosg.JournalEntry{Key: "done", State: giosg.StateAccepted})
	bad := env.conv("bad")
	bad.Rooms = nil
	rep, err := env.org.ImportConversions(context.Background(), seqOf(env.conv("new"), env.conv("done"), bad), j, &giosg.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, rep)
	if n := env.posts.Load(); n != 0 {
		t.Errorf("dry run sent %d requests, want 0", n)
	}
	if !rep.DryRun || rep.WouldSend != 1 || rep.Duplicates != 1 || rep.Invalid != 1 {
		t.Errorf("report = %+v, want 1 would-send, 1 duplicate, 1 invalid", rep)
	}
	if _, found, _ := j.Lookup("new"); found {
		t.Error("dry run wrote to the journal")
	}
}

// Every fault of RELIABILITY.md's table against one POST: the outcome, the
// journal state, and how many times the fake recorded the match.
func TestImportClassifiesEveryFault(t *testing.T) {
	type want struct {
		outcome  giosg.Outcome
		recorded int // -1: either (the server applies it after the client gave up)
	}
	wants := map[string]want{
		"none":                  {giosg.OutcomeAccepted, 1},
		"429":                   {giosg.OutcomeAccepted, 1}, // retried: the server did not act
		"500":                   {giosg.OutcomeInDoubt, 0},
		"502":                   {giosg.OutcomeInDoubt, 0},
		"503":                   {giosg.OutcomeInDoubt, 0},
		"504":                   {giosg.OutcomeInDoubt, 0},
		"applied-then-500":      {giosg.OutcomeInDoubt, 1},
		"applied-then-502-html": {giosg.OutcomeInDoubt, 1},
		"drop-before":           {giosg.OutcomeInDoubt, 0},
		"applied-then-drop":     {giosg.OutcomeInDoubt, 1},
		"applied-then-stall":    {giosg.OutcomeInDoubt, 1},
		"stall-then-apply":      {giosg.OutcomeInDoubt, -1},
		"applied-truncated":     {giosg.OutcomeAccepted, 1}, // a 2xx arrived: nothing to read
		"429-retry-after-long":  {giosg.OutcomeDeferred, 0}, // not slept, not sent: the next run sends it
		"applied-200-html":      {giosg.OutcomeAccepted, 1},
		"applied-200-empty":     {giosg.OutcomeAccepted, 1},
		"429-retry-after-date":  {giosg.OutcomeAccepted, 1}, // retried
		"429-bare":              {giosg.OutcomeAccepted, 1}, // retried after a backoff
	}
	cases := append([]fake.WriteFault{{Name: "none"}}, fake.WriteFaults(2*time.Second)...)
	if len(cases) != len(wants) {
		t.Fatalf("%d faults, %d expectations", len(cases), len(wants))
	}
	for _, wf := range cases {
		t.Run(wf.Name, func(t *testing.T) {
			tc, ok := wants[wf.Name]
			if !ok {
				t.Fatalf("no expectation for %s", wf.Name)
			}
			env := newImportEnv(t, nil)
			if wf.Name != "none" {
				wf.Method, wf.Times = http.MethodPost, 1 // the first POST only
				if err := env.fake.Inject(wf.Fault); err != nil {
					t.Fatal(err)
				}
			}
			j := giosg.NewMemoryJournal()
			rep, err := env.org.ImportConversions(context.Background(), seqOf(env.conv("k")), j, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkAddsUp(t, rep)
			got := giosg.OutcomeAccepted
			if len(rep.Failures) == 1 {
				got = rep.Failures[0].Outcome
			}
			if got != tc.outcome || rep.Total != 1 {
				t.Fatalf("outcome %s (report %+v), want %s", got, rep, tc.outcome)
			}
			wantState := map[giosg.Outcome]giosg.RowState{giosg.OutcomeAccepted: giosg.StateAccepted, giosg.OutcomeInDoubt: giosg.StateInDoubt, giosg.OutcomeDeferred: giosg.StatePending}[tc.outcome]
			if s := state(t, j, "k"); s != wantState {
				t.Errorf("journal state %s, want %s", s, wantState)
			}
			if n := env.recorded()["v-k"]; tc.recorded >= 0 && n != tc.recorded {
				t.Errorf("fake recorded the match %d times, want %d", n, tc.recorded)
			}
			// A rerun never re-sends an in-doubt key; a deferred one is sent.
			before := env.posts.Load()
			rep, err = env.org.ImportConversions(context.Background(), seqOf(env.conv("k")), j, nil)
			if tc.outcome == giosg.OutcomeDeferred {
				if err != nil || rep.Accepted != 1 || env.recorded()["v-k"] != 1 {
					t.Errorf("rerun of a deferred key: %+v, %v; want it sent and recorded once", rep, err)
				}
				return
			}
			if err != nil || rep.Duplicates != 1 || env.posts.Load() != before {
				t.Errorf("rerun: %+v, %v, %d new POSTs; want a duplicate and none", rep, err, env.posts.Load()-before)
			}
		})
	}
}

func TestResolveResendSendsOnceMore(t *testing.T) {
	env := newImportEnv(t, nil)
	if err := env.fake.Inject(giosgtest.Fault{Method: http.MethodPost, Times: 1, Drop: true}); err != nil {
		t.Fatal(err)
	}
	j := giosg.NewMemoryJournal()
	rows := seqOf(env.conv("k"), env.conv("other"))
	if _, err := env.org.ImportConversions(context.Background(), rows, j, &giosg.ImportOptions{Concurrency: 1}); err != nil {
		t.Fatal(err)
	}
	if err := j.Resolve("other", giosg.ResolveResend); !errors.Is(err, giosg.ErrNotInDoubt) {
		t.Errorf("Resolve of an accepted key = %v, want ErrNotInDoubt", err)
	}
	if err := j.Resolve("nope", giosg.ResolveDrop); !errors.Is(err, giosg.ErrUnknownKey) {
		t.Errorf("Resolve of an unknown key = %v, want ErrUnknownKey", err)
	}
	if env.recorded()["v-k"] != 0 {
		t.Fatal("the dropped request was recorded")
	}
	if err := j.Resolve("k", giosg.ResolveResend); err != nil {
		t.Fatal(err)
	}
	rep, err := env.org.ImportConversions(context.Background(), rows, j, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1 || rep.Duplicates != 1 || env.recorded()["v-k"] != 1 || env.recorded()["v-other"] != 1 {
		t.Errorf("after resend: %+v, recorded %v; want k sent once", rep, env.recorded())
	}
}

// A key left sending (the process died with its POST in flight) is in
// doubt for the next run, which does not send it.
func TestImportRecoversSendingAsInDoubt(t *testing.T) {
	env := newImportEnv(t, nil)
	j := giosg.NewMemoryJournal()
	claimOne(j, "k", 1)
	rep, err := env.org.ImportConversions(context.Background(), seqOf(env.conv("k")), j, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Recovered != 1 || rep.Duplicates != 1 || env.posts.Load() != 0 {
		t.Errorf("report %+v with %d POSTs, want 1 recovered, a duplicate, none sent", rep, env.posts.Load())
	}
	if s := state(t, j, "k"); s != giosg.StateInDoubt {
		t.Errorf("state %s, want in-doubt", s)
	}
}

func TestImportMatchedAtBounds(t *testing.T) {
	env := newImportEnv(t, nil)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	old, future := env.conv("old"), env.conv("future")
	old.MatchedAt = now.Add(-100 * 24 * time.Hour)
	future.MatchedAt = now.Add(time.Hour)
	opts := &giosg.ImportOptions{MaxAge: 90 * 24 * time.Hour, MaxFutureSkew: 5 * time.Minute, Now: func() time.Time { return now }}
	rep, err := env.org.ImportConversions(context.Background(), seqOf(old, future), giosg.NewMemoryJournal(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Invalid != 2 || env.posts.Load() != 0 || !strings.Contains(rep.Failures[0].Reason, "older than") {
		t.Errorf("refuse: %+v, want both invalid and nothing sent", rep)
	}
	opts.AgeWarn = true
	rep, err = env.org.ImportConversions(context.Background(), seqOf(old, future), giosg.NewMemoryJournal(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 2 || len(rep.Warnings) != 2 || rep.Warnings[0].Field != "matched_at" {
		t.Errorf("warn: %+v, want both sent with warnings", rep)
	}
}

func TestImportConcurrentRowsEachSentOnce(t *testing.T) {
	env := newImportEnv(t, nil)
	rows := make([]giosg.Conversion, 300)
	for i := range rows {
		rows[i] = env.conv(fmt.Sprintf("k-%d", i%200)) // 100 repeats
	}
	var mu sync.Mutex
	var last giosg.ImportProgress
	rep, err := env.org.ImportConversions(context.Background(), seqOf(rows...), giosg.NewMemoryJournal(), &giosg.ImportOptions{
		Concurrency: 16,
		Progress:    func(p giosg.ImportProgress) { mu.Lock(); last = p; mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAddsUp(t, rep)
	if rep.Accepted != 200 || rep.Duplicates != 100 || env.posts.Load() != 200 {
		t.Errorf("report %+v with %d POSTs, want 200 accepted, 100 duplicates", rep, env.posts.Load())
	}
	for k, n := range env.recorded() {
		if n != 1 {
			t.Errorf("%s recorded %d times", k, n)
		}
	}
	if last.Read != 300 || last.Accepted != 200 || last.Sent != 200 {
		t.Errorf("final progress %+v, want 300 read, 200 sent and accepted", last)
	}
}

func TestDeriveKey(t *testing.T) {
	c := giosg.Conversion{GoalID: "g", VisitorIdentity: "v", MatchedAt: time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC), Value: giosg.Ptr(giosg.Decimal("1.00"))}
	k := giosg.DeriveKey("org", &c)
	if !strings.HasPrefix(k, "sha256:") || len(k) != 7+64 {
		t.Errorf("key %q, want sha256: and 64 hex digits", k)
	}
	same := c
	same.MatchedAt = c.MatchedAt.Add(999 * time.Microsecond).In(time.FixedZone("x", 3600)) // same millisecond
	if giosg.DeriveKey("org", &same) != k {
		t.Error("the key depends on sub-millisecond time or the zone")
	}
	other := c
	other.Value = giosg.Ptr(giosg.Decimal("1.0"))
	if giosg.DeriveKey("org", &other) == k || giosg.DeriveKey("org2", &c) == k {
		t.Error("different value or org, same key")
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

// Cancelling stops reading; rows claimed but not yet sent go back to
// pending (deferred), so no key is left sending and none is lost.
func TestImportCancelPutsUnsentRowsBack(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var env *importEnv
	env = newImportEnv(t, func() {
		if env.posts.Load() == 20 {
			cancel()
		}
		time.Sleep(time.Millisecond)
	})
	rows := make([]giosg.Conversion, 500)
	for i := range rows {
		rows[i] = env.conv(fmt.Sprint("k-", i))
	}
	j := giosg.NewMemoryJournal()
	rep, err := env.org.ImportConversions(ctx, seqOf(rows...), j, &giosg.ImportOptions{Concurrency: 2, ClaimAhead: 50})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	checkAddsUp(t, rep)
	if rep.Total >= 500 || rep.Deferred == 0 {
		t.Errorf("report %+v: want a partial run with deferred rows", rep)
	}
	counts := map[giosg.RowState]int{}
	for e, err := range j.Entries() {
		if err != nil {
			t.Fatal(err)
		}
		counts[e.State]++
	}
	if counts[giosg.StateSending] != 0 || counts[giosg.StatePending] != rep.Deferred || counts[giosg.StateAccepted] != rep.Accepted {
		t.Errorf("journal %v, report %+v", counts, rep)
	}
	recorded := env.recorded()
	for e := range j.Entries(giosg.StatePending) {
		if recorded["v-"+e.Key] != 0 {
			t.Errorf("%s is pending but was recorded", e.Key)
		}
	}
}

// countingJournal counts the Record calls (commits) and entries.
type countingJournal struct {
	giosg.Journal
	calls, entries atomic.Int64
}

func (c *countingJournal) Record(entries ...giosg.JournalEntry) error {
	c.calls.Add(1)
	c.entries.Add(int64(len(entries)))
	return c.Journal.Record(entries...)
}

// Outcomes share commits: a commit per answer (one fsync each on a file
// journal) cost the importer 40% of its throughput at concurrency 4.
func TestImportGroupsOutcomeCommits(t *testing.T) {
	env := newImportEnv(t, nil)
	const n = 500
	rows := make([]giosg.Conversion, n)
	for i := range rows {
		rows[i] = env.conv(fmt.Sprintf("k-%d", i))
	}
	j := &countingJournal{Journal: giosg.NewMemoryJournal()}
	start := time.Now()
	rep, err := env.org.ImportConversions(context.Background(), seqOf(rows...), j, &giosg.ImportOptions{Concurrency: 4})
	elapsed := time.Since(start)
	if err != nil || rep.Accepted != n {
		t.Fatalf("%+v, %v", rep, err)
	}
	if j.entries.Load() != n {
		t.Errorf("%d outcomes recorded, want %d", j.entries.Load(), n)
	}
	for _, r := range rows {
		if s := state(t, j, r.Key); s != giosg.StateAccepted {
			t.Fatalf("%s is %s after the import, want accepted", r.Key, s)
		}
	}
	// At most one commit per 50 ms (the recorder's delay), plus the last.
	if limit := int64(elapsed/(50*time.Millisecond)) + 2; j.calls.Load() > limit {
		t.Errorf("%d Record commits for %d rows in %v, want at most %d", j.calls.Load(), n, elapsed, limit)
	}
}
