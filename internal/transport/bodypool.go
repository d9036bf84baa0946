package transport

import (
	"math/bits"
	"sync"
)

// Success bodies are read into pooled buffers: a body is only needed until
// it is decoded (encoding/json copies what it keeps), so its buffer can
// serve the next call. Error bodies are never pooled: APIError.Body keeps
// them.
//
// The pool is split into size classes, powers of two from 4 KiB to 16 MiB
// (the default 10 MiB cap fits the largest), so a large list's buffer is
// reused too, and a growing body trades its buffer for the next class's
// instead of leaving the old one as garbage. Pooled memory is bounded by
// use: a class never holds more buffers than calls used at once, and
// sync.Pool hands idle ones to the GC within two cycles. A body beyond the
// largest class (WithMaxResponseBytes over 16 MiB) is allocated and dropped.
const (
	minBufferShift  = 12
	maxBufferShift  = 24
	maxPooledBuffer = 1 << maxBufferShift
)

var bodyBuffers [maxBufferShift - minBufferShift + 1]sync.Pool

// classOf is the index of the smallest class that holds n bytes, or -1
// when none does.
func classOf(n int) int {
	if n <= 1<<minBufferShift {
		return 0
	}
	c := bits.Len(uint(n-1)) - minBufferShift
	if c >= len(bodyBuffers) {
		return -1
	}
	return c
}

// getBuffer returns an empty buffer with room for at least n bytes: a
// pooled one of n's class when one is free, else a new one of exactly the
// class size (so it goes back to the same class).
func getBuffer(n int) *[]byte {
	c := classOf(n)
	if c < 0 {
		b := make([]byte, 0, n)
		return &b
	}
	if b, ok := bodyBuffers[c].Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, 0, 1<<(c+minBufferShift))
	return &b
}

// putBuffer returns b to its class; a buffer of no class size is dropped.
func putBuffer(b *[]byte) {
	if b == nil {
		return
	}
	n := cap(*b)
	if n < 1<<minBufferShift || n > maxPooledBuffer || n&(n-1) != 0 {
		return
	}
	*b = (*b)[:0]
	bodyBuffers[bits.Len(uint(n))-1-minBufferShift].Put(b)
}

// releaseBody returns a pooled success body once the call is done with it.
func (st *callState) releaseBody() {
	if st.pooled != nil {
		putBuffer(st.pooled)
		st.pooled, st.body = nil, nil
	}
}
