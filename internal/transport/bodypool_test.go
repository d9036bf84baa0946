package transport

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestBufferClasses(t *testing.T) {
	for _, tc := range []struct{ n, wantCap int }{
		{0, 4 << 10}, {1, 4 << 10}, {4 << 10, 4 << 10}, {4<<10 + 1, 8 << 10},
		{1 << 20, 1 << 20}, {1<<20 + 1, 2 << 20}, {3<<20 - 1, 3 << 20}, {10<<20 + 1, 11 << 20}, {16 << 20, 16 << 20},
		{16<<20 + 1, 16<<20 + 1}, // beyond the largest class: exactly n, never pooled
	} {
		if got := cap(*getBuffer(tc.n)); got != tc.wantCap {
			t.Errorf("getBuffer(%d): cap %d, want %d", tc.n, got, tc.wantCap)
		}
	}
	putBuffer(nil)
	for _, n := range []int{5000, 3<<20 + 4096} {
		odd := make([]byte, 0, n)
		putBuffer(&odd) // no class of its size: dropped, not filed under another
		if c := classOf(n); c >= 0 {
			if b, ok := bodyBuffers[c].Get().(*[]byte); ok && cap(*b) != classSize(c) {
				t.Errorf("class %d holds a buffer of cap %d", c, cap(*b))
			}
		}
	}
}

// chunkReader hands out r in pieces of at most n bytes, as a gzip reader
// or a chunked body does, and counts what was read.
type chunkReader struct {
	r    io.Reader
	n    int
	read int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p[:min(len(p), c.n)])
	c.read += n
	return n, err
}

func TestReadCappedUnknownLength(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), (3<<20)/16+1) // just over 3 MiB
	buf, err := readCapped(&chunkReader{r: bytes.NewReader(body), n: 32 << 10}, 10<<20, -1)
	if err != nil || !bytes.Equal(*buf, body) {
		t.Fatalf("read %d bytes, %v; want the %d-byte body", len(*buf), err, len(body))
	}
	if cap(*buf) != 4<<20 {
		t.Errorf("cap %d, want the 4 MiB class", cap(*buf))
	}
	putBuffer(buf)

	// At the cap exactly it is fine; one byte over is refused, having
	// read at most that one byte more.
	for _, limit := range []int64{int64(len(body)), int64(len(body)) - 1} {
		r := &chunkReader{r: bytes.NewReader(body), n: 32 << 10}
		buf, err := readCapped(r, limit, -1)
		if over := int64(len(body)) > limit; over != errors.Is(err, ErrResponseTooLarge) || int64(r.read) > limit+1 {
			t.Errorf("limit %d: %v after reading %d bytes", limit, err, r.read)
		}
		putBuffer(buf)
	}
}

func TestReadCappedPreallocIsCapped(t *testing.T) {
	// A server announces 10 MiB and sends nothing: no more than
	// maxPrealloc is set aside on its word.
	buf, err := readCapped(&chunkReader{r: bytes.NewReader(nil), n: 1}, 16<<20, 10<<20)
	if err != nil || cap(*buf) > maxPrealloc {
		t.Errorf("cap %d, %v; want at most %d", cap(*buf), err, maxPrealloc)
	}
	if _, err := readCapped(bytes.NewReader(nil), 1024, 1025); !errors.Is(err, ErrResponseTooLarge) {
		t.Errorf("announced over the cap: %v", err)
	}
}

// A large body's buffer serves the next call: reading the same 3 MiB
// again allocates (almost) nothing. Before, buffers over 1 MiB were never
// pooled and each doubling left garbage.
func TestLargeBodyBufferIsReused(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops buffers at random under -race")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // the GC empties pools
	// One P: a buffer put back on one P's private slot is not seen from
	// another, which in production only means an occasional miss.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	body := bytes.Repeat([]byte("x"), 3<<20)
	read := func() {
		buf, err := readCapped(&chunkReader{r: bytes.NewReader(body), n: 32 << 10}, 10<<20, -1)
		if err != nil {
			t.Fatal(err)
		}
		putBuffer(buf)
	}
	read()
	// TotalAlloc counts the whole process: goroutines an earlier test left
	// (a server closing, a body drained aside) may allocate meanwhile, so
	// the least of five reads is the one judged.
	least := uint64(1 << 62)
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		read()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if least > 64<<10 {
		t.Errorf("a repeated read of a 3 MiB body allocated %d bytes", least)
	}
}

// A body near the 10 MiB cap, read cold (nothing pooled, no length
// announced), costs about twice its size: chunks plus one joined buffer.
// Growing by doubling cost 32 MiB (3.2x) and held 24 MiB at once.
func TestReadCappedLargeBodyAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MiB body")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	body := bytes.Repeat([]byte("x"), DefaultMaxBodySize-64)
	runtime.GC()
	runtime.GC() // twice: sync.Pool keeps a victim cache for one cycle
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	buf, err := readCapped(&chunkReader{r: bytes.NewReader(body), n: 32 << 10}, DefaultMaxBodySize, -1)
	runtime.ReadMemStats(&after)
	if err != nil || len(*buf) != len(body) {
		t.Fatalf("read %d bytes, %v", len(*buf), err)
	}
	got := after.TotalAlloc - before.TotalAlloc
	t.Logf("a %d-byte body: %d bytes allocated", len(body), got)
	if got > uint64(len(body))*22/10 {
		t.Errorf("reading a %d-byte body allocated %d bytes (%.1fx)", len(body), got, float64(got)/float64(len(body)))
	}
	putBuffer(buf)
}
