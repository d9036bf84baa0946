package pagesensetest_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// TestRefreshTokenSourceOffline runs pagesense.RefreshTokenSource against
// the accounts fake over TCP: tokens reach the PageSense fake, the 11th
// token in ten minutes is refused with Zoho's error, and the window
// reopens on the fake clock.
func TestRefreshTokenSourceOffline(t *testing.T) {
	t.Parallel()
	a := pagesensetest.NewAccounts("client-1", "s3cret", "1000.refresh")
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a.SetClock(func() time.Time { return clock })
	a.SetTokenLifetime(time.Second) // under pagesense.TokenExpiryDelta: every Token call refreshes
	accounts := pagesensetest.NewAccountsServer(a)
	defer accounts.Close()

	f := pagesensetest.New()
	f.AcceptTokensFrom(a)
	api := pagesensetest.NewServerWith(f)
	defer api.Close()

	cfg := a.Config(accounts.URL)
	cfg.CoolDown = -1
	ts := pagesense.RefreshTokenSource(context.Background(), cfg)
	c, err := pagesense.NewClient(pagesense.WithBaseURL(api.URL), pagesense.WithTokenSource(ts), pagesense.WithRetryMax(0))
	if err != nil {
		t.Fatal(err)
	}
	project := c.Project("acme", "site")
	for i := range pagesensetest.TokenLimit {
		if _, err := project.ListGoals(context.Background()); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	_, err = ts.Token()
	if !errors.Is(err, pagesense.ErrUnauthorized) || !strings.Contains(err.Error(), "Access Denied") {
		t.Errorf("token %d: %v, want Zoho's Access Denied", pagesensetest.TokenLimit+1, err)
	}
	if n := a.TokenRequests(); n != pagesensetest.TokenLimit+1 {
		t.Errorf("%d token requests, want %d", n, pagesensetest.TokenLimit+1)
	}
	clock = clock.Add(pagesensetest.TokenWindow)
	if _, err := project.ListGoals(context.Background()); err != nil {
		t.Errorf("after the window: %v", err)
	}
	for _, r := range a.Requests() {
		form, _ := url.ParseQuery(string(r.Body))
		if form.Get("client_secret") != "REDACTED" || form.Get("refresh_token") != "REDACTED" || form.Get("grant_type") != "refresh_token" {
			t.Errorf("logged token request body %q", r.Body)
		}
	}
}

func TestAccountsRefusesBadCredentials(t *testing.T) {
	t.Parallel()
	a := pagesensetest.NewAccounts("client-1", "s3cret", "1000.refresh")
	srv := pagesensetest.NewAccountsServer(a)
	defer srv.Close()
	for name, mutate := range map[string]func(*pagesense.OAuthConfig){
		"invalid_client": func(c *pagesense.OAuthConfig) { c.ClientSecret = "wrong" },
		"invalid_code":   func(c *pagesense.OAuthConfig) { c.RefreshToken = "wrong" },
	} {
		cfg := a.Config(srv.URL)
		mutate(&cfg)
		_, err := pagesense.RefreshTokenSource(context.Background(), cfg).Token()
		if !errors.Is(err, pagesense.ErrUnauthorized) || !strings.Contains(err.Error(), name) || strings.Contains(err.Error(), "wrong") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := a.Inject(pagesensetest.Fault{Route: "Token", Status: http.StatusServiceUnavailable, Times: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := pagesense.RefreshTokenSource(context.Background(), a.Config(srv.URL)).Token(); err == nil || errors.Is(err, pagesense.ErrUnauthorized) {
		t.Errorf("503 from accounts: %v, want a plain error", err)
	}
}

func TestAccountsSetLimit(t *testing.T) {
	t.Parallel()
	a := pagesensetest.NewAccounts("c", "s", "r")
	a.SetLimit(1, time.Minute)
	srv := pagesensetest.NewAccountsServer(a)
	defer srv.Close()
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {"c"}, "client_secret": {"s"}, "refresh_token": {"r"}}
	var statuses []int
	for range 2 {
		resp, err := http.PostForm(srv.URL+pagesensetest.TokenPath, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		statuses = append(statuses, resp.StatusCode)
	}
	if statuses[0] != 200 || statuses[1] != 400 {
		t.Errorf("statuses %v, want [200 400]", statuses)
	}
}
