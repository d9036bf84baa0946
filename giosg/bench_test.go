package giosg_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

const (
	benchGoals    = 10000
	benchPageSize = 100
)

// benchServer serves benchGoals seed-like goals in pages of benchPageSize,
// rendered once up front so the server costs little.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	var pages [][]byte
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/orgs/o/goals", func(w http.ResponseWriter, r *http.Request) {
		i := 0
		fmt.Sscan(r.URL.Query().Get("cursor"), &i)
		w.Header().Set("Content-Type", "application/json")
		w.Write(pages[i])
	})
	srv = httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	n := benchGoals / benchPageSize
	for p := range n {
		var goals []string
		for i := range benchPageSize {
			goals = append(goals, fmt.Sprintf(`{"id":"goal-%d-%d","name":"User sent a lead","allowed_rooms":["e6a850ca-e1d3-11e4-9706-38b1dbe48b5b"],"allow_any_room":false,"default_value":"10.00","conditions":[{"negate":false,"settings":{},"type":27,"value":""}],"organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","organization":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","name":"Example Ltd."},"created_by_user_id":"ac83d426-be80-4d75-8c62-49a77f98468e","created_by_user":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","full_name":"Bill Giosg","first_name":"Bill","last_name":"Giosg","organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","is_bot":false},"created_at":"2016-09-01T11:31:36.042Z","updated_at":"2016-09-01T15:31:36.042Z","updated_by_user_id":"ac83d426-be80-4d75-8c62-49a77f98468e","updated_by_user":{"id":"ac83d426-be80-4d75-8c62-49a77f98468e","full_name":"Bill Giosg","first_name":"Bill","last_name":"Giosg","organization_id":"ac83d426-be80-4d75-8c62-49a77f98468e","is_bot":false}}`, p, i))
		}
		next := "null"
		if p+1 < n {
			next = fmt.Sprintf(`"%s/orgs/o/goals?cursor=%d"`, srv.URL, p+1)
		}
		pages = append(pages, []byte(fmt.Sprintf(`{"next":%s,"previous":null,"results":[%s]}`, next, strings.Join(goals, ","))))
	}
	return srv
}

func BenchmarkAllGoals(b *testing.B) {
	srv := benchServer(b)
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("t"))
	if err != nil {
		b.Fatal(err)
	}
	org := c.Org("o")
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range org.AllGoals(context.Background(), nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchGoals {
			b.Fatal(n)
		}
	}
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

// BenchmarkBaselineNetHTTP walks the same pages with net/http and
// encoding/json only, for comparison with BenchmarkAllGoals.
func BenchmarkBaselineNetHTTP(b *testing.B) {
	srv := benchServer(b)
	client := &http.Client{}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		next := srv.URL + "/orgs/o/goals"
		for next != "" {
			req, _ := http.NewRequest(http.MethodGet, next, nil)
			req.Header.Set("Authorization", "Token t")
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var page struct {
				Next    *string     `json:"next"`
				Results []plainGoal `json:"results"`
			}
			err = json.NewDecoder(resp.Body).Decode(&page)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			n += len(page.Results)
			next = ""
			if page.Next != nil {
				next = *page.Next
			}
		}
		if n != benchGoals {
			b.Fatal(n)
		}
	}
}
