package pagesense_test

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/pagesense"
)

func TestParseDataCenter(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]pagesense.DataCenter{
		"EU": pagesense.EU, "eu": pagesense.EU, " Eu ": pagesense.EU, "us": pagesense.US, "UK": pagesense.UK, "ca": pagesense.CA,
	} {
		if got, err := pagesense.ParseDataCenter(in); got != want || err != nil {
			t.Errorf("ParseDataCenter(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "mars", "europe", "e u"} {
		if got, err := pagesense.ParseDataCenter(in); err == nil || got != "" {
			t.Errorf("ParseDataCenter(%q) = %q, %v; want an error", in, got, err)
		}
	}
}

// refreshVia builds a client on a RefreshTokenSource of dc plus opts and
// returns the host of its first API call ("" when NewClient fails) and the
// NewClient error.
func refreshVia(t *testing.T, dc pagesense.DataCenter, opts ...pagesense.Option) (string, error) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterRegexpResponder(http.MethodPost, regexp.MustCompile(`/oauth/v2/token$`), httpmock.NewStringResponder(200,
		`{"access_token": "a", "token_type": "Bearer", "expires_in": 3600}`))
	var host string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		host = r.URL.Host
		return httpmock.NewStringResponse(200, `{"status_code":"10000","count":0,"projectgoals":[]}`), nil
	})
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: mt})
	ts := pagesense.RefreshTokenSource(ctx, pagesense.OAuthConfig{ClientID: "id", ClientSecret: "s", RefreshToken: "r", DataCenter: dc})
	c, err := pagesense.NewClient(append([]pagesense.Option{pagesense.WithHTTPClient(&http.Client{Transport: mt}), pagesense.WithTokenSource(ts)}, opts...)...)
	if err != nil {
		return "", err
	}
	if _, err := c.Project("p", "s").ListGoals(context.Background()); err != nil {
		t.Fatal(err)
	}
	return host, nil
}

// TestDataCenterOneSourceOfTruth: the token source's data center picks the
// host; WithDataCenter may repeat it but not contradict it, in either order.
func TestDataCenterOneSourceOfTruth(t *testing.T) {
	t.Parallel()
	if host, err := refreshVia(t, pagesense.EU); host != "pagesense.zoho.eu" || err != nil {
		t.Errorf("EU refresh source alone: host %q, %v; want pagesense.zoho.eu", host, err)
	}
	if host, err := refreshVia(t, pagesense.EU, pagesense.WithDataCenter(pagesense.EU)); host != "pagesense.zoho.eu" || err != nil {
		t.Errorf("EU twice: host %q, %v", host, err)
	}
	if host, err := refreshVia(t, "", pagesense.WithBaseURL("https://proxy.example/v1")); host != "proxy.example" || err != nil {
		t.Errorf("WithBaseURL: host %q, %v", host, err)
	}
	if _, err := refreshVia(t, pagesense.EU, pagesense.WithDataCenter(pagesense.US)); err == nil || !strings.Contains(err.Error(), "mismatch") {
		t.Errorf("EU token, US WithDataCenter: %v, want a mismatch error", err)
	}
	mt := httpmock.NewMockTransport()
	ts := pagesense.RefreshTokenSource(context.Background(), pagesense.OAuthConfig{ClientID: "id", ClientSecret: "s", RefreshToken: "r", DataCenter: pagesense.IN})
	_, err := pagesense.NewClient(pagesense.WithDataCenter(pagesense.AU), pagesense.WithHTTPClient(&http.Client{Transport: mt}), pagesense.WithTokenSource(ts))
	if err == nil || !strings.Contains(err.Error(), "mismatch") || errors.Is(err, pagesense.ErrNoCredentials) {
		t.Errorf("AU then IN token: %v, want a mismatch error", err)
	}
	if mt.GetTotalCallCount() != 0 {
		t.Errorf("%d requests sent", mt.GetTotalCallCount())
	}
}
