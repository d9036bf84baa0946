package transport

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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

func benchBody(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":%d,"name":"Goal %d","description":"A sample goal","enabled":true,"attribution_model":"first_touch","attribution_period":30,"settings":{"conditions":[{"operator":"equals","type":"url","value":"http://cart.com/"},{"operator":"contains","type":"url","value":"cart"}]}}`, i, i)
	}
	return "[" + strings.Join(items, ",") + "]"
}

// BenchmarkGetJSON compares one GET + JSON decode through the pipeline with
// the same call written with raw net/http + encoding/json, against one
// loopback server in the same run. Run with -benchmem.
func BenchmarkGetJSON(b *testing.B) {
	for _, n := range []int{1, 25} {
		b.Run(fmt.Sprintf("goals=%d", n), func(b *testing.B) { benchGetJSON(b, n) })
	}
}

func benchGetJSON(b *testing.B, n int) {
	body := benchBody(n)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	defer srv.Close()
	ctx := context.Background()

	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: srv.Client().Transport.(*http.Transport).Clone()}
		b.ReportAllocs()
		for b.Loop() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/goals", nil)
			req.Header.Set("Authorization", "Bearer tok")
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var out []benchGoal
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 || len(out) != n {
				b.Fatal(err, resp.StatusCode)
			}
		}
	})
	b.Run("goalkit", func(b *testing.B) {
		hc := &http.Client{Transport: srv.Client().Transport.(*http.Transport).Clone()}
		c, err := New(Dialect{DefaultBaseURL: srv.URL}, WithHTTPClient(hc), WithSchemeToken("Bearer", "tok"))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			var out []benchGoal
			if err := c.Do(ctx, &Call{Method: http.MethodGet, Path: "/goals", Out: &out}); err != nil || len(out) != n {
				b.Fatal(err)
			}
		}
	})
}
