package pagesense

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// MatchURL evaluates one URL rule locally: does rawURL satisfy pattern
// under match type t? It mirrors what PageSense does in the browser as far
// as the docs describe it:
//
//   - ExactMatch: rawURL equals pattern, byte for byte.
//   - ContainsMatch, StartsWith, EndsWith: rawURL contains, starts with or
//     ends with pattern (case-sensitive, no normalization).
//   - RegexMatch: pattern is a Go regular expression (RE2) matched anywhere
//     in rawURL; anchor it with ^ and $ for a whole-URL match. A pattern
//     that does not compile is an error.
//   - PatternMatch: pattern must match the whole of rawURL, where * stands
//     for any run of characters (also none, also across /); everything
//     else is literal.
//   - SimpleMatch: both sides are normalized, then compared: the scheme, a
//     leading "www.", the query string, the fragment and trailing slashes
//     are dropped and the host is lower-cased, so
//     "http://www.example.com/pricing/?utm=x" matches "https://example.com/pricing".
//   - Domain: rawURL's host (lower-cased, without port) equals pattern's,
//     where pattern may be a bare host ("example.com") or a URL. A
//     subdomain or "www." is a different host. A pattern without a host is
//     an error.
//   - URLGroupMatch: an error, since URL groups are defined on the server.
//
// Any other match type is an error. The errors are *ValidationError and
// match ErrInvalid.
func MatchURL(t URLMatchType, pattern, rawURL string) (bool, error) {
	switch t {
	case ExactMatch:
		return rawURL == pattern, nil
	case ContainsMatch:
		return strings.Contains(rawURL, pattern), nil
	case StartsWith:
		return strings.HasPrefix(rawURL, pattern), nil
	case EndsWith:
		return strings.HasSuffix(rawURL, pattern), nil
	case RegexMatch:
		re, err := regexp.Compile(pattern)
		if err != nil {
			return false, transport.Invalid("pattern", "bad regular expression: %v", err)
		}
		return re.MatchString(rawURL), nil
	case PatternMatch:
		return wildcardMatch(pattern, rawURL), nil
	case SimpleMatch:
		return simplify(rawURL) == simplify(pattern), nil
	case Domain:
		want := hostOf(pattern)
		if want == "" {
			return false, transport.Invalid("pattern", "%q names no host", pattern)
		}
		return hostOf(rawURL) == want, nil
	case URLGroupMatch:
		return false, transport.Invalid("match_type", "%s is evaluated by PageSense: URL groups live on the server", t)
	}
	return false, transport.Invalid("match_type", "unknown match type %d", int(t))
}

// simplify normalizes a URL for SimpleMatch.
func simplify(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	host, path, _ := strings.Cut(s, "/")
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return strings.TrimRight(host+"/"+path, "/")
}

// hostOf returns the lower-cased host of a URL or bare host, without port.
func hostOf(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// wildcardMatch reports whether s matches pattern as a whole, where * in
// pattern matches any run of characters. Only the last * is ever
// backtracked to, so it needs no recursion and at most
// len(pattern)·len(s) steps.
func wildcardMatch(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case p < len(pattern) && pattern[p] == s[i]:
			p++
			i++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
