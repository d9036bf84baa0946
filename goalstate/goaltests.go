package goalstate

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goalkit/goalkit/pagesense"
)

// ErrGoalTest matches every *GoalTestError.
var ErrGoalTest = errors.New("goalstate: a goal test failed")

// GoalTestError lists the goal tests that failed, e.g.
// `zendesk goal "Checkout": https://example.com/cart should match`.
type GoalTestError struct {
	Failures []string
}

// Error lists the failures, one per line.
func (e *GoalTestError) Error() string {
	return "goal tests failed:\n  " + strings.Join(e.Failures, "\n  ")
}

// Is makes a *GoalTestError match ErrGoalTest.
func (e *GoalTestError) Is(target error) bool { return target == ErrGoalTest }

// RunGoalTests evaluates every goal test of doc locally: Zendesk goals with
// goals.Goal.Matches, PageSense goals with pagesense.MatchURL (see
// PageSenseGoalMatches). It sends nothing.
func RunGoalTests(doc *Document) error {
	var failures []string
	check := func(kind, name string, tests *GoalTests, matches func(string) (bool, error)) {
		if tests == nil {
			return
		}
		for _, group := range []struct {
			urls []string
			want bool
		}{{tests.Match, true}, {tests.NoMatch, false}} {
			for _, u := range group.urls {
				got, err := matches(u)
				switch {
				case err != nil:
					failures = append(failures, fmt.Sprintf("%s %q: %s: %v", kind, name, u, err))
				case got != group.want:
					verb := "should match"
					if !group.want {
						verb = "should not match"
					}
					failures = append(failures, fmt.Sprintf("%s %q: %s %s", kind, name, u, verb))
				}
			}
		}
	}
	if z := doc.Zendesk; z != nil {
		for i := range z.Goals {
			g := z.Goals[i].goal()
			check("zendesk goal", g.Name, z.Goals[i].Tests, func(u string) (bool, error) { return g.Matches(u), nil })
		}
	}
	if p := doc.PageSense; p != nil {
		for i := range p.Goals {
			g := &p.Goals[i]
			check("pagesense goal", g.DisplayName, g.Tests, func(u string) (bool, error) { return PageSenseGoalMatches(g, u) })
		}
	}
	if len(failures) > 0 {
		return &GoalTestError{Failures: failures}
	}
	return nil
}

// PageSenseGoalMatches evaluates a PageSense goal's URL rules on rawURL:
// any rule matches (a rule without a value applies to goal_url; no rules
// means SIMPLE_MATCH on goal_url), an include_urls entry matches when there
// are any, and no exclude_urls entry does (both compared with SIMPLE_MATCH).
func PageSenseGoalMatches(g *PageSenseGoal, rawURL string) (bool, error) {
	rules := g.URL
	if len(rules) == 0 {
		rules = []PageSenseURLRule{{MatchType: pagesense.SimpleMatch.String()}}
	}
	hit := false
	for _, r := range rules {
		t, err := pagesense.ParseURLMatchType(r.MatchType)
		if err != nil {
			return false, err
		}
		pattern := r.Value
		if pattern == "" {
			pattern = g.GoalURL
		}
		ok, err := pagesense.MatchURL(t, pattern, rawURL)
		if err != nil {
			return false, err
		}
		hit = hit || ok
	}
	simple := func(list []string) bool {
		for _, p := range list {
			if ok, _ := pagesense.MatchURL(pagesense.SimpleMatch, p, rawURL); ok {
				return true
			}
		}
		return false
	}
	if len(g.IncludeURLs) > 0 && !simple(g.IncludeURLs) {
		return false, nil
	}
	return hit && !simple(g.ExcludeURLs), nil
}
