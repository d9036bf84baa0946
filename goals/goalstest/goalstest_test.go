package goalstest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/internal/testkit"
)

var ctx = context.Background()

// client serves a fresh fake through httpmock under the current host.
func client(t *testing.T) (*goals.Client, *goalstest.Fake) {
	t.Helper()
	f := goalstest.New()
	c, mt := testkit.Client(t, goals.NewClient, "https://acme.zendesk.com/api/v2/chat", goals.WithToken("t"))
	mt.RegisterNoResponder(f.Responder())
	return c, f
}

func params(name string, enabled *bool) *goals.GoalParams {
	return &goals.GoalParams{
		Name: goals.Ptr(name), Enabled: enabled,
		AttributionModel: goals.Ptr(goals.LastTouch), AttributionPeriod: goals.Ptr(7),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/thanks"},
		}},
	}
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	a, err := c.Create(ctx, params("A", goals.Ptr(true)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Create(ctx, params("B", goals.Ptr(false)))
	if err != nil {
		t.Fatal(err)
	}
	want := goals.Goal{ID: 1, Name: "A", Enabled: true, AttributionModel: goals.LastTouch, AttributionPeriod: 7,
		Settings: goals.Settings{Conditions: []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/thanks"}}}}
	if !reflect.DeepEqual(*a, want) || b.ID != 2 || b.Enabled {
		t.Fatalf("created %+v and %+v", a, b)
	}

	got, err := c.Get(ctx, 1)
	if err != nil || !reflect.DeepEqual(*got, want) {
		t.Fatalf("Get = %+v, %v", got, err)
	}

	up, err := c.Update(ctx, 1, &goals.GoalParams{Description: goals.Ptr("renamed desc"), AttributionPeriod: goals.Ptr(30)})
	if err != nil {
		t.Fatal(err)
	}
	want.Description, want.AttributionPeriod = "renamed desc", 30
	if !reflect.DeepEqual(*up, want) {
		t.Fatalf("Update = %+v, want only the sent fields changed", up)
	}

	list, err := c.List(ctx)
	if err != nil || len(list) != 2 || list[0].ID != 1 || list[1].ID != 2 || !reflect.DeepEqual(list, f.Goals()) {
		t.Fatalf("List = %+v, %v", list, err)
	}

	if err := c.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(ctx, 1); !errors.Is(err, goals.ErrNotFound) {
		t.Fatalf("Get after Delete: %v, want ErrNotFound", err)
	}
	next, _ := c.Create(ctx, params("C", nil))
	if next.ID != 3 {
		t.Errorf("ids are reused: got %d, want 3", next.ID)
	}
}

func TestUnknownIDs(t *testing.T) {
	t.Parallel()
	c, _ := client(t)
	var ae *goals.APIError
	_, err := c.Get(ctx, 42)
	if !errors.As(err, &ae) || ae.StatusCode != 404 || ae.Code != "Not Found" || ae.Message == "" {
		t.Errorf("Get: %v", err)
	}
	if _, err := c.Update(ctx, 42, &goals.GoalParams{Name: goals.Ptr("x")}); !errors.Is(err, goals.ErrNotFound) {
		t.Errorf("Update: %v", err)
	}
	if err := c.Delete(ctx, 42); !errors.Is(err, goals.ErrNotFound) {
		t.Errorf("Delete: %v", err)
	}
}

func limitErr(t *testing.T, err error) {
	t.Helper()
	var ae *goals.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 400 || ae.Code != "Bad Request" || ae.Message != "Goals limit exceeded" {
		t.Fatalf("err = %v, want 400 Bad Request: Goals limit exceeded", err)
	}
	if !errors.Is(err, goals.ErrGoalsLimitExceeded) || !errors.Is(err, goals.ErrInvalid) {
		t.Fatalf("err = %v must match ErrGoalsLimitExceeded and ErrInvalid", err)
	}
}

func TestActiveGoalLimit(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	for i := range goals.MaxActiveGoals {
		// The first omits "enabled": it counts as enabled.
		enabled := goals.Ptr(true)
		if i == 0 {
			enabled = nil
		}
		if _, err := c.Create(ctx, params(fmt.Sprint("G", i), enabled)); err != nil {
			t.Fatalf("goal %d: %v", i+1, err)
		}
	}
	_, err := c.Create(ctx, params("sixth", goals.Ptr(true)))
	limitErr(t, err)
	_, err = c.Create(ctx, params("sixth, no enabled key", nil))
	limitErr(t, err)
	if n := len(f.Goals()); n != 5 {
		t.Fatalf("%d goals stored; a refused create must store nothing", n)
	}

	off, err := c.Create(ctx, params("disabled sixth", goals.Ptr(false)))
	if err != nil {
		t.Fatalf("a disabled goal does not count: %v", err)
	}
	_, err = c.Update(ctx, off.ID, &goals.GoalParams{Enabled: goals.Ptr(true)})
	limitErr(t, err)
	if g, _ := c.Get(ctx, off.ID); g.Enabled {
		t.Fatal("a refused update changed the goal")
	}
	// Updating an already enabled goal is not blocked by the limit.
	if _, err := c.Update(ctx, 1, &goals.GoalParams{Enabled: goals.Ptr(true), Name: goals.Ptr("still on")}); err != nil {
		t.Fatal(err)
	}

	// Disabling one frees a slot.
	if _, err := c.Update(ctx, 1, &goals.GoalParams{Enabled: goals.Ptr(false)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Update(ctx, off.ID, &goals.GoalParams{Enabled: goals.Ptr(true)}); err != nil {
		t.Fatalf("slot freed by disabling: %v", err)
	}
	// Deleting one frees a slot.
	_, err = c.Create(ctx, params("again", goals.Ptr(true)))
	limitErr(t, err)
	if err := c.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Create(ctx, params("again", goals.Ptr(true))); err != nil {
		t.Fatalf("slot freed by deleting: %v", err)
	}
}

func TestConcurrentCreatesRespectLimit(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, limited := 0, 0
	for i := range 20 {
		wg.Go(func() {
			_, err := c.Create(ctx, params(fmt.Sprint("g", i), goals.Ptr(true)))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errors.Is(err, goals.ErrGoalsLimitExceeded):
				limited++
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if ok != 5 || limited != 15 || len(f.Goals()) != 5 {
		t.Errorf("%d created, %d limited, %d stored; want 5, 15, 5", ok, limited, len(f.Goals()))
	}
}

// raw sends a request the client would refuse to send, to check the fake
// refuses it like the real API.
func raw(t *testing.T, srvURL, method, path, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, srvURL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

func TestServerRefusesInvalidInput(t *testing.T) {
	t.Parallel()
	srv := goalstest.NewServer()
	defer srv.Close()
	if code, _ := raw(t, srv.URL, "POST", "/api/v2/chat/goals", `{"name": "ok", "enabled": 0}`); code != 201 {
		t.Fatalf("setup create: %d", code)
	}
	cases := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/api/v2/chat/goals", `{"name": "x", "attribution_period": 31}`, 400, `{"error":"Bad Request","description":"attribution_period: must be between 1 and 30 days, got 31"}`},
		{"POST", "/api/v2/chat/goals", `{"name": "x", "attribution_model": "linear"}`, 400, `"description":"attribution_model: `},
		{"POST", "/api/v2/chat/goals", `{"name": "x", "settings": {"conditions": [{"type": "url", "operator": "equals", "value": "cart"}]}}`, 400, `settings.conditions[0].value`},
		{"POST", "/api/v2/chat/goals", `{"name": "x", "settings": {"conditions": [{"type": "css", "operator": "equals", "value": "http://a/"}]}}`, 400, `settings.conditions[0].type`},
		{"POST", "/api/v2/chat/goals", `{"name": "x", "settings": {"conditions": [{"type": "url", "operator": "starts", "value": "a"}]}}`, 400, `settings.conditions[0].operator`},
		{"POST", "/api/v2/chat/goals", `{"description": "no name"}`, 400, `"description":"name: is required`},
		{"POST", "/api/v2/chat/goals", `{"name": "x", "enabled": "yes"}`, 400, `"error":"Bad Request"`},
		{"POST", "/api/v2/chat/goals", `{"name": `, 400, `"error":"Bad Request"`},
		{"POST", "/api/v2/chat/goals", `[]`, 400, `"error":"Bad Request"`},
		{"PUT", "/api/v2/chat/goals/1", `{"id": 1, "name": "y"}`, 400, `"description":"id: is read-only"`},
		{"GET", "/api/v2/chat/goals/abc", ``, 404, `{"error":"Not Found","description":"The requested URL was not found`},
		{"GET", "/api/v2/chat/goals/1/extra", ``, 404, `"error":"Not Found"`},
		{"GET", "/api/v2/chat/elsewhere", ``, 404, `"error":"Not Found"`},
		{"POST", "/api/v2/chat/goals/1", `{}`, 405, `{"error":"Method Not Allowed","description":"The method is not allowed for the requested URL."}`},
		{"DELETE", "/api/v2/chat/goals", ``, 405, `"error":"Method Not Allowed"`},
		// enabled as a boolean is accepted, as real clients send it.
		{"PUT", "/api/v2/chat/goals/1", `{"enabled": true}`, 200, `"enabled":1`},
	}
	for _, tc := range cases {
		code, body := raw(t, srv.URL, tc.method, tc.path, tc.body)
		if code != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s %s %s: %d %s\nwant %d containing %s", tc.method, tc.path, tc.body, code, body, tc.status, tc.want)
		}
	}
}

func TestNewServerWithClient(t *testing.T) {
	t.Parallel()
	f := goalstest.New()
	srv := goalstest.NewServerWith(f)
	defer srv.Close()
	for _, base := range []string{srv.URL, srv.URL + "/api/v2/chat", srv.URL + "/api/v2"} {
		c, err := goals.NewClient(goals.WithBaseURL(base), goals.WithBasicAuth("admin@acme.com", "pw"))
		if err != nil {
			t.Fatal(err)
		}
		g, err := c.Create(ctx, params("via "+base, goals.Ptr(false)))
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		if got, err := c.Get(ctx, g.ID); err != nil || got.Name != "via "+base {
			t.Fatalf("%s: Get = %+v, %v", base, got, err)
		}
	}
	if n := len(f.Goals()); n != 3 {
		t.Errorf("fake holds %d goals, want 3", n)
	}
}

func TestGoalsSnapshotIsACopy(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	if _, err := c.Create(ctx, params("A", nil)); err != nil {
		t.Fatal(err)
	}
	snap := f.Goals()
	snap[0].Settings.Conditions[0].Value = "changed"
	if g, _ := c.Get(ctx, 1); g.Settings.Conditions[0].Value != "/thanks" {
		t.Error("changing a snapshot changed the fake")
	}
}
