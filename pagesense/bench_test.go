package pagesense_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
)

// benchBody is a list answer with n goals, ids as strings so the raw
// baseline can decode it into plain string fields.
func benchBody(n int) string {
	goals := make([]string, n)
	for i := range goals {
		goals[i] = fmt.Sprintf(`{"goal_id": "%d", "linkname": "goal-%d", "display_name": "Goal %d", "goal_type": 1,
			"goal_url": "https://example.com/p/%d", "include_urls": [], "exclude_urls": [], "url": [{"match_type": 1}],
			"project_linkname": "site", "status": "1"}`, 4000000+i, i, i, i)
	}
	return `{"status_code": "10000", "status_string": "Operation completed successfully", "count": ` + fmt.Sprint(n) +
		`, "projectgoals": [` + strings.Join(goals, ",") + `], "timeTakenToProcessTheResult": "5"}`
}

func benchServer(b *testing.B, n int) *httptest.Server {
	body := benchBody(n)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	b.Cleanup(srv.Close)
	return srv
}

func BenchmarkListGoals(b *testing.B) {
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			srv := benchServer(b, n)
			c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("t"))
			if err != nil {
				b.Fatal(err)
			}
			p := c.Project("portal", "site")
			b.ReportAllocs()
			for b.Loop() {
				if gs, err := p.ListGoals(context.Background()); err != nil || len(gs) != n {
					b.Fatal(len(gs), err)
				}
			}
		})
	}
}

// BenchmarkListGoalsRaw is the baseline: net/http and encoding/json with
// no SDK.
func BenchmarkListGoalsRaw(b *testing.B) {
	type rawGoal struct {
		GoalID      string   `json:"goal_id"`
		Linkname    string   `json:"linkname"`
		DisplayName string   `json:"display_name"`
		GoalType    int      `json:"goal_type"`
		GoalURL     string   `json:"goal_url"`
		IncludeURLs []string `json:"include_urls"`
		ExcludeURLs []string `json:"exclude_urls"`
		URL         []struct {
			MatchType int `json:"match_type"`
		} `json:"url"`
		ProjectLinkname string `json:"project_linkname"`
		Status          string `json:"status"`
	}
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			srv := benchServer(b, n)
			hc := &http.Client{}
			b.ReportAllocs()
			for b.Loop() {
				req, _ := http.NewRequestWithContext(context.Background(), "GET", srv.URL+"/portal/portal/projectgoals/site", nil)
				req.Header.Set("Authorization", "Zoho-oauthtoken t")
				req.Header.Set("Accept", "application/json")
				resp, err := hc.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				var env struct {
					StatusCode string    `json:"status_code"`
					Goals      []rawGoal `json:"projectgoals"`
				}
				err = json.NewDecoder(resp.Body).Decode(&env)
				resp.Body.Close()
				if err != nil || len(env.Goals) != n {
					b.Fatal(err)
				}
			}
		})
	}
}
