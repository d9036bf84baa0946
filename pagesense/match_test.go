package pagesense_test

import (
	"errors"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
)

func TestMatchURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ          pagesense.URLMatchType
		pattern, url string
		want         bool
	}{
		{pagesense.ExactMatch, "https://example.com/pricing", "https://example.com/pricing", true},
		{pagesense.ExactMatch, "https://example.com/pricing", "https://example.com/pricing/", false},
		{pagesense.ExactMatch, "https://example.com/pricing", "https://Example.com/pricing", false},

		{pagesense.SimpleMatch, "https://example.com/pricing", "http://www.example.com/pricing/?utm_source=x#plans", true},
		{pagesense.SimpleMatch, "example.com/pricing", "https://EXAMPLE.com/pricing", true},
		{pagesense.SimpleMatch, "https://www.example.com/", "https://example.com", true},
		{pagesense.SimpleMatch, "https://example.com/pricing", "https://example.com/pricing/team", false},
		{pagesense.SimpleMatch, "https://example.com/pricing", "https://shop.example.com/pricing", false},
		{pagesense.SimpleMatch, "https://example.com/Pricing", "https://example.com/pricing", false},

		{pagesense.PatternMatch, "https://example.com/blog/*", "https://example.com/blog/2024/post", true},
		{pagesense.PatternMatch, "https://example.com/blog/*", "https://example.com/blog/", true},
		{pagesense.PatternMatch, "*://example.com/*/checkout", "https://example.com/eu/checkout", true},
		{pagesense.PatternMatch, "*://example.com/*/checkout", "https://example.com/eu/checkout/done", false},
		{pagesense.PatternMatch, "https://example.com/a.b", "https://example.com/aXb", false},
		{pagesense.PatternMatch, "*a*b*", "xxaxxbxx", true},
		{pagesense.PatternMatch, "*a*b", "xxbxxa", false},
		{pagesense.PatternMatch, "", "", true},

		{pagesense.RegexMatch, `/product/\d+$`, "https://example.com/product/42", true},
		{pagesense.RegexMatch, `/product/\d+$`, "https://example.com/product/42/reviews", false},
		{pagesense.RegexMatch, `^https://example\.com/$`, "https://example.com/", true},
		{pagesense.RegexMatch, `checkout`, "https://example.com/cart/checkout?step=2", true},

		{pagesense.ContainsMatch, "/checkout", "https://example.com/cart/checkout?step=2", true},
		{pagesense.ContainsMatch, "/Checkout", "https://example.com/cart/checkout", false},

		{pagesense.StartsWith, "https://example.com/docs", "https://example.com/docs/intro", true},
		{pagesense.StartsWith, "https://example.com/docs", "http://example.com/docs/intro", false},

		{pagesense.EndsWith, "/thank-you", "https://example.com/signup/thank-you", true},
		{pagesense.EndsWith, "/thank-you", "https://example.com/signup/thank-you?x=1", false},

		{pagesense.Domain, "example.com", "https://EXAMPLE.com:8443/any/path?q=1", true},
		{pagesense.Domain, "https://example.com/ignored", "http://example.com", true},
		{pagesense.Domain, "example.com", "example.com/path", true},
		{pagesense.Domain, "example.com", "https://www.example.com/", false},
		{pagesense.Domain, "example.com", "https://example.com.evil.net/", false},
		{pagesense.Domain, "example.com", "https://shop.example.com/", false},
	} {
		got, err := pagesense.MatchURL(tc.typ, tc.pattern, tc.url)
		if err != nil || got != tc.want {
			t.Errorf("MatchURL(%s, %q, %q) = %v, %v; want %v", tc.typ, tc.pattern, tc.url, got, err, tc.want)
		}
	}
}

func TestMatchURL_Errors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typ     pagesense.URLMatchType
		pattern string
		field   string
	}{
		{pagesense.URLGroupMatch, "group-1", "match_type"},
		{pagesense.RegexMatch, "(unclosed", "pattern"},
		{pagesense.Domain, "", "pattern"},
		{9, "x", "match_type"},
		{0, "x", "match_type"},
	} {
		ok, err := pagesense.MatchURL(tc.typ, tc.pattern, "https://example.com/")
		var ve *pagesense.ValidationError
		if ok || !errors.As(err, &ve) || ve.Field != tc.field || !errors.Is(err, pagesense.ErrInvalid) {
			t.Errorf("MatchURL(%s, %q) = %v, %v; want a ValidationError on %s", tc.typ, tc.pattern, ok, err, tc.field)
		}
	}
}
