package security

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
)

// leaked returns the secrets found in text; the result names them by
// position only, so a failing test does not print a credential either.
func leaked(text string, secrets []string) []int {
	var found []int
	for i, s := range secrets {
		if strings.Contains(text, s) {
			found = append(found, i)
		}
	}
	return found
}

// errorTexts is everything an error can show: its text, the text of every
// error it wraps, and the fields of an *APIError.
func errorTexts(err error) []string {
	var out []string
	for e := err; e != nil; e = errors.Unwrap(e) {
		out = append(out, e.Error(), fmt.Sprintf("%+v", e))
	}
	var ae *transport.APIError
	if errors.As(err, &ae) {
		out = append(out, ae.URL, ae.Code, ae.Message, string(ae.Body), fmt.Sprint(ae.Fields))
	}
	return out
}

// assertNoLeak fails if err (or its chain) shows a secret.
func assertNoLeak(t *testing.T, what string, err error, secrets []string) {
	t.Helper()
	for _, text := range errorTexts(err) {
		if found := leaked(text, secrets); found != nil {
			t.Errorf("%s: the error shows secret(s) #%v", what, found)
			return
		}
	}
}

// debugLogger writes every record at Debug and above into buf.
func debugLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// netError is what a dial or a read fails with on a real socket.
func netError(op string, errno syscall.Errno) error {
	return &net.OpError{Op: op, Net: "tcp", Err: os.NewSyscallError(op, errno)}
}

// errorClass is one way a call can fail.
type errorClass struct {
	name string
	// create sends the POST instead of the idempotent read.
	create bool
	// respond is what the API answers every attempt with.
	respond httpmock.Responder
	// attempts is how many requests reach the API (RetryMax is 2).
	attempts int
	// is is a sentinel the error must match; nil for none.
	is error
	// status is the *APIError status; 0 means not an *APIError.
	status int
}

func htmlResponder(status int) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, "<html><head><title>Bad Gateway</title></head><body>nginx</body></html>")
		r.Header.Set("Content-Type", "text/html")
		return r, nil
	}
}

func errorClasses(d dialect) []errorClass {
	body := func(status int) httpmock.Responder { return httpmock.NewStringResponder(status, d.errorBody) }
	longWait := func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(429, d.errorBody)
		r.Header.Set("Retry-After", "86400")
		return r, nil
	}
	return []errorClass{
		{name: "400", respond: body(400), attempts: 1, is: transport.ErrInvalid, status: 400},
		{name: "401", respond: body(401), attempts: 1, is: transport.ErrUnauthorized, status: 401},
		{name: "403", respond: body(403), attempts: 1, is: transport.ErrForbidden, status: 403},
		{name: "404", respond: body(404), attempts: 1, is: transport.ErrNotFound, status: 404},
		{name: "429 long Retry-After", respond: longWait, attempts: 1, is: transport.ErrRateLimited, status: 429},
		{name: "500 after retries", respond: body(500), attempts: 3, status: 500},
		{name: "500 on create", create: true, respond: body(500), attempts: 1, status: 500},
		{name: "502 HTML", respond: htmlResponder(502), attempts: 3, status: 502},
		{name: "400 HTML on create", create: true, respond: htmlResponder(400), attempts: 1, is: transport.ErrInvalid, status: 400},
		{name: "connection refused", respond: httpmock.NewErrorResponder(netError("dial", syscall.ECONNREFUSED)), attempts: 3},
		{name: "connection reset", respond: httpmock.NewErrorResponder(netError("read", syscall.ECONNRESET)), attempts: 3},
		{name: "connection reset on create", create: true, respond: httpmock.NewErrorResponder(netError("read", syscall.ECONNRESET)), attempts: 1},
	}
}

// TestNoCredentialsInErrorsOrLogs drives every dialect and credential
// through every error class with a Debug logger: the request carries the
// credential, and neither the error nor the log shows it.
func TestNoCredentialsInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	for _, d := range allDialects() {
		for _, ec := range errorClasses(d) {
			t.Run(d.name+"/"+ec.name, func(t *testing.T) {
				t.Parallel()
				mt := httpmock.NewMockTransport()
				var api seen
				mt.RegisterNoResponder(api.record(ec.respond))
				var logs bytes.Buffer
				c := d.newCalls(t, mt, transport.WithLogger(debugLogger(&logs)), transport.WithRetryMax(2))

				call := c.read
				if ec.create {
					call = c.create
				}
				err := call(context.Background())
				if err == nil {
					t.Fatal("the call succeeded")
				}
				assertNoLeak(t, "error", err, d.secrets)
				if found := leaked(logs.String(), d.secrets); found != nil {
					t.Errorf("the Debug log shows secret(s) #%v", found)
				}
				if !strings.Contains(logs.String(), "goalkit: attempt") {
					t.Errorf("no attempt was logged at Debug; the log check proves nothing:\n%s", logs.String())
				}

				reqs := api.all()
				if len(reqs) != ec.attempts {
					t.Errorf("%d requests reached the API, want %d", len(reqs), ec.attempts)
				}
				for _, r := range reqs {
					if r.Header.Get("Authorization") != d.authz {
						t.Errorf("a request went without the expected credential")
					}
				}
				var ae *transport.APIError
				switch {
				case ec.status == 0 && errors.As(err, &ae):
					t.Errorf("a connection failure became an *APIError %d", ae.StatusCode)
				case ec.status != 0 && (!errors.As(err, &ae) || ae.StatusCode != ec.status):
					t.Errorf("err = %v, want an *APIError %d", err, ec.status)
				case ec.is != nil && !errors.Is(err, ec.is):
					t.Errorf("err = %v, want it to match %v", err, ec.is)
				case ec.status == 429 && ae.RetryAfter != 24*time.Hour:
					t.Errorf("RetryAfter = %v, want 24h returned at once", ae.RetryAfter)
				}
			})
		}
	}
}

