package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// drainLimit is how much of an unwanted body is discarded so the connection
// can be reused; beyond it the connection is simply closed.
const drainLimit = 64 << 10

func isSuccess(status int) bool { return status >= 200 && status <= 299 }

// bufferBody reads the response body into st.body inside the retry loop, so
// a body cut short (reset, stall, wrong Content-Length) is an attempt the
// retry policy can repeat for idempotent methods. A 2xx body over the cap
// is ErrResponseTooLarge; of an error body the first MaxErrorBody bytes are
// kept and a failed read still makes an *APIError.
func (c *Client) handleResponse(resp *http.Response) error {
	return c.bufferBody(stateOf(resp.Request.Context()), resp)
}

func (c *Client) bufferBody(st *callState, resp *http.Response) error {
	// This response, and no other, is now read and closed here: a later
	// attempt's response is read anew (readResponse compares).
	st.buffered = resp
	st.body = nil
	if st.discard && isSuccess(resp.StatusCode) {
		// The server did the work; a body nobody reads cannot fail the
		// call (a caller told "failed" would repeat a POST), nor delay it.
		drainUnwanted(resp, &st.drain)
		return nil
	}
	defer resp.Body.Close()
	if !isSuccess(resp.StatusCode) {
		st.body, _ = io.ReadAll(io.LimitReader(resp.Body, min(int64(MaxErrorBody), c.maxBody)))
		io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		return nil
	}
	buf, err := readCapped(resp.Body, c.maxBody, resp.ContentLength)
	if err != nil {
		putBuffer(buf) // this attempt's body is gone; a retry reads anew
		if errors.Is(err, ErrResponseTooLarge) {
			return fmt.Errorf("%w (limit %d bytes)", ErrResponseTooLarge, c.maxBody)
		}
		return fmt.Errorf("reading body: %w", err)
	}
	st.body, st.pooled = *buf, buf
	return nil
}

// maxPrealloc is the most readCapped allocates on the word of a
// Content-Length; beyond it the buffer grows with the bytes that arrive.
const maxPrealloc = 256 << 10

// readCapped reads all of r into a pooled buffer, but at most limit bytes:
// more is ErrResponseTooLarge, read no further. hint is the Content-Length,
// or -1. The buffer read so far (if any) is returned on error too, for
// the caller to put back.
//
// A body that outgrows its first buffer is read into a chain of chunks
// (doubling up to 1 MiB, then 1 MiB each) and joined once at the end into
// a buffer of its size: growing by doubling would copy it each time, hold
// the old and the new buffer at once, and end in a buffer up to twice the
// body (a 10 MiB body: 32 MiB allocated; chunked, 20 MiB).
func readCapped(r io.Reader, limit, hint int64) (*[]byte, error) {
	if hint > limit {
		return nil, ErrResponseTooLarge
	}
	first := int64(bytes.MinRead)
	if hint >= 0 {
		// The length is known: room to see EOF, but only up to
		// maxPrealloc; a server that announces 10 MiB and then stalls
		// must not cost 10 MiB per call before sending anything.
		first = min(hint+1, maxPrealloc)
	}
	buf := getBuffer(int(first))
	var chunks []*[]byte // full chunks before buf, in order
	var read int64       // bytes in chunks
	fail := func(err error) (*[]byte, error) {
		for _, c := range chunks {
			putBuffer(c)
		}
		return buf, err
	}
	for {
		b := *buf
		if len(b) == cap(b) {
			chunks = append(chunks, buf)
			read += int64(len(b))
			buf = getBuffer(int(min(2*int64(cap(b)), largeStep, limit+1-read)))
			b = *buf
		}
		room := b[len(b):cap(b)]
		if over := read + int64(len(b)+len(room)) - (limit + 1); over > 0 {
			room = room[:int64(len(room))-over] // read at most one byte past the cap
		}
		n, err := r.Read(room)
		*buf = b[:len(b)+n]
		if read+int64(len(*buf)) > limit {
			return fail(ErrResponseTooLarge)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
	}
	if chunks == nil {
		return buf, nil
	}
	whole := getBuffer(int(read) + len(*buf))
	for _, c := range append(chunks, buf) {
		*whole = append(*whole, *c...)
		putBuffer(c)
	}
	return whole, nil
}

// readResponse turns the final response into out or an error.
func (c *Client) readResponse(st *callState, resp *http.Response, out any) error {
	if st.buffered != resp { // retries ran out: the handler never saw this response
		c.bufferBody(st, resp)
	}
	if !isSuccess(resp.StatusCode) {
		return c.apiError(st, resp)
	}
	if (out == nil && st.decode == nil) || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	if len(bytes.TrimSpace(st.body)) == 0 {
		if st.allowEmpty {
			return nil
		}
		return fmt.Errorf("goalkit: %s %s: %d: %w: empty body", st.method, st.redactedURL(), resp.StatusCode, ErrMalformedResponse)
	}
	list := st.list
	if list == nil {
		list = budgetFor(out)
	}
	if list != nil {
		elems, err := list.check(st.body)
		if err != nil {
			return fmt.Errorf("goalkit: %s %s: %d: %w", st.method, st.redactedURL(), resp.StatusCode, err)
		}
		presize(out, list.Depth, elems, st.body)
	}
	var err error
	if st.decode != nil {
		err = st.decode(st.body)
	} else {
		err = json.Unmarshal(st.body, out)
	}
	if err != nil {
		// Decode errors quote the value they choke on, which may be an
		// echoed credential or megabytes long.
		detail := Bounded(scrubText(err.Error(), st.secrets()))
		return fmt.Errorf("goalkit: %s %s: %d: %w: %s", st.method, st.redactedURL(), resp.StatusCode, ErrMalformedResponse, detail)
	}
	if env, ok := out.(Envelope); ok {
		if code, msg, failed := env.Failure(); failed {
			e := &APIError{StatusCode: resp.StatusCode, Method: st.method, URL: st.redactedURL(), Code: code, Message: msg}
			e.Body = bytes.Clone(st.body[:min(len(st.body), MaxErrorBody)]) // st.body goes back to the pool
			scrubCredentials(e, st.authorization)
			return e
		}
	}
	return nil
}

// apiError builds the *APIError for a non-2xx response and lets the dialect
// read its body.
func (c *Client) apiError(st *callState, resp *http.Response) error {
	e := &APIError{StatusCode: resp.StatusCode, Method: st.method, URL: st.redactedURL(), Body: st.body}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		e.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"))
	}
	if c.decodeError != nil && len(e.Body) > 0 {
		c.decodeError(e)
	}
	scrubCredentials(e, st.authorization)
	return e
}
