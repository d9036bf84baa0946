package transport

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
)

// drainLimit is how much of an unread body is discarded so the connection
// can be reused; beyond it the connection is simply closed.
const drainLimit = 64 << 10

// readResponse turns the final response into out or an error, and always
// closes the body.
func (c *Client) readResponse(req *retryablehttp.Request, resp *http.Response, out any) error {
	defer resp.Body.Close()
	st := stateOf(req.Context())
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.apiError(st, resp)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		return nil
	}
	body := &cappedReader{r: resp.Body, left: c.maxBody}
	if err := json.NewDecoder(body).Decode(out); err != nil {
		return c.decodeFailure(st, resp, err)
	}
	io.Copy(io.Discard, io.LimitReader(body, drainLimit))
	if env, ok := out.(Envelope); ok {
		if code, msg, failed := env.Failure(); failed {
			return &APIError{StatusCode: resp.StatusCode, Method: st.method, URL: st.url, Code: code, Message: msg}
		}
	}
	return nil
}

func (c *Client) decodeFailure(st *callState, resp *http.Response, err error) error {
	where := fmt.Sprintf("goalkit: %s %s: %d", st.method, st.url, resp.StatusCode)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, ErrResponseTooLarge):
		return fmt.Errorf("%s: %w (limit %d bytes)", where, ErrResponseTooLarge, c.maxBody)
	case err == io.EOF:
		return fmt.Errorf("%s: %w: empty body", where, ErrMalformedResponse)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &syntaxErr), errors.As(err, &typeErr):
		return fmt.Errorf("%s: %w: %v", where, ErrMalformedResponse, err)
	}
	return fmt.Errorf("%s: reading body: %w", where, redactURLError(err))
}

// apiError builds the *APIError for a non-2xx response and lets the dialect
// read its body.
func (c *Client) apiError(st *callState, resp *http.Response) error {
	limit := min(int64(MaxErrorBody), c.maxBody)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, limit)) // a short read still makes an error
	io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
	e := &APIError{StatusCode: resp.StatusCode, Method: st.method, URL: st.url, Body: body}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		e.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"))
	}
	if c.decodeError != nil && len(body) > 0 {
		c.decodeError(e)
	}
	return e
}

// cappedReader fails with ErrResponseTooLarge instead of reading past left
// bytes, so an oversized body is an error, never an out-of-memory.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (r *cappedReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		// One byte more tells a body of exactly the cap from a larger one.
		var one [1]byte
		n, err := r.r.Read(one[:])
		if n > 0 {
			return 0, ErrResponseTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.r.Read(p)
	r.left -= int64(n)
	return n, err
}
