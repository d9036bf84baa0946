package goals

import "strings"

// Matches reports whether the goal would be fulfilled by a visit to url:
// any one of its conditions is met (the API's rule). It evaluates locally,
// so a goal can be tried before it is created; Enabled is not consulted.
func (g Goal) Matches(url string) bool {
	for _, c := range g.Settings.Conditions {
		if c.Matches(url) {
			return true
		}
	}
	return false
}

// Matches reports whether url meets the condition: OperatorEquals wants
// the exact URL, OperatorContains the value as a substring (case
// sensitive). A condition the API would refuse (another type or operator,
// an empty value) matches nothing.
func (c Condition) Matches(url string) bool {
	if c.Type != ConditionURL || c.Value == "" {
		return false
	}
	switch c.Operator {
	case OperatorEquals:
		return url == c.Value
	case OperatorContains:
		return strings.Contains(url, c.Value)
	}
	return false
}
