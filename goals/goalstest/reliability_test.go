package goalstest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

const htmlPage = "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1></body></html>"

// TestReliabilityTableWithKit reproduces every row of RELIABILITY.md's
// fault table with one goalstest.Fault over real TCP, with the suite's
// settings, and checks the attempts (counted in Requests) and the error
// class for a GET (List) and a POST (Create).
func TestReliabilityTableWithKit(t *testing.T) {
	t.Parallel()
	soon := func() string { return time.Now().Add(1500 * time.Millisecond).UTC().Format(http.TimeFormat) }
	rows := []struct {
		name     string
		fault    func() goalstest.Fault
		getN     int
		getWant  string
		postN    int
		postWant string
	}{
		{"429 Retry-After seconds", func() goalstest.Fault { return goalstest.Fault{Status: 429, RetryAfter: "1", Times: 1} }, 2, "success", 2, "success"},
		{"429 Retry-After HTTP-date", func() goalstest.Fault { return goalstest.Fault{Status: 429, RetryAfter: soon(), Times: 1} }, 2, "success", 2, "success"},
		{"429 Retry-After over max wait", func() goalstest.Fault { return goalstest.Fault{Status: 429, RetryAfter: "3600"} }, 1, "rate limited", 1, "rate limited"},
		{"429 without Retry-After", func() goalstest.Fault { return goalstest.Fault{Status: 429, Times: 1} }, 2, "success", 2, "success"},
		{"500 then success", func() goalstest.Fault { return goalstest.Fault{Status: 500, Times: 1} }, 2, "success", 1, "api"},
		{"502 then success", func() goalstest.Fault { return goalstest.Fault{Status: 502, Times: 1} }, 2, "success", 1, "api"},
		{"503 then success", func() goalstest.Fault { return goalstest.Fault{Status: 503, Times: 1} }, 2, "success", 1, "api"},
		{"504 then success", func() goalstest.Fault { return goalstest.Fault{Status: 504, Times: 1} }, 2, "success", 1, "api"},
		{"5xx never heals", func() goalstest.Fault { return goalstest.Fault{Status: 500} }, 3, "api", 1, "api"},
		{"reset before response", func() goalstest.Fault { return goalstest.Fault{Drop: true, Times: 1} }, 2, "success", 1, "network"},
		{"reset mid-body", func() goalstest.Fault { return goalstest.Fault{CutBody: true, Drop: true, Times: 1} }, 2, "success", 1, "network"},
		{"stall past attempt timeout", func() goalstest.Fault { return goalstest.Fault{Delay: time.Second, Times: 1} }, 2, "success", 1, "network"},
		{"truncated body", func() goalstest.Fault { return goalstest.Fault{CutBody: true, Times: 1} }, 2, "success", 1, "network"},
		{"body over size cap", func() goalstest.Fault { return goalstest.Fault{Oversize: 128 << 10} }, 1, "too large", 1, "too large"},
		{"HTML error page 502", func() goalstest.Fault {
			return goalstest.Fault{Status: 502, Body: htmlPage, ContentType: "text/html"}
		}, 3, "api", 1, "api"},
		{"HTML 200", func() goalstest.Fault { return goalstest.Fault{Status: 200, Body: htmlPage, ContentType: "text/html"} }, 1, "malformed", 1, "malformed"},
		{"empty 200", func() goalstest.Fault { return goalstest.Fault{Status: 200} }, 1, "malformed", 1, "malformed"},
	}
	for _, row := range rows {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			t.Run(row.name+"/"+method, func(t *testing.T) {
				t.Parallel()
				f := goalstest.New()
				srv := goalstest.NewServerWith(f)
				defer srv.Close()
				c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"),
					goals.WithRetryMax(2), goals.WithRetryWait(10*time.Millisecond, 30*time.Second),
					goals.WithMaxResponseSize(64<<10),
					goals.WithHTTPClient(&http.Client{Timeout: 300 * time.Millisecond}))
				if err != nil {
					t.Fatal(err)
				}
				flt := row.fault()
				flt.Method = method
				if err := f.Inject(flt); err != nil {
					t.Fatal(err)
				}
				wantN, want := row.getN, row.getWant
				if method == http.MethodPost {
					wantN, want = row.postN, row.postWant
					_, err = c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("A")})
				} else {
					_, err = c.List(context.Background())
				}
				if got := class(err); got != want {
					t.Errorf("outcome %q (%v), want %q", got, err, want)
				}
				if got := len(f.Requests()); got != wantN {
					t.Errorf("%d attempts, want %d", got, wantN)
				}
			})
		}
	}
}

func class(err error) string {
	var apiErr *goals.APIError
	switch {
	case err == nil:
		return "success"
	case errors.Is(err, goals.ErrRateLimited):
		return "rate limited"
	case errors.As(err, &apiErr):
		return "api"
	case errors.Is(err, goals.ErrResponseTooLarge):
		return "too large"
	case errors.Is(err, goals.ErrMalformedResponse):
		return "malformed"
	case strings.Contains(err.Error(), "goals"):
		return "network"
	}
	return "other: " + err.Error()
}

// TestStatusFaultsOverResponder: status-level faults work under httpmock
// too, and a network fault becomes a transport error there.
func TestStatusFaultsOverResponder(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	f.Inject(goalstest.Fault{Route: "List", Status: 429, RetryAfter: "0", Times: 1})
	f.Inject(goalstest.Fault{Route: "Create", Status: 502, AfterApply: true, Times: 1})
	f.Inject(goalstest.Fault{Route: "Get", Drop: true})
	if _, err := c.List(ctx); err != nil {
		t.Errorf("List after one 429: %v", err)
	}
	_, err := c.Create(ctx, params("A", goals.Ptr(false)))
	var apiErr *goals.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || len(f.Goals()) != 1 {
		t.Errorf("Create = %v with %d goals stored; want a 502 and the goal stored", err, len(f.Goals()))
	}
	if _, err := c.Get(ctx, 1); err == nil || errors.As(err, &apiErr) {
		t.Errorf("Get over a dropped connection = %v, want a transport error", err)
	}
	var lists, creates, gets int
	for _, r := range f.Requests() {
		switch r.Operation {
		case "List":
			lists++
		case "Create":
			creates++
		case "Get":
			gets++
		}
	}
	if lists != 2 || creates != 1 || gets != 5 { // Get is retried: the client's default RetryMax is 4
		t.Errorf("requests: %d List, %d Create, %d Get", lists, creates, gets)
	}
}
