package goals_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/zopim/zopimtest"
)

// hostClient builds a client without a base URL option, so the host
// options under test decide it.
func hostClient(t *testing.T, opts ...goals.Option) (*goals.Client, *recorder) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := zopimtest.NewRecorder(answer(200, "[]"))
	mt.RegisterNoResponder(rec.Respond)
	base := []goals.Option{goals.WithHTTPClient(&http.Client{Transport: mt}), goals.WithRetryWait(time.Millisecond, 5*time.Millisecond)}
	c, err := goals.NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, rec
}

func TestNewClient_NoHostSaysHowToChoose(t *testing.T) {
	t.Parallel()
	_, err := goals.NewClient(goals.WithToken("t"))
	if err == nil {
		t.Fatal("NewClient without a host succeeded")
	}
	for _, want := range []string{`goals.WithSubdomain("yourcompany")`, "https://yourcompany.zendesk.com/api/v2/chat"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	// The legacy host is gone (May 2025): never suggested.
	if strings.Contains(err.Error(), "zopim.com") || strings.Contains(err.Error(), "LegacyBaseURL") {
		t.Errorf("error %q suggests the legacy host", err)
	}
}

func TestWithSubdomain_CurrentHost(t *testing.T) {
	t.Parallel()
	for sub, want := range map[string]string{
		"acme":      "https://acme.zendesk.com/api/v2/chat/goals",
		"ACME-shop": "https://acme-shop.zendesk.com/api/v2/chat/goals",
		"a1":        "https://a1.zendesk.com/api/v2/chat/goals",
	} {
		c, rec := hostClient(t, goals.WithSubdomain(sub), goals.WithToken("t"))
		if _, err := c.List(context.Background()); err != nil {
			t.Fatalf("%s: %v", sub, err)
		}
		if got := rec.Last(t).URL; got != want {
			t.Errorf("WithSubdomain(%q): URL %s, want %s", sub, got, want)
		}
	}
}

func TestWithSubdomain_RejectsNonLabels(t *testing.T) {
	t.Parallel()
	for _, sub := range []string{
		"", "acme.zendesk.com", "acme/evil", "evil.com/x", "a b", "a_b", "-acme", "acme-",
		"acme?x=1", "acme#x", "user@acme", "acme:8080", strings.Repeat("a", 64), "ñandu",
	} {
		if _, err := goals.NewClient(goals.WithSubdomain(sub), goals.WithToken("t")); err == nil {
			t.Errorf("WithSubdomain(%q) accepted", sub)
		}
	}
	if _, err := goals.NewClient(goals.WithSubdomain(strings.Repeat("a", 63))); err != nil {
		t.Errorf("63-character label refused: %v", err)
	}
}

func TestLegacyHost(t *testing.T) {
	t.Parallel()
	c, rec := hostClient(t, goals.WithBaseURL(goals.LegacyBaseURL), goals.WithToken("t"))
	if _, err := c.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got, want := rec.Last(t).URL, "https://www.zopim.com/api/v2/goals"; got != want {
		t.Errorf("URL %s, want %s", got, want)
	}
}

func TestHostOptions_LastWins(t *testing.T) {
	t.Parallel()
	c, rec := hostClient(t, goals.WithSubdomain("acme"), goals.WithBaseURL(goals.LegacyBaseURL), goals.WithToken("t"))
	if _, err := c.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := rec.Last(t).URL; got != "https://www.zopim.com/api/v2/goals" {
		t.Errorf("URL %s: the later WithBaseURL should win", got)
	}
	c, rec = hostClient(t, goals.WithBaseURL(goals.LegacyBaseURL), goals.WithSubdomain("acme"), goals.WithToken("t"))
	if _, err := c.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := rec.Last(t).URL; got != "https://acme.zendesk.com/api/v2/chat/goals" {
		t.Errorf("URL %s: the later WithSubdomain should win", got)
	}
}

func TestAuth_Headers(t *testing.T) {
	t.Parallel()
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte("admin@acme.com:s3cret"))
	cases := map[string]struct {
		opt  goals.Option
		want string
	}{
		"token":        {goals.WithToken("tok-1"), "Bearer tok-1"},
		"token source": {goals.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "oa-2", TokenType: "bearer"})), "Bearer oa-2"},
		"odd type":     {goals.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "oa-3", TokenType: "mac"})), "Bearer oa-3"},
		"basic":        {goals.WithBasicAuth("admin@acme.com", "s3cret"), basic},
	}
	for name, tc := range cases {
		c, rec := hostClient(t, goals.WithSubdomain("acme"), tc.opt)
		if _, err := c.List(context.Background()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := rec.Last(t).Header.Get("Authorization"); got != tc.want {
			t.Errorf("%s: Authorization %q, want %q", name, got, tc.want)
		}
	}
}

func TestAuth_BadOptionsFailNewClient(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]goals.Option{
		"empty token":    goals.WithToken(""),
		"nil source":     goals.WithTokenSource(nil),
		"empty password": goals.WithBasicAuth("admin@acme.com", ""),
		"empty email":    goals.WithBasicAuth("", "pw"),
	} {
		if _, err := goals.NewClient(goals.WithSubdomain("acme"), opt); err == nil {
			t.Errorf("%s: NewClient succeeded", name)
		}
	}
}

func TestOAuthEndpoint(t *testing.T) {
	t.Parallel()
	want := oauth2.Endpoint{
		AuthURL:   "https://acme.zendesk.com/oauth2/chat/authorizations/new",
		TokenURL:  "https://acme.zendesk.com/oauth2/chat/token",
		AuthStyle: oauth2.AuthStyleInParams,
	}
	if got := goals.OAuthEndpoint("Acme"); got != want {
		t.Errorf("OAuthEndpoint = %+v, want %+v", got, want)
	}
	// A subdomain that is not one DNS label never reaches another host.
	for _, bad := range []string{"", "evil.com/x", "a@b", "acme.zendesk.com#"} {
		if got := goals.OAuthEndpoint(bad); got.AuthURL != "" || got.TokenURL != "" {
			t.Errorf("OAuthEndpoint(%q) = %+v, want empty URLs", bad, got)
		}
	}
}

func TestEndpoint(t *testing.T) {
	t.Parallel()
	want := oauth2.Endpoint{
		AuthURL:   "https://www.zopim.com/oauth2/authorizations/new",
		TokenURL:  "https://www.zopim.com/oauth2/token",
		AuthStyle: oauth2.AuthStyleInParams,
	}
	if goals.Endpoint != want {
		t.Errorf("Endpoint = %+v, want %+v", goals.Endpoint, want)
	}
	if goals.ScopeRead != "read" || goals.ScopeWrite != "write" || goals.ScopeChat != "chat" {
		t.Error("scope constants changed")
	}
	if goals.LegacyBaseURL != "https://www.zopim.com/api/v2" {
		t.Errorf("LegacyBaseURL = %s", goals.LegacyBaseURL)
	}
}

func TestPlainHTTPRemoteRefused(t *testing.T) {
	t.Parallel()
	if _, err := goals.NewClient(goals.WithBaseURL("http://www.zopim.com/api/v2")); err == nil {
		t.Error("plain http remote base URL accepted")
	}
}
