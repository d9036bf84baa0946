// Package benchkit is the harness the benchmarks share: a loopback server
// answering a fixed body, the raw net/http + encoding/json call a
// hand-written client would make, and Pair, which runs that baseline and
// the goalkit call as sub-benchmarks of one run so their numbers compare.
package benchkit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Server answers every request with status and body; it closes with b.
func Server(b testing.TB, status int, body []byte) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// Client is the base client both sides of a pair use: the same settings,
// its own connection pool.
func Client() *http.Client {
	return &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
}

// Pair runs raw then goalkit as sub-benchmarks, each with its own Client.
func Pair(b *testing.B, raw, goalkit func(b *testing.B, hc *http.Client)) {
	for _, side := range []struct {
		name string
		run  func(*testing.B, *http.Client)
	}{{"raw", raw}, {"goalkit", goalkit}} {
		b.Run(side.name, func(b *testing.B) {
			hc := Client()
			defer hc.CloseIdleConnections()
			b.ReportAllocs()
			side.run(b, hc)
		})
	}
}

// RawJSON is the baseline call: JSON-encode in (if any), send it with the
// Authorization header, check for 2xx, decode into out, drain and close.
func RawJSON(ctx context.Context, hc *http.Client, method, url, authorization string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", authorization)
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body) // let the connection be reused
	return err
}
