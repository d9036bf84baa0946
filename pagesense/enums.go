package pagesense

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// GoalType is what a goal tracks. On the wire it is a number (goal_type);
// it decodes from a number, a numeric string or its name, and encodes as the
// number.
type GoalType int

// Goal types, numbered as PageSense numbers them.
const (
	PageVisitGoal            GoalType = iota + 1 // PAGE_VISIT_GOAL
	LinkClickGoal                                // LINK_CLICK_GOAL
	FormSubmitGoal                               // FORM_SUBMIT_GOAL
	ElementClickGoal                             // ELEMENT_CLICK_GOAL
	EngagementGoal                               // ENGAGEMENT_GOAL
	CustomEventGoal                              // CUSTOM_EVENT_GOAL
	RevenueGoal                                  // REVENUE_GOAL
	TimeSpentGoal                                // TIME_SPENT_GOAL
	PageViewVirtualGoal                          // PAGE_VIEW_VIRTUAL_GOAL
	FullstackCustomEventGoal                     // FULLSTACK_CUSTOM_EVENT_GOAL
)

// goalTypeNames is indexed by GoalType.
var goalTypeNames = []string{
	PageVisitGoal:            "PAGE_VISIT_GOAL",
	LinkClickGoal:            "LINK_CLICK_GOAL",
	FormSubmitGoal:           "FORM_SUBMIT_GOAL",
	ElementClickGoal:         "ELEMENT_CLICK_GOAL",
	EngagementGoal:           "ENGAGEMENT_GOAL",
	CustomEventGoal:          "CUSTOM_EVENT_GOAL",
	RevenueGoal:              "REVENUE_GOAL",
	TimeSpentGoal:            "TIME_SPENT_GOAL",
	PageViewVirtualGoal:      "PAGE_VIEW_VIRTUAL_GOAL",
	FullstackCustomEventGoal: "FULLSTACK_CUSTOM_EVENT_GOAL",
}

// Valid reports whether t is one of the documented goal types.
func (t GoalType) Valid() bool { return enumName(goalTypeNames, int(t)) != "" }

// String returns the PageSense name, e.g. "TIME_SPENT_GOAL", or
// "GoalType(n)" for an unknown value.
func (t GoalType) String() string { return enumString("GoalType", goalTypeNames, int(t)) }

// ParseGoalType reads a goal type from its name ("TIME_SPENT_GOAL", any
// case) or its number ("8"). Unknown values are an error.
func ParseGoalType(s string) (GoalType, error) {
	n, err := parseEnum("goal type", goalTypeNames, s)
	return GoalType(n), err
}

// UnmarshalJSON accepts a number, a numeric string or a name. An unknown
// number is kept (Valid reports false), so a goal type added by PageSense
// later does not break decoding; an unknown name is an error.
func (t *GoalType) UnmarshalJSON(b []byte) error {
	n, err := unmarshalEnum("goal type", goalTypeNames, b)
	if err == nil {
		*t = GoalType(n)
	}
	return err
}

// URLMatchType says how a URL rule's pattern is compared with a page URL;
// see MatchURL. On the wire it is a number (match_type), decoded like
// GoalType. 9 is not a value.
type URLMatchType int

// URL match types, numbered as PageSense numbers them.
const (
	SimpleMatch   URLMatchType = iota + 1 // SIMPLE_MATCH
	ExactMatch                            // EXACT_MATCH
	PatternMatch                          // PATTERN_MATCH
	RegexMatch                            // REGEX_MATCH
	ContainsMatch                         // CONTAINS_MATCH
	StartsWith                            // STARTS_WITH
	EndsWith                              // ENDS_WITH
	Domain                                // DOMAIN
	_                                     // 9 is unused
	URLGroupMatch                         // URL_GROUP_MATCH (10)
)

// urlMatchTypeNames is indexed by URLMatchType; 9 stays "".
var urlMatchTypeNames = []string{
	SimpleMatch:   "SIMPLE_MATCH",
	ExactMatch:    "EXACT_MATCH",
	PatternMatch:  "PATTERN_MATCH",
	RegexMatch:    "REGEX_MATCH",
	ContainsMatch: "CONTAINS_MATCH",
	StartsWith:    "STARTS_WITH",
	EndsWith:      "ENDS_WITH",
	Domain:        "DOMAIN",
	URLGroupMatch: "URL_GROUP_MATCH",
}

// Valid reports whether t is one of the documented match types (1-8, 10).
func (t URLMatchType) Valid() bool { return enumName(urlMatchTypeNames, int(t)) != "" }

// String returns the PageSense name, e.g. "SIMPLE_MATCH", or
// "URLMatchType(n)" for an unknown value.
func (t URLMatchType) String() string { return enumString("URLMatchType", urlMatchTypeNames, int(t)) }

// ParseURLMatchType reads a match type from its name ("SIMPLE_MATCH", any
// case) or its number ("1"). Unknown values, 9 included, are an error.
func ParseURLMatchType(s string) (URLMatchType, error) {
	n, err := parseEnum("URL match type", urlMatchTypeNames, s)
	return URLMatchType(n), err
}

// UnmarshalJSON accepts a number, a numeric string or a name, like
// GoalType.UnmarshalJSON.
func (t *URLMatchType) UnmarshalJSON(b []byte) error {
	n, err := unmarshalEnum("URL match type", urlMatchTypeNames, b)
	if err == nil {
		*t = URLMatchType(n)
	}
	return err
}

// The helpers below serve both enums: names is indexed by value, "" marks a
// gap.

func enumName(names []string, n int) string {
	if n < 0 || n >= len(names) {
		return ""
	}
	return names[n]
}

func enumString(typ string, names []string, n int) string {
	if s := enumName(names, n); s != "" {
		return s
	}
	return typ + "(" + strconv.Itoa(n) + ")"
}

func parseEnum(what string, names []string, s string) (int, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if enumName(names, n) == "" {
			return 0, fmt.Errorf("pagesense: unknown %s %d", what, n)
		}
		return n, nil
	}
	for n, name := range names {
		if name != "" && strings.EqualFold(name, s) {
			return n, nil
		}
	}
	return 0, fmt.Errorf("pagesense: unknown %s %q", what, s)
}

// unmarshalEnum decodes a JSON number (kept even if unknown), a numeric
// string (likewise) or a name (which must be known). null leaves 0.
func unmarshalEnum(what string, names []string, b []byte) (int, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return 0, nil
	}
	if b[0] != '"' {
		n, err := strconv.Atoi(string(b))
		if err != nil {
			return 0, fmt.Errorf("pagesense: %s must be a number or a name, got %s", what, b)
		}
		return n, nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return 0, err
	}
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n, nil
	}
	return parseEnum(what, names, s)
}
