package main

import (
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// optionSet is one goalkit package's constructors for the options goalctl
// sets on every client. Each package has its own Option type (an option of
// one cannot reach another's client), so the shared plumbing below takes the
// package's set.
type optionSet[O any] struct {
	httpClient func(*http.Client) O
	baseURL    func(string) O
	retryWait  func(min, max time.Duration) O
	logger     func(*slog.Logger) O
}

var (
	goalsOptions     = optionSet[goals.Option]{goals.WithHTTPClient, goals.WithBaseURL, goals.WithRetryWait, goals.WithLogger}
	triggersOptions  = optionSet[triggers.Option]{triggers.WithHTTPClient, triggers.WithBaseURL, triggers.WithRetryWait, triggers.WithLogger}
	giosgOptions     = optionSet[giosg.Option]{giosg.WithHTTPClient, giosg.WithBaseURL, giosg.WithRetryWait, giosg.WithLogger}
	pagesenseOptions = optionSet[pagesense.Option]{pagesense.WithHTTPClient, pagesense.WithBaseURL, pagesense.WithRetryWait, pagesense.WithLogger}
)

// fakeOptions point a client at r in-process.
func fakeOptions[O any](set optionSet[O], r httpmock.Responder) []O {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(r)
	return []O{set.httpClient(&http.Client{Transport: mt}), set.baseURL(fakeBaseURL)}
}

// testOptions are the options of -v and those the test hooks ask for.
func testOptions[O any](a *app, set optionSet[O]) []O {
	opts := verboseOptions(a, set)
	if a.hooks.baseURL != "" {
		opts = append(opts, set.baseURL(a.hooks.baseURL))
	}
	if a.hooks.retryWait > 0 {
		opts = append(opts, set.retryWait(a.hooks.retryWait, a.hooks.retryWait))
	}
	return opts
}

// verboseOptions give the client a logger on stderr under -v: the SDK logs
// one Debug line per attempt (method, redacted URL, status, duration) and a
// Warn line per retry with its wait.
func verboseOptions[O any](a *app, set optionSet[O]) []O {
	if !a.verbose {
		return nil
	}
	h := slog.NewTextHandler(redactingWriter{a}, &slog.HandlerOptions{Level: slog.LevelDebug})
	return []O{set.logger(slog.New(h))}
}

// redactingWriter writes to stderr with the credentials removed (see redact).
type redactingWriter struct{ a *app }

func (w redactingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.a.stderr, w.a.redact(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
