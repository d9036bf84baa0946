package pagesense_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/goalkit/goalkit/internal/benchkit"
	"github.com/goalkit/goalkit/pagesense"
)

// benchBody is a list answer with n goals, ids as strings so the raw
// baseline can decode it into plain string fields.
func benchBody(n int) string {
	goals := benchkit.Join(n, func(i int) string {
		return fmt.Sprintf(`{"goal_id": "%d", "linkname": "goal-%d", "display_name": "Goal %d", "goal_type": 1,
			"goal_url": "https://example.com/p/%d", "include_urls": [], "exclude_urls": [], "url": [{"match_type": 1}],
			"project_linkname": "site", "status": "1"}`, 4000000+i, i, i, i)
	})
	return `{"status_code": "10000", "status_string": "Operation completed successfully", "count": ` + fmt.Sprint(n) +
		`, "projectgoals": [` + goals + `], "timeTakenToProcessTheResult": "5"}`
}

// rawGoal is what a hand-written client would decode a goal into.
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

// rawEnvelope is the baseline's envelope: it checks status_code too.
type rawEnvelope[T any] struct {
	StatusCode string `json:"status_code"`
	Message    string `json:"message"`
	Payload    T      `json:"projectgoals"`
}

func benchProject(b *testing.B, base string, hc *http.Client, project string) *pagesense.Project {
	c := benchkit.Client(b, pagesense.NewClient, pagesense.WithBaseURL(base), pagesense.WithHTTPClient(hc), pagesense.WithToken("t"))
	return c.Project("portal", project)
}

// BenchmarkListGoals: ListGoals beside raw net/http + encoding/json
// decoding the same envelope, in one run.
func BenchmarkListGoals(b *testing.B) {
	for _, n := range []int{1, 50} {
		b.Run(fmt.Sprintf("goals=%d", n), func(b *testing.B) { benchListGoals(b, n, benchkit.Fixed) })
	}
}

// benchListGoals pairs ListGoals and the raw call on a list of n goals
// served by serve (benchkit.Fixed or benchkit.Gzipped).
func benchListGoals(b *testing.B, n int, serve func(int, []byte) http.Handler) {
	ctx := context.Background()
	benchkit.Pair(b, serve(200, []byte(benchBody(n))), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			var env rawEnvelope[[]rawGoal]
			err := benchkit.RawJSON(ctx, hc, "GET", base+"/portal/portal/projectgoals/site", "Zoho-oauthtoken t", nil, &env)
			if err != nil || env.StatusCode != "10000" || len(env.Payload) != n {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		p := benchProject(b, base, hc, "site")
		for b.Loop() {
			if gs, err := p.ListGoals(ctx); err != nil || len(gs) != n {
				b.Fatal(len(gs), err)
			}
		}
	})
}

// BenchmarkCreateGoal: CreateGoal (validated, wrapped in "projectgoal")
// beside the raw POST of the official time-spent example.
func BenchmarkCreateGoal(b *testing.B) {
	ctx := context.Background()
	answer := `{"status_code": "10000", "status_string": "Operation completed successfully", "projectgoals": {"goal_id": "4000001", "linkname": "engaged-reader", "display_name": "Engaged Reader", "goal_type": 8, "goal_url": "https://example.com/blog", "project_linkname": "website-performance-project"}}`
	benchkit.Pair(b, benchkit.Fixed(201, []byte(answer)), func(b *testing.B, hc *http.Client, base string) {
		type rawInput struct {
			DisplayName string   `json:"display_name"`
			GoalType    int      `json:"goal_type"`
			GoalURL     string   `json:"goal_url"`
			IncludeURLs []string `json:"include_urls"`
			ExcludeURLs []string `json:"exclude_urls"`
			URL         []struct {
				MatchType int `json:"match_type"`
			} `json:"url"`
			TimeThreshold   int    `json:"time_threshold"`
			ProjectLinkname string `json:"project_linkname"`
		}
		for b.Loop() {
			in := struct {
				Goal rawInput `json:"projectgoal"`
			}{rawInput{DisplayName: "Engaged Reader", GoalType: 8, GoalURL: "https://example.com/blog",
				IncludeURLs: []string{}, ExcludeURLs: []string{}, TimeThreshold: 30, ProjectLinkname: "website-performance-project"}}
			in.Goal.URL = append(in.Goal.URL, struct {
				MatchType int `json:"match_type"`
			}{1})
			var env rawEnvelope[rawGoal]
			err := benchkit.RawJSON(ctx, hc, "POST", base+"/portal/portal/projectgoals/website-performance-project", "Zoho-oauthtoken t", in, &env)
			if err != nil || env.StatusCode != "10000" || env.Payload.Linkname == "" {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		p := benchProject(b, base, hc, "website-performance-project")
		for b.Loop() {
			in := &pagesense.GoalInput{DisplayName: "Engaged Reader", GoalType: pagesense.TimeSpentGoal, GoalURL: "https://example.com/blog",
				URL: []pagesense.URLRule{{MatchType: pagesense.SimpleMatch}}, TimeThreshold: 30}
			if g, err := p.CreateGoal(ctx, in); err != nil || g.Linkname == "" {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListGoalsGzip: a 5,000-goal list answered gzip-encoded with no
// Content-Length, as the real API answers, beside the raw call. The raw
// side's json.Decoder grows its buffer by doubling; goalkit's read must
// cost no more.
func BenchmarkListGoalsGzip(b *testing.B) { benchListGoals(b, 5000, benchkit.Gzipped) }
