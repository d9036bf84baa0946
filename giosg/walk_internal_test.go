package giosg

import (
	"errors"
	"testing"
)

// A walk refuses the page after MaxPagesPerWalk, even with fresh links
// and goals on every page.
func TestWalkStopsAtMaxPages(t *testing.T) {
	w := newWalk()
	w.pages = MaxPagesPerWalk - 1
	if err := w.visit("https://x.test/goals?cursor=last"); err != nil {
		t.Fatalf("page %d: %v", MaxPagesPerWalk, err)
	}
	if err := w.visit("https://x.test/goals?cursor=one-more"); !errors.Is(err, ErrPageLimit) {
		t.Fatalf("page %d: err = %v, want ErrPageLimit", MaxPagesPerWalk+1, err)
	}
}

// Spellings of one page share a canonical form; different pages do not.
func TestCanonicalURL(t *testing.T) {
	same := []string{
		"https://x.test/api/orgs/o/goals?a=1&b=2",
		"HTTPS://X.TEST:443/api/orgs/o/goals?b=2&a=1#frag",
		"https://x.test/api/orgs/%6f/goals?a=%31&b=2",
		"https://x.test/api/orgs/o/x/../goals?a=1&b=2",
	}
	want := canonicalOf(t, same[0])
	for _, s := range same[1:] {
		if got := canonicalOf(t, s); got != want {
			t.Errorf("%s -> %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{
		"https://x.test/api/orgs/o%2Fgoals?a=1&b=2", // an escaped slash is another path
		"https://x.test/api/orgs/o/goals?a=1&b=3",
		"https://x.test:8443/api/orgs/o/goals?a=1&b=2",
		"http://x.test/api/orgs/o/goals?a=1&b=2",
	} {
		if canonicalOf(t, s) == want {
			t.Errorf("%s has the canonical form of another page", s)
		}
	}
}

func canonicalOf(t *testing.T, raw string) string {
	t.Helper()
	u, ok := resolve(raw)
	if !ok {
		t.Fatalf("resolve(%q) failed", raw)
	}
	return canonicalURL(u)
}

// FuzzCanonicalURL: any next link either is refused or has a canonical
// form that is its own canonical form (so a page fetched under it is found
// again), and the walk never panics on it.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://x.test/api/orgs/o/goals?a=1&b=2", "HTTPS://X.TEST:443/a/./b/../c?b=2&a=1#f",
		"https://x.test/a%2Fb?c=%zz", "https://x.test/a;b?x=1;y=2", "/relative", "https://[::1]:80/x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, ok := resolve(raw)
		if !ok {
			return
		}
		c := canonicalURL(u)
		if c != canonicalURL(u) {
			t.Fatalf("canonicalURL(%q) is not deterministic", raw)
		}
		w := newWalk()
		if err := w.visit(u.String()); err != nil {
			return // unparseable once re-rendered: refused, not a panic
		}
		if err := w.visit(u.String()); !errors.Is(err, ErrPageLoop) {
			t.Fatalf("the same link %q twice: %v, want ErrPageLoop", u, err)
		}
	})
}
