package triggers_test

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/zopim/zopimtest"
	"github.com/goalkit/goalkit/triggers"
)

// hostClient builds a client whose host and auth come from opts only.
func hostClient(t *testing.T, opts ...triggers.Option) (*triggers.Client, *zopimtest.Recorder) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	rec := zopimtest.NewRecorder(answer(200, "[]"))
	mt.RegisterNoResponder(rec.Respond)
	c, err := triggers.NewClient(append([]triggers.Option{triggers.WithHTTPClient(&http.Client{Transport: mt})}, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, rec
}

func TestNewClient_NoHostSaysHowToChoose(t *testing.T) {
	t.Parallel()
	_, err := triggers.NewClient(triggers.WithToken("t"))
	if err == nil || !strings.Contains(err.Error(), `triggers.WithSubdomain("yourcompany")`) ||
		strings.Contains(err.Error(), "LegacyBaseURL") || strings.Contains(err.Error(), "zopim.com") {
		t.Fatalf("err = %v, want a hint naming WithSubdomain and not the legacy host", err)
	}
}

func TestHosts(t *testing.T) {
	t.Parallel()
	for want, opt := range map[string]triggers.Option{
		"https://acme.zendesk.com/api/v2/chat/triggers": triggers.WithSubdomain("acme"),
		"https://www.zopim.com/api/v2/triggers":         triggers.WithBaseURL(triggers.LegacyBaseURL),
	} {
		c, rec := hostClient(t, opt, triggers.WithToken("t"))
		if _, err := c.List(ctx); err != nil {
			t.Fatal(err)
		}
		if got := rec.Last(t).URL; got != want {
			t.Errorf("URL %s, want %s", got, want)
		}
	}
	if _, err := triggers.NewClient(triggers.WithSubdomain("acme.zendesk.com")); err == nil {
		t.Error("a host name was accepted as a subdomain")
	}
}

func TestAuth(t *testing.T) {
	t.Parallel()
	for want, opt := range map[string]triggers.Option{
		"Bearer tok":  triggers.WithToken("tok"),
		"Bearer oa-1": triggers.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "oa-1"})),
		"Basic " + base64.StdEncoding.EncodeToString([]byte("admin@acme.com:pw")): triggers.WithBasicAuth("admin@acme.com", "pw"),
	} {
		c, rec := hostClient(t, triggers.WithBaseURL(triggers.LegacyBaseURL), opt)
		if _, err := c.Get(ctx, "x"); err != nil && !errors.Is(err, triggers.ErrMalformedResponse) {
			t.Fatal(err)
		}
		if got := rec.Last(t).Header.Get("Authorization"); got != want {
			t.Errorf("Authorization %q, want %q", got, want)
		}
	}
	if _, err := triggers.NewClient(triggers.WithSubdomain("acme"), triggers.WithBasicAuth("", "")); err == nil {
		t.Error("empty basic auth accepted")
	}
	if triggers.Endpoint.TokenURL != "https://www.zopim.com/oauth2/token" || triggers.Endpoint.AuthURL != "https://www.zopim.com/oauth2/authorizations/new" {
		t.Errorf("Endpoint = %+v", triggers.Endpoint)
	}
	if e := triggers.OAuthEndpoint("acme"); e.TokenURL != "https://acme.zendesk.com/oauth2/chat/token" ||
		e.AuthURL != "https://acme.zendesk.com/oauth2/chat/authorizations/new" {
		t.Errorf("OAuthEndpoint = %+v", e)
	}
}
