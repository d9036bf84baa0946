package journal_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/giosg/journal"
	"github.com/goalkit/goalkit/internal/fake"
)

const (
	killOrg   = "org-kill"
	killRows  = 3000
	childEnv  = "GOALKIT_IMPORT_CHILD"
	urlEnv    = "GOALKIT_IMPORT_URL"
	goalEnv   = "GOALKIT_IMPORT_GOAL"
	pathEnv   = "GOALKIT_IMPORT_JOURNAL"
	killKills = 24
)

// killRow is row i of the input every run reads: visitor v-<i>, key
// order-<i>; every 37th row is invalid (no room), every 53rd names a
// visitor the site never identified (rejected with 404).
func killRow(goal string, i int) giosg.Conversion {
	c := giosg.Conversion{
		Key: "order-" + strconv.Itoa(i), GoalID: goal, VisitorIdentity: "v-" + strconv.Itoa(i),
		MatchedAt: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), Rooms: []string{"room-1"},
	}
	if i%37 == 0 {
		c.Rooms = nil
	}
	if i%53 == 0 {
		c.VisitorIdentity = "unidentified-" + strconv.Itoa(i)
	}
	return c
}

// TestImportChild is the importer run in a child process by
// TestImportSurvivesKill9; it does nothing in a normal test run.
func TestImportChild(t *testing.T) {
	if os.Getenv(childEnv) != "1" {
		t.Skip("run by TestImportSurvivesKill9")
	}
	j, err := journal.Open(os.Getenv(pathEnv))
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	c, err := giosg.NewClient(giosg.WithBaseURL(os.Getenv(urlEnv)), giosg.WithAPIToken("test-token"),
		giosg.WithRetryWait(time.Millisecond, 2*time.Millisecond),
		giosg.WithHTTPClient(&http.Client{Timeout: 150 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	goal := os.Getenv(goalEnv)
	rows := func(yield func(giosg.Conversion, error) bool) {
		for i := 1; i <= killRows; i++ {
			if !yield(killRow(goal, i), nil) {
				return
			}
		}
	}
	fmt.Println("importing") // the parent's cue: kills land in the import, not in the start-up
	rep, err := c.Org(killOrg).ImportConversions(context.Background(), iter.Seq2[giosg.Conversion, error](rows), j, &giosg.ImportOptions{Concurrency: 8, ClaimAhead: 16})
	if err != nil {
		t.Fatal(err)
	}
	rep.Failures = nil
	json.NewEncoder(os.Stdout).Encode(rep)
}

// The importer is killed with SIGKILL at random points while the server
// injects every fault of RELIABILITY.md's table, then resumed with the same
// journal until a run completes. No key may be recorded twice, every row
// must be accounted for, and after the in-doubt keys are resolved as the
// fake's records say, every valid row is recorded exactly once.
func TestImportSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes; skipped in -short mode")
	}
	f := giosgtest.New()
	goal, err := f.AddGoal(killOrg, giosg.GoalInput{Name: "Phone order", AllowAnyRoom: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= killRows; i++ {
		f.AddVisitorIdentity("v-" + strconv.Itoa(i))
	}
	rng := rand.New(rand.NewPCG(14, 14))    // the server's faults, under mu
	killAt := rand.New(rand.NewPCG(41, 41)) // the kill points, test goroutine only
	var mu sync.Mutex
	faults := fake.WriteFaults(250 * time.Millisecond)
	faultsOn := true
	seen := map[string]bool{}
	h := fake.PerRequest(f, func(r *http.Request) *fake.Fault {
		mu.Lock()
		defer mu.Unlock()
		if !faultsOn || r.Method != http.MethodPost || rng.IntN(10) >= 3 {
			return nil
		}
		wf := faults[rng.IntN(len(faults))]
		seen[wf.Name] = true
		return &wf.Fault
	})
	srv := httptest.NewServer(h) // h wraps the fake: set before the server starts
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "journal.db")

	child := func(kill time.Duration) (*giosg.ImportReport, bool) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), childEnv+"=1", urlEnv+"="+srv.URL, goalEnv+"="+goal.ID, pathEnv+"="+path)
		var out, errOut bytes.Buffer
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.Write(sc.Bytes())
			out.WriteByte('\n')
			if kill > 0 && sc.Text() == "importing" {
				timer := time.AfterFunc(kill, func() { cmd.Process.Kill() })
				defer timer.Stop()
			}
		}
		if err := cmd.Wait(); err != nil {
			if kill > 0 {
				return nil, true
			}
			t.Fatalf("child: %v\n%s%s", err, out.String(), errOut.String())
		}
		var rep giosg.ImportReport
		if err := json.Unmarshal(reportLine(out.Bytes()), &rep); err != nil {
			t.Fatalf("child output %q: %v", out.String(), err)
		}
		return &rep, false
	}

	killed, runs := 0, 0
	for killed < killKills {
		runs++
		if _, wasKilled := child(time.Duration(1+killAt.IntN(60)) * time.Millisecond); wasKilled {
			killed++
		} else if runs > 2*killKills {
			t.Fatalf("%d runs completed before their kill: raise killRows", runs-killed)
		}
	}
	rep, _ := child(0)
	if sum := rep.Accepted + rep.Rejected + rep.Invalid + rep.Duplicates + rep.InDoubt + rep.Deferred; sum != rep.Total || rep.Total != killRows {
		t.Errorf("final run: counts add up to %d, total %d, want %d: %+v", sum, rep.Total, killRows, rep)
	}
	t.Logf("%d runs, %d killed; faults injected: %d kinds; final run %+v", runs, killed, len(seen), rep)
	if len(seen) != len(faults) {
		t.Errorf("only %d of %d faults were injected", len(seen), len(faults))
	}

	// Let stalled handlers finish applying before counting.
	time.Sleep(300 * time.Millisecond)
	recorded := map[string]int{}
	for _, m := range f.Matches(goal.ID) {
		recorded[m.VisitorIdentity]++
	}
	for v, n := range recorded {
		if n > 1 {
			t.Errorf("%s recorded %d times", v, n)
		}
	}
	j, err := journal.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	inDoubt, crashed := 0, 0 // crashed: left sending by a killed run
	for i := 1; i <= killRows; i++ {
		c := killRow(goal.ID, i)
		e, found, err := j.Lookup(c.Key)
		if err != nil || !found {
			t.Fatalf("row %d not in the journal: %v", i, err)
		}
		n := recorded[c.VisitorIdentity]
		switch e.State {
		case giosg.StateAccepted:
			if n != 1 {
				t.Errorf("%s accepted, recorded %d times", c.Key, n)
			}
		case giosg.StateRejected, giosg.StateInvalid, giosg.StatePending:
			if n != 0 {
				t.Errorf("%s %s, recorded %d times", c.Key, e.State, n)
			}
		case giosg.StateInDoubt:
			inDoubt++
			if strings.Contains(e.Message, "previous run ended") {
				crashed++
			}
			res := giosg.ResolveDrop
			if n == 0 {
				res = giosg.ResolveResend
			}
			if err := j.Resolve(c.Key, res); err != nil {
				t.Fatal(err)
			}
		default:
			t.Errorf("%s left %s", c.Key, e.State)
		}
	}
	j.Close()
	t.Logf("%d keys in doubt (%d of them by a kill), resolved against the fake's records", inDoubt, crashed)
	if crashed == 0 {
		t.Error("no kill struck while a POST was in flight")
	}
	if inDoubt == 0 {
		t.Error("no key ended in doubt: the faults did not reach the importer")
	}

	mu.Lock()
	faultsOn = false
	mu.Unlock()
	child(0)
	recorded = map[string]int{}
	for _, m := range f.Matches(goal.ID) {
		recorded[m.VisitorIdentity]++
	}
	for i := 1; i <= killRows; i++ {
		c := killRow(goal.ID, i)
		want := 1
		if i%37 == 0 || i%53 == 0 {
			want = 0
		}
		if n := recorded[c.VisitorIdentity]; n != want {
			t.Errorf("after resolving, %s recorded %d times, want %d", c.Key, n, want)
		}
	}
}

// reportLine is the child's JSON line among the test binary's output.
func reportLine(out []byte) []byte {
	for line := range bytes.Lines(out) {
		if bytes.HasPrefix(line, []byte("{")) {
			return line
		}
	}
	return nil
}
