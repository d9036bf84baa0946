package goalstest_test

import (
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

func TestLoadJSONRecordedGoals(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	doc, err := os.Open("testdata/airbyte-goals.json")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	if err := f.LoadJSON(doc); err != nil {
		t.Fatal(err)
	}
	g, err := c.Get(ctx, 529641)
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "Goal one" || g.Enabled || g.AttributionPeriod != 5 || g.Settings.Conditions[0].Value != "http://mysite.com/" {
		t.Errorf("seeded goal read back as %+v", g)
	}
	created, err := c.Create(ctx, params("New", goals.Ptr(false)))
	if err != nil {
		t.Fatal(err)
	}
	if created.ID <= 529641 {
		t.Errorf("new id %d collides with the seeded range", created.ID)
	}
}

func TestSeedRefusesBadInput(t *testing.T) {
	t.Parallel()
	f := goalstest.New()
	if err := f.Seed(goals.Goal{ID: 7, Name: "A"}); err != nil {
		t.Fatal(err)
	}
	six := make([]goals.Goal, 6)
	for i := range six {
		six[i] = goals.Goal{Name: "G", Enabled: true}
	}
	for name, err := range map[string]error{
		"taken id":      f.Seed(goals.Goal{ID: 7, Name: "B"}),
		"blank name":    f.Seed(goals.Goal{Name: " "}),
		"over limit":    f.Seed(six...),
		"not JSON":      f.LoadJSON(strings.NewReader(`{"goals": [`)),
		"unknown key":   f.LoadJSON(strings.NewReader(`{"gaols": []}`)),
		"wrong type":    f.LoadJSON(strings.NewReader(`{"goals": [{"id": "x"}]}`)),
		"trailing data": f.LoadJSON(strings.NewReader(`[] []`)),
	} {
		if !errors.Is(err, goalstest.ErrBadSeed) {
			t.Errorf("%s: %v, want ErrBadSeed", name, err)
		}
	}
	if got := f.Goals(); len(got) != 1 {
		t.Errorf("failed seeds stored goals: %+v", got)
	}
}

func TestRequireToken(t *testing.T) {
	t.Parallel()
	f := goalstest.New()
	f.RequireToken("right")
	srv := goalstest.NewServerWith(f)
	defer srv.Close()
	for token, want := range map[string]error{"wrong": goals.ErrUnauthorized, "right": nil} {
		c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken(token))
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.List(ctx)
		if !errors.Is(err, want) && err != want {
			t.Errorf("token %q: %v, want %v", token, err, want)
		}
		var apiErr *goals.APIError
		if want != nil && (!errors.As(err, &apiErr) || apiErr.Code != http.StatusText(http.StatusUnauthorized)) {
			t.Errorf("token %q: %#v, want the Zopim error body", token, err)
		}
	}
	for _, r := range f.Requests() {
		if r.Header.Get("Authorization") != "REDACTED" {
			t.Errorf("logged credential %q", r.Header.Get("Authorization"))
		}
	}
}
