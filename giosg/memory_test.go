package giosg_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// lazyPages serves pages of 100 seed-like goals, built on request, with a
// next link until page `pages`.
func lazyPages(t *testing.T, pages int) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		goals := make([]string, 100)
		for i := range goals {
			goals[i] = strings.Replace(benchGoalJSON, "4d0648b8-9074-11e6-963e-f45c89c72de3", fmt.Sprintf("g-%d-%d", p, i), 1)
		}
		next := "null"
		if p+1 < pages {
			next = fmt.Sprintf(`"%s/orgs/o/goals?cursor=%d"`, srv.URL, p+1)
		}
		fmt.Fprintf(w, `{"next":%s,"previous":null,"results":[%s]}`, next, strings.Join(goals, ","))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// peakLiveHeap walks every page and samples the live heap (after a GC)
// every few pages; it returns the highest sample.
func peakLiveHeap(t *testing.T, pages int) uint64 {
	srv := lazyPages(t, pages)
	org := benchOrg(t, srv.URL, &http.Client{})
	var peak uint64
	var ms runtime.MemStats
	n := 0
	for _, err := range org.AllGoals(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n%500 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if n != pages*100 {
		t.Fatalf("walked %d goals, want %d", n, pages*100)
	}
	return peak
}

// TestAllGoalsMemoryIsFlat: walking 20x more pages must not hold more
// memory: AllGoals keeps one page at a time.
func TestAllGoalsMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("walks 40,000 goals")
	}
	small := peakLiveHeap(t, 20)
	large := peakLiveHeap(t, 400)
	t.Logf("peak live heap: %d KiB over 20 pages, %d KiB over 400 pages", small>>10, large>>10)
	if large > small+512<<10 {
		t.Errorf("peak live heap grew from %d KiB to %d KiB with the number of pages", small>>10, large>>10)
	}
}
