package pagesense_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/pagesense"
)

var euConfig = pagesense.OAuthConfig{
	ClientID: "1000.CLIENTID", ClientSecret: "s3cr3t-value", RefreshToken: "1000.refresh-secret",
	DataCenter: pagesense.EU, Scopes: []string{"PageSense.goals.READ"},
}

const euTokenURL = "https://accounts.zoho.eu/oauth/v2/token"

// tokenCtx puts mt's client where RefreshTokenSource looks for it.
func tokenCtx(mt *httpmock.MockTransport) context.Context {
	return context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: mt})
}

func TestRefreshTokenSource_OneTokenForManyCalls(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	tokens := answer(200, `{"access_token": "1000.access-1", "api_domain": "https://www.zohoapis.eu", "token_type": "Bearer", "expires_in": 3600}`)
	mt.RegisterResponder("POST", euTokenURL, tokens.Respond)
	api := answer(200, `{"status_code": "10000", "projectgoals": []}`)
	mt.RegisterResponder("GET", "https://pagesense.zoho.eu/pagesense/rest/v1/portal/p/projectgoals/site", api.Respond)

	c, err := pagesense.NewClient(
		pagesense.WithHTTPClient(&http.Client{Transport: mt}),
		pagesense.WithDataCenter(pagesense.EU),
		pagesense.WithTokenSource(pagesense.RefreshTokenSource(tokenCtx(mt), euConfig)),
	)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := c.Project("p", "site").ListGoals(context.Background()); err != nil {
			t.Fatal(err)
		}
	}

	req := tokens.Only(t)
	if req.Method != "POST" || req.URL != euTokenURL {
		t.Errorf("token request %s %s", req.Method, req.URL)
	}
	if ct := req.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("token request Content-Type = %q", ct)
	}
	form, err := url.ParseQuery(string(req.Body))
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"grant_type": {"refresh_token"}, "client_id": {"1000.CLIENTID"},
		"client_secret": {"s3cr3t-value"}, "refresh_token": {"1000.refresh-secret"},
	}
	if form.Encode() != want.Encode() {
		t.Errorf("token form = %v, want %v", form, want)
	}
	if api.Count() != 3 {
		t.Fatalf("API calls = %d, want 3", api.Count())
	}
	for _, r := range api.All() {
		if a := r.Header.Get("Authorization"); a != "Zoho-oauthtoken 1000.access-1" {
			t.Errorf("Authorization = %q, want the Zoho-oauthtoken scheme despite token_type Bearer", a)
		}
	}
}

func TestRefreshTokenSource_Token(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	mt.RegisterResponder("POST", "https://accounts.zoho.com/oauth/v2/token",
		answer(200, `{"access_token": "a1", "token_type": "Bearer", "expires_in": "3600", "api_domain": "https://www.zohoapis.com"}`).Respond)
	cfg := euConfig
	cfg.DataCenter = "" // US
	before := time.Now()
	tok, err := pagesense.RefreshTokenSource(tokenCtx(mt), cfg).Token()
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "a1" || tok.Type() != "Zoho-oauthtoken" || tok.RefreshToken != "" {
		t.Errorf("token %q type %q refresh %q", tok.AccessToken, tok.Type(), tok.RefreshToken)
	}
	if life := tok.Expiry.Sub(before); life < time.Hour || life > time.Hour+time.Minute {
		t.Errorf("expiry in %s, want an hour", life)
	}
	if tok.Extra("api_domain") != "https://www.zohoapis.com" {
		t.Errorf("api_domain = %v", tok.Extra("api_domain"))
	}
}

// A token that expires within TokenExpiryDelta (expires_in under a minute)
// is still reused while it lasts: one token request per API call would
// make Zoho lock the refresh token (issue #10 item 9; the old code made
// one request per call).
func TestRefreshTokenSource_ShortLifetimeIsRateLimited(t *testing.T) {
	t.Parallel()
	for _, expiresIn := range []string{"30", "1", `"59"`} {
		mt := httpmock.NewMockTransport()
		tokens := answer(200, `{"access_token": "short", "expires_in": `+expiresIn+`}`)
		mt.RegisterResponder("POST", euTokenURL, tokens.Respond)
		ts := pagesense.RefreshTokenSource(tokenCtx(mt), euConfig)
		for range 20 {
			tok, err := ts.Token()
			if err != nil && !errors.Is(err, pagesense.ErrRateLimited) {
				t.Fatalf("expires_in %s: %v", expiresIn, err)
			}
			if err == nil && tok.AccessToken != "short" {
				t.Fatalf("expires_in %s: token %q", expiresIn, tok.AccessToken)
			}
		}
		if tokens.Count() != 1 {
			t.Errorf("expires_in %s: token requests = %d, want 1 (MinRefreshInterval)", expiresIn, tokens.Count())
		}
	}
}

