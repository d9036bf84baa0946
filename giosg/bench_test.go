package giosg_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/benchkit"
)

const (
	benchGoals    = 10000
	benchPageSize = 100
)

// benchGoalJSON is the seed's goal object; page goals get their own ids.
const benchGoalJSON = `{"id":"4d0648b8-9074-11e6-963e-f45c89c72de3","name":"User sent a lead","allowed_rooms":["e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"],"allow_any_room":false,"default_value":"10.00","conditions":[{"negate":false,"settings":{},"type":27,"value":""}],"organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","organization":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","name":"Example Ltd."},"created_by_user_id":"ac83d426-be80-4d75-8c62-49a77f98468e","created_by_user":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","full_name":"Bill Giosg","first_name":"Bill","last_name":"Giosg","organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","is_bot":false},"created_at":"2016-09-01T11:31:36.042Z","updated_at":"2016-09-01T15:31:36.042Z","updated_by_user_id":"ac83d426-be80-4d75-8c62-49a77f98468e","updated_by_user":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","full_name":"Bill Giosg","first_name":"Bill","last_name":"Giosg","organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","is_bot":false}}`

// benchPages serves benchGoals seed-like goals in pages of benchPageSize,
// rendered once up front; the next link is written from the request's host,
// so the same handler serves loopback and in-memory requests.
func benchPages() http.Handler {
	n := benchGoals / benchPageSize
	results := make([][]byte, n)
	for p := range n {
		goals := benchkit.Join(benchPageSize, func(i int) string {
			return strings.Replace(benchGoalJSON, "4d0648b8-9074-11e6-963e-f45c89c72de3", fmt.Sprintf("goal-%d-%d", p, i), 1)
		})
		results[p] = []byte(`,"previous":null,"results":[` + goals + `]}`)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		w.Header().Set("Content-Type", "application/json")
		if p+1 < n {
			fmt.Fprintf(w, `{"next":"http://%s/orgs/o/goals?cursor=%d"`, r.Host, p+1)
		} else {
			w.Write([]byte(`{"next":null`))
		}
		w.Write(results[p])
	})
}

