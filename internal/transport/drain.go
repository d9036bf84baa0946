package transport

import (
	"io"
	"net/http"
	"time"
)

const (
	// drainAwait is how long a call waits for the rest of a body nobody
	// wants: long enough for one already sent, short enough that a body
	// dripped byte by byte does not hold the call.
	drainAwait = 20 * time.Millisecond
	// drainWait is how long the body may take to end in the background
	// before its connection is given up instead of reused.
	drainWait = time.Second
)

// drainUnwanted reads the rest of a 2xx body nobody wants, then closes it,
// so its connection carries the next request: a body closed unread closes
// the connection, and a client POSTing in a loop then opens a TCP (and
// TLS) connection per call. The call waits at most drainAwait; a body
// still arriving after drainWait, or longer than drainLimit, costs only
// its connection.
func drainUnwanted(resp *http.Response) {
	body := resp.Body
	if body == nil || body == http.NoBody {
		return
	}
	if resp.ContentLength == 0 {
		body.Close()
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		giveUp := time.AfterFunc(drainWait, func() { body.Close() })
		io.Copy(io.Discard, io.LimitReader(body, drainLimit))
		giveUp.Stop()
		body.Close()
	}()
	wait := time.NewTimer(drainAwait)
	defer wait.Stop()
	select {
	case <-done:
	case <-wait.C:
	}
}
