package security

// Regression tests for issue #10 (the pipeline part): what a careless
// caller or a hostile server could make goalkit print. Each runs over
// loopback TCP and failed before the fix.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

const (
	holeToken   = "tok-Secret/With<Chars>&1"
	holeSecret  = "client-secret-value"
	holeRefresh = "refresh-token-value"
	holeAccess  = "zoho-access-token-value"
)

// allVerbs are the verbs the review tried, the bad ones included.
var allVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%t", "%d", "%p", "%z"}

// holder embeds a value in an unexported field, the way a caller's own
// struct would.
type holder struct{ v any }

// TestHoles_SecretsFormatRedacted: no fmt verb and no slog handler shows a
// credential held by any public value, directly or nested in a caller's
// struct (issue #10 item 3).
func TestHoles_SecretsFormatRedacted(t *testing.T) {
	t.Parallel()
	zoho := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":%q,"expires_in":3600,"token_type":"Bearer"}`, holeAccess)
	}))
	defer zoho.Close()
	cfg := pagesense.OAuthConfig{ClientID: "id", ClientSecret: holeSecret, RefreshToken: holeRefresh, TokenURL: zoho.URL + "/oauth/v2/token"}
	ts := pagesense.RefreshTokenSource(context.Background(), cfg)
	if _, err := ts.Token(); err != nil { // the token is now cached inside ts
		t.Fatal(err)
	}
	gc, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithToken(holeToken))
	must(t, err)
	bc, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithBasicAuth("me@example.com", holeSecret))
	must(t, err)
	tc, err := triggers.NewClient(triggers.WithSubdomain("acme"), triggers.WithToken(holeToken))
	must(t, err)
	gi, err := giosg.NewClient(giosg.WithAPIToken(holeToken))
	must(t, err)
	pc, err := pagesense.NewClient(pagesense.WithToken(holeToken))
	must(t, err)
	pts, err := pagesense.NewClient(pagesense.WithTokenSource(ts))
	must(t, err)
	// A caller's own caching source, with a token fetched through a call.
	userTS := oauth2.ReuseTokenSource(nil, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: holeAccess}))
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `[]`) }))
	defer api.Close()
	gts, err := goals.NewClient(goals.WithBaseURL(api.URL), goals.WithTokenSource(userTS))
	must(t, err)
	if _, err := gts.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"goals.Client token source":  gts,
		"goals.Client":               gc,
		"goals.Client basic":         bc,
		"triggers.Client":            tc,
		"giosg.Client":               gi,
		"*giosg.Org":                 gi.Org("org"),
		"pagesense.Client":           pc,
		"*pagesense.Project":         pc.Project("portal", "proj"),
		"pagesense.Client refresh":   pts,
		"*pagesense.Project refresh": pts.Project("portal", "proj"),
		"RefreshTokenSource":         ts,
		"OAuthConfig":                cfg,
		"*OAuthConfig":               &cfg,
	}
	secrets := []string{holeToken, holeSecret, holeRefresh, holeAccess, "me@example.com:" + holeSecret}
	for name, v := range values {
		// OAuthConfig is a plain struct with exported fields: only its own
		// methods can redact it, and fmt calls them only when it is printed
		// directly (not from a caller's unexported field, not under %p).
		_, plain := v.(pagesense.OAuthConfig)
		_, plainPtr := v.(*pagesense.OAuthConfig)
		for _, verb := range allVerbs {
			shownAs := []any{v, holder{v}, &holder{v}, []any{v}, map[string]any{"k": v}}
			if plain || plainPtr {
				shownAs = []any{v, []any{v}, map[string]any{"k": v}}
				if plain && verb == "%p" {
					continue
				}
			}
			for _, shown := range shownAs {
				if found := leaked(fmt.Sprintf(verb, shown), secrets); found != nil {
					t.Errorf("%s %s (%T): shows secret(s) #%v", name, verb, shown, found)
				}
			}
		}
		var logs bytes.Buffer
		for _, h := range []slog.Handler{slog.NewTextHandler(&logs, nil), slog.NewJSONHandler(&logs, nil)} {
			slog.New(h).Info("value", "v", v)
			if !plain && !plainPtr {
				slog.New(h).Info("value", "nested", holder{v})
			}
		}
		if found := leaked(logs.String(), secrets); found != nil {
			t.Errorf("%s: slog shows secret(s) #%v", name, found)
		}
	}
	// The redaction changed nothing the source does.
	if tok, err := ts.Token(); err != nil || tok.AccessToken != holeAccess {
		t.Errorf("Token after printing = %v, %v", tok, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestHoles_EchoedCredentialsScrubbed: a server that echoes the token in a
// Location header, in a 2xx body the decoder quotes, JSON-escaped in an
// error body or in a giosg field name cannot put it into an error string
// or a log line (issue #10 item 6).
func TestHoles_EchoedCredentialsScrubbed(t *testing.T) {
	t.Parallel()
	jsonEscaped := strings.NewReplacer("/", `\/`, "<", `\u003c`, ">", `\u003e`, "&", `\u0026`).Replace(holeToken)
	cases := []struct {
		name    string
		handler http.HandlerFunc
		call    func(ctx context.Context, c *giosg.Client) error
	}{
		{"bad Location", func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Location"] = []string{"http://[::1%zz/" + holeToken}
			w.WriteHeader(http.StatusFound)
		}, getGoal},
		{"redirect on origin to a path holding the token", func(w http.ResponseWriter, r *http.Request) {
			if strings.Contains(r.URL.Path, "echo") {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			http.Redirect(w, r, "/echo/"+url.PathEscape(holeToken), http.StatusFound)
		}, getGoal},
		{"redirect to foreign path", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "ftp://elsewhere.example/"+holeToken)
			w.WriteHeader(http.StatusFound)
		}, getGoal},
		{"2xx decimal quoting the token", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"id":"g1","name":"n","default_value":%q}`, holeToken)
		}, getGoal},
		{"JSON-escaped in an error body", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"detail":"bad token %s","name":["%s"]}`, jsonEscaped, jsonEscaped)
		}, getGoal},
		{"field key", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{%q:["invalid"]}`, holeToken)
		}, getGoal},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			var logs bytes.Buffer
			c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(holeToken),
				giosg.WithRetryMax(0), giosg.WithLogger(debugLogger(&logs)))
			must(t, err)
			err = tc.call(context.Background(), c)
			if err == nil {
				t.Fatal("call succeeded")
			}
			secrets := []string{holeToken, jsonEscaped, url.PathEscape(holeToken), url.QueryEscape(holeToken)}
			if found := leaked(err.Error(), secrets); found != nil {
				t.Errorf("err.Error() shows secret(s) #%v", found)
			}
			var ae *transport.APIError
			if errors.As(err, &ae) {
				if found := leaked(fmt.Sprint(ae.Code, ae.Message, ae.Fields, string(ae.Body)), secrets); found != nil {
					t.Errorf("APIError fields show secret(s) #%v", found)
				}
			}
			if found := leaked(logs.String(), secrets); found != nil {
				t.Errorf("the log shows secret(s) #%v", found)
			}
		})
	}
}

func getGoal(ctx context.Context, c *giosg.Client) error {
	_, err := c.Org("org").GetGoal(ctx, "g1")
	return err
}

// TestHoles_URLRedaction: secret parameters escaped, after ';', in a
// fragment or under more names are redacted (issue #10 item 12).
func TestHoles_URLRedaction(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"https://h.example/p?%74oken=SECRETVALUE",
		"https://h.example/p?a=1;token=SECRETVALUE",
		"https://h.example/cb#access_token=SECRETVALUE&x=1",
		"https://h.example/p?jwt=SECRETVALUE",
		"https://h.example/p?sig=SECRETVALUE",
		"https://h.example/p?session=SECRETVALUE",
		"https://h.example/p?sid=SECRETVALUE",
		"https://h.example/p?bearer=SECRETVALUE",
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", raw)
			w.WriteHeader(http.StatusFound)
		}))
		var logs bytes.Buffer
		c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(holeToken),
			giosg.WithRetryMax(0), giosg.WithLogger(debugLogger(&logs)))
		must(t, err)
		_, err = c.Org("org").GetGoal(context.Background(), "g1")
		srv.Close()
		if err == nil {
			t.Fatalf("%s: redirect off origin followed", raw)
		}
		if strings.Contains(err.Error(), "SECRETVALUE") || strings.Contains(logs.String(), "SECRETVALUE") {
			t.Errorf("%s: the error or the log shows the value: %v", raw, err)
		}
	}
}

// TestHoles_BaseURLPasswordNotEchoed: a base URL or a TokenURL whose
// password holds '#', '?' or '/' is refused without the password in the
// error (issue #10 item 12).
func TestHoles_BaseURLPasswordNotEchoed(t *testing.T) {
	t.Parallel()
	for _, pw := range []string{"pa#ssWORD1", "pa?ssWORD1", "pa/ssWORD1", "12345/ssWORD1"} {
		raw := "https://user:" + pw + "@api.example.com/v5"
		_, err := giosg.NewClient(giosg.WithBaseURL(raw), giosg.WithAPIToken(holeToken))
		if err == nil {
			t.Errorf("base URL with password %d chars accepted", len(pw))
		} else if strings.Contains(err.Error(), "ssWORD1") {
			t.Errorf("NewClient's error shows the password: %v", err)
		}
		ts := pagesense.RefreshTokenSource(context.Background(), pagesense.OAuthConfig{ClientID: "i", ClientSecret: holeSecret, RefreshToken: holeRefresh, TokenURL: raw})
		if _, err := ts.Token(); err == nil || strings.Contains(err.Error(), "ssWORD1") {
			t.Errorf("TokenURL with a password: err = %v", err)
		}
	}
}

// TestHoles_BoundedErrorStrings: a 2 MiB value quoted by a decoder, a
// 9 MiB vendor message or a huge foreign next link make an error string of
// a few KiB, not megabytes (issue #10 item 13).
func TestHoles_BoundedErrorStrings(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("x", 2<<20)
	cases := map[string]http.HandlerFunc{
		"decimal": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"id":"g1","name":"n","default_value":"%s"}`, huge)
		},
		"message": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"detail":"%s"}`, huge[:1<<20])
		},
		"next link": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"next":"https://elsewhere.example/%s","results":[]}`, huge)
		},
	}
	for name, h := range cases {
		srv := httptest.NewServer(h)
		var logs bytes.Buffer
		c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken(holeToken),
			giosg.WithRetryMax(0), giosg.WithLogger(debugLogger(&logs)))
		must(t, err)
		if name == "next link" {
			for _, err = range c.Org("org").AllGoals(context.Background(), nil) {
				if err != nil {
					break
				}
			}
		} else {
			_, err = c.Org("org").GetGoal(context.Background(), "g1")
		}
		srv.Close()
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		if n := len(err.Error()); n > 4<<10 {
			t.Errorf("%s: err.Error() is %d bytes", name, n)
		}
		if n := logs.Len(); n > 16<<10 {
			t.Errorf("%s: the log is %d bytes", name, n)
		}
	}
}