// BenchmarkAllGoals walks 10,000 goals (100 pages) with AllGoals beside
// the same walk in raw net/http + encoding/json, in one run.
func BenchmarkAllGoals(b *testing.B) {
	ctx := context.Background()
	benchkit.Pair(b, benchPages(), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			if n := rawWalk(b, ctx, hc, base+"/orgs/o/goals"); n != benchGoals {
				b.Fatal(n)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		org := benchOrg(b, base, hc)
		for b.Loop() {
			n := 0
			for _, err := range org.AllGoals(ctx, nil) {
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if n != benchGoals {
				b.Fatal(n)
			}
		}
	})
}

// BenchmarkCreateGoal: CreateGoal (validated) beside the raw POST.
func BenchmarkCreateGoal(b *testing.B) {
	ctx := context.Background()
	benchkit.Pair(b, benchkit.Fixed(201, []byte(benchGoalJSON)), func(b *testing.B, hc *http.Client, base string) {
		type rawCondition struct {
			Negate   bool           `json:"negate"`
			Settings map[string]any `json:"settings"`
			Type     int            `json:"type"`
			Value    string         `json:"value"`
		}
		type rawInput struct {
			Name         string         `json:"name"`
			AllowAnyRoom bool           `json:"allow_any_room"`
			AllowedRooms []string       `json:"allowed_rooms"`
			DefaultValue string         `json:"default_value"`
			Conditions   []rawCondition `json:"conditions"`
		}
		for b.Loop() {
			in := rawInput{Name: "A new goal", AllowAnyRoom: true, AllowedRooms: []string{}, DefaultValue: "10.00",
				Conditions: []rawCondition{{Settings: map[string]any{}, Type: 1, Value: "Helsinki"}}}
			var out plainGoal
			if err := benchkit.RawJSON(ctx, hc, "POST", base+"/orgs/o/goals", "Token t", in, &out); err != nil || out.Name == "" {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		org := benchOrg(b, base, hc)
		value := giosg.Decimal("10.00")
		for b.Loop() {
			in := &giosg.GoalInput{Name: "A new goal", AllowAnyRoom: true, AllowedRooms: []string{}, DefaultValue: &value,
				Conditions: []giosg.Condition{{Settings: giosg.Settings{}, Type: 1, Value: "Helsinki"}}}
			if g, err := org.CreateGoal(ctx, in); err != nil || g.Name == "" {
				b.Fatal(err)
			}
		}
	})
}

func benchOrg(b testing.TB, base string, hc *http.Client) *giosg.Org {
	c := benchkit.Client(b, giosg.NewClient, giosg.WithBaseURL(base), giosg.WithHTTPClient(hc), giosg.WithAPIToken("t"))
	return c.Org("o")
}

// plainGoal mirrors the wire goal with no custom decoding at all: the
// cheapest a hand-written client could be.
type plainGoal struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	OrganizationID string   `json:"organization_id"`
	AllowAnyRoom   bool     `json:"allow_any_room"`
	AllowedRooms   []string `json:"allowed_rooms"`
	DefaultValue   *string  `json:"default_value"`
	Conditions     []struct {
		Negate   bool           `json:"negate"`
		Settings map[string]any `json:"settings"`
		Type     int            `json:"type"`
		Value    string         `json:"value"`
	} `json:"conditions"`
	Organization    *giosg.Organization `json:"organization"`
	CreatedAt       time.Time           `json:"created_at"`
	CreatedByUserID string              `json:"created_by_user_id"`
	CreatedByUser   *giosg.User         `json:"created_by_user"`
	UpdatedAt       time.Time           `json:"updated_at"`
	UpdatedByUserID string              `json:"updated_by_user_id"`
	UpdatedByUser   *giosg.User         `json:"updated_by_user"`
}

// rawWalk follows next links with net/http and encoding/json only: the
// baseline for BenchmarkAllGoals. It returns the goals seen.
func rawWalk(b *testing.B, ctx context.Context, hc *http.Client, next string) int {
	n := 0
	for next != "" {
		var page struct {
			Next    *string     `json:"next"`
			Results []plainGoal `json:"results"`
		}
		if err := benchkit.RawJSON(ctx, hc, "GET", next, "Token t", nil, &page); err != nil {
			b.Fatal(err)
		}
		n += len(page.Results)
		next = ""
		if page.Next != nil {
			next = *page.Next
		}
	}
	return n
}

// BenchmarkListGoals: one page of 100 goals whose conditions carry
// non-empty settings (the seed only shows {}), beside raw net/http +
// encoding/json.
func BenchmarkListGoals(b *testing.B) {
	ctx := context.Background()
	goal := strings.Replace(benchGoalJSON, `"settings":{}`, `"settings":{"match":"contains","case_sensitive":false,"threshold":1.50}`, 1)
	goals := benchkit.Join(benchPageSize, func(int) string { return goal })
	page := []byte(`{"next":null,"previous":null,"results":[` + goals + `]}`)
	benchkit.Pair(b, benchkit.Fixed(200, page), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			var out struct {
				Next    *string     `json:"next"`
				Results []plainGoal `json:"results"`
			}
			if err := benchkit.RawJSON(ctx, hc, "GET", base+"/orgs/o/goals", "Token t", nil, &out); err != nil || len(out.Results) != benchPageSize {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		org := benchOrg(b, base, hc)
		for b.Loop() {
			if p, err := org.ListGoals(ctx, nil); err != nil || len(p.Results) != benchPageSize || len(p.Results[0].Conditions[0].Settings) != 3 {
				b.Fatal(err)
			}
		}
	})
}

// externalMatchBench is the docs' external match, as goalkit and raw send it.
var (
	benchMatchAt    = time.Date(2016, 10, 10, 22, 0, 49, 123e6, time.UTC)
	benchMatchValue = giosg.Decimal("123.45")
	benchMatchRooms = []string{"ac83d426-be80-4d75-8c62-49a77f98468h"}
)

type rawMatch struct {
	VisitorIdentity string   `json:"visitor_identity"`
	GoalMatchedAt   string   `json:"goal_matched_at"`
	GoalValue       string   `json:"goal_value"`
	Rooms           []string `json:"rooms"`
}

func rawExternalMatch(ctx context.Context, hc *http.Client, base string) error {
	in := rawMatch{VisitorIdentity: "customer-12345678", GoalMatchedAt: benchMatchAt.Format(giosg.MatchTimeLayout), GoalValue: "123.45", Rooms: benchMatchRooms}
	return benchkit.RawJSON(ctx, hc, "POST", base+"/orgs/o/goals/g/matches", "Token t", in, nil)
}

func goalkitExternalMatch(ctx context.Context, o *giosg.Org) error {
	value := benchMatchValue
	return o.CreateExternalMatch(ctx, "g", &giosg.ExternalMatch{VisitorIdentity: "customer-12345678", GoalMatchedAt: benchMatchAt, GoalValue: &value, Rooms: benchMatchRooms})
}

// benchMatchEcho is the API's answer to a match: 200 with the match echoed
// (as giosgtest's fake answers).
const benchMatchEcho = `{"visitor_identity":"customer-12345678","goal_matched_at":"2016-10-10T22:00:49.123Z","goal_value":"123.45","rooms":["ac83d426-be80-4d75-8c62-49a77f98468h"]}`

// BenchmarkCreateExternalMatch: one external match POST, answered 200 with
// the match echoed (goalkit drains it unread, raw reads and drains it),
// beside the raw POST of the same body.
func BenchmarkCreateExternalMatch(b *testing.B) {
	ctx := context.Background()
	benchkit.Pair(b, benchkit.Fixed(200, []byte(benchMatchEcho)), func(b *testing.B, hc *http.Client, base string) {
		for b.Loop() {
			if err := rawExternalMatch(ctx, hc, base); err != nil {
				b.Fatal(err)
			}
		}
	}, func(b *testing.B, hc *http.Client, base string) {
		o := benchOrg(b, base, hc)
		for b.Loop() {
			if err := goalkitExternalMatch(ctx, o); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkConcurrentExternalMatch: one client shared by 16, 64 and 256
// goroutines POSTing external goal matches to a loopback server, raw on a
// tuned pool (benchkit.TunedTransport) beside goalkit's default client (no
// WithHTTPClient), interleaved per level in one run.
func BenchmarkConcurrentExternalMatch(b *testing.B) {
	ctx := context.Background()
	srv := benchkit.NewConnCountingServer(benchkit.Fixed(200, []byte(benchMatchEcho))) // as the API answers: the match echoed
	defer srv.Close()
	raw := &http.Client{Transport: benchkit.TunedTransport(), Timeout: time.Minute} // as careful as goalkit's default: a per-attempt timeout
	defer raw.CloseIdleConnections()
	org, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	if err != nil {
		b.Fatal(err)
	}
	for _, g := range benchkit.Goroutines {
		b.Run(fmt.Sprintf("goroutines=%d/raw", g), func(b *testing.B) {
			benchkit.Concurrent(b, srv, g, func() error { return rawExternalMatch(ctx, raw, srv.URL) })
		})
		b.Run(fmt.Sprintf("goroutines=%d/goalkit", g), func(b *testing.B) {
			o := org.Org("o")
			benchkit.Concurrent(b, srv, g, func() error { return goalkitExternalMatch(ctx, o) })
		})
	}
}
