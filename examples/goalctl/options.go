package main

import (
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
}

var (
	goalsOptions     = optionSet[goals.Option]{goals.WithHTTPClient, goals.WithBaseURL, goals.WithRetryWait}
	triggersOptions  = optionSet[triggers.Option]{triggers.WithHTTPClient, triggers.WithBaseURL, triggers.WithRetryWait}
	giosgOptions     = optionSet[giosg.Option]{giosg.WithHTTPClient, giosg.WithBaseURL, giosg.WithRetryWait}
	pagesenseOptions = optionSet[pagesense.Option]{pagesense.WithHTTPClient, pagesense.WithBaseURL, pagesense.WithRetryWait}
)

// fakeOptions point a client at r in-process.
func fakeOptions[O any](set optionSet[O], r httpmock.Responder) []O {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(r)
	return []O{set.httpClient(&http.Client{Transport: mt}), set.baseURL(fakeBaseURL)}
}

// testOptions are the client options the test hooks ask for; none in the
// real program.
func testOptions[O any](a *app, set optionSet[O]) []O {
	var opts []O
	if a.hooks.baseURL != "" {
		opts = append(opts, set.baseURL(a.hooks.baseURL))
	}
	if a.hooks.retryWait > 0 {
		opts = append(opts, set.retryWait(a.hooks.retryWait, a.hooks.retryWait))
	}
	return opts
}
