package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
)

func match() *giosg.ExternalMatch {
	return &giosg.ExternalMatch{VisitorIdentity: "customer-1", GoalMatchedAt: time.Now(), Rooms: []string{"r"}}
}

func TestErrorBodies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		status   int
		body     string
		sentinel error
		message  string
		fields   map[string][]string
	}{
		{"401 detail", 401, `{"detail":"Authentication credentials were not provided."}`, giosg.ErrUnauthorized,
			"Authentication credentials were not provided.", nil},
		{"403 subscription", 403, `{"detail":"You do not have an active subscription."}`, giosg.ErrForbidden,
			"You do not have an active subscription.", nil},
		{"403 organization", 403, `{"detail":"You do not have access to this organization."}`, giosg.ErrForbidden,
			"You do not have access to this organization.", nil},
		{"403 settings", 403, `{"detail":"You do not have settings permission."}`, giosg.ErrForbidden,
			"You do not have settings permission.", nil},
		{"404 goal", 404, `{"detail":"Goal not found."}`, giosg.ErrNotFound, "Goal not found.", nil},
		{"404 session", 404, `{"detail":"No session found for 'visitor_identity'."}`, giosg.ErrNotFound,
			"No session found for 'visitor_identity'.", nil},
		{"404 rooms", 404, `{"detail":"There is no connected rooms found for visitor session."}`, giosg.ErrNotFound,
			"There is no connected rooms found for visitor session.", nil},
		{"404 empty body", 404, ``, giosg.ErrNotFound, "", nil},
		{"404 html", 404, `<html><body><h1>Not Found</h1></body></html>`, giosg.ErrNotFound, "", nil},
		{"400 fields", 400, `{"rooms":["This list may not be empty."],"visitor_identity":["This field is required.","Second."]}`,
			giosg.ErrInvalid, "rooms: This list may not be empty.; visitor_identity: This field is required. Second.",
			map[string][]string{"rooms": {"This list may not be empty."}, "visitor_identity": {"This field is required.", "Second."}}},
		{"400 non_field_errors", 400, `{"non_field_errors":["Goal is archived."]}`, giosg.ErrInvalid, "Goal is archived.",
			map[string][]string{"non_field_errors": {"Goal is archived."}}},
		{"400 string field", 400, `{"goal_value":"A valid number is required."}`, giosg.ErrInvalid,
			"goal_value: A valid number is required.", map[string][]string{"goal_value": {"A valid number is required."}}},
		{"400 nested", 400, `{"rooms":{"1":["This field may not be blank."]}}`, giosg.ErrInvalid,
			"rooms.1: This field may not be blank.", map[string][]string{"rooms.1": {"This field may not be blank."}}},
		{"400 detail and code", 400, `{"detail":"JSON parse error","code":"parse_error"}`, giosg.ErrInvalid, "JSON parse error", nil},
		{"400 truncated", 400, `{"rooms":["This li`, giosg.ErrInvalid, "", nil},
		{"400 html", 400, `<!DOCTYPE html><h1>Bad Request (400)</h1>`, giosg.ErrInvalid, "", nil},
		{"422 fields", 422, `{"name":["Too long."]}`, giosg.ErrInvalid, "name: Too long.", map[string][]string{"name": {"Too long."}}},
		// Field errors come only with validation statuses: other JSON is not about the input.
		{"401 other json", 401, `{"status_code":10401,"error":"expired"}`, giosg.ErrUnauthorized, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t)
			mt.RegisterResponder(http.MethodPost, matchURL, httpmock.NewStringResponder(tc.status, tc.body))
			err := org.CreateExternalMatch(context.Background(), testGoal, match())
			var apiErr *giosg.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Message != tc.message || !reflect.DeepEqual(apiErr.Fields, tc.fields) {
				t.Errorf("got status %d message %q fields %v", apiErr.StatusCode, apiErr.Message, apiErr.Fields)
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("%v does not match %v", err, tc.sentinel)
			}
			if string(apiErr.Body) != tc.body {
				t.Errorf("Body = %q", apiErr.Body)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Error("token in error text")
			}
			if n := mt.GetTotalCallCount(); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
		})
	}
}

func TestNestedConditionErrors(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterResponder(http.MethodPost, goalsURL, httpmock.NewStringResponder(400,
		`{"conditions":[{},{"type":["A valid integer is required."]}]}`))
	_, err := org.CreateGoal(context.Background(), &giosg.GoalInput{Name: "n", AllowAnyRoom: true})
	var apiErr *giosg.APIError
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	want := map[string][]string{"conditions[1].type": {"A valid integer is required."}}
	if !reflect.DeepEqual(apiErr.Fields, want) {
		t.Errorf("Fields = %v", apiErr.Fields)
	}
}

