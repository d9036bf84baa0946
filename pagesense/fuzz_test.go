package pagesense_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goalkit/goalkit/pagesense"
)

// FuzzGoalJSON decodes any document as a goal, a goal list and a custom
// event. Nothing may panic; a decoded goal or event re-encodes to a
// document that decodes to the same value and encodes to the same bytes.
func FuzzGoalJSON(f *testing.F) {
	for _, s := range []string{
		// The official time-spent example of the PageSense docs, as a goal.
		`{"display_name":"Engaged Reader","goal_type":8,"goal_url":"https://example.com/blog","include_urls":[],"exclude_urls":[],"url":[{"match_type":1}],"time_threshold":30,"project_linkname":"website-performance-project"}`,
		`{"goal_id": 1234567890123456789012, "linkname": "engaged-reader", "goal_type": "TIME_SPENT_GOAL", "time_threshold": "30", "status": 1, "selectors": [{"css": "#buy"}]}`,
		`{"goal_id": "77", "goal_type": "8", "url": [{"match_type": "REGEX_MATCH", "value": "^https://"}], "status": null}`,
		`{"goal_type": 99, "url": [{"match_type": 9}], "selectors": null}`,
		`{"goal_type": "NOPE"}`,
		`{"time_threshold": 1.5}`,
		`[{"event_id": 5, "linkname": "signup", "event_name": "Signup", "project_linkname": "site"}]`,
		`{"event_id": "5", "event_name": "Signup"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var g pagesense.Goal
		if json.Unmarshal(data, &g) == nil {
			checkPageSenseGoal(t, g)
		}
		var gs []pagesense.Goal
		if json.Unmarshal(data, &gs) == nil {
			for _, g := range gs {
				checkPageSenseGoal(t, g)
			}
		}
		var e pagesense.CustomEvent
		if json.Unmarshal(data, &e) == nil {
			enc, err := json.Marshal(e)
			if err != nil {
				t.Fatalf("a decoded event does not encode: %v", err)
			}
			var back pagesense.CustomEvent
			if err := json.Unmarshal(enc, &back); err != nil || back != e {
				t.Fatalf("event round trip: %+v -> %s -> %+v (%v)", e, enc, back, err)
			}
		}
	})
}

func checkPageSenseGoal(t *testing.T, g pagesense.Goal) {
	t.Helper()
	enc, err := json.Marshal(g)
	if err != nil {
		t.Fatalf("a decoded goal does not encode: %v", err)
	}
	var back pagesense.Goal
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatalf("an encoded goal does not decode: %v\n%s", err, enc)
	}
	if g.GoalID != back.GoalID || g.Linkname != back.Linkname || g.DisplayName != back.DisplayName ||
		g.GoalType != back.GoalType || g.GoalURL != back.GoalURL || g.TimeThreshold != back.TimeThreshold ||
		g.Status != back.Status || len(g.URL) != len(back.URL) {
		t.Fatalf("round trip changed the goal:\n%+v\n%+v", g, back)
	}
	for i := range g.URL {
		if g.URL[i] != back.URL[i] {
			t.Fatalf("round trip changed url[%d]: %+v %+v", i, g.URL[i], back.URL[i])
		}
	}
	if again, err := json.Marshal(back); err != nil || !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not stable (%v):\n%s\n%s", err, enc, again)
	}
}

// FuzzParseGoalType: a parsed goal type is Valid, its String parses back to
// it, and it survives JSON (as its number). Any JSON value that decodes
// survives JSON too, unknown numbers included.
func FuzzParseGoalType(f *testing.F) {
	for i := -1; i <= 11; i++ {
		f.Add(strconv.Itoa(i), []byte(strconv.Itoa(i)))
	}
	for _, s := range []string{"PAGE_VISIT_GOAL", "time_spent_goal", " REVENUE_GOAL ", "FULLSTACK_CUSTOM_EVENT_GOAL", "", "GoalType(3)", "99999999999999999999"} {
		f.Add(s, []byte(strconv.Quote(s)))
	}
	f.Add("8", []byte(`null`))
	f.Fuzz(func(t *testing.T, s string, data []byte) {
		if gt, err := pagesense.ParseGoalType(s); err == nil {
			checkEnum(t, s, int(gt), gt.Valid(), gt.String(), func(s string) (int, error) { v, err := pagesense.ParseGoalType(s); return int(v), err })
			var back pagesense.GoalType
			if enc, _ := json.Marshal(gt); json.Unmarshal(enc, &back) != nil || back != gt {
				t.Fatalf("%v does not survive JSON", gt)
			}
		}
		var gt pagesense.GoalType
		if json.Unmarshal(data, &gt) == nil {
			var back pagesense.GoalType
			enc, err := json.Marshal(gt)
			if err != nil || json.Unmarshal(enc, &back) != nil || back != gt {
				t.Fatalf("%s decoded as %d, which does not survive JSON (%s)", data, int(gt), enc)
			}
		}
	})
}

// FuzzParseURLMatchType is FuzzParseGoalType for match types; 9 never
// parses.
func FuzzParseURLMatchType(f *testing.F) {
	for i := -1; i <= 11; i++ {
		f.Add(strconv.Itoa(i), []byte(strconv.Itoa(i)))
	}
	for _, s := range []string{"SIMPLE_MATCH", "regex_match", "URL_GROUP_MATCH", "DOMAIN", " 9", "09", "+8", "URLMatchType(9)"} {
		f.Add(s, []byte(strconv.Quote(s)))
	}
	f.Fuzz(func(t *testing.T, s string, data []byte) {
		mt, err := pagesense.ParseURLMatchType(s)
		if err == nil {
			if mt == 9 {
				t.Fatalf("ParseURLMatchType(%q) = 9, which is not a value", s)
			}
			checkEnum(t, s, int(mt), mt.Valid(), mt.String(), func(s string) (int, error) { v, err := pagesense.ParseURLMatchType(s); return int(v), err })
		}
		var dec pagesense.URLMatchType
		if json.Unmarshal(data, &dec) == nil {
			var back pagesense.URLMatchType
			enc, err := json.Marshal(dec)
			if err != nil || json.Unmarshal(enc, &back) != nil || back != dec {
				t.Fatalf("%s decoded as %d, which does not survive JSON (%s)", data, int(dec), enc)
			}
			if err := json.Unmarshal(data, new(pagesense.URLMatchType)); err != nil {
				t.Fatal("decoding is not repeatable")
			}
		}
	})
}

// checkEnum holds for a value n parsed from s: it is valid, its name parses
// back to it, and so does its number.
func checkEnum(t *testing.T, s string, n int, valid bool, name string, parse func(string) (int, error)) {
	t.Helper()
	if !valid {
		t.Fatalf("%q parsed to %d, which is not Valid", s, n)
	}
	if back, err := parse(name); err != nil || back != n {
		t.Fatalf("%q parsed to %d named %q, which parses to %d (%v)", s, n, name, back, err)
	}
	if back, err := parse(strconv.Itoa(n)); err != nil || back != n {
		t.Fatalf("%d does not parse from its number (%v)", n, err)
	}
	if strings.ToUpper(name) != name || strings.Contains(name, "(") {
		t.Fatalf("valid value %d has name %q", n, name)
	}
}

// FuzzMatchURL evaluates every match type on any pattern and URL. Nothing
// may panic, errors are *ValidationError, and each type keeps its
// documented rule: a URL matches itself (where it names a host), the
// wildcard form agrees with an equivalent regular expression, and the
// substring forms are what the strings package says.
func FuzzMatchURL(f *testing.F) {
	f.Add(1, "https://example.com/pricing", "http://www.example.com/pricing/?utm=x")
	f.Add(2, "https://example.com/a", "https://example.com/a")
	f.Add(3, "https://*.example.com/*/buy", "https://shop.example.com/x/y/buy")
	f.Add(3, "a*b*c", "aXbYbZc")
	f.Add(4, `^https://example\.com/(a|b)$`, "https://example.com/b")
	f.Add(4, `(`, "x")
	f.Add(5, "cart", "https://example.com/cart")
	f.Add(6, "https://", "https://x")
	f.Add(7, ".html", "/index.html")
	f.Add(8, "Example.COM:8080", "https://example.com/x")
	f.Add(8, "", "https://example.com/x")
	f.Add(9, "x", "x")
	f.Add(10, "group", "x")
	f.Fuzz(func(t *testing.T, typ int, pattern, rawURL string) {
		mt := pagesense.URLMatchType(typ)
		got, err := pagesense.MatchURL(mt, pattern, rawURL)
		if err != nil {
			var ve *pagesense.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, pagesense.ErrInvalid) {
				t.Fatalf("MatchURL(%v) error %v is not a *ValidationError", mt, err)
			}
			if got {
				t.Fatal("matched and failed at once")
			}
		}
		if !mt.Valid() || mt == pagesense.URLGroupMatch {
			if err == nil {
				t.Fatalf("MatchURL(%d) evaluated an unknown or server-side type", typ)
			}
			return
		}
		switch mt {
		case pagesense.ExactMatch:
			mustMatch(t, got == (pattern == rawURL), mt, pattern, rawURL)
		case pagesense.ContainsMatch:
			mustMatch(t, got == strings.Contains(rawURL, pattern), mt, pattern, rawURL)
		case pagesense.StartsWith:
			mustMatch(t, got == strings.HasPrefix(rawURL, pattern), mt, pattern, rawURL)
		case pagesense.EndsWith:
			mustMatch(t, got == strings.HasSuffix(rawURL, pattern), mt, pattern, rawURL)
		case pagesense.PatternMatch:
			if utf8.ValidString(pattern) && utf8.ValidString(rawURL) {
				mustMatch(t, got == wildcardRegexp(pattern).MatchString(rawURL), mt, pattern, rawURL)
			}
			mustMatch(t, matches(t, mt, pattern, pattern), mt, pattern, pattern)
			mustMatch(t, matches(t, mt, "*", rawURL), mt, "*", rawURL)
		case pagesense.RegexMatch:
			if utf8.ValidString(rawURL) {
				mustMatch(t, matches(t, mt, regexp.QuoteMeta(rawURL), rawURL), mt, regexp.QuoteMeta(rawURL), rawURL)
			}
		case pagesense.SimpleMatch:
			mustMatch(t, matches(t, mt, pattern, pattern), mt, pattern, pattern)
			mustMatch(t, got == matches(t, mt, rawURL, pattern), mt, rawURL, pattern) // symmetric
		case pagesense.Domain:
			if err == nil {
				mustMatch(t, matches(t, mt, pattern, pattern), mt, pattern, pattern)
			}
		}
	})
}

// matches is MatchURL for cases that must not fail.
func matches(t *testing.T, mt pagesense.URLMatchType, pattern, rawURL string) bool {
	t.Helper()
	ok, err := pagesense.MatchURL(mt, pattern, rawURL)
	if err != nil {
		t.Fatalf("MatchURL(%v, %q, %q): %v", mt, pattern, rawURL, err)
	}
	return ok
}

func mustMatch(t *testing.T, ok bool, mt pagesense.URLMatchType, pattern, rawURL string) {
	t.Helper()
	if !ok {
		t.Fatalf("MatchURL(%v, %q, %q) breaks its rule", mt, pattern, rawURL)
	}
}

// wildcardRegexp is PatternMatch's documented meaning as a regular
// expression: the whole URL, * any run of characters, the rest literal.
func wildcardRegexp(pattern string) *regexp.Regexp {
	parts := strings.Split(pattern, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`^(?s:` + strings.Join(parts, ".*") + `)$`)
}
