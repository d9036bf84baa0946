package pagesensetest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// FuzzLoadJSON: any document either loads or is an ErrBadSeed that
// stores no goal; never a panic.
func FuzzLoadJSON(f *testing.F) {
	f.Add(`{"portal": "p", "goals": [{"display_name": "G", "goal_type": 1, "goal_url": "https://x", "project_linkname": "s"}], "custom_events": [{"event_name": "e", "project_linkname": "s"}]}`)
	f.Add(`{"portal": "p", "goals": [{"display_name": "T", "goal_type": "TIME_SPENT_GOAL", "time_threshold": "30", "project_linkname": "s"}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		fk := pagesensetest.New()
		err := fk.LoadJSON(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, pagesensetest.ErrBadSeed) {
				t.Fatalf("error %v does not match ErrBadSeed", err)
			}
			if got := fk.Goals("p", "s"); len(got) != 0 {
				t.Fatalf("a refused document stored %d goals", len(got))
			}
		}
	})
}