// TestHoles_ControlCharactersRefused: CR, LF or NUL in a token, basic-auth
// credentials or the User-Agent fail NewClient with an error that does not
// show the value, instead of failing every call; an access token from a
// source with one fails the call before sending (issue #10 item 14).
func TestHoles_ControlCharactersRefused(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"tok\r\nX-Evil: 1", "tok\nen-value", "tok\x00en-value"} {
		opts := map[string][]giosg.Option{
			"token":      {giosg.WithAPIToken(bad)},
			"user agent": {giosg.WithAPIToken(holeToken), giosg.WithUserAgent(bad)},
		}
		for name, o := range opts {
			_, err := giosg.NewClient(o...)
			if err == nil {
				t.Errorf("%s %q accepted", name, bad)
			} else if strings.Contains(err.Error(), "en-value") || strings.Contains(err.Error(), "X-Evil") {
				t.Errorf("%s: error shows the value: %v", name, err)
			}
		}
		for _, pair := range [][2]string{{"me", bad}, {bad, "password1"}} {
			if _, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithBasicAuth(pair[0], pair[1])); err == nil {
				t.Errorf("basic auth with a control character accepted")
			}
		}
	}
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "tok\r\nen-value"})
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithTokenSource(ts))
	must(t, err)
	_, err = c.Org("org").GetGoal(context.Background(), "g1")
	if err == nil || strings.Contains(err.Error(), "en-value") || hits.Load() != 0 {
		t.Errorf("token with CR/LF: err = %v, %d requests", err, hits.Load())
	}
}
