package triggers_test

import (
	"errors"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/triggers"
)

const htmlPage = "<html><body><h1>502 Bad Gateway</h1></body></html>"

func TestErrors_StatusClasses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		status        int
		body          string
		sentinel      error
		code, message string
	}{
		{401, `{"error": "Unauthorized", "description": "The server could not verify that you are authorized to access the requested resource"}`, triggers.ErrUnauthorized, "Unauthorized", "The server could not verify that you are authorized to access the requested resource"},
		{403, `{"error": "Forbidden", "description": "Administrators only"}`, triggers.ErrForbidden, "Forbidden", "Administrators only"},
		{404, `{"error": "Not Found", "description": "No such trigger"}`, triggers.ErrNotFound, "Not Found", "No such trigger"},
		{400, `{"error": "Bad Request", "description": "Trigger name already exists"}`, triggers.ErrInvalid, "Bad Request", "Trigger name already exists"},
		{405, `{"error": "Method Not Allowed", "description": "The method is not allowed for the requested URL."}`, nil, "Method Not Allowed", "The method is not allowed for the requested URL."},
		{403, htmlPage, triggers.ErrForbidden, "", ""},
	}
	for _, tc := range cases {
		c, mt, _ := mock(t, []httpmock.Responder{answer(tc.status, tc.body)})
		_, err := c.Update(ctx, "Good Trigger", &triggers.TriggerParams{Enabled: triggers.Ptr(false)})
		var ae *triggers.APIError
		if !errors.As(err, &ae) || ae.StatusCode != tc.status || ae.Code != tc.code || ae.Message != tc.message || string(ae.Body) != tc.body {
			t.Errorf("%d: err = %v (%+v)", tc.status, err, ae)
			continue
		}
		if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
			t.Errorf("%d: does not match %v", tc.status, tc.sentinel)
		}
		if ae.Method != "PUT" || ae.URL != testBase+"/triggers/Good%20Trigger" || mt.GetTotalCallCount() != 1 {
			t.Errorf("%d: %s %s after %d calls", tc.status, ae.Method, ae.URL, mt.GetTotalCallCount())
		}
	}
}

func TestErrors_RateLimitedThenSuccess(t *testing.T) {
	t.Parallel()
	limited := answer(429, `{"error": "Too Many Requests", "description": "Rate limit exceeded"}`)
	c, mt, _ := mock(t, []httpmock.Responder{limited, answer(201, seedCreateResponse)})
	tr, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("Good Trigger")})
	if err != nil || tr.ID != 4 || mt.GetTotalCallCount() != 2 {
		t.Fatalf("Create after 429: %+v, %v, %d calls", tr, err, mt.GetTotalCallCount())
	}
}

func TestErrors_ServerErrors(t *testing.T) {
	t.Parallel()
	// DELETE is idempotent: retried after a 5xx.
	c, mt, _ := mock(t, []httpmock.Responder{answer(500, htmlPage), httpmock.NewStringResponder(204, "")})
	if err := c.Delete(ctx, "x"); err != nil || mt.GetTotalCallCount() != 2 {
		t.Fatalf("Delete after 500: %v, %d calls", err, mt.GetTotalCallCount())
	}
	// POST is not: one call, and the HTML body stays in the error.
	c, mt, _ = mock(t, []httpmock.Responder{answer(502, htmlPage)})
	_, err := c.Create(ctx, &triggers.TriggerParams{Name: triggers.Ptr("x")})
	var ae *triggers.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 502 || ae.Code != "" || string(ae.Body) != htmlPage || mt.GetTotalCallCount() != 1 {
		t.Fatalf("Create on 502: %v after %d calls", err, mt.GetTotalCallCount())
	}
	// A 5xx to the end on GET: the last response as *APIError.
	c, mt, _ = mock(t, []httpmock.Responder{answer(503, `{"error": "Service Unavailable", "description": "down"}`)}, triggers.WithRetryMax(2))
	_, err = c.List(ctx)
	if !errors.As(err, &ae) || ae.StatusCode != 503 || ae.Message != "down" || mt.GetTotalCallCount() != 3 {
		t.Fatalf("List on 503: %v after %d calls", err, mt.GetTotalCallCount())
	}
}
