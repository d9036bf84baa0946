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
// The pool is split into size classes: powers of two from 4 KiB to 1 MiB,
// then every MiB up to 16 MiB (the default 10 MiB cap fits the largest), so
// a large list's buffer is reused too and wastes at most 1 MiB. Pooled
// memory is bounded by use: a class never holds more buffers than calls
// used at once, and sync.Pool hands idle ones to the GC within two cycles.
// A body beyond the largest class (WithMaxResponseSize over 16 MiB) is
// allocated and dropped.
const (
	minBufferShift  = 12      // 4 KiB, the smallest class
	pow2Classes     = 9       // 4 KiB … 1 MiB
	largeStep       = 1 << 20 // the step between classes above 1 MiB
	maxPooledBuffer = 16 << 20
	bufferClasses   = pow2Classes + maxPooledBuffer/largeStep - 1
)

var bodyBuffers [bufferClasses]sync.Pool

// classSize is the capacity of class c's buffers.
func classSize(c int) int {
	if c < pow2Classes {
		return 1 << (minBufferShift + c)
	}
	return (c - pow2Classes + 2) * largeStep
}

// classOf is the index of the smallest class that holds n bytes, or -1
// when none does.
func classOf(n int) int {
	switch {
	case n <= 1<<minBufferShift:
		return 0
	case n <= largeStep:
		return bits.Len(uint(n-1)) - minBufferShift
	case n <= maxPooledBuffer:
		return pow2Classes + (n-1)/largeStep - 1
	}
	return -1
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
	b := make([]byte, 0, classSize(c))
	return &b
}

// putBuffer returns b to its class; a buffer of no class size is dropped.
func putBuffer(b *[]byte) {
	if b == nil {
		return
	}
	c := classOf(cap(*b))
	if c < 0 || classSize(c) != cap(*b) {
		return
	}
	*b = (*b)[:0]
	bodyBuffers[c].Put(b)
}

// releaseBody returns a pooled success body once the call is done with it.
func (st *callState) releaseBody() {
	if st.pooled != nil {
		putBuffer(st.pooled)
		st.pooled, st.body = nil, nil
	}
}
