package triggers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/goalkit/goalkit/internal/benchkit"
	"github.com/goalkit/goalkit/triggers"
)

// rawTrigger is what a hand-written client would decode into: the
// definition's parts as raw JSON.
type rawTrigger struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Enabled     bool   `json:"enabled"`
	Definition  *struct {
		Event     string          `json:"event"`
		Condition json.RawMessage `json:"condition"`
		Actions   json.RawMessage `json:"actions"`
		Version   int             `json:"version"`
		Editor    string          `json:"editor"`
	} `json:"definition"`
}

// benchTriggerJSON is a recorded trigger (Airbyte's expected records): a
// definition with nested conditions.
const benchTriggerJSON = `{"enabled": true, "definition": {"event": "page_enter", "condition": ["and", ["eq", "@visitor_page_url", "www.zendesk.com/cart"], ["stillOnPage", 60], ["eq", "@visitor_requesting_chat", false], ["eq", "@visitor_served", false], ["not", ["firedBefore"]]], "actions": [["sendMessageToVisitor", "Stephanie", "Hi, are you having any trouble checking out? Feel free to reach out to us with any questions."]], "version": 1, "editor": "advanced"}, "description": "Reduce cart abandonment by engaging customers that are lingering on the checkout page.", "name": "Checkout Page %d", "id": %d}`

func benchClient(b *testing.B, base string, hc *http.Client) *triggers.Client {
	return benchkit.Client(b, triggers.NewClient, triggers.WithBaseURL(base), triggers.WithHTTPClient(hc), triggers.WithToken("tok"))
}

// BenchmarkList: triggers.Client.List of 25 recorded triggers beside raw
// net/http + encoding/json.
func BenchmarkList(b *testing.B) {
	const n = 25
	list := "[" + benchkit.Join(n, func(i int) string { return fmt.Sprintf(benchTriggerJSON, i, i) }) + "]"
	ctx := context.Background()
	benchkit.Pair(b, benchkit.Fixed(200, []byte(list)), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			var out []rawTrigger
			if err := benchkit.RawJSON(ctx, hc, "GET", base+"/triggers", "Bearer tok", nil, &out); err != nil || len(out) != n {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		c := benchClient(b, base, hc)
		for b.Loop() {
			if out, err := c.List(ctx); err != nil || len(out) != n || out[n-1].Definition == nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCreate: triggers.Client.Create with a definition beside the raw
// POST of the same body.
func BenchmarkCreate(b *testing.B) {
	ctx := context.Background()
	cond := json.RawMessage(`["and",["eq","@visitor_page_url","www.zendesk.com/cart"],["stillOnPage",60],["not",["firedBefore"]]]`)
	actions := json.RawMessage(`[["sendMessageToVisitor","Stephanie","Hi, are you having any trouble checking out?"]]`)
	benchkit.Pair(b, benchkit.Fixed(201, []byte(fmt.Sprintf(benchTriggerJSON, 3, 3))), func(b *testing.B, hc *http.Client, base string) {
		type rawDefinition struct {
			Event     string          `json:"event"`
			Condition json.RawMessage `json:"condition"`
			Actions   json.RawMessage `json:"actions"`
			Version   int             `json:"version"`
			Editor    string          `json:"editor"`
		}
		type rawParams struct {
			Name       string         `json:"name"`
			Enabled    int            `json:"enabled"`
			Definition *rawDefinition `json:"definition"`
		}
		for b.Loop() {
			in := rawParams{Name: "Checkout Page 3", Enabled: 1, Definition: &rawDefinition{Event: "page_enter", Condition: cond, Actions: actions, Version: 1, Editor: "advanced"}}
			var out rawTrigger
			if err := benchkit.RawJSON(ctx, hc, "POST", base+"/triggers", "Bearer tok", in, &out); err != nil || out.ID != 3 {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		c := benchClient(b, base, hc)
		for b.Loop() {
			p := &triggers.TriggerParams{
				Name: triggers.Ptr("Checkout Page 3"), Enabled: triggers.Ptr(true),
				Definition: &triggers.Definition{Event: "page_enter", Condition: cond, Actions: actions, Version: 1, Editor: "advanced"},
			}
			if t, err := c.Create(ctx, p); err != nil || t.ID != 3 {
				b.Fatal(err)
			}
		}
	})
}
