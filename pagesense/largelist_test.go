package pagesense_test

import (
	"context"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/goalkit/goalkit/internal/benchkit"
	"github.com/goalkit/goalkit/pagesense"
)

// A 5,000-goal list answered gzip-encoded (no Content-Length, as the real
// API answers) costs no more memory through ListGoals than through raw
// net/http + encoding/json (issue #16 item 4). Before, goalkit allocated
// about 1.4x raw: its body buffer grew by doubling and, over 1 MiB, was
// never reused, and the decoded slice doubled too.
func TestLargeGzipListAllocatesNoMoreThanRaw(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // the GC would empty the buffer pool at random
	const n = 5000
	srv := httptest.NewServer(benchkit.Gzipped(200, []byte(benchBody(n))))
	defer srv.Close()
	hc := srv.Client()
	ctx := context.Background()
	c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithHTTPClient(hc), pagesense.WithToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	p := c.Project("portal", "site")

	allocated := func(call func() int) uint64 {
		call() // warm: connection, pools
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if got := call(); got != n {
			t.Fatalf("decoded %d goals, want %d", got, n)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	raw := allocated(func() int {
		var env rawEnvelope[[]rawGoal]
		if err := benchkit.RawJSON(ctx, hc, "GET", srv.URL+"/portal/portal/projectgoals/site", "Zoho-oauthtoken t", nil, &env); err != nil {
			t.Fatal(err)
		}
		return len(env.Payload)
	})
	goalkit := allocated(func() int {
		gs, err := p.ListGoals(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(gs)
	})
	t.Logf("bytes allocated per call: raw %d, goalkit %d", raw, goalkit)
	if goalkit > raw {
		t.Errorf("goalkit allocated %d bytes, raw %d", goalkit, raw)
	}
}
