// Package benchkit is the harness the benchmarks share: the raw net/http +
// encoding/json call a hand-written client would make, and Pair, which runs
// that baseline and the goalkit call as sub-benchmarks of one run, over two
// transports, so their numbers compare:
//
//   - loopback: a real httptest server, over TCP on 127.0.0.1;
//   - memory: the same handler called in-process by the RoundTripper, with
//     no sockets and no scheduling between client and server goroutines.
//     On a small shared machine loopback timings swing by ±30%; the memory
//     ratio shows what goalkit itself adds.
package benchkit

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// MemoryBase is the base URL of the in-memory transport (loopback, so
// plain http is allowed; nothing listens there).
const MemoryBase = "http://127.0.0.1:9"

// Fixed answers every request with status and body.
func Fixed(status int, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil { // nil on a client-side GET handed over in memory
			io.Copy(io.Discard, r.Body)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body)
	})
}

// Gzipped answers every request with status and body gzip-encoded, as
// real APIs answer large lists: Content-Encoding gzip, no Content-Length
// (so the client cannot size its buffer up front). The body is compressed
// once, here, so the server's cost stays out of the numbers. A request
// that does not accept gzip gets the plain body.
func Gzipped(status int, body []byte) http.Handler {
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(body)
	zw.Close()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			io.Copy(io.Discard, r.Body)
		}
		w.Header().Set("Content-Type", "application/json")
		payload := body
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			payload = zipped.Bytes()
		}
		w.WriteHeader(status)
		w.Write(payload)
	})
}

// memoryTransport serves h in-process. Like http.Transport it asks for
// gzip when the request does not choose an encoding, and then decodes the
// answer transparently (Content-Length unknown, Uncompressed set).
type memoryTransport struct{ h http.Handler }

func (t memoryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	served := req
	askGzip := req.Header.Get("Accept-Encoding") == "" && req.Header.Get("Range") == ""
	if askGzip {
		served = req.Clone(req.Context())
		served.Header.Set("Accept-Encoding", "gzip")
	}
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, served)
	resp := rec.Result()
	resp.Request = req
	if askGzip && resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(zr)
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
	}
	return resp, nil
}

// Pair runs raw then goalkit as sub-benchmarks, over loopback then memory.
// Each side gets its own *http.Client with the same settings, and the base
// URL to call.
func Pair(b *testing.B, h http.Handler, raw, goalkit func(b *testing.B, hc *http.Client, base string)) {
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	transports := []struct {
		name string
		base string
		new  func() http.RoundTripper
	}{
		{"loopback", srv.URL, func() http.RoundTripper { return http.DefaultTransport.(*http.Transport).Clone() }},
		{"memory", MemoryBase, func() http.RoundTripper { return memoryTransport{h} }},
	}
	for _, tr := range transports {
		for _, side := range []struct {
			name string
			run  func(*testing.B, *http.Client, string)
		}{{"raw", raw}, {"goalkit", goalkit}} {
			b.Run(tr.name+"/"+side.name, func(b *testing.B) {
				hc := &http.Client{Transport: tr.new()}
				defer hc.CloseIdleConnections()
				b.ReportAllocs()
				side.run(b, hc, tr.base)
			})
		}
	}
}

// RawJSON is the baseline call: JSON-encode in (if any), send it with the
// Authorization header, check for 2xx, decode into out (unless nil), drain
// and close.
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
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			return err
		}
	}
	_, err = io.Copy(io.Discard, resp.Body) // let the connection be reused
	return err
}
