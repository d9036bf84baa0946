package journal_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/giosg/journal"
	"github.com/goalkit/goalkit/internal/benchkit"
)

// The row counts are parameters: BENCHMARKS.md's table was made with
// -import.rows=100000 and -import.heaprows=10000,1000000.
var (
	benchRows     = flag.Int("import.rows", 10000, "rows per BenchmarkImport run")
	benchAhead    = flag.Int("import.claimahead", 0, "ImportOptions.ClaimAhead of BenchmarkImport (0: the default)")
	benchHeapRows = flag.String("import.heaprows", "10000,100000", "row counts of BenchmarkImportHeap, comma-separated")
)

// benchConversions yields n conversions, generated as they are read.
func benchConversions(goal string, n int) iter.Seq2[giosg.Conversion, error] {
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	value := giosg.Decimal("19.90")
	rooms := []string{"room-1"}
	return func(yield func(giosg.Conversion, error) bool) {
		for i := range n {
			s := strconv.Itoa(i)
			if !yield(giosg.Conversion{Key: "order-" + s, GoalID: goal, VisitorIdentity: "v-" + s, MatchedAt: at, Value: &value, Rooms: rooms}, nil) {
				return
			}
		}
	}
}

func benchOrg(b *testing.B, url string, concurrency int) *giosg.Org {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = concurrency
	c, err := giosg.NewClient(giosg.WithBaseURL(url), giosg.WithAPIToken("bench-token"),
		giosg.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		b.Fatal(err)
	}
	return c.Org("bench-org")
}

// BenchmarkImport: rows/s against the loopback fake, the importer with the
// durable journal beside a raw loop of POSTs with no journal, at the same
// concurrency, in the same run.
func BenchmarkImport(b *testing.B) {
	for _, conc := range []int{1, 4, 16} {
		for _, mode := range []string{"raw", "journal"} {
			b.Run(fmt.Sprintf("%s/c=%d", mode, conc), func(b *testing.B) {
				rows := *benchRows
				var total, cpu time.Duration
				var writes int64 // Claim and Record calls: commits at most
				for range b.N {
					f := giosgtest.New()
					goal, _ := f.AddGoal("bench-org", giosg.GoalInput{Name: "Order", AllowAnyRoom: true})
					srv := giosgtest.NewServerWith(f)
					org := benchOrg(b, srv.URL, conc)
					start, startCPU := time.Now(), benchkit.CPUTime()
					if mode == "raw" {
						rawPosts(b, org, goal.ID, rows, conc)
					} else {
						j, err := journal.Open(filepath.Join(b.TempDir(), "j.db"))
						if err != nil {
							b.Fatal(err)
						}
						cj := &countingJournal{Journal: j}
						rep, err := org.ImportConversions(context.Background(), benchConversions(goal.ID, rows), cj, &giosg.ImportOptions{Concurrency: conc, ClaimAhead: *benchAhead})
						if err != nil || rep.Accepted != rows {
							b.Fatalf("%+v, %v", rep, err)
						}
						j.Close()
						writes += cj.calls.Load()
					}
					total += time.Since(start)
					cpu += benchkit.CPUTime() - startCPU
					srv.Close()
				}
				b.ReportMetric(float64(rows*b.N)/total.Seconds(), "rows/s")
				// Client and fake server together: what a row costs the machine.
				b.ReportMetric(float64(cpu.Microseconds())/float64(rows*b.N), "cpu-µs/row")
				if mode == "journal" {
					b.ReportMetric(float64(writes)*1000/float64(rows*b.N), "writes/krow")
				}
			})
		}
	}
}

// rawPosts sends n matches with conc workers and no journal: the floor.
func rawPosts(b *testing.B, org *giosg.Org, goal string, n, conc int) {
	next := make(chan giosg.Conversion, conc)
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range conc {
		wg.Go(func() {
			for c := range next {
				m := &giosg.ExternalMatch{VisitorIdentity: c.VisitorIdentity, GoalMatchedAt: c.MatchedAt, GoalValue: c.Value, Rooms: c.Rooms}
				if err := org.CreateExternalMatch(context.Background(), c.GoalID, m); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	for c := range benchConversions(goal, n) {
		next <- c
	}
	close(next)
	wg.Wait()
	if failed.Load() > 0 {
		b.Fatalf("%d POSTs failed", failed.Load())
	}
}

// BenchmarkImportHeap: the peak Go heap of an import, sampled every 5 ms,
// for growing row counts. The server only counts (a fake that keeps every
// match would grow with the rows itself); the journal is the bbolt file,
// whose pages are mmap'd, not heap.
func BenchmarkImportHeap(b *testing.B) {
	var counts []int
	for _, s := range splitComma(*benchHeapRows) {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		counts = append(counts, n)
	}
	for _, rows := range counts {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			var posts atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				posts.Add(1)
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte("{}"))
			}))
			defer srv.Close()
			org := benchOrg(b, srv.URL, 16)
			var peak uint64
			for range b.N {
				j, err := journal.Open(filepath.Join(b.TempDir(), "j.db"))
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				stop := make(chan struct{})
				var wg sync.WaitGroup
				wg.Go(func() {
					var ms runtime.MemStats
					t := time.NewTicker(5 * time.Millisecond)
					defer t.Stop()
					for {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc)
						select {
						case <-t.C:
						case <-stop:
							return
						}
					}
				})
				rep, err := org.ImportConversions(context.Background(), benchConversions("goal-1", rows), j, &giosg.ImportOptions{Concurrency: 16})
				close(stop)
				wg.Wait()
				if err != nil || rep.Accepted != rows {
					b.Fatalf("%+v, %v", rep, err)
				}
				j.Close()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		})
	}
}

func splitComma(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != ',' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

// countingJournal counts the importer's Claim and Record calls, each at
// most one commit (two fsyncs): the writes the journal costs per row.
type countingJournal struct {
	giosg.Journal
	calls atomic.Int64
}

func (c *countingJournal) Claim(keys []giosg.KeyRow) ([]giosg.Claimed, error) {
	c.calls.Add(1)
	return c.Journal.Claim(keys)
}

func (c *countingJournal) Record(entries ...giosg.JournalEntry) error {
	c.calls.Add(1)
	return c.Journal.Record(entries...)
}
