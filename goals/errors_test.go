package goals_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
)

const htmlPage = "<html><body><h1>502 Bad Gateway</h1></body></html>"

func TestErrors_StatusClasses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		status   int
		body     string
		sentinel error
		code     string
		message  string
	}{
		{"401", 401, `{"error": "Unauthorized", "description": "The server could not verify that you are authorized to access the requested resource"}`,
			goals.ErrUnauthorized, "Unauthorized", "The server could not verify that you are authorized to access the requested resource"},
		{"403", 403, `{"error": "Forbidden", "description": "You don't have the permission to access the requested resource."}`,
			goals.ErrForbidden, "Forbidden", "You don't have the permission to access the requested resource."},
		{"404", 404, `{"error": "Not Found", "description": "The requested URL was not found on the server."}`,
			goals.ErrNotFound, "Not Found", "The requested URL was not found on the server."},
		{"400", 400, `{"error": "Bad Request", "description": "Invalid attribution_period"}`,
			goals.ErrInvalid, "Bad Request", "Invalid attribution_period"},
		{"zendesk shape", 401, `{"error": {"title": "Couldn't authenticate you", "message": "Use a Chat OAuth token"}}`,
			goals.ErrUnauthorized, "Couldn't authenticate you", "Use a Chat OAuth token"},
		{"html 403", 403, htmlPage, goals.ErrForbidden, "", ""},
		{"empty 404", 404, "", goals.ErrNotFound, "", ""},
		{"truncated json", 400, `{"error": "Bad Req`, goals.ErrInvalid, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mt, _ := mock(t, []httpmock.Responder{answer(tc.status, tc.body)})
			_, err := c.Get(context.Background(), 5)
			var ae *goals.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if ae.StatusCode != tc.status || ae.Code != tc.code || ae.Message != tc.message {
				t.Errorf("APIError{%d %q %q}, want {%d %q %q}", ae.StatusCode, ae.Code, ae.Message, tc.status, tc.code, tc.message)
			}
			if string(ae.Body) != tc.body {
				t.Errorf("Body = %q, want the raw body", ae.Body)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("err does not match %v", tc.sentinel)
			}
			if errors.Is(err, goals.ErrGoalsLimitExceeded) {
				t.Error("matches ErrGoalsLimitExceeded without the phrase")
			}
			if ae.Method != "GET" || ae.URL != testBase+"/goals/5" {
				t.Errorf("APIError names %s %s", ae.Method, ae.URL)
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("%d calls; 4xx but 429 are not retried", n)
			}
		})
	}
}

func TestErrors_RateLimitedThenSuccess(t *testing.T) {
	t.Parallel()
	limited := answer(429, `{"error": "Too Many Requests", "description": "Rate limit exceeded"}`).HeaderAdd(map[string][]string{"Retry-After": {"0"}})
	c, mt, _ := mock(t, []httpmock.Responder{limited, answer(201, seedGoal)})
	g, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("Goal 1")})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != 1 || mt.GetTotalCallCount() != 2 {
		t.Errorf("goal %d after %d calls, want goal 1 after 2 (429 is retried, also for POST)", g.ID, mt.GetTotalCallCount())
	}
}

func TestErrors_RateLimitedToTheEnd(t *testing.T) {
	t.Parallel()
	c, mt, _ := mock(t, []httpmock.Responder{answer(429, `{"error": "Too Many Requests", "description": "Slow down"}`)}, goals.WithRetryMax(2))
	_, err := c.List(context.Background())
	var ae *goals.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 429 || ae.Message != "Slow down" || !errors.Is(err, goals.ErrRateLimited) {
		t.Fatalf("err = %v, want the last 429 as *APIError", err)
	}
	if n := mt.GetTotalCallCount(); n != 3 {
		t.Errorf("%d calls, want 1 + 2 retries", n)
	}
}

func TestErrors_ServerErrorRetriedForGetOnly(t *testing.T) {
	t.Parallel()
	c, mt, _ := mock(t, []httpmock.Responder{answer(503, htmlPage), answer(200, seedGoal)})
	if _, err := c.Get(context.Background(), 1); err != nil || mt.GetTotalCallCount() != 2 {
		t.Fatalf("GET after 503: err %v, %d calls; want success on the retry", err, mt.GetTotalCallCount())
	}

	c, mt, _ = mock(t, []httpmock.Responder{answer(500, `{"error": "Internal Server Error", "description": "boom"}`)})
	_, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("x")})
	var ae *goals.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 500 || ae.Code != "Internal Server Error" || ae.Message != "boom" {
		t.Fatalf("err = %v, want *APIError 500", err)
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("POST retried on 500: %d calls; a goal must not be created twice", n)
	}
}

func TestErrors_HTMLServerError(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(502, htmlPage)}, goals.WithRetryMax(1))
	err := c.Delete(context.Background(), 4)
	var ae *goals.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 502 || ae.Code != "" || string(ae.Body) != htmlPage {
		t.Fatalf("err = %v, want *APIError 502 keeping the HTML body", err)
	}
}

func TestErrors_GoalsLimitExceeded(t *testing.T) {
	t.Parallel()
	cases := []struct {
		status  int
		body    string
		invalid bool
	}{
		{400, `{"error": "Bad Request", "description": "Goals limit exceeded"}`, true},
		{422, `{"error": "Unprocessable Entity", "description": "goals LIMIT exceeded (5)"}`, true},
		{403, `{"error": "Forbidden", "description": "Goals limit exceeded"}`, false},
		{409, "Goals limit exceeded", false},
	}
	for _, tc := range cases {
		c, _, _ := mock(t, []httpmock.Responder{answer(tc.status, tc.body)})
		_, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("6th"), Enabled: goals.Ptr(true)})
		if !errors.Is(err, goals.ErrGoalsLimitExceeded) {
			t.Errorf("%d %s: err %v does not match ErrGoalsLimitExceeded", tc.status, tc.body, err)
		}
		if errors.Is(err, goals.ErrInvalid) != tc.invalid {
			t.Errorf("%d: matches ErrInvalid = %v, want %v", tc.status, !tc.invalid, tc.invalid)
		}
	}
	// Only 4xx: a 5xx page that happens to carry the phrase is a server error.
	c, _, _ := mock(t, []httpmock.Responder{answer(500, `{"error": "x", "description": "Goals limit exceeded"}`)})
	_, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("6th")})
	if errors.Is(err, goals.ErrGoalsLimitExceeded) {
		t.Error("a 500 matched ErrGoalsLimitExceeded")
	}
}

func TestErrors_MalformedSuccess(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, htmlPage)})
	if _, err := c.List(context.Background()); !errors.Is(err, goals.ErrMalformedResponse) {
		t.Fatalf("err = %v, want ErrMalformedResponse", err)
	}
}

func TestErrors_NoCredentialsInMessages(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(401, `{"error": "Unauthorized", "description": "bad token"}`)})
	_, err := c.List(context.Background())
	if err == nil || strings.Contains(err.Error(), "tok-123") {
		t.Fatalf("err = %v: must exist and not show the token", err)
	}
}
