package goals_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/testkit"
)

// fuzzGoalSeeds are the goal documents of the seed docs and the real goal
// recorded from a live account, plus the wire variants the package accepts.
var fuzzGoalSeeds = []string{
	// The Chat API docs, Show Goal.
	`{"attribution_model": "first_touch", "attribution_period": 30, "description": "A sample goal", "enabled": 1, "id": 1, "name": "Goal 1", "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://cart.com/"}, {"operator": "contains", "type": "url", "value": "cart"}]}}`,
	// The Chat API docs, List Goals (the second goal has no "enabled").
	`[{"attribution_model": "first_touch", "attribution_period": 30, "description": "A sample goal", "enabled": 1, "id": 1, "name": "Goal 1", "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://cart.com/"}, {"operator": "contains", "type": "url", "value": "cart"}]}}, {"attribution_model": "last_touch", "attribution_period": 15, "description": "A sample goal", "id": 2, "name": "Goal 2", "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://zopim.com/"}, {"operator": "contains", "type": "url", "value": "zopim"}]}}]`,
	// Recorded from a live account (boolean enabled).
	`{"enabled": false, "attribution_model": "first_touch", "description": "A new goal - 1", "name": "Goal one", "id": 529641, "attribution_period": 5, "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://mysite.com/"}]}}`,
	`{"enabled": "1", "id": 9007199254740993, "settings": null}`,
	`{"enabled": "true", "settings": {"conditions": null}}`,
	`{"enabled": null}`,
	`{"enabled": 2}`,
	`{"enabled": 1.0}`,
	`{"id": "1"}`,
	`{"settings": {"conditions": [{}]}}`,
	`[]`, `null`, `{}`, ``, `[null]`,
}

// FuzzGoalJSON decodes any document as a goal and as a goal list, the two
// shapes the API answers with. Nothing may panic, and a decoded goal
// re-encodes to a document that decodes to the same goal and encodes to
// the same bytes.
func FuzzGoalJSON(f *testing.F) {
	for _, s := range fuzzGoalSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var g goals.Goal
		if json.Unmarshal(data, &g) == nil {
			checkGoalRoundTrip(t, g)
			g.Matches("http://cart.com/")
		}
		var gs []goals.Goal
		if json.Unmarshal(data, &gs) == nil {
			for _, g := range gs {
				checkGoalRoundTrip(t, g)
			}
		}
	})
}

func checkGoalRoundTrip(t *testing.T, g goals.Goal) {
	t.Helper()
	enc, err := json.Marshal(g)
	if err != nil {
		t.Fatalf("a decoded goal does not encode: %v", err)
	}
	var back goals.Goal
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatalf("an encoded goal does not decode: %v\n%s", err, enc)
	}
	if !sameGoal(g, back) {
		t.Fatalf("round trip changed the goal:\n%+v\n%+v", g, back)
	}
	again, err := json.Marshal(back)
	if err != nil || !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not stable (%v):\n%s\n%s", err, enc, again)
	}
}

// sameGoal compares goals, a nil condition list being the empty one (it
// encodes as []).
func sameGoal(a, b goals.Goal) bool {
	if a.ID != b.ID || a.Name != b.Name || a.Description != b.Description || a.Enabled != b.Enabled ||
		a.AttributionModel != b.AttributionModel || a.AttributionPeriod != b.AttributionPeriod ||
		len(a.Settings.Conditions) != len(b.Settings.Conditions) {
		return false
	}
	for i := range a.Settings.Conditions {
		if a.Settings.Conditions[i] != b.Settings.Conditions[i] {
			return false
		}
	}
	return true
}

// FuzzGoalParamsJSON decodes request bodies as the fake server does. A body
// that decodes re-encodes stably, and a valid one stays valid.
func FuzzGoalParamsJSON(f *testing.F) {
	f.Add([]byte(`{"name": "Goal 3", "description": "A new goal", "enabled": 1, "attribution_model": "first_touch", "attribution_period": 15, "settings": {"conditions": [{"operator": "equals", "type": "url", "value": "http://mysite.com/"}]}}`))
	f.Add([]byte(`{"enabled": true}`))
	f.Add([]byte(`{"attribution_period": 31, "settings": {}}`))
	f.Add([]byte(`{"name": null, "settings": null}`))
	f.Fuzz(testkit.CheckParamsRoundTrip[goals.GoalParams])
}

