package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Recognisable secrets: none may ever show in goalctl's output.
const (
	secretZendesk = "s3cret-zendesk"
	secretGiosg   = "s3cret-giosg"
	secretClient  = "s3cret-client"
	secretRefresh = "s3cret-refresh"
	secretAccess  = "s3cret-access" // the access token Zoho's token endpoint hands out
)

var allSecrets = []string{secretZendesk, secretGiosg, secretClient, secretRefresh, secretAccess}

func secretEnv() map[string]string {
	return map[string]string{
		"ZENDESK_CHAT_SUBDOMAIN": "acme",
		"ZENDESK_CHAT_TOKEN":     secretZendesk,
		"GIOSG_API_TOKEN":        secretGiosg,
		"GIOSG_ORG_ID":           "org-1",
		"ZOHO_CLIENT_ID":         "client-id",
		"ZOHO_CLIENT_SECRET":     secretClient,
		"ZOHO_REFRESH_TOKEN":     secretRefresh,
		"ZOHO_DATA_CENTER":       "EU",
		"PAGESENSE_PORTAL":       "portal",
		"PAGESENSE_PROJECT":      "project",
	}
}

// secretCommands reach every dialect, reading and writing; name is how
// goalctl calls the command in messages.
var secretCommands = []struct {
	name string
	args []string
}{
	{"zopim goals list", nil},
	{"zopim goals create", []string{"--name", "N"}},
	{"zopim triggers get", []string{"T"}},
	{"giosg goals list", nil},
	{"giosg match", []string{"--goal", "g", "--visitor", "v", "--room", "r"}},
	{"pagesense goals list", nil},
	{"pagesense events create", []string{"--name", "e"}},
}

// apiServer answers every request with status and an error body in the
// shape of every dialect at once. With echo, the body repeats the
// Authorization header it got: the worst a server can do. It counts the
// requests whose header held a secret, to prove the secrets were sent (and
// so could have leaked).
func apiServer(t *testing.T, status int, echo bool, sawSecret *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		for _, s := range allSecrets {
			if strings.Contains(auth, s) {
				sawSecret.Add(1)
			}
		}
		if !echo {
			auth = "(not shown)"
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"error": "Denied %[1]s", "description": "bad credentials %[1]s", "detail": "bad credentials %[1]s",
			"status_code": "10401", "message": "bad credentials %[1]s"}`, auth)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// tokenServer plays Zoho's token endpoint, handing out secretAccess.
func tokenServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token": %q, "expires_in": 3600, "token_type": "Bearer"}`, secretAccess)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// closedURL is a loopback URL nothing listens on: connection refused.
func closedURL(t *testing.T) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close()
	return u
}

func wantNoSecret(t *testing.T, r result) {
	t.Helper()
	for _, s := range allSecrets {
		if strings.Contains(r.stdout, s) || strings.Contains(r.stderr, s) {
			t.Errorf("secret %q in the output\nstdout:\n%s\nstderr:\n%s", s, r.stdout, r.stderr)
		}
	}
}

func TestNoSecretsOnAPIErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusUnauthorized, http.StatusInternalServerError} {
		for _, echo := range []bool{false, true} {
			for _, cmd := range secretCommands {
				t.Run(fmt.Sprintf("%d echo=%v %s", status, echo, cmd.name), func(t *testing.T) {
					t.Parallel()
					var saw atomic.Int32
					api := apiServer(t, status, echo, &saw)
					h := hooks{baseURL: api.URL, tokenURL: tokenServer(t).URL, retryWait: time.Millisecond}
					r := runApp(t, context.Background(), h, secretEnv(), append(strings.Fields(cmd.name), cmd.args...)...)
					wantCode(t, r, exitAPI)
					wantNoSecret(t, r)
					if saw.Load() == 0 {
						t.Fatal("the server never saw a secret: the test proves nothing")
					}
					want := fmt.Sprintf("goalctl: %s: API error: %d %s\n", cmd.name, status, http.StatusText(status))
					if !strings.HasPrefix(r.stderr, want) {
						t.Errorf("stderr:\n%s\nwant it to start %q", r.stderr, want)
					}
					// An echoed secret is redacted (by the SDK as "REDACTED",
					// or by goalctl as "[redacted]"); without an echo there is
					// nothing to redact: goalctl itself prints none.
					redacted := strings.Contains(r.stderr, "[redacted]") || strings.Contains(r.stderr, "REDACTED")
					if redacted != echo {
						t.Errorf("redaction shown: %v, want %v; stderr:\n%s", redacted, echo, r.stderr)
					}
				})
			}
		}
	}
}

func TestNoSecretsOnConnectionRefused(t *testing.T) {
	t.Parallel()
	for _, cmd := range secretCommands {
		t.Run(cmd.name, func(t *testing.T) {
			t.Parallel()
			h := hooks{baseURL: closedURL(t), tokenURL: tokenServer(t).URL, retryWait: time.Millisecond}
			r := runApp(t, context.Background(), h, secretEnv(), append(strings.Fields(cmd.name), cmd.args...)...)
			wantCode(t, r, exitAPI)
			wantNoSecret(t, r)
			if !strings.Contains(r.stderr, "connection refused") {
				t.Errorf("stderr:\n%s", r.stderr)
			}
		})
	}
}

// TestNoSecretsOnTokenRefresh: Zoho's token endpoint refuses, fails or is
// not there; the client secret and refresh token were posted to it.
func TestNoSecretsOnTokenRefresh(t *testing.T) {
	t.Parallel()
	refusing := func(status int, body string) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			form, _ := io.ReadAll(r.Body)
			if !strings.Contains(string(form), secretRefresh) || !strings.Contains(string(form), secretClient) {
				t.Errorf("token request without the secrets: %s", form)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			io.WriteString(w, body)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	for _, tc := range []struct {
		name, tokenURL, want string
	}{
		{"400", refusing(http.StatusBadRequest, `{"error": "invalid_code"}`), "token refresh refused: 400 Bad Request: invalid_code"},
		{"200 with error", refusing(http.StatusOK, `{"error": "invalid_client"}`), "token refresh refused: 200 OK: invalid_client"},
		{"500", refusing(http.StatusInternalServerError, `<html>oops</html>`), "token refresh refused: 500 Internal Server Error"},
		{"refused", closedURL(t), "connection refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				t.Errorf("the API was called: %s %s", r.Method, r.URL)
			}))
			defer api.Close()
			h := hooks{baseURL: api.URL, tokenURL: tc.tokenURL, retryWait: time.Millisecond}
			r := runApp(t, context.Background(), h, secretEnv(), "pagesense", "goals", "list")
			wantCode(t, r, exitAPI)
			wantNoSecret(t, r)
			if !strings.HasPrefix(r.stderr, "goalctl: pagesense goals list: ") || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr:\n%s\nwant %q", r.stderr, tc.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	a := newApp(nil, io.Discard, io.Discard)
	a.keepSecret("abc", "s3cret-one", "s3cret-one", "")
	wantEqual(t, a.secrets, []string{"s3cret-one"}) // short, empty and repeated values are not kept
	if got := a.redact("x s3cret-one y abc"); got != "x [redacted] y abc" {
		t.Errorf("redact = %q", got)
	}
}
