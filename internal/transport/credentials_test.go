package transport_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

// TestNewClientNeedsCredentials: every dialect's NewClient refuses a client
// that could only ever answer 401, naming the options that give credentials.
func TestNewClientNeedsCredentials(t *testing.T) {
	t.Parallel()
	for name, newClient := range map[string]func() error{
		"goals": func() error { _, err := goals.NewClient(goals.WithSubdomain("acme")); return err },
		"triggers": func() error {
			_, err := triggers.NewClient(triggers.WithSubdomain("acme"))
			return err
		},
		"giosg":     func() error { _, err := giosg.NewClient(); return err },
		"pagesense": func() error { _, err := pagesense.NewClient(pagesense.WithDataCenter(pagesense.EU)); return err },
	} {
		err := newClient()
		if !errors.Is(err, goals.ErrNoCredentials) {
			t.Errorf("%s: err = %v, want ErrNoCredentials", name, err)
			continue
		}
		if !strings.Contains(err.Error(), name+".WithTokenSource(") {
			t.Errorf("%s: %q does not name the credential options", name, err)
		}
	}
}