// FuzzEnums checks the three string enums: only the documented wire values
// are valid, String is the wire value, and a valid value survives JSON.
func FuzzEnums(f *testing.F) {
	for _, s := range []string{"first_touch", "last_touch", "url", "equals", "contains", "", "First_Touch", "linear", "regex"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ct, op := goals.AttributionModel(s), goals.ConditionType(s), goals.Operator(s)
		if m.Valid() != (s == "first_touch" || s == "last_touch") {
			t.Errorf("AttributionModel(%q).Valid() = %v", s, m.Valid())
		}
		if ct.Valid() != (s == "url") {
			t.Errorf("ConditionType(%q).Valid() = %v", s, ct.Valid())
		}
		if op.Valid() != (s == "equals" || s == "contains") {
			t.Errorf("Operator(%q).Valid() = %v", s, op.Valid())
		}
		if m.String() != s || ct.String() != s || op.String() != s {
			t.Errorf("String() of %q is not the wire value", s)
		}
		if m.Valid() {
			var back goals.AttributionModel
			enc, _ := json.Marshal(m)
			if err := json.Unmarshal(enc, &back); err != nil || back != m || !back.Valid() {
				t.Errorf("%q does not survive JSON: %q %v", s, back, err)
			}
		}
		if op.Valid() {
			var back goals.Operator
			enc, _ := json.Marshal(op)
			if err := json.Unmarshal(enc, &back); err != nil || back != op {
				t.Errorf("%q does not survive JSON: %q %v", s, back, err)
			}
		}
	})
}

// FuzzMatches checks Condition.Matches against its documented rule and
// Goal.Matches against "any one condition".
func FuzzMatches(f *testing.F) {
	f.Add("url", "equals", "http://cart.com/", "http://cart.com/")
	f.Add("url", "contains", "cart", "https://shop.example/cart?x=1")
	f.Add("url", "contains", "", "anything")
	f.Add("path", "equals", "http://a/", "http://a/")
	f.Add("url", "regex", ".*", "http://a/")
	f.Fuzz(func(t *testing.T, typ, op, value, url string) {
		c := goals.Condition{Type: goals.ConditionType(typ), Operator: goals.Operator(op), Value: value}
		var want bool
		if typ == "url" && value != "" {
			switch op {
			case "equals":
				want = url == value
			case "contains":
				want = strings.Contains(url, value)
			}
		}
		if got := c.Matches(url); got != want {
			t.Fatalf("%+v.Matches(%q) = %v, want %v", c, url, got, want)
		}
		if typ == "url" && value != "" && (op == "equals" || op == "contains") && !c.Matches(value) {
			t.Fatalf("%+v does not match its own value", c)
		}
		other := goals.Condition{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "checkout"}
		g := goals.Goal{Settings: goals.Settings{Conditions: []goals.Condition{c, other}}}
		if g.Matches(url) != (want || strings.Contains(url, "checkout")) {
			t.Fatalf("Goal.Matches(%q) is not the OR of its conditions", url)
		}
		if (goals.Goal{}).Matches(url) {
			t.Fatal("a goal without conditions matched")
		}
	})
}

// FuzzErrorResponse sends any status and body through the client. The
// result is an *APIError with that status (Code and Message from a Zopim
// body), it matches ErrGoalsLimitExceeded exactly when a 4xx body carries
// the phrase, and its text never holds the token.
func FuzzErrorResponse(f *testing.F) {
	const token = "fuzz-token-Zq8"
	f.Add(400, []byte(`{"error": "Bad Request", "description": "Goals limit exceeded"}`))
	f.Add(401, []byte(`{"error": "Unauthorized", "description": "The server could not verify that you are authorized to access the URL requested."}`))
	f.Add(405, []byte(`{"error": "Method Not Allowed", "description": "The method is not allowed for the requested URL."}`))
	f.Add(403, []byte(`{"error": {"title": "Forbidden", "message": "You do not have access to this page."}}`))
	f.Add(422, []byte(`GOALS LIMIT EXCEEDED`))
	f.Add(502, []byte(`<html><body>Bad gateway</body></html>`))
	f.Add(404, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 400 || status > 599 {
			return
		}
		mt := httpmock.NewMockTransport()
		mt.RegisterNoResponder(httpmock.NewBytesResponder(status, body))
		c, err := goals.NewClient(goals.WithBaseURL("https://chat.test/api/v2"), goals.WithToken(token),
			goals.WithHTTPClient(&http.Client{Transport: mt}), goals.WithRetryMax(0))
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Get(context.Background(), 1)
		var ae *goals.APIError
		if !errors.As(err, &ae) || ae.StatusCode != status {
			t.Fatalf("status %d: err %v, want an *APIError with that status", status, err)
		}
		limit := status < 500 && bytes.Contains(bytes.ToLower(body), []byte("goals limit exceeded"))
		if errors.Is(err, goals.ErrGoalsLimitExceeded) != limit {
			t.Fatalf("status %d body %q: ErrGoalsLimitExceeded %v, want %v", status, body, !limit, limit)
		}
		if strings.Contains(err.Error(), token) {
			t.Fatal("the error text holds the token")
		}
		var doc map[string]any // keys match exactly, as in the API's bodies
		if json.Unmarshal(body, &doc) == nil {
			if code, ok := doc["error"].(string); ok && ae.Code != code {
				t.Fatalf("Code %q, want the body's error %q", ae.Code, code)
			}
			if msg, ok := doc["description"].(string); ok && ae.Message != msg {
				t.Fatalf("Message %q, want the body's description %q", ae.Message, msg)
			}
		}
	})
}
