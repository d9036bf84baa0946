package goalkit_test

import (
	"context"
	"net/http"
	"regexp"
	"runtime"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit"
	"github.com/goalkit/goalkit/goals"
)

// semver is MAJOR.MINOR.PATCH with an optional -prerelease and +build, as
// semver.org defines them (without the leading-zero subtleties).
var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

func TestVersionIsSemver(t *testing.T) {
	if !semver.MatchString(goalkit.Version) {
		t.Errorf("Version = %q, not MAJOR.MINOR.PATCH", goalkit.Version)
	}
}

// TestVersionInUserAgent: the Version users read is the one the clients
// send, with the Go version beside it.
func TestVersionInUserAgent(t *testing.T) {
	mt := httpmock.NewMockTransport()
	var got []string
	mt.RegisterResponder(http.MethodGet, "https://acme.zendesk.com/api/v2/chat/goals",
		func(r *http.Request) (*http.Response, error) {
			got = append(got, r.Header.Get("User-Agent"))
			return httpmock.NewStringResponse(http.StatusOK, `[]`), nil
		})
	client, err := goals.NewClient(goals.WithSubdomain("acme"), goals.WithToken("t"),
		goals.WithHTTPClient(&http.Client{Transport: mt}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := "goalkit/" + goalkit.Version + " " + runtime.Version()
	if len(got) != 1 || got[0] != want {
		t.Errorf("User-Agent of the calls = %q, want [%q]", got, want)
	}
}
