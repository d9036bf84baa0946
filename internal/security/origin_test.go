package security

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// hostRouter answers requests for apiHost with api and for evilHost with
// evil, keeping what each host saw.
type hostRouter struct {
	api, evil         seen
	apiAnswer, answer httpmock.Responder
}

func (h *hostRouter) responder(r *http.Request) (*http.Response, error) {
	if r.URL.Host == evilHost {
		h.evil.add(r)
		return h.answer(r)
	}
	h.api.add(r)
	return h.apiAnswer(r)
}

func redirectTo(status int, location string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, "")
		r.Header.Set("Location", location)
		return r, nil
	}
}

// assertClean fails if r carries an Authorization header or shows a secret
// in its URL, headers or body.
func assertClean(t *testing.T, r *http.Request, secrets []string) {
	t.Helper()
	if v := r.Header.Get("Authorization"); v != "" {
		t.Errorf("%s %s carried an Authorization header", r.Method, r.URL.Host)
	}
	texts := []string{r.URL.String()}
	for k, vs := range r.Header {
		texts = append(texts, k+": "+strings.Join(vs, ","))
	}
	if r.Body != nil {
		b, _ := io.ReadAll(r.Body)
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		if found := leaked(text, secrets); found != nil {
			t.Errorf("the request to %s shows secret(s) #%v", r.URL.Host, found)
		}
	}
}

// TestRedirectToAnotherHostDropsCredentials: an API answering with a
// redirect to another host gets the request followed there without the
// credential, for reads (302) and creates (307, which keeps the body).
func TestRedirectToAnotherHostDropsCredentials(t *testing.T) {
	t.Parallel()
	for _, d := range allDialects() {
		for _, tc := range []struct {
			name   string
			status int
			create bool
		}{{"302 read", http.StatusFound, false}, {"307 create", http.StatusTemporaryRedirect, true}} {
			t.Run(d.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				mt := httpmock.NewMockTransport()
				h := &hostRouter{
					apiAnswer: redirectTo(tc.status, "https://"+evilHost+"/steal?from=goalkit"),
					answer:    httpmock.NewStringResponder(200, d.okBody),
				}
				mt.RegisterNoResponder(h.responder)
				c := d.newCalls(t, mt)
				call := c.read
				if tc.create {
					call = c.create
				}
				err := call(context.Background())
				assertNoLeak(t, "error", err, d.secrets)

				apiReqs, evilReqs := h.api.all(), h.evil.all()
				if len(apiReqs) != 1 || apiReqs[0].Header.Get("Authorization") != d.authz {
					t.Fatalf("the API saw %d requests; the first must carry the credential", len(apiReqs))
				}
				// The redirect is followed (so the other host is really
				// asked), but without credentials.
				if len(evilReqs) != 1 {
					t.Fatalf("the other host saw %d requests, want the redirect followed once", len(evilReqs))
				}
				if want := map[bool]string{false: http.MethodGet, true: http.MethodPost}[tc.create]; evilReqs[0].Method != want {
					t.Errorf("the redirect was followed with %s, want %s", evilReqs[0].Method, want)
				}
				assertClean(t, evilReqs[0], d.secrets)
			})
		}
	}
}

// TestRedirectOnSameOriginKeepsCredentials is the control for the test
// above: a redirect within the API's own origin still authorizes, so the
// absence of the header elsewhere is the origin check at work.
func TestRedirectOnSameOriginKeepsCredentials(t *testing.T) {
	t.Parallel()
	for _, d := range allDialects() {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			var api seen
			first := true
			mt.RegisterNoResponder(api.record(func(r *http.Request) (*http.Response, error) {
				if first {
					first = false
					return redirectTo(http.StatusFound, d.base+"/moved")(r)
				}
				return httpmock.NewStringResponse(200, d.okBody), nil
			}))
			c := d.newCalls(t, mt)
			if err := c.read(context.Background()); err != nil {
				t.Fatalf("read after a same-origin redirect: %v", err)
			}
			reqs := api.all()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			for _, r := range reqs {
				if r.Header.Get("Authorization") != d.authz {
					t.Errorf("%s went without the credential", r.URL.Path)
				}
			}
		})
	}
}

