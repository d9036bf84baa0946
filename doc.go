//go:generate go run ./internal/cmd/genoptions

// Package goalkit is a Go SDK for conversion-goal APIs: one module, three
// vendors ("dialects"), one HTTP pipeline. This package holds only the
// module's Version; the work is done by the dialect packages:
//
//   - [github.com/goalkit/goalkit/goals] and
//     [github.com/goalkit/goalkit/triggers]: Zendesk Chat (formerly Zopim)
//     REST v2, the goals of an account (at most five enabled) and its chat
//     triggers.
//   - [github.com/goalkit/goalkit/giosg]: giosg REST v5, the goals of an
//     organization (cursor pages, walked with AllGoals) and external goal
//     matches, the conversions that happen away from the web page.
//   - [github.com/goalkit/goalkit/pagesense]: Zoho PageSense REST v1, the
//     goals and custom events of a project, with Zoho's refresh-token flow
//     and a local URL matcher.
//
// # One way to use every client
//
// Each package has a Client built by NewClient(opts...), which fails at once
// on a bad option rather than at the first call, and the same options:
// WithHTTPClient, WithBaseURL, WithUserAgent, WithRetryMax, WithRetryWait,
// WithLogger and WithMaxResponseSize, plus the vendor's auth options. Every
// call takes a context. A 429 is retried for every method, honouring
// Retry-After; a 5xx or a dropped connection only for GET, HEAD, PUT and
// DELETE, so a goal or a conversion is never created twice.
//
// # Errors shared across packages
//
// Every package exports the same error values, as aliases of one
// implementation, so errors.Is and errors.As work whichever package a call
// came from:
//
//   - *APIError: a failure the API answered with (status, vendor code and
//     message, per-field messages, raw body, Retry-After).
//   - *ValidationError: input refused before anything was sent, naming the
//     field; it matches ErrInvalid.
//   - ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrInvalid,
//     ErrResponseTooLarge and ErrMalformedResponse, for errors.Is.
//
// Dialect errors sit beside them, e.g. goals.ErrGoalsLimitExceeded and
// giosg.ErrForeignLink.
//
// # Fakes for your tests
//
// Each dialect ships a stateful in-memory fake of its API:
// [github.com/goalkit/goalkit/goals/goalstest],
// [github.com/goalkit/goalkit/triggers/triggerstest],
// [github.com/goalkit/goalkit/giosg/giosgtest] and
// [github.com/goalkit/goalkit/pagesense/pagesensetest]. NewServer starts one
// on a loopback httptest server; Responder mounts it on an
// httpmock.MockTransport. The fakes behave like the vendors (assigned ids,
// limits, pages, error bodies), so code tested against them needs no
// network:
//
//	srv := goalstest.NewServer()
//	defer srv.Close()
//	client, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("any"))
//	if err != nil {
//		return err
//	}
//	_, err = client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Pricing page")})
//	if errors.Is(err, goals.ErrGoalsLimitExceeded) {
//		// the account already has goals.MaxActiveGoals enabled goals
//	}
//
// In a checkout of the module, a tour of every dialect runs offline with
//
//	go run ./examples/quickstart
package goalkit
