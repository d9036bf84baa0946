package benchkit

import (
	"errors"
	"strings"
	"testing"
)

func TestJoin(t *testing.T) {
	got := Join(3, func(i int) string { return string(rune('a' + i)) })
	if got != "a,b,c" || Join(0, nil) != "" {
		t.Errorf("Join = %q", got)
	}
}

func TestClientFailsOnRefusedOptions(t *testing.T) {
	newClient := func(opts ...string) (string, error) { return strings.Join(opts, "+"), nil }
	if got := Client(t, newClient, "a", "b"); got != "a+b" {
		t.Errorf("Client = %q", got)
	}
	ft := &fatalT{}
	Client(ft, func(...int) (int, error) { return 0, errors.New("refused") })
	if !ft.failed {
		t.Error("a refused option did not fail b")
	}
}

// fatalT records Fatal instead of stopping the test.
type fatalT struct {
	testing.TB
	failed bool
}

func (f *fatalT) Helper()      {}
func (f *fatalT) Fatal(...any) { f.failed = true }
