package triggerstest_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

func TestLoadJSONRecordedTriggers(t *testing.T) {
	t.Parallel()
	c, f := client(t)
	doc, err := os.Open("testdata/airbyte-triggers.json")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	if err := f.LoadJSON(doc); err != nil {
		t.Fatal(err)
	}
	got, err := c.Get(ctx, "First Reply")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 66052601 || got.Definition == nil || got.Definition.Event != "chat_requested" || got.Definition.Editor != "advanced" {
		t.Errorf("seeded trigger read back as %+v", got)
	}
	for name, err := range map[string]error{
		"taken name": f.Seed(triggers.Trigger{Name: "First Reply"}),
		"blank name": f.Seed(triggers.Trigger{}),
		"not JSON":   f.LoadJSON(strings.NewReader(`nope`)),
	} {
		if !errors.Is(err, triggerstest.ErrBadSeed) {
			t.Errorf("%s: %v, want ErrBadSeed", name, err)
		}
	}
}

func TestRequireTokenAnswersZopim401(t *testing.T) {
	t.Parallel()
	c, f := client(t) // its token is "t"
	f.RequireToken("other")
	if _, err := c.List(ctx); !errors.Is(err, triggers.ErrUnauthorized) {
		t.Errorf("List = %v, want ErrUnauthorized", err)
	}
	f.RequireToken("t")
	if _, err := c.List(ctx); err != nil {
		t.Errorf("List with the right token: %v", err)
	}
}
