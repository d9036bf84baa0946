package goals_test

import (
	"testing"

	"github.com/goalkit/goalkit/goals"
)

func TestCondition_Matches(t *testing.T) {
	t.Parallel()
	cases := []struct {
		c    goals.Condition
		url  string
		want bool
	}{
		{url(goals.OperatorEquals, "http://cart.com/"), "http://cart.com/", true},
		{url(goals.OperatorEquals, "http://cart.com/"), "http://cart.com", false},
		{url(goals.OperatorEquals, "http://cart.com/"), "https://cart.com/", false},
		{url(goals.OperatorEquals, "http://cart.com/"), "http://cart.com/?x=1", false},
		{url(goals.OperatorContains, "cart"), "https://shop.example/cart?step=2", true},
		{url(goals.OperatorContains, "cart"), "https://shop.example/Cart", false},
		{url(goals.OperatorContains, "plan=pro"), "https://x.example/pricing?plan=pro", true},
		{url(goals.OperatorContains, ""), "https://x.example/", false},
		{goals.Condition{Type: "path", Operator: goals.OperatorContains, Value: "cart"}, "/cart", false},
		{goals.Condition{Type: goals.ConditionURL, Operator: "regex", Value: "cart"}, "/cart", false},
	}
	for _, tc := range cases {
		if got := tc.c.Matches(tc.url); got != tc.want {
			t.Errorf("%+v.Matches(%q) = %v, want %v", tc.c, tc.url, got, tc.want)
		}
	}
}

func TestGoal_MatchesAnyCondition(t *testing.T) {
	t.Parallel()
	g := goal1 // equals http://cart.com/ OR contains "cart"
	for u, want := range map[string]bool{
		"http://cart.com/":            true,
		"https://shop.example/cart/1": true,
		"https://shop.example/basket": false,
		"":                            false,
	} {
		if got := g.Matches(u); got != want {
			t.Errorf("Matches(%q) = %v, want %v", u, got, want)
		}
	}
	g.Enabled = false
	if !g.Matches("http://cart.com/") {
		t.Error("Matches must not depend on Enabled")
	}
	if (goals.Goal{}).Matches("http://cart.com/") {
		t.Error("a goal without conditions matched")
	}
}
