package transport

import (
	"net/url"
	"strings"
	"testing"
)

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "120", "-1", "", "Wed, 21 Oct 2015 07:28:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "99999999999999999999", "1.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s)
		if d < 0 || (!ok && d != 0) {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", s, d, ok)
		}
		if d > maxRetryAfter {
			t.Fatalf("parseRetryAfter(%q) = %v: unbounded", s, d)
		}
	})
}

// FuzzPath: every segment arrives as exactly one segment, unchanged.
func FuzzPath(f *testing.F) {
	for _, s := range []string{"Good Trigger", "a/b", "..", ".", "?#", "100%", "ünï", "%2F"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Path("triggers", s)
		if s == "" {
			if err == nil {
				t.Fatal("empty segment accepted")
			}
			return
		}
		u, err := url.Parse("https://h" + p)
		if err != nil {
			t.Fatalf("Path(%q) = %q does not parse: %v", s, p, err)
		}
		segs := strings.Split(u.EscapedPath(), "/")
		if len(segs) != 3 || segs[1] != "triggers" {
			t.Fatalf("Path(%q) = %q: %d segments", s, p, len(segs))
		}
		if got, err := url.PathUnescape(segs[2]); err != nil || got != s {
			t.Fatalf("Path(%q) segment decodes to %q, %v", s, got, err)
		}
		if segs[2] == ".." || segs[2] == "." {
			t.Fatalf("Path(%q) leaves a dot segment", s)
		}
	})
}

// FuzzRedactURL: a secret parameter's value never survives redaction.
func FuzzRedactURL(f *testing.F) {
	f.Add("https://api.example.com/x", "access_token", "s3cret")
	f.Add("https://u:p@api.example.com/x?a=1", "client_secret", "zzz")
	f.Add("http://[::1]:80/x?x=%zz", "refresh_token", "r-t")
	f.Fuzz(func(t *testing.T, raw, name, secret string) {
		if len(secret) < 6 || !isSecretParam(name) {
			return
		}
		u, err := url.Parse(raw)
		if err != nil {
			return
		}
		q := u.Query()
		q.Set(name, secret)
		u.RawQuery = q.Encode()
		out, err := url.Parse(RedactURL(u))
		if err != nil {
			t.Fatalf("RedactURL(%s) does not parse: %v", u, err)
		}
		if out.User != nil {
			t.Fatalf("RedactURL kept a secret: %s", out)
		}
		for k, vs := range out.Query() {
			for _, v := range vs {
				if isSecretParam(k) && v != "REDACTED" {
					t.Fatalf("RedactURL kept %s=%q", k, v)
				}
			}
		}
	})
}
