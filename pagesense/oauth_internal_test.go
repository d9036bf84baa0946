package pagesense

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// scripted answers Token from a list of errors (nil: a token).
type scripted struct {
	errs  []error
	calls int
}

func (s *scripted) Token() (*oauth2.Token, error) {
	err := s.errs[s.calls]
	s.calls++
	if err != nil {
		return nil, err
	}
	return &oauth2.Token{AccessToken: "ok"}, nil
}

func TestCoolDown(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	src := &scripted{errs: []error{boom, nil, boom}}
	now := time.Unix(1000, 0)
	cd := &coolDown{src: src, wait: time.Minute, gap: time.Minute, now: func() time.Time { return now }}

	step := func(wantErr error, wantCalls int) {
		t.Helper()
		tok, err := cd.Token()
		if !errors.Is(err, wantErr) || (wantErr == nil && tok == nil) {
			t.Errorf("Token() = %v, %v; want error %v", tok, err, wantErr)
		}
		if src.calls != wantCalls {
			t.Errorf("source asked %d times, want %d", src.calls, wantCalls)
		}
	}
	step(boom, 1)                   // fails: remembered
	now = now.Add(59 * time.Second) // still cooling down
	step(boom, 1)
	now = now.Add(time.Second) // the minute is over: asked again
	step(nil, 2)
	now = now.Add(time.Minute) // past the gap between requests
	step(boom, 3)              // success forgets the old failure
}

// Item 5 (vendor side) of issue #10: the token request has its own
// deadline even when the context's *http.Client has none (the old code
// used it as is, so a stalled endpoint held every call), and never
// follows a redirect. The loopback endpoint stalls; the bound is lowered
// to keep the test fast.
func TestTokenRequestHasItsOwnDeadline(t *testing.T) {
	t.Parallel()
	stall := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stall:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(stall)
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{}) // no timeout
	r, err := newRefresher(ctx, OAuthConfig{ClientID: "id", ClientSecret: "secret", RefreshToken: "refresh", TokenURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if r.hc.Timeout != TokenRequestTimeout || r.hc.CheckRedirect == nil {
		t.Fatalf("token client: timeout %s, redirect check %v; want %s and one", r.hc.Timeout, r.hc.CheckRedirect != nil, TokenRequestTimeout)
	}
	r.hc.Timeout = 100 * time.Millisecond
	start := time.Now()
	if _, err := r.Token(); err == nil {
		t.Fatal("a stalled token request succeeded")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the token request returned after %s, want about 100ms", d)
	}
}
