package transport

import (
	"errors"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

const (
	// drainTick is the period of the watchdog over bodies being drained.
	drainTick = 10 * time.Millisecond
	// drainDue is how many ticks a call reads a body nobody wants before
	// handing it aside (at its next Read): long enough for one already
	// sent, short enough that a body dripped byte by byte does not hold the
	// call.
	drainDue = 2
	// drainStuck is how many ticks a call may stay blocked in one Read of
	// such a body before the body (and its connection) is closed.
	drainStuck = 5
	// drainWait is how long a body handed aside may take to end before its
	// connection is given up instead of reused.
	drainWait = time.Second
)

// drainUnwanted reads the rest of a 2xx body nobody wants, then closes it,
// so its connection carries the next request: a body closed unread closes
// the connection, and a client POSTing in a loop then opens a TCP (and
// TLS) connection per call.
//
// The call reads it itself (a body already sent ends at once; a goroutine
// and a timer per call cost more than the whole read), watched by
// drainWatch: a body still arriving after drainDue ticks is handed to a
// goroutine at its next Read, which has drainWait to end it; a Read still
// blocked after drainStuck ticks is ended by closing the body (and its
// connection). A body longer than drainLimit costs only its connection.
func drainUnwanted(resp *http.Response, d *drain) {
	body := resp.Body
	if body == nil || body == http.NoBody {
		return
	}
	if resp.ContentLength == 0 {
		body.Close()
		return
	}
	d.body, d.left, d.ticks = body, drainLimit, 0
	d.due.Store(false)
	drains.watch(d)
	_, err := io.Copy(io.Discard, d)
	drains.unwatch(d)
	if errors.Is(err, errDrainAside) {
		go drainAside(body, d.left)
		return
	}
	body.Close()
}

// errDrainAside stops the call's read of a body that takes too long.
var errDrainAside = errors.New("goalkit: body drained aside")

// drainAside reads the rest of a slow body (at most left bytes) and closes
// it, giving up after drainWait.
func drainAside(body io.ReadCloser, left int64) {
	giveUp := time.AfterFunc(drainWait, func() { body.Close() })
	io.Copy(io.Discard, io.LimitReader(body, left))
	giveUp.Stop()
	body.Close()
}

// drain is one body being drained by its call; it lives in the call's
// state, so watching it allocates nothing.
type drain struct {
	body io.ReadCloser
	left int64       // bytes still allowed (drainLimit at first)
	due  atomic.Bool // set by the watchdog: stop reading, hand the body aside
	// Under drains.mu:
	ticks      int // watchdog ticks seen
	linked     bool
	prev, next *drain
}

// Read reads the body up to d.left bytes, or stops with errDrainAside once
// the watchdog says the body is due.
func (d *drain) Read(p []byte) (int, error) {
	if d.due.Load() {
		return 0, errDrainAside
	}
	if d.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > d.left {
		p = p[:d.left]
	}
	n, err := d.body.Read(p)
	d.left -= int64(n)
	return n, err
}

// drainWatch ticks while bodies are being drained, one timer for all of
// them, and stops when none is left.
type drainWatch struct {
	mu      sync.Mutex
	head    *drain
	timer   *time.Timer
	ticking bool
}

// drains watches every client's drains.
var drains drainWatch

func (w *drainWatch) watch(d *drain) {
	w.mu.Lock()
	d.prev, d.next, d.linked = nil, w.head, true
	if w.head != nil {
		w.head.prev = d
	}
	w.head = d
	if !w.ticking {
		w.ticking = true
		if w.timer == nil {
			w.timer = time.AfterFunc(drainTick, w.tick)
		} else {
			w.timer.Reset(drainTick)
		}
	}
	w.mu.Unlock()
}

func (w *drainWatch) unwatch(d *drain) {
	w.mu.Lock()
	w.unlink(d)
	w.mu.Unlock()
}

// unlink removes d from the list; w.mu is held.
func (w *drainWatch) unlink(d *drain) {
	if !d.linked {
		return
	}
	if d.prev != nil {
		d.prev.next = d.next
	} else {
		w.head = d.next
	}
	if d.next != nil {
		d.next.prev = d.prev
	}
	d.prev, d.next, d.linked = nil, nil, false
}

// tick marks the drains that have seen drainDue ticks as due and closes
// the bodies of those that have seen drainStuck (their call is blocked in
// a Read).
func (w *drainWatch) tick() {
	var stuck []io.Closer
	w.mu.Lock()
	for d := w.head; d != nil; {
		next := d.next
		d.ticks++
		if d.ticks >= drainDue {
			d.due.Store(true)
		}
		if d.ticks >= drainStuck {
			stuck = append(stuck, d.body)
			w.unlink(d)
		}
		d = next
	}
	if w.head == nil {
		w.ticking = false
	} else {
		w.timer.Reset(drainTick)
	}
	w.mu.Unlock()
	for _, b := range stuck {
		b.Close()
	}
}
