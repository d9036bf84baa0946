package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

// conversionsEnv is a loopback giosg fake reached through GIOSG_BASE_URL,
// the way an operator points goalctl at a local fake or a proxy.
type conversionsEnv struct {
	fake  *giosgtest.Fake
	goal  string
	env   map[string]string
	dir   string
	posts atomic.Int64
}

func newConversionsEnv(t *testing.T) *conversionsEnv {
	t.Helper()
	ce := &conversionsEnv{fake: giosgtest.New(), dir: t.TempDir()}
	g, err := ce.fake.AddGoal("org-1", giosg.GoalInput{Name: "Phone order", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	ce.goal = g.ID
	ce.fake.AddVisitorIdentity("crm-1")
	ce.fake.AddVisitorIdentity("crm-2")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			ce.posts.Add(1)
		}
		ce.fake.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ce.env = map[string]string{"GIOSG_API_TOKEN": "tok-1234", "GIOSG_ORG_ID": "org-1", "GIOSG_BASE_URL": srv.URL + "/api/v5"}
	return ce
}

func (ce *conversionsEnv) file(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(ce.dir, name)
	if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "GOAL", ce.goal)), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func (ce *conversionsEnv) run(t *testing.T, args ...string) result {
	t.Helper()
	return runApp(t, context.Background(), hooks{retryWait: time.Millisecond}, ce.env, args...)
}

func readLines(t *testing.T, path string) []giosg.RowOutcome {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []giosg.RowOutcome
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var o giosg.RowOutcome
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		out = append(out, o)
	}
	return out
}

const conversionsCSV = `key,goal_id,visitor_identity,matched_at,value,rooms
order-1,GOAL,crm-1,2026-11-30T12:00:00Z,19.90,room-1;room-2
order-2,GOAL,crm-2,2026-11-30T12:05:00+02:00,,room-1
order-3,GOAL,crm-1,yesterday,5,room-1
order-4,GOAL,crm-unknown,2026-11-30T12:00:00Z,5,room-1
`

func TestConversionsImportCSV(t *testing.T) {
	ce := newConversionsEnv(t)
	in := ce.file(t, "sales.csv", conversionsCSV)
	jpath, rpath := filepath.Join(ce.dir, "j.db"), filepath.Join(ce.dir, "report.jsonl")
	r := ce.run(t, "giosg", "conversions", "import", in, "--journal", jpath, "--report", rpath, "--concurrency", "2", "--rate", "100/s")
	wantCode(t, r, exitAPI) // one rejected
	var sum giosg.ImportReport
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("stdout %q: %v", r.stdout, err)
	}
	if sum.Total != 4 || sum.Accepted != 2 || sum.Invalid != 1 || sum.Rejected != 1 {
		t.Errorf("summary %+v", sum)
	}
	lines := readLines(t, rpath)
	byRow := map[int]giosg.RowOutcome{}
	for _, o := range lines {
		byRow[o.Row] = o
	}
	if len(lines) != 2 || byRow[3].Outcome != giosg.OutcomeInvalid || byRow[3].Field != "matched_at" || byRow[3].Key != "order-3" ||
		byRow[4].Outcome != giosg.OutcomeRejected || byRow[4].Status != 404 {
		t.Errorf("report lines %+v", lines)
	}
	m := ce.fake.Matches(ce.goal)
	if len(m) == 2 && m[0].VisitorIdentity != "crm-1" { // sent concurrently: either order
		m[0], m[1] = m[1], m[0]
	}
	if len(m) != 2 || m[0].GoalValue == nil || *m[0].GoalValue != "19.90" || strings.Join(m[0].Rooms, ",") != "room-1,room-2" ||
		m[1].VisitorIdentity != "crm-2" || m[1].GoalValue != nil || !m[1].GoalMatchedAt.Equal(time.Date(2026, 11, 30, 10, 5, 0, 0, time.UTC)) {
		t.Errorf("recorded %+v", m)
	}
	if !strings.Contains(r.stderr, "goalctl: read 4, sent 3, accepted 2, rejected 1") {
		t.Errorf("stderr has no plain progress line:\n%s", r.stderr)
	}

	// The rerun sends nothing; the invalid row is still bad input.
	ce.posts.Store(0)
	r = ce.run(t, "giosg", "conversions", "import", in, "--journal", jpath)
	wantCode(t, r, exitUsage)
	if n := ce.posts.Load(); n != 0 {
		t.Errorf("rerun sent %d POSTs", n)
	}
}

