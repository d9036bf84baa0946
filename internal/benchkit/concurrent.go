package benchkit

import (
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Goroutines are the concurrency levels of the throughput benchmarks.
var Goroutines = []int{16, 64, 256}

// TunedTransport is what a careful hand-written client would use: net/http's
// default transport with an idle pool as large as the concurrency.
func TunedTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 1024
	t.MaxIdleConnsPerHost = 256
	return t
}

// ConnCountingServer is a loopback httptest server that counts the TCP
// connections it accepts.
type ConnCountingServer struct {
	*httptest.Server
	conns atomic.Int64
}

// NewConnCountingServer starts h on loopback; Close it when done.
func NewConnCountingServer(h http.Handler) *ConnCountingServer {
	s := &ConnCountingServer{}
	s.Server = httptest.NewUnstartedServer(h)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	return s
}

// Conns is the number of connections accepted so far.
func (s *ConnCountingServer) Conns() int64 { return s.conns.Load() }

// Concurrent runs calls of do from g goroutines, b.N in all, after a
// warm-up of 4 calls per goroutine that fills the pools. It reports, for
// the timed part: req/s, p50-µs and p99-µs (latency of one call), and
// newconns/1k (connections srv accepted per 1,000 calls: 0 at steady
// state with a pool as large as g), and cpu-µs/op (the process's CPU time
// per call, client and server together: on a saturated or shared machine
// throughput follows it, and it swings far less than req/s).
func Concurrent(b *testing.B, srv *ConnCountingServer, g int, do func() error) {
	run := func(n int, lat []time.Duration) {
		var next atomic.Int64
		var wg sync.WaitGroup
		var failed atomic.Pointer[error]
		for range g {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= int64(n) {
						return
					}
					start := time.Now()
					if err := do(); err != nil {
						failed.Store(&err)
						return
					}
					if lat != nil {
						lat[i] = time.Since(start)
					}
				}
			})
		}
		wg.Wait()
		if err := failed.Load(); err != nil {
			b.Fatal(*err)
		}
	}
	run(4*g, nil)
	lat := make([]time.Duration, b.N)
	conns := srv.Conns()
	b.ReportAllocs()
	b.ResetTimer()
	start, startCPU := time.Now(), CPUTime()
	run(b.N, lat)
	elapsed, cpu := time.Since(start), CPUTime()-startCPU
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	b.ReportMetric(float64(srv.Conns()-conns)*1000/float64(b.N), "newconns/1k")
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(b.N), "cpu-µs/op")
}
