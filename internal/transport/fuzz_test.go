package transport

import (
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
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
		shown := RedactURL(u)
		if len(shown) > MaxQuoted+len("…(cut)") {
			t.Fatalf("RedactURL is %d bytes, over the bound", len(shown))
		}
		if strings.HasSuffix(shown, "…(cut)") {
			return // bounded: the cut text need not parse
		}
		out, err := url.Parse(shown)
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

// FuzzRedactURLPlaces: a secret parameter is redacted wherever it sits:
// after '&' or ';', with an escaped name, or in the fragment.
func FuzzRedactURLPlaces(f *testing.F) {
	f.Add("https://h.example/p", "%74oken", "s3cretvalue", uint8(0))
	f.Add("https://h.example/p?a=1", "token", "s3cretvalue", uint8(1))
	f.Add("https://h.example/cb", "access_token", "s3cretvalue", uint8(2))
	f.Add("https://h.example/p", "jwt", "s3cretvalue", uint8(0))
	f.Fuzz(func(t *testing.T, raw, name, secret string, place uint8) {
		if len(secret) < 6 || strings.ContainsAny(secret, "&;#=%+ ") || strings.Contains(raw, secret) || strings.Contains(name, secret) || strings.ContainsAny(name, "&;#= ") || !isSecretParam(name) {
			return
		}
		u, err := url.Parse(raw)
		if err != nil || u.Fragment != "" || u.RawQuery != "" && place == 0 {
			return
		}
		switch place % 3 {
		case 0:
			u.RawQuery = name + "=" + url.QueryEscape(secret)
		case 1:
			u.RawQuery = "a=1;" + name + "=" + url.QueryEscape(secret)
		case 2:
			u.RawFragment, u.Fragment = "", name+"="+secret
		}
		got := RedactURL(u)
		if leaked(got, secret) {
			t.Fatalf("RedactURL(%s) = %s keeps the secret", u, got)
		}
	})
}

// leaked reports whether secret is in a parameter of the redacted URL's
// query or fragment, its name or value, escaped or not. Judged parameter
// by parameter, unescaped: a plain substring search also matched the
// secret spelled across an escaped name and its neighbours ("%00" then
// "00000key" holds "000000").
func leaked(redacted, secret string) bool {
	u, err := url.Parse(redacted)
	if err != nil {
		return strings.Contains(redacted, secret)
	}
	for _, part := range []string{u.RawQuery, u.EscapedFragment()} {
		for _, param := range strings.FieldsFunc(part, func(r rune) bool { return r == '&' || r == ';' }) {
			for _, piece := range strings.SplitN(param, "=", 2) {
				plain, err := url.QueryUnescape(piece)
				if err != nil {
					plain = piece
				}
				if strings.Contains(plain, secret) {
					return true
				}
			}
		}
	}
	return false
}

// FuzzScrubError: an error text quoting the call's credential in any
// spelling (plain, JSON-escaped, URL-escaped) is shown without it, and
// never longer than the bound.
func FuzzScrubError(f *testing.F) {
	f.Add("tok/en<with>&chars", "invalid decimal ", "!", 1)
	f.Add("plain-token-123", "", "", 1000)
	f.Add("ünïcødé-tøkén", "x", "\"y", 3)
	f.Fuzz(func(t *testing.T, token, before, after string, repeat int) {
		if len(token) < minSecretLen || !utf8.ValidString(token) || strings.Contains(token, "REDACTED") {
			return
		}
		repeat = max(1, min(repeat, 5000))
		j, _ := json.Marshal(token)
		spelled := []string{token, string(j[1 : len(j)-1]), strings.ReplaceAll(string(j[1:len(j)-1]), "/", `\/`), url.QueryEscape(token)}
		msg := before + strings.Repeat(strings.Join(spelled, " "), repeat) + after
		secrets := secretsOf("Bearer " + token)
		err := scrubError(errors.New(msg), secrets)
		got := err.Error()
		for _, s := range spelled {
			if strings.Contains(got, s) && !strings.Contains(before+after, s) {
				t.Fatalf("scrubbed text keeps a spelling of the token: %q", got)
			}
		}
		if len(got) > 4*MaxQuoted+len("…(cut)") {
			t.Fatalf("scrubbed text is %d bytes", len(got))
		}
		if b := Bounded(msg); len(b) > MaxQuoted+len("…(cut)") || !strings.HasPrefix(msg, strings.TrimSuffix(b, "…(cut)")) {
			t.Fatalf("Bounded(%d bytes) = %d bytes", len(msg), len(b))
		}
	})
}

// FuzzListBudget: the container count never panics on any body, counts
// no more containers than the body has bytes, and Check agrees with it.
func FuzzListBudget(f *testing.F) {
	for _, s := range []string{`[{},{}]`, `{"results":[{"a":"{[\"}"}]}`, `[[[`, `]]]}}`, `"\\"{`, strings.Repeat("{}", 3000)} {
		f.Add([]byte(s), 1, 512)
	}
	f.Fuzz(func(t *testing.T, body []byte, depth, size int) {
		depth, size = max(0, min(depth, 8)), max(1, min(size, 1<<12))
		elems, nested := countContainers(body, depth)
		if e, n := countContainersByByte(body, depth); e != elems || n != nested {
			t.Fatalf("countContainers = %d, %d; byte by byte %d, %d", elems, nested, e, n)
		}
		if elems < 0 || nested < 0 || elems+nested > int64(len(body)) {
			t.Fatalf("%d elements, %d nested in %d bytes", elems, nested, len(body))
		}
		b := &ListBudget{Depth: depth, ElemSize: size}
		over := elems*int64(size)+nested*nestedCost > MaxDecodeFactor*int64(len(body))+decodeSlack
		if err := b.Check(body); (err != nil) != over || (err != nil && !errors.Is(err, ErrResponseTooLarge)) {
			t.Fatalf("Check = %v, want over=%v", err, over)
		}
	})
}
