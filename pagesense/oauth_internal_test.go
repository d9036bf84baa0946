package pagesense

import (
	"errors"
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