// TestNilInputsFailWithoutPanic calls every method with nil or empty input:
// each returns an error, sends nothing, and (were it to panic) the panic
// value would be checked for credentials too.
func TestNilInputsFailWithoutPanic(t *testing.T) {
	t.Parallel()
	for _, d := range allDialects() {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			var api seen
			mt.RegisterNoResponder(api.record(httpmock.NewStringResponder(200, d.okBody)))
			var logs bytes.Buffer
			c := d.newCalls(t, mt, transport.WithLogger(debugLogger(&logs)))
			for name, call := range c.nils {
				panicked, err := callRecovering(call)
				if panicked != nil {
					t.Errorf("%s panicked", name)
					if found := leaked(fmt.Sprint(panicked), d.secrets); found != nil {
						t.Errorf("%s: the panic value shows secret(s) #%v", name, found)
					}
					continue
				}
				if !errors.Is(err, transport.ErrInvalid) {
					t.Errorf("%s: err = %v, want a validation error", name, err)
				}
				assertNoLeak(t, name, err, d.secrets)
			}
			if n := len(api.all()); n != 0 {
				t.Errorf("%d requests sent for nil inputs", n)
			}
			if found := leaked(logs.String(), d.secrets); found != nil {
				t.Errorf("the log shows secret(s) #%v", found)
			}
		})
	}
}

// callRecovering runs call, turning a panic into its value.
func callRecovering(call func(context.Context) error) (panicked any, err error) {
	defer func() { panicked = recover() }()
	return nil, call(context.Background())
}

// TestPageSenseTokenEndpointFailures: when Zoho's token endpoint refuses,
// breaks or is unreachable, the API call fails before any API request,
// and neither the error nor the log shows the client secret or the
// refresh token, even from an endpoint that echoes them.
func TestPageSenseTokenEndpointFailures(t *testing.T) {
	t.Parallel()
	secrets := []string{zohoSecret, zohoRefresh}
	cases := []struct {
		name         string
		respond      httpmock.Responder
		unauthorized bool
	}{
		{"400 invalid_client", httpmock.NewStringResponder(400, `{"error": "invalid_client"}`), true},
		{"200 invalid_code", httpmock.NewStringResponder(200, `{"error": "invalid_code"}`), true},
		{"401 HTML", htmlResponder(401), true},
		{"500 empty", httpmock.NewStringResponder(500, ``), false},
		{"200 without a token", httpmock.NewStringResponder(200, `{"token_type": "Bearer"}`), false},
		{"echoes the form", httpmock.NewStringResponder(400,
			`{"error": "bad client_secret=`+zohoSecret+`&refresh_token=`+zohoRefresh+`"}`), true},
		{"connection refused", httpmock.NewErrorResponder(netError("dial", syscall.ECONNREFUSED)), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			var api, tokens seen
			mt.RegisterNoResponder(api.record(httpmock.NewStringResponder(200, `{"status_code": "10000", "projectgoals": []}`)))
			mt.RegisterResponder(http.MethodPost, tokenURL, tokens.record(tc.respond))
			var logs bytes.Buffer
			c, err := pagesense.NewClient(
				pagesense.WithHTTPClient(&http.Client{Transport: mt}),
				pagesense.WithBaseURL("https://"+apiHost+"/pagesense/rest/v1"),
				pagesense.WithTokenSource(pagesense.RefreshTokenSource(tokenContext(mt), zohoConfig())),
				pagesense.WithLogger(debugLogger(&logs)),
			)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Project("acme", "site").ListGoals(context.Background())
			if err == nil {
				t.Fatal("ListGoals succeeded without a token")
			}
			assertNoLeak(t, "error", err, secrets)
			if found := leaked(logs.String(), secrets); found != nil {
				t.Errorf("the log shows secret(s) #%v", found)
			}
			if errors.Is(err, pagesense.ErrUnauthorized) != tc.unauthorized {
				t.Errorf("err = %v; matches ErrUnauthorized: %v, want %v", err, !tc.unauthorized, tc.unauthorized)
			}
			if n := len(tokens.all()); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
			if n := len(api.all()); n != 0 {
				t.Errorf("%d API requests without a token", n)
			}
		})
	}
}
