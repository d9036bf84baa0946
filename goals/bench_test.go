package goals_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/internal/benchkit"
)

// rawGoal is what a hand-written client would decode into.
type rawGoal struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	Description       string `json:"description"`
	Enabled           bool   `json:"enabled"`
	AttributionModel  string `json:"attribution_model"`
	AttributionPeriod int    `json:"attribution_period"`
	Settings          struct {
		Conditions []struct {
			Operator string `json:"operator"`
			Type     string `json:"type"`
			Value    string `json:"value"`
		} `json:"conditions"`
	} `json:"settings"`
}

const benchGoalJSON = `{"id":%d,"name":"Goal %d","description":"A sample goal","enabled":true,"attribution_model":"first_touch","attribution_period":30,"settings":{"conditions":[{"operator":"equals","type":"url","value":"http://cart.com/"},{"operator":"contains","type":"url","value":"cart"}]}}`

func benchClient(b *testing.B, base string, hc *http.Client) *goals.Client {
	return benchkit.Client(b, goals.NewClient, goals.WithBaseURL(base), goals.WithHTTPClient(hc), goals.WithToken("tok"))
}

// BenchmarkList: goals.Client.List beside raw net/http + encoding/json.
func BenchmarkList(b *testing.B) { benchList(b, 25, benchkit.Fixed) }

// BenchmarkListLargeGzip: an unpaginated 10,000-goal list (about 2.8 MB)
// answered gzip-encoded with no Content-Length, beside the raw call.
func BenchmarkListLargeGzip(b *testing.B) { benchList(b, 10000, benchkit.Gzipped) }

// benchList pairs List and the raw call on a list of n goals served by
// serve (benchkit.Fixed or benchkit.Gzipped).
func benchList(b *testing.B, n int, serve func(int, []byte) http.Handler) {
	list := "[" + benchkit.Join(n, func(i int) string { return fmt.Sprintf(benchGoalJSON, i, i) }) + "]"
	ctx := context.Background()
	benchkit.Pair(b, serve(200, []byte(list)), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			var out []rawGoal
			if err := benchkit.RawJSON(ctx, hc, "GET", base+"/goals", "Bearer tok", nil, &out); err != nil || len(out) != n {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		c := benchClient(b, base, hc)
		for b.Loop() {
			if out, err := c.List(ctx); err != nil || len(out) != n {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCreate: goals.Client.Create (validated, only set fields sent)
// beside the raw POST of the same body.
func BenchmarkCreate(b *testing.B) {
	ctx := context.Background()
	conds := []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://cart.com/"}}
	benchkit.Pair(b, benchkit.Fixed(201, []byte(fmt.Sprintf(benchGoalJSON, 3, 3))), func(b *testing.B, hc *http.Client, base string) {
		type rawCondition struct {
			Operator string `json:"operator"`
			Type     string `json:"type"`
			Value    string `json:"value"`
		}
		type rawParams struct {
			Name              string `json:"name"`
			Enabled           int    `json:"enabled"`
			AttributionModel  string `json:"attribution_model"`
			AttributionPeriod int    `json:"attribution_period"`
			Settings          struct {
				Conditions []rawCondition `json:"conditions"`
			} `json:"settings"`
		}
		for b.Loop() {
			in := rawParams{Name: "Goal 3", Enabled: 1, AttributionModel: "first_touch", AttributionPeriod: 15}
			in.Settings.Conditions = []rawCondition{{"equals", "url", "http://cart.com/"}}
			var out rawGoal
			if err := benchkit.RawJSON(ctx, hc, "POST", base+"/goals", "Bearer tok", in, &out); err != nil || out.ID != 3 {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		c := benchClient(b, base, hc)
		for b.Loop() {
			p := &goals.GoalParams{
				Name: goals.Ptr("Goal 3"), Enabled: goals.Ptr(true),
				AttributionModel: goals.Ptr(goals.FirstTouch), AttributionPeriod: goals.Ptr(15),
				Settings: &goals.Settings{Conditions: conds},
			}
			if g, err := c.Create(ctx, p); err != nil || g.ID != 3 {
				b.Fatal(err)
			}
		}
	})
}