func TestConversionsDryRunSendsNothing(t *testing.T) {
	ce := newConversionsEnv(t)
	in := ce.file(t, "sales.ndjson", `{"key":"a","goal_id":"GOAL","visitor_identity":"crm-1","matched_at":"2026-11-30T12:00:00Z","value":"1.50","rooms":["r"]}

{"key":"b","goal_id":"GOAL","visitor_identity":"crm-2","matched_at":"2026-11-30T12:00:00Z","rooms":"r;s"}
`)
	r := ce.run(t, "giosg", "conversions", "import", in, "--journal", filepath.Join(ce.dir, "j.db"), "--dry-run")
	wantCode(t, r, exitOK)
	if n := ce.posts.Load(); n != 0 {
		t.Errorf("dry run sent %d POSTs", n)
	}
	if !strings.Contains(r.stdout, `"would_send": 2`) {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestConversionsNDJSONUnknownFieldIsInvalid(t *testing.T) {
	ce := newConversionsEnv(t)
	in := ce.file(t, "sales.ndjson", `{"key":"a","goal_id":"GOAL","visitor_identity":"crm-1","matched_at":"2026-11-30T12:00:00Z","rooms":["r"],"valeu":"9.99"}`+"\n")
	r := ce.run(t, "giosg", "conversions", "import", in, "--journal", filepath.Join(ce.dir, "j.db"))
	wantCode(t, r, exitUsage)
	if ce.posts.Load() != 0 || !strings.Contains(r.stdout, "valeu") {
		t.Errorf("a misspelt field was not refused: %d POSTs\n%s", ce.posts.Load(), r.stdout)
	}
}

func TestConversionsStatusAndResolve(t *testing.T) {
	ce := newConversionsEnv(t)
	in := ce.file(t, "sales.csv", "key,goal_id,visitor_identity,matched_at,rooms\norder-1,GOAL,crm-1,2026-11-30T12:00:00Z,room-1\n")
	jpath := filepath.Join(ce.dir, "j.db")
	if err := ce.fake.Inject(giosgtest.Fault{Route: "CreateExternalMatch", AfterApply: true, Drop: true, Times: 1}); err != nil {
		t.Fatal(err)
	}
	r := ce.run(t, "giosg", "conversions", "import", in, "--journal", jpath)
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "1 in doubt") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = ce.run(t, "giosg", "conversions", "status", "--journal", jpath)
	wantCode(t, r, exitOK)
	var st statusResult
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatal(err)
	}
	if st.Counts["in-doubt"] != 1 || len(st.InDoubt) != 1 || st.InDoubt[0].Key != "order-1" {
		t.Errorf("status %+v", st)
	}
	wantCode(t, ce.run(t, "giosg", "conversions", "resolve", "--journal", jpath, "order-1"), exitUsage) // neither flag
	wantCode(t, ce.run(t, "giosg", "conversions", "resolve", "--journal", jpath, "nope", "--drop"), exitUsage)
	// The fake did record it (the connection dropped after): drop.
	r = ce.run(t, "giosg", "conversions", "resolve", "--journal", jpath, "order-1", "--drop")
	wantCode(t, r, exitOK)
	ce.posts.Store(0)
	wantCode(t, ce.run(t, "giosg", "conversions", "import", in, "--journal", jpath), exitOK)
	if ce.posts.Load() != 0 || len(ce.fake.Matches(ce.goal)) != 1 {
		t.Errorf("after drop: %d POSTs, %d matches", ce.posts.Load(), len(ce.fake.Matches(ce.goal)))
	}
}

func TestConversionsBadInputIsUsage(t *testing.T) {
	ce := newConversionsEnv(t)
	jpath := filepath.Join(ce.dir, "j.db")
	for name, args := range map[string][]string{
		"unknown column": {ce.file(t, "a.csv", "key,goal,visitor_identity,matched_at,rooms\n")},
		"missing column": {ce.file(t, "b.csv", "key,goal_id,matched_at,rooms\n")},
		"extension":      {ce.file(t, "c.txt", "")},
		"rate":           {ce.file(t, "d.csv", conversionsCSV), "--rate", "fast"},
		"no journal":     {ce.file(t, "e.csv", conversionsCSV), "--journal", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := ce.run(t, append([]string{"giosg", "conversions", "import", "--journal", jpath}, args...)...)
			wantCode(t, r, exitUsage)
		})
	}
	if ce.posts.Load() != 0 {
		t.Errorf("bad input sent %d POSTs", ce.posts.Load())
	}
}

// Every dialect takes its base URL from the environment; http is refused
// for a host that is not loopback.
func TestBaseURLFromEnvironment(t *testing.T) {
	ce := newConversionsEnv(t)
	r := ce.run(t, "giosg", "goals", "list")
	wantCode(t, r, exitOK)
	if !strings.Contains(r.stdout, "Phone order") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	for _, tc := range []struct{ env map[string]string }{
		{map[string]string{"GIOSG_API_TOKEN": "tok-1234", "GIOSG_ORG_ID": "o", "GIOSG_BASE_URL": "http://example.com/api"}},
		{map[string]string{"ZENDESK_CHAT_SUBDOMAIN": "acme", "ZENDESK_CHAT_TOKEN": "tok-1234", "ZENDESK_CHAT_BASE_URL": "http://example.com/api"}},
		{map[string]string{"ZOHO_CLIENT_ID": "id", "ZOHO_CLIENT_SECRET": "sec-1234", "ZOHO_REFRESH_TOKEN": "ref-1234",
			"PAGESENSE_PORTAL": "p", "PAGESENSE_PROJECT": "q", "PAGESENSE_BASE_URL": "http://example.com/api"}},
	} {
		var args []string
		switch {
		case tc.env["GIOSG_BASE_URL"] != "":
			args = []string{"giosg", "goals", "list"}
		case tc.env["ZENDESK_CHAT_BASE_URL"] != "":
			args = []string{"zopim", "goals", "list"}
		default:
			args = []string{"pagesense", "goals", "list"}
		}
		r := runApp(t, context.Background(), hooks{}, tc.env, args...)
		wantCode(t, r, exitUsage)
		if !strings.Contains(r.stderr, "cannot configure the client") {
			t.Errorf("%v: stderr:\n%s", args, r.stderr)
		}
	}
}
