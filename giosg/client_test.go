package giosg_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/giosg"
)

func TestNewClientRejectsBadOptions(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]giosg.Option{
		"empty token":       giosg.WithAPIToken(""),
		"blank token":       giosg.WithAPIToken("  "),
		"nil token source":  giosg.WithTokenSource(nil),
		"plain http remote": giosg.WithBaseURL("http://service.giosg.com/api/v5"),
		"relative base":     giosg.WithBaseURL("/api/v5"),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if c, err := giosg.NewClient(opt); err == nil || c != nil {
				t.Fatalf("NewClient = %v, %v; want an error", c, err)
			}
		})
	}
}

func TestDefaultBaseURL(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	var rec recorder
	mt.RegisterNoResponder(rec.Reply(200, `{"id":"g"}`))
	c, err := giosg.NewClient(giosg.WithHTTPClient(mtClient(mt)), giosg.WithAPIToken(testToken))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Org("o 1").GetGoal(context.Background(), "g"); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.Only(t).URL, "https://service.giosg.com/api/v5/orgs/o%201/goals/g"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
	if giosg.DefaultBaseURL != "https://service.giosg.com/api/v5" {
		t.Error(giosg.DefaultBaseURL)
	}
}

func TestAuthHeaders(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		opt  giosg.Option
		want string
	}{
		"api token": {giosg.WithAPIToken("abc"), "Token abc"},
		// Whatever token_type the identity server says, giosg wants Bearer.
		"oauth":            {giosg.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "xyz", TokenType: "mac"})), "Bearer xyz"},
		"last option wins": {nil, "Bearer last"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			var rec recorder
			mt.RegisterNoResponder(rec.Reply(200, `{"results":[]}`))
			opts := []giosg.Option{giosg.WithHTTPClient(mtClient(mt)), giosg.WithBaseURL(testBase), tc.opt}
			if tc.opt == nil {
				opts = append(opts, giosg.WithAPIToken("first"),
					giosg.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "last"})))
			}
			c, err := giosg.NewClient(opts...)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Org(testOrg).ListGoals(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			s := rec.Only(t)
			if got := s.Header.Get("Authorization"); got != tc.want {
				t.Errorf("Authorization = %q, want %q", got, tc.want)
			}
			if ua := s.Header.Get("User-Agent"); !strings.HasPrefix(ua, "goalkit/") {
				t.Errorf("User-Agent = %q", ua)
			}
		})
	}
}

func TestOAuthEndpoint(t *testing.T) {
	t.Parallel()
	if giosg.Endpoint.AuthURL != "https://service.giosg.com/identity/authorize" ||
		giosg.Endpoint.TokenURL != "https://service.giosg.com/identity/token" {
		t.Errorf("Endpoint = %+v", giosg.Endpoint)
	}
}

func TestOrgID(t *testing.T) {
	t.Parallel()
	c, err := giosg.NewClient(giosg.WithAPIToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Org("abc").ID(); got != "abc" {
		t.Errorf("ID = %q", got)
	}
	var _ giosg.GoalsAPI = c.Org("abc")
}

// The token goes only to the API host, even when a response redirects.
func TestNoTokenOnRedirectElsewhere(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterResponder(http.MethodGet, goalURL, func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(http.StatusFound, "")
		r.Header.Set("Location", "https://elsewhere.test/goal")
		return r, nil
	})
	var rec recorder
	mt.RegisterResponder(http.MethodGet, "https://elsewhere.test/goal", rec.Reply(200, `{"id":"g"}`))
	if _, err := org.GetGoal(context.Background(), testGoal); err != nil {
		t.Fatal(err)
	}
	if got := rec.Only(t).Header.Get("Authorization"); got != "" {
		t.Errorf("Authorization sent elsewhere: %q", got)
	}
}
