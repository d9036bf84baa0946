package giosg

import (
	"fmt"
	"hash/maphash"
	"net/url"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// Bounds of one AllGoals walk. A server that keeps answering empty pages
// with fresh next links, or never ends the listing, gets an ErrPageLimit
// instead of holding the caller forever.
const (
	// MaxEmptyPages is how many pages without a goal may follow each other.
	MaxEmptyPages = 10
	// MaxPagesPerWalk is how many pages one walk fetches at most.
	MaxPagesPerWalk = 100_000
)

// walk is the state of one AllGoals walk: the pages fetched, as 64-bit
// hashes of their canonical URLs (a few bytes a page instead of the URLs),
// and the page counters.
type walk struct {
	seed  maphash.Seed
	seen  map[uint64]struct{}
	pages int
	empty int
}

func newWalk() *walk {
	return &walk{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}}
}

// visit records a page about to be fetched; a page already fetched (in
// any spelling) or one over MaxPagesPerWalk is an error.
func (w *walk) visit(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: unparseable next link", ErrForeignLink)
	}
	if w.pages >= MaxPagesPerWalk {
		return fmt.Errorf("%w: %d pages fetched, the limit (MaxPagesPerWalk)", ErrPageLimit, w.pages)
	}
	h := maphash.String(w.seed, canonicalURL(u))
	if _, dup := w.seen[h]; dup {
		return fmt.Errorf("%w: %s", ErrPageLoop, transport.RedactURL(u))
	}
	w.seen[h] = struct{}{}
	w.pages++
	return nil
}

// counted records how many goals the page held; MaxEmptyPages empty
// pages in a row end the walk.
func (w *walk) counted(goals int) error {
	if goals > 0 {
		w.empty = 0
		return nil
	}
	w.empty++
	if w.empty >= MaxEmptyPages {
		return fmt.Errorf("%w: %d empty pages in a row (MaxEmptyPages)", ErrPageLimit, w.empty)
	}
	return nil
}

// resolve parses a next link, which must be an absolute URL (giosg sends
// full URLs; anything else is refused as foreign), and removes its dot
// segments. ok is false if it does not parse or is not absolute; u is then
// nil or the link as parsed, which renders without secrets in an error.
func resolve(next string) (u *url.URL, ok bool) {
	ref, err := url.Parse(next)
	if err != nil {
		return nil, false
	}
	if !ref.IsAbs() || ref.Host == "" {
		return ref, false
	}
	return ref.ResolveReference(&url.URL{}), true
}

// canonicalURL is the form two spellings of one page share: scheme and
// host in lower case, the default port dropped, each path segment with
// minimal escaping (%2F stays distinct from /), the query sorted by key
// with normalized escaping, no fragment.
func canonicalURL(u *url.URL) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(u.Scheme))
	b.WriteString("://")
	host := strings.ToLower(u.Host)
	if p := u.Port(); (p == "443" && strings.EqualFold(u.Scheme, "https")) || (p == "80" && strings.EqualFold(u.Scheme, "http")) {
		host = strings.TrimSuffix(host, ":"+p)
	}
	b.WriteString(host)
	for i, seg := range strings.Split(u.EscapedPath(), "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		if s, err := url.PathUnescape(seg); err == nil {
			seg = url.PathEscape(s)
		}
		b.WriteString(seg)
	}
	if q, err := url.ParseQuery(u.RawQuery); err == nil {
		if len(q) > 0 {
			b.WriteByte('?')
			b.WriteString(q.Encode())
		}
	} else if u.RawQuery != "" {
		b.WriteByte('?')
		b.WriteString(u.RawQuery)
	}
	return b.String()
}