// TestGiosgForeignNextLink: AllGoals never follows a next link off the
// client's origin (other host, scheme, port, or a relative or userinfo
// trick): no request is made, the goals before it are yielded, and the
// error matches ErrForeignLink without showing the token.
func TestGiosgForeignNextLink(t *testing.T) {
	t.Parallel()
	const base = "https://" + apiHost + "/api/v5"
	for _, next := range []string{
		"https://" + evilHost + "/api/v5/orgs/o/goals?cursor=2",
		"http://" + apiHost + "/api/v5/orgs/o/goals?cursor=2",
		"https://" + apiHost + ":8443/api/v5/orgs/o/goals?cursor=2",
		"//" + evilHost + "/api/v5/orgs/o/goals?cursor=2",
		"https://" + apiHost + "@" + evilHost + "/api/v5/orgs/o/goals?cursor=2",
		"https://" + evilHost + "/x?access_token=" + giosgToken,
		"/api/v5/orgs/o/goals?cursor=2",
	} {
		t.Run(next, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			h := &hostRouter{
				apiAnswer: func(r *http.Request) (*http.Response, error) {
					if r.URL.Query().Get("cursor") != "" || r.URL.Port() != "" || r.URL.Scheme != "https" {
						return httpmock.NewStringResponse(500, "followed"), nil
					}
					return httpmock.NewJsonResponse(200, map[string]any{
						"next": next, "previous": nil,
						"results": []map[string]any{{"id": "g1", "name": "first"}, {"id": "g2", "name": "second"}},
					})
				},
				answer: httpmock.NewStringResponder(200, `{"next": null, "results": []}`),
			}
			mt.RegisterNoResponder(h.responder)
			c, err := giosg.NewClient(giosg.WithHTTPClient(&http.Client{Transport: mt}), giosg.WithBaseURL(base), giosg.WithAPIToken(giosgToken))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			var walkErr error
			for g, err := range c.Org(giosgOrg).AllGoals(context.Background(), nil) {
				if err != nil {
					walkErr = err
					break
				}
				ids = append(ids, g.ID)
			}
			if strings.Join(ids, ",") != "g1,g2" {
				t.Errorf("yielded %v, want the first page's goals", ids)
			}
			if !errors.Is(walkErr, giosg.ErrForeignLink) {
				t.Fatalf("err = %v, want ErrForeignLink", walkErr)
			}
			assertNoLeak(t, "error", walkErr, []string{giosgToken})
			if n := len(h.api.all()); n != 1 {
				t.Errorf("the API saw %d requests, want only the first page", n)
			}
			if n := len(h.evil.all()); n != 0 {
				t.Errorf("the foreign host saw %d requests", n)
			}
		})
	}
}

// TestHTTPSRequired: every dialect's NewClient refuses a plain-http base URL
// on a remote host (and a base URL carrying credentials, without showing
// them), and accepts plain http on loopback for tests and fakes.
func TestHTTPSRequired(t *testing.T) {
	t.Parallel()
	newClients := map[string]func(base string) error{
		"goals": func(base string) error {
			_, err := goals.NewClient(goals.WithBaseURL(base), goals.WithToken(bearerToken))
			return err
		},
		"triggers": func(base string) error {
			_, err := triggers.NewClient(triggers.WithBaseURL(base), triggers.WithBasicAuth(basicEmail, basicPassword))
			return err
		},
		"giosg": func(base string) error {
			_, err := giosg.NewClient(giosg.WithBaseURL(base), giosg.WithAPIToken(giosgToken))
			return err
		},
		"pagesense": func(base string) error {
			_, err := pagesense.NewClient(pagesense.WithBaseURL(base), pagesense.WithToken(zohoAccess))
			return err
		},
	}
	refused := []string{
		"http://api.example.com/api",
		"HTTP://API.EXAMPLE.COM/api",
		"http://127.0.0.1.example.com/api",
		"http://localhost.example.com/api",
		"http://10.0.0.1/api",
		"http://0x7f000001/api",
		"ftp://api.example.com/api",
		"api.example.com/api",
		"https://user:sec-url-password-Zz4@api.example.com/api",
	}
	accepted := []string{
		"https://api.example.com/api",
		"http://127.0.0.1:8080/api",
		"http://127.9.9.9/api",
		"http://localhost:1/api",
		"http://LOCALHOST/api",
		"http://[::1]:9000/api",
	}
	secrets := []string{bearerToken, basicPassword, giosgToken, zohoAccess, "sec-url-password-Zz4"}
	for name, newClient := range newClients {
		for _, base := range refused {
			err := newClient(base)
			if err == nil {
				t.Errorf("%s: base URL %q accepted", name, base)
				continue
			}
			assertNoLeak(t, name+" "+base, err, secrets)
		}
		for _, base := range accepted {
			if err := newClient(base); err != nil {
				t.Errorf("%s: base URL %q refused: %v", name, base, err)
			}
		}
	}
}

// TestPageSenseTokenURLNeedsHTTPS: the refresh grant never sends the
// client secret over plain http to a remote host: Token fails without a
// request, and the error does not show the secrets.
func TestPageSenseTokenURLNeedsHTTPS(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{"access_token": "x"}`))
	cfg := zohoConfig()
	cfg.TokenURL = "http://accounts.example.com/oauth/v2/token"
	_, err := pagesense.RefreshTokenSource(tokenContext(mt), cfg).Token()
	if err == nil {
		t.Fatal("a plain-http token URL was used")
	}
	assertNoLeak(t, "error", err, []string{zohoSecret, zohoRefresh})
	if n := mt.GetTotalCallCount(); n != 0 {
		t.Errorf("%d token requests over plain http", n)
	}
}

// TestSubdomainCannotMoveTheHost: WithSubdomain takes one DNS label, so it
// cannot point the Zopim clients (and their credentials) at another host.
func TestSubdomainCannotMoveTheHost(t *testing.T) {
	t.Parallel()
	for _, sub := range []string{"evil.test/x", "evil.test#", "acme.evil", "a@evil.test", "acme:443", "acme/..", "", "%65vil"} {
		if _, err := goals.NewClient(goals.WithSubdomain(sub), goals.WithToken(bearerToken)); err == nil {
			t.Errorf("goals: WithSubdomain(%q) accepted", sub)
		}
		if _, err := triggers.NewClient(triggers.WithSubdomain(sub), triggers.WithToken(bearerToken)); err == nil {
			t.Errorf("triggers: WithSubdomain(%q) accepted", sub)
		}
	}
}