// counting answers with the given statuses in turn (the last one repeats)
// and counts attempts.
func counting(n *atomic.Int32, statuses ...int) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		i := int(n.Add(1)) - 1
		status := statuses[min(i, len(statuses)-1)]
		body := `{"id":"g","name":"ok"}`
		if status >= 300 {
			body = `{"detail":"busy"}`
		}
		return httpmock.NewStringResponse(status, body), nil
	}
}

func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	calls := map[string]func(*giosg.Org) error{
		"match": func(o *giosg.Org) error { return o.CreateExternalMatch(ctx, testGoal, match()) },
		"create": func(o *giosg.Org) error {
			_, err := o.CreateGoal(ctx, &giosg.GoalInput{Name: "n", AllowAnyRoom: true})
			return err
		},
		"patch": func(o *giosg.Org) error {
			_, err := o.PatchGoal(ctx, testGoal, &giosg.GoalPatch{Name: giosg.Ptr("n")})
			return err
		},
		"get": func(o *giosg.Org) error { _, err := o.GetGoal(ctx, testGoal); return err },
		"put": func(o *giosg.Org) error {
			_, err := o.UpdateGoal(ctx, testGoal, &giosg.GoalInput{Name: "n", AllowAnyRoom: true})
			return err
		},
	}
	cases := []struct {
		call     string
		statuses []int
		attempts int32
		status   int // final APIError status, 0 for success
	}{
		{"match", []int{500}, 1, 500},
		{"match", []int{502}, 1, 502},
		{"match", []int{503}, 1, 503},
		{"match", []int{429, 200}, 2, 0},
		{"match", []int{429, 429, 429}, 3, 429},
		{"create", []int{503}, 1, 503},
		{"create", []int{429, 201}, 2, 0},
		{"patch", []int{500}, 1, 500},
		{"get", []int{500, 502, 200}, 3, 0},
		{"get", []int{500}, 3, 500},
		{"get", []int{429, 200}, 2, 0},
		{"put", []int{503, 200}, 2, 0},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %v", tc.call, tc.statuses), func(t *testing.T) {
			t.Parallel()
			org, mt := newOrg(t, giosg.WithRetryMax(2))
			var n atomic.Int32
			mt.RegisterNoResponder(counting(&n, tc.statuses...))
			err := calls[tc.call](org)
			if n.Load() != tc.attempts {
				t.Errorf("%d attempts, want %d", n.Load(), tc.attempts)
			}
			if tc.status == 0 {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var apiErr *giosg.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || apiErr.Message != "busy" {
				t.Fatalf("err = %v, want APIError %d busy", err, tc.status)
			}
		})
	}
}

// A dropped connection after a match POST may mean giosg recorded it: the
// match is not sent again. A GET is.
func TestConnectionErrors(t *testing.T) {
	t.Parallel()
	dropped := func(n *atomic.Int32) httpmock.Responder {
		return func(*http.Request) (*http.Response, error) {
			n.Add(1)
			return nil, errors.New("connection reset by peer")
		}
	}
	t.Run("match", func(t *testing.T) {
		t.Parallel()
		org, mt := newOrg(t, giosg.WithRetryMax(3))
		var n atomic.Int32
		mt.RegisterNoResponder(dropped(&n))
		if err := org.CreateExternalMatch(context.Background(), testGoal, match()); err == nil {
			t.Fatal("no error")
		}
		if n.Load() != 1 {
			t.Errorf("%d attempts, want 1", n.Load())
		}
	})
	t.Run("get", func(t *testing.T) {
		t.Parallel()
		org, mt := newOrg(t, giosg.WithRetryMax(3))
		var n atomic.Int32
		mt.RegisterNoResponder(dropped(&n))
		if _, err := org.GetGoal(context.Background(), testGoal); err == nil {
			t.Fatal("no error")
		}
		if n.Load() != 4 {
			t.Errorf("%d attempts, want 4", n.Load())
		}
	})
}

func TestRetryAfterTooLongIsNotSlept(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(429, `{"detail":"Request was throttled. Expected available in 3600 seconds."}`)
		r.Header.Set("Retry-After", "3600")
		return r, nil
	})
	err := org.CreateExternalMatch(context.Background(), testGoal, match())
	var apiErr *giosg.APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour || !errors.Is(err, giosg.ErrRateLimited) {
		t.Fatalf("err = %v", err)
	}
	if mt.GetTotalCallCount() != 1 {
		t.Errorf("%d attempts", mt.GetTotalCallCount())
	}
}

func TestMalformedSuccess(t *testing.T) {
	t.Parallel()
	org, mt := newOrg(t)
	mt.RegisterNoResponder(httpmock.NewStringResponder(200, `<html>maintenance</html>`))
	if _, err := org.GetGoal(context.Background(), testGoal); !errors.Is(err, giosg.ErrMalformedResponse) {
		t.Fatalf("err = %v", err)
	}
	if _, err := org.ListGoals(context.Background(), nil); !errors.Is(err, giosg.ErrMalformedResponse) {
		t.Fatalf("err = %v", err)
	}
}
