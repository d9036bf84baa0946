package faults_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/dialectcalls"
	"github.com/goalkit/goalkit/internal/faults"
)

const giosgOrgPath = "/orgs/o/goals"

// walkGiosg runs AllGoals against srv under a deadline and returns the
// goals and errors it yielded.
func walkGiosg(t *testing.T, srv *faults.Server) (goals int, errs []error) {
	t.Helper()
	c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("api-token"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, err := range c.Org("o").AllGoals(ctx, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		goals++
	}
	return goals, errs
}

// Item 8: endless empty pages with fresh next links end the walk with
// ErrPageLimit after MaxEmptyPages requests, and the error is yielded (the
// old code never yielded: 17,932 requests in 2 s, the caller could not
// break).
func TestGiosgEndlessEmptyPagesEndTheWalk(t *testing.T) {
	var n atomic.Int64
	srv := faults.New(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"next": "%s%s?cursor=fresh%d", "previous": null, "results": []}`, "http://"+r.Host, giosgOrgPath, n.Add(1))
	})
	goals, errs := walkGiosg(t, srv)
	if goals != 0 || len(errs) != 1 || !errors.Is(errs[0], giosg.ErrPageLimit) {
		t.Fatalf("goals %d, errs %v; want one ErrPageLimit", goals, errs)
	}
	if got := srv.Requests(); got != giosg.MaxEmptyPages {
		t.Errorf("%d requests, want MaxEmptyPages = %d", got, giosg.MaxEmptyPages)
	}
}

// Item 8: the loop check compares canonical URLs, so the first page under
// another spelling is not fetched again (the old code compared raw text
// and fetched the same page once per spelling).
func TestGiosgRespelledPageIsALoop(t *testing.T) {
	spellings := map[string]func(base string) string{
		"escaped letter":  func(b string) string { return b + "/orgs/%6F/goals?cursor=c1&ordering=name" },
		"query reordered": func(b string) string { return b + giosgOrgPath + "?ordering=name&cursor=c1" },
		"dot segment":     func(b string) string { return b + "/orgs/o/./goals?cursor=c1&ordering=name" },
		"dot-dot segment": func(b string) string { return b + "/orgs/o/x/../goals?cursor=c1&ordering=name" },
		"fragment":        func(b string) string { return b + giosgOrgPath + "?cursor=c1&ordering=name#top" },
		"upper-case host": func(b string) string {
			return strings.ToUpper(b[:len("http://")]) + b[len("http://"):] + giosgOrgPath + "?cursor=c1&ordering=name"
		},
		"escaped query":     func(b string) string { return b + giosgOrgPath + "?cursor=%63%31&ordering=%6Eame" },
		"lower-case escape": func(b string) string { return b + "/orgs/%6f/goals?ordering=name&cursor=c1" },
	}
	for name, spell := range spellings {
		t.Run(name, func(t *testing.T) {
			srv := faults.New(t, func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprintf(w, `{"next": %q, "previous": null, "results": [%s]}`, spell("http://"+r.Host), dialectcalls.GiosgGoal)
			})
			c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("api-token"))
			if err != nil {
				t.Fatal(err)
			}
			var errs []error
			for _, err := range c.Org("o").AllGoals(context.Background(), &giosg.ListOptions{Cursor: "c1", Ordering: "name"}) {
				if err != nil {
					errs = append(errs, err)
				}
			}
			if len(errs) != 1 || !errors.Is(errs[0], giosg.ErrPageLoop) {
				t.Fatalf("errs %v, want one ErrPageLoop", errs)
			}
			if got := srv.Requests(); got != 1 {
				t.Errorf("the page was fetched %d times, want 1", got)
			}
		})
	}
}

// Extra: flattening a deeply nested giosg 400 costs memory linear in the
// body (the old code allocated 85 MiB for a 54 KB body: every level copied
// the whole key).
func TestGiosgNestedErrorBodyIsLinear(t *testing.T) {
	depth := 6000 // 54 KB, under MaxErrorBody
	body := strings.Repeat(`{"field":`, depth) + `"deep"` + strings.Repeat(`}`, depth)
	list := `{"conditions": [` + strings.Repeat(`{"k": [`, 4000) + `"x"` + strings.Repeat(`]}`, 4000) + `]}`
	for name, b := range map[string]string{"objects": body, "lists": list} {
		t.Run(name, func(t *testing.T) {
			srv := faults.New(t, faults.Status(400, b))
			c, err := giosg.NewClient(giosg.WithBaseURL(srv.URL), giosg.WithAPIToken("api-token"))
			if err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err = c.Org("o").GetGoal(context.Background(), "g")
			runtime.ReadMemStats(&after)
			var apiErr *giosg.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || len(apiErr.Fields) == 0 {
				t.Fatalf("err = %v, want a 400 *APIError with fields", err)
			}
			if len(err.Error()) > 4<<10 {
				t.Errorf("err.Error() is %d bytes", len(err.Error()))
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			if alloc > 16<<20 {
				t.Errorf("the call allocated %d MiB for a %d KB body", alloc>>20, len(b)>>10)
			}
			t.Logf("%d KB body: %d KB allocated", len(b)>>10, alloc>>10)
		})
	}
}
