package benchkit

import (
	"strings"
	"testing"
)

// Client calls newClient (goals.NewClient, ...) with opts, for the goalkit
// side of a Pair; refused options fail b.
func Client[C, O any](b testing.TB, newClient func(...O) (C, error), opts ...O) C {
	b.Helper()
	c, err := newClient(opts...)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// Join renders item(0) to item(n-1) and joins them with commas: the
// inside of a JSON array of n objects.
func Join(n int, item func(i int) string) string {
	items := make([]string, n)
	for i := range items {
		items[i] = item(i)
	}
	return strings.Join(items, ",")
}