// An expires_in that overflows time.Duration, or is absurdly large, is
// clamped to a day instead of wrapping to a past expiry (the old code then
// asked for a token on every call).
func TestRefreshTokenSource_OverflowingLifetimeIsClamped(t *testing.T) {
	t.Parallel()
	for _, expiresIn := range []string{"18446744074", "9223372037", "18446744073709551616", "1e400", `"99999999999999"`} {
		mt := httpmock.NewMockTransport()
		tokens := answer(200, `{"access_token": "long", "expires_in": `+expiresIn+`}`)
		mt.RegisterResponder("POST", euTokenURL, tokens.Respond)
		ts := pagesense.RefreshTokenSource(tokenCtx(mt), euConfig)
		tok, err := ts.Token()
		if err != nil {
			t.Fatalf("expires_in %s: %v", expiresIn, err)
		}
		if d := time.Until(tok.Expiry); d < 23*time.Hour || d > 25*time.Hour {
			t.Errorf("expires_in %s: token lives %s, want a day", expiresIn, d)
		}
		for range 5 {
			if _, err := ts.Token(); err != nil {
				t.Fatal(err)
			}
		}
		if tokens.Count() != 1 {
			t.Errorf("expires_in %s: token requests = %d, want 1", expiresIn, tokens.Count())
		}
	}
}

func TestRefreshTokenSource_FailureCoolsDown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		body   string
		unauth bool
	}{
		{"refused at 200", 200, `{"error": "invalid_code"}`, true},
		{"bad client", 400, `{"error": "invalid_client", "echo": "s3cr3t-value 1000.refresh-secret"}`, true},
		{"server error", 500, `<html>oops s3cr3t-value</html>`, false},
		{"no access token", 200, `{"token_type": "Bearer"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			tokens := answer(tc.status, tc.body)
			mt.RegisterResponder("POST", euTokenURL, tokens.Respond)
			c, err := pagesense.NewClient(
				pagesense.WithHTTPClient(&http.Client{Transport: mt}),
				pagesense.WithBaseURL(base),
				pagesense.WithTokenSource(pagesense.RefreshTokenSource(tokenCtx(mt), euConfig)),
			)
			if err != nil {
				t.Fatal(err)
			}
			var errs []error
			for range 3 {
				_, err := c.Project("p", "site").ListGoals(context.Background())
				errs = append(errs, err)
			}
			if tokens.Count() != 1 {
				t.Errorf("token requests = %d, want 1 (cool-down)", tokens.Count())
			}
			if n := mt.GetCallCountInfo()["GET "+base+"/portal/p/projectgoals/site"]; n != 0 {
				t.Errorf("%d API calls without a token", n)
			}
			for _, err := range errs {
				if err == nil {
					t.Fatal("want an error")
				}
				if errors.Is(err, pagesense.ErrUnauthorized) != tc.unauth {
					t.Errorf("errors.Is(%v, ErrUnauthorized) = %v, want %v", err, !tc.unauth, tc.unauth)
				}
				for _, secret := range []string{"s3cr3t-value", "1000.refresh-secret"} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("error leaks a secret: %v", err)
					}
				}
			}
			if errs[1].Error() != errs[0].Error() {
				t.Errorf("cooled-down error %q differs from %q", errs[1], errs[0])
			}
		})
	}
}

func TestRefreshTokenSource_TokenURLOverride(t *testing.T) {
	t.Parallel()
	mt := httpmock.NewMockTransport()
	tokens := answer(200, `{"access_token": "a", "expires_in": 3600}`)
	mt.RegisterResponder("POST", "http://127.0.0.1:9/token", tokens.Respond)
	cfg := euConfig
	cfg.TokenURL = "http://127.0.0.1:9/token"
	if _, err := pagesense.RefreshTokenSource(tokenCtx(mt), cfg).Token(); err != nil {
		t.Fatal(err)
	}
	if tokens.Count() != 1 {
		t.Errorf("token requests = %d", tokens.Count())
	}
}

func TestRefreshTokenSource_BadConfig(t *testing.T) {
	t.Parallel()
	for name, mod := range map[string]func(*pagesense.OAuthConfig){
		"no client id":      func(c *pagesense.OAuthConfig) { c.ClientID = "" },
		"no client secret":  func(c *pagesense.OAuthConfig) { c.ClientSecret = "" },
		"no refresh token":  func(c *pagesense.OAuthConfig) { c.RefreshToken = "" },
		"unknown center":    func(c *pagesense.OAuthConfig) { c.DataCenter = "atlantis" },
		"plain http remote": func(c *pagesense.OAuthConfig) { c.TokenURL = "http://accounts.zoho.com/oauth/v2/token" },
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mt := httpmock.NewMockTransport()
			cfg := euConfig
			mod(&cfg)
			_, err := pagesense.RefreshTokenSource(tokenCtx(mt), cfg).Token()
			if err == nil {
				t.Fatal("want an error")
			}
			if strings.Contains(err.Error(), "s3cr3t-value") || strings.Contains(err.Error(), "refresh-secret") {
				t.Errorf("error leaks a secret: %v", err)
			}
			if mt.GetTotalCallCount() != 0 {
				t.Errorf("a request was sent")
			}
		})
	}
}
