package transport

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"
)

// countingSource hands out tok and counts how often it was asked.
type countingSource struct {
	tok   *oauth2.Token
	err   error
	calls atomic.Int32
}

func (s *countingSource) Token() (*oauth2.Token, error) {
	s.calls.Add(1)
	return s.tok, s.err
}

func authHeaderSeen(t *testing.T, opts ...Option) string {
	t.Helper()
	c, mt := newMock(t, opts...)
	var got string
	mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		got = r.Header.Get("Authorization")
		return httpmock.NewStringResponse(204, ""), nil
	})
	if err := get(c, "/x", nil); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestAuthSchemes(t *testing.T) {
	t.Parallel()
	bearer := &oauth2.Token{AccessToken: "at1", TokenType: "Bearer"}
	cases := map[string]struct {
		opt  Option
		want string
	}{
		"static bearer":         {WithSchemeToken("Bearer", "t0"), "Bearer t0"},
		"giosg token":           {WithSchemeToken("Token", "api-tok"), "Token api-tok"},
		"basic":                 {WithBasicAuth("me@example.com", "pw"), "Basic bWVAZXhhbXBsZS5jb206cHc="},
		"token source":          {WithTokenSource(oauth2.StaticTokenSource(bearer), ""), "Bearer at1"},
		"token source no type":  {WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "at2"}), ""), "Bearer at2"},
		"fixed scheme (zoho)":   {WithTokenSource(oauth2.StaticTokenSource(bearer), "Zoho-oauthtoken"), "Zoho-oauthtoken at1"},
		"last auth option wins": {func(s *Settings) error { WithBasicAuth("a", "b")(s); return WithSchemeToken("Bearer", "t9")(s) }, "Bearer t9"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := authHeaderSeen(t, tc.opt); got != tc.want {
				t.Errorf("Authorization = %q, want %q", got, tc.want)
			}
		})
	}
	if got := authHeaderSeen(t); got != "" {
		t.Errorf("no auth option sent %q", got)
	}
}

func TestTokenAskedOncePerCallAcrossRetries(t *testing.T) {
	t.Parallel()
	src := &countingSource{tok: &oauth2.Token{AccessToken: "at"}}
	c, mt := newMock(t, WithTokenSource(src, ""))
	var headers []string
	mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
		headers = append(headers, r.Header.Get("Authorization"))
		return httpmock.NewStringResponse(503, ""), nil
	})
	get(c, "/x", nil)
	if len(headers) != 3 || src.calls.Load() != 1 {
		t.Errorf("attempts %d with headers %q; token asked %d times", len(headers), headers, src.calls.Load())
	}
}

func TestTokenSourceFailureSendsNothing(t *testing.T) {
	t.Parallel()
	src := &countingSource{err: errors.New("refresh denied")}
	c, mt := newMock(t, WithTokenSource(src, ""))
	err := get(c, "/x", nil)
	if err == nil || !strings.Contains(err.Error(), "refresh denied") || mt.GetTotalCallCount() != 0 {
		t.Fatalf("err = %v, calls = %d", err, mt.GetTotalCallCount())
	}
}

func TestNoCredentialsOnCrossHostRedirect(t *testing.T) {
	t.Parallel()
	c, mt := newMock(t, WithSchemeToken("Bearer", "s3cret-token"))
	seen := map[string]string{}
	record := func(status int, loc string) httpmock.Responder {
		return func(r *http.Request) (*http.Response, error) {
			seen[r.URL.Host+r.URL.Path] = r.Header.Get("Authorization")
			resp := httpmock.NewStringResponse(status, "{}")
			if loc != "" {
				resp.Header.Set("Location", loc)
			}
			return resp, nil
		}
	}
	mt.RegisterResponder("GET", testBase+"/a", record(302, testBase+"/b"))
	mt.RegisterResponder("GET", testBase+"/b", record(302, "https://evil.example.net/steal"))
	mt.RegisterResponder("GET", "https://evil.example.net/steal", record(302, "http://api.example.com/v1/c"))
	mt.RegisterResponder("GET", "http://api.example.com/v1/c", record(302, "https://eu.api.example.com/v1/d"))
	mt.RegisterResponder("GET", "https://eu.api.example.com/v1/d", record(200, ""))
	if err := get(c, "/a", nil); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"api.example.com/v1/a":   "Bearer s3cret-token",
		"api.example.com/v1/b":   "Bearer s3cret-token", // same origin keeps it
		"evil.example.net/steal": "",
		"api.example.com/v1/c":   "", // scheme downgrade: another origin
	}
	for k, v := range want {
		if got, ok := seen[k]; !ok || got != v {
			t.Errorf("%s: Authorization %q (seen=%v), want %q", k, got, ok, v)
		}
	}
}

