package pagesensetest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

func TestUpdateGoal(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	ctx := context.Background()
	p := newClient(t, f).Project("portal", "site")
	g, err := p.CreateGoal(ctx, pageVisit("pricing"))
	if err != nil {
		t.Fatal(err)
	}
	name, secs := "Pricing page", 20
	u, err := p.UpdateGoal(ctx, "pricing", &pagesense.GoalPatch{DisplayName: &name, TimeThreshold: &secs})
	if err != nil {
		t.Fatal(err)
	}
	want := *g
	want.DisplayName, want.TimeThreshold = name, secs
	if got := f.Goals("portal", "site"); len(got) != 1 || !equalGoal(got[0], want) || !equalGoal(*u, want) {
		t.Errorf("after update: stored %+v, returned %+v, want %+v", got, *u, want)
	}

	// A change the service would refuse fails per item, at status 10000.
	// (a page-visit goal without its URL).
	noURL := ""
	var apiErr *pagesense.APIError
	_, err = p.UpdateGoal(ctx, "pricing", &pagesense.GoalPatch{GoalURL: &noURL})
	if err == nil || !errors.As(err, &apiErr) || apiErr.StatusCode != 200 || !strings.Contains(apiErr.Message, `projectgoal "pricing"`) {
		t.Fatalf("invalid update: %v, want a per-item *APIError", err)
	}
	if got := f.Goals("portal", "site"); !equalGoal(got[0], want) {
		t.Errorf("refused update changed the goal: %+v", got[0])
	}
	if _, err := p.UpdateGoal(ctx, "gone", &pagesense.GoalPatch{DisplayName: &name}); !errors.Is(err, pagesense.ErrNotFound) {
		t.Errorf("update of an unknown goal: %v, want ErrNotFound", err)
	}
}

// equalGoal compares goals ignoring the create time's monotonic clock.
func equalGoal(a, b pagesense.Goal) bool {
	return a.CreatedAt.Equal(b.CreatedAt) && a.DisplayName == b.DisplayName && a.TimeThreshold == b.TimeThreshold &&
		a.GoalID == b.GoalID && a.Linkname == b.Linkname && a.GoalURL == b.GoalURL && a.Status == b.Status
}

// Writes answer per-item success; the custom event answer is the official
// one, without an envelope.
func TestWriteAnswersCarryItemSuccess(t *testing.T) {
	t.Parallel()
	srv := pagesensetest.NewServer()
	defer srv.Close()
	do := func(method, path, body string) string {
		req, _ := http.NewRequest(method, srv.URL+"/pagesense/rest/v1"+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Zoho-oauthtoken t")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := do("POST", "/portal/p/customevents", `{"customevent": {"event_name": "Signup", "project_linkname": "site"}}`); got != `{"customevents":[{"event_id":1,"linkname":"signup","success":true}]}`+"\n" {
		t.Errorf("create event answered %s", got)
	}
	got := do("POST", "/portal/p/projectgoals/site", `{"projectgoal": {"display_name": "CTA", "goal_type": 2, "project_linkname": "site"}}`)
	for _, want := range []string{`"success":true`, `"goal_status":2`, `"time_spent_seconds":""`, `"created_time":`} {
		if !strings.Contains(got, want) {
			t.Errorf("create goal answered %s, want %s in it", got, want)
		}
	}
	if got := do("DELETE", "/portal/p/projectgoals/cta", ``); !strings.Contains(got, `"success":true`) || !strings.Contains(got, `"linkname":"cta"`) {
		t.Errorf("delete answered %s", got)
	}
	if got := do("GET", "/portal/p/customevents?project_linkname=none", ``); !strings.Contains(got, `"customevents":{}`) {
		t.Errorf("empty event list answered %s", got)
	}
}
