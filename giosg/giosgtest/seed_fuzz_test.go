package giosgtest_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg/giosgtest"
)

// FuzzLoadJSON: any document either loads or is an ErrBadSeed that stores
// no goal; never a panic.
func FuzzLoadJSON(f *testing.F) {
	page, err := os.ReadFile("testdata/goals-list.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(page))
	f.Add(`{"goals": [{"organization_id": "o", "name": "n", "allow_any_room": true, "default_value": "1.5"}]}`)
	f.Add(`[{"organization_id": "o", "name": "", "conditions": [{"type": 1, "settings": {"a": [1]}}]}]`)
	f.Fuzz(func(t *testing.T, doc string) {
		fk := giosgtest.New()
		err := fk.LoadJSON(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, giosgtest.ErrBadSeed) {
				t.Fatalf("error %v does not match ErrBadSeed", err)
			}
			if got := fk.Goals("o"); len(got) != 0 {
				t.Fatalf("a refused document stored %d goals", len(got))
			}
		}
	})
}