// TestSecretsNeverInErrorsOrLogs drives every error class with a token, a
// password and secret query parameters, and searches errors and Debug logs.
func TestSecretsNeverInErrorsOrLogs(t *testing.T) {
	t.Parallel()
	secrets := []string{"s3cret-token", "hunter2", "refresh-xyz", "client-secret-abc"}
	for name, opt := range map[string]Option{
		"bearer": WithSchemeToken("Bearer", "s3cret-token"),
		"basic":  WithBasicAuth("me@example.com", "hunter2"),
		"source": WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "s3cret-token", RefreshToken: "refresh-xyz"}), "Zoho-oauthtoken"),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			c, mt := newMock(t, opt, WithLogger(logger))
			statuses := []int{400, 401, 403, 404, 429, 500, 502}
			for _, st := range statuses {
				mt.RegisterResponder("GET", testBase+"/s/"+http.StatusText(st)[:3], respond(st, `{"error":"x"}`))
			}
			mt.RegisterNoResponder(httpmock.NewErrorResponder(errors.New("connection refused")))
			var errs []error
			for _, st := range statuses {
				errs = append(errs, get(c, "/s/"+http.StatusText(st)[:3], nil))
			}
			q := "?access_token=s3cret-token&client_secret=client-secret-abc&refresh_token=refresh-xyz&password=hunter2"
			errs = append(errs,
				get(c, "/down"+q, nil),
				c.Do(context.Background(), &Call{Method: "GET", URL: "https://evil.example.net/x" + q}),
				c.Do(context.Background(), &Call{Method: "GET", URL: testBase + "/down" + q}),
			)
			for _, err := range errs {
				if err == nil {
					t.Fatal("expected an error")
				}
				for _, s := range secrets {
					if strings.Contains(err.Error(), s) {
						t.Errorf("error shows %q: %v", s, err)
					}
				}
			}
			for _, s := range append(secrets, "Authorization", "aHVudGVy") {
				if strings.Contains(logs.String(), s) {
					t.Errorf("log shows %q:\n%s", s, logs.String())
				}
			}
			if !strings.Contains(logs.String(), "REDACTED") {
				t.Errorf("expected redacted query in logs:\n%s", logs.String())
			}
		})
	}
}

func TestLogging(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newMock(t, WithLogger(logger))
	mt.RegisterResponder("GET", testBase+"/x", httpmock.ResponderFromMultipleResponses([]*http.Response{
		httpmock.NewStringResponse(503, ""),
		httpmock.NewStringResponse(200, "{}"),
	}))
	if err := get(c, "/x", &struct{}{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines (attempt, retry, attempt), got:\n%s", logs.String())
	}
	for i, want := range []string{
		`"level":"DEBUG","msg":"goalkit: attempt","method":"GET","url":"https://api.example.com/v1/x","attempt":1`,
		`"level":"WARN","msg":"goalkit: retrying","method":"GET","url":"https://api.example.com/v1/x","attempt":1,"wait":`,
		`"level":"DEBUG","msg":"goalkit: attempt","method":"GET","url":"https://api.example.com/v1/x","attempt":2`,
	} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d = %s\nwant it to contain %s", i, lines[i], want)
		}
	}
	if !strings.Contains(lines[0], `"status":503`) || !strings.Contains(lines[2], `"status":200`) || !strings.Contains(lines[0], `"duration"`) {
		t.Errorf("attempt lines lack status or duration:\n%s", logs.String())
	}
}

func TestSilentByDefault(t *testing.T) {
	// Not parallel: it swaps the default slog logger to catch stray output.
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)
	c, mt := newMock(t)
	mt.RegisterResponder("GET", testBase+"/x", respond(503, ""))
	get(c, "/x", nil)
	if logs.Len() != 0 {
		t.Errorf("logged without WithLogger:\n%s", logs.String())
	}
}

func TestRedactURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://api.example.com/v1/x":                       "https://api.example.com/v1/x",
		"https://api.example.com/x?cursor=abc&ordering=name": "https://api.example.com/x?cursor=abc&ordering=name",
		"https://u:pw@api.example.com/x":                     "https://api.example.com/x",
		"https://api.example.com/x?access_token=t&page=2":    "https://api.example.com/x?access_token=REDACTED&page=2",
		"https://api.example.com/x?API_KEY=k":                "https://api.example.com/x?API_KEY=REDACTED",
		"https://api.example.com/x?code=c&client_secret=s":   "https://api.example.com/x?client_secret=REDACTED&code=REDACTED",
	} {
		u, _ := parseURL(in)
		if got := RedactURL(u); got != want {
			t.Errorf("RedactURL(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestEchoedCredentialsAreScrubbed: a server that echoes the request puts
// our credential in its error body; it must not reach Error(), Fields or
// Body.
func TestEchoedCredentialsAreScrubbed(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		opt    Option
		secret string
	}{
		"bearer":       {WithSchemeToken("Bearer", "s3cret-token"), "s3cret-token"},
		"basic":        {WithBasicAuth("me@example.com", "hunter22"), "hunter22"},
		"token source": {WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "zoho-access-1"}), "Zoho-oauthtoken"), "zoho-access-1"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, mt := newMock(t, tc.opt)
			mt.RegisterResponder("GET", testBase+"/x", func(r *http.Request) (*http.Response, error) {
				echo := r.Header.Get("Authorization") + " / " + tc.secret
				return httpmock.NewStringResponse(401, `{"error":"`+tc.secret+`","message":"invalid: `+echo+`"}`), nil
			})
			err := get(c, "/x", nil)
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v", err)
			}
			for what, text := range map[string]string{"Error()": err.Error(), "Body": string(apiErr.Body), "Code": apiErr.Code} {
				if strings.Contains(text, tc.secret) {
					t.Errorf("%s shows the secret: %s", what, text)
				}
			}
			if !strings.Contains(apiErr.Message, "REDACTED") || apiErr.Code != "REDACTED" {
				t.Errorf("Code %q, Message %q: want the echo redacted, the rest kept", apiErr.Code, apiErr.Message)
			}
		})
	}
}
