package transport

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/internal/benchkit"
)

// benchGoal is a typical goal object, about 250 bytes of JSON.
type benchGoal struct {
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

func benchBody(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":%d,"name":"Goal %d","description":"A sample goal","enabled":true,"attribution_model":"first_touch","attribution_period":30,"settings":{"conditions":[{"operator":"equals","type":"url","value":"http://cart.com/"},{"operator":"contains","type":"url","value":"cart"}]}}`, i, i)
	}
	return []byte("[" + strings.Join(items, ",") + "]")
}

// BenchmarkGetJSON compares one GET + JSON decode through the pipeline with
// the same call written with raw net/http + encoding/json, against one
// loopback server in the same run. Run with -benchmem.
func BenchmarkGetJSON(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1, 25} {
		b.Run(fmt.Sprintf("goals=%d", n), func(b *testing.B) {
			benchkit.Pair(b, benchkit.Fixed(200, benchBody(n)), func(b *testing.B, hc *http.Client, base string) {
				for b.Loop() {
					var out []benchGoal
					if err := benchkit.RawJSON(ctx, hc, "GET", base+"/goals", "Bearer tok", nil, &out); err != nil || len(out) != n {
						b.Fatal(err)
					}
				}
			}, func(b *testing.B, hc *http.Client, base string) {
				c, err := New(Dialect{DefaultBaseURL: base}, WithHTTPClient(hc), WithSchemeToken("Bearer", "tok"))
				if err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					var out []benchGoal
					if err := c.Do(ctx, &Call{Method: http.MethodGet, Path: "/goals", Out: &out}); err != nil || len(out) != n {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
