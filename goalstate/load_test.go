package goalstate

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const validDoc = `version: 1
variables:
  SITE: staging.example.com
zendesk:
  goals:
    - name: Checkout
      attribution_model: last_touch
      attribution_period: 7
      conditions:
        - operator: contains
          value: ${SITE}/checkout
      tests:
        match: [https://staging.example.com/checkout/done]
        no_match: [https://staging.example.com/pricing]
`

func TestLoad_VariablesFillStringsAndOverrideDefaults(t *testing.T) {
	doc := load(t, validDoc, nil)
	if got := doc.Zendesk.Goals[0].Conditions[0].Value; got != "staging.example.com/checkout" {
		t.Errorf("default variable: value = %q", got)
	}
	doc = load(t, validDoc, map[string]string{"SITE": "www.example.com"})
	if got := doc.Zendesk.Goals[0].Conditions[0].Value; got != "www.example.com/checkout" {
		t.Errorf("overridden variable: value = %q", got)
	}
	doc = load(t, "version: 1\npagesense:\n  custom_events: [\"cost $${X}\"]\n", nil)
	if got := doc.PageSense.CustomEvents[0]; got != "cost ${X}" {
		t.Errorf("escaped reference: %q", got)
	}
}

func TestLoad_JSONIsAccepted(t *testing.T) {
	doc := load(t, `{"version": 1, "giosg": {"goals": [{"name": "Sale", "allow_any_room": true, "default_value": "10.0"}]}}`, nil)
	if g := doc.Giosg.Goals[0]; g.Name != "Sale" || !g.AllowAnyRoom || g.DefaultValue != "10.0" {
		t.Errorf("decoded %+v", g)
	}
}

func TestLoad_ErrorsNameLineAndColumn(t *testing.T) {
	for _, tc := range []struct {
		name, text     string
		line, column   int
		reasonContains string
	}{
		{"syntax", "version: 1\nzendesk:\n  goals: [\n", 3, 10, "not found"},
		{"unknown key", "version: 1\nzendesk:\n  goals:\n    - name: A\n      attribution_modle: first_touch\n", 5, 7, `unknown field "attribution_modle"`},
		{"wrong type", "version: 1\nzendesk:\n  goals:\n    - name: A\n      attribution_period: soon\n", 5, 27, "cannot unmarshal"},
		{"unknown enum", "version: 1\nzendesk:\n  goals:\n    - name: A\n      attribution_model: middle_touch\n      attribution_period: 3\n", 5, 26, "allowed: first_touch, last_touch"},
		{"unknown goal type", "version: 1\npagesense:\n  goals:\n    - display_name: A\n      goal_type: PAGE_GOAL\n", 5, 18, "allowed: PAGE_VISIT_GOAL, LINK_CLICK_GOAL"},
		{"undefined variable", "version: 1\npagesense:\n  custom_events:\n    - ${NOPE}\n", 4, 7, "undefined variable ${NOPE}"},
		{"duplicate name", "version: 1\npagesense:\n  custom_events: [a, b, a]\n", 3, 25, `"a" is listed twice`},
		{"duplicate key", "version: 1\nversion: 1\n", 2, 1, "already defined"},
		{"bad decimal", "version: 1\ngiosg:\n  goals:\n    - name: A\n      allow_any_room: true\n      default_value: 1,5\n", 6, 22, "not decimal text"},
		{"version", "version: 2\n", 1, 10, "must be 1"},
		{"SDK rule", "version: 1\nzendesk:\n  goals:\n    - name: A\n      attribution_model: first_touch\n      attribution_period: 3\n      conditions:\n        - {operator: equals, value: example.com}\n", 8, 37, "must start with http"},
		{"PageSense rule", "version: 1\npagesense:\n  goals:\n    - display_name: A\n      goal_type: TIME_SPENT_GOAL\n      goal_url: https://example.com\n", 4, 19, "must be positive"},
		{"unknown definition key", "version: 1\nzendesk:\n  triggers:\n    - name: A\n      definition:\n        event: x\n        actoins: []\n", 7, 9, `unknown field "actoins"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load([]byte(tc.text), LoadOptions{})
			var fe *FileError
			if !errors.As(err, &fe) || !errors.Is(err, ErrInvalidFile) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			if fe.Line != tc.line || fe.Column != tc.column || !strings.Contains(fe.Reason, tc.reasonContains) {
				t.Errorf("got line %d column %d %q; want line %d column %d containing %q", fe.Line, fe.Column, fe.Reason, tc.line, tc.column, tc.reasonContains)
			}
		})
	}
}

func TestTriggerDefinition_PlanJSONKeepsEveryDigit(t *testing.T) {
	var d TriggerDefinition
	if err := json.Unmarshal([]byte(`{"event":"x","actions":[["setDepartment",9007199254740993],["wait",1.5]]}`), &d); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(d.Actions)
	if err != nil || string(raw) != `[["setDepartment",9007199254740993],["wait",1.5]]` {
		t.Errorf("actions = %s (%v)", raw, err)
	}
}
