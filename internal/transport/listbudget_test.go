package transport

import (
	"errors"
	"strings"
	"testing"
)

func TestCountContainers(t *testing.T) {
	body := `{"results":[{"a":"{[\"}]","b":[{},{"c":[]}]},{"d":"\\"},{}],"next":{"x":1}}`
	elems, nested := countContainers([]byte(body), 2)
	// Elements: the three in results (braces inside strings do not
	// count); nested: the array under "b" and the three values in it.
	// "next" sits above the elements' depth and costs nothing.
	if elems != 3 || nested != 4 {
		t.Errorf("countContainers = %d elements, %d nested; want 3, 4", elems, nested)
	}
}

func TestListBudget(t *testing.T) {
	b := &ListBudget{Depth: 1, ElemSize: 600}
	empties := "[" + strings.Repeat("{},", 1<<20) + "{}]"
	if err := b.Check([]byte(empties)); !errors.Is(err, ErrResponseTooLarge) {
		t.Errorf("a list of 1M empty elements: %v, want ErrResponseTooLarge", err)
	}
	// A realistic list: elements of ~150 bytes with two nested values.
	real := `{"id":123456,"name":"Purchase completed","description":"thank-you page","enabled":1,"attribution_model":"first_touch","settings":{"conditions":[]}},`
	list := "[" + strings.Repeat(real, 50000) + "{}]"
	if err := b.Check([]byte(list)); err != nil {
		t.Errorf("a realistic 7 MiB list refused: %v", err)
	}
	if err := b.Check([]byte(`[{}]`)); err != nil {
		t.Errorf("a tiny list refused: %v", err)
	}
}

func TestBudgetFor(t *testing.T) {
	type elem struct{ A, B string }
	type envelope struct {
		Next    string
		Results []elem
	}
	size := 2 * 32 // two strings, charged twice
	cases := []struct {
		out  any
		want *ListBudget
	}{
		{&[]elem{}, &ListBudget{Depth: 1, ElemSize: size}},
		{&envelope{}, &ListBudget{Depth: 2, ElemSize: size}},
		{&elem{}, nil},
		{&[]string{}, nil},
		{nil, nil},
		{envelope{}, nil},
	}
	for _, c := range cases {
		got := budgetFor(c.out)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("budgetFor(%T) = %+v, want %+v", c.out, got, c.want)
		}
	}
}

// countContainersByByte is the plain byte-at-a-time scanner
// countContainers must agree with (FuzzListBudget compares them).
func countContainersByByte(body []byte, depth int) (elems, nested int64) {
	var n containerCount
	inString, escaped := false, false
	for _, c := range body {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString && c == '"':
			inString = false
		case inString:
		case c == '"':
			inString = true
		default:
			n.see(c, depth)
		}
	}
	return n.elems, n.nested
}

func BenchmarkCountContainers(b *testing.B) {
	body := benchBody(30)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		countContainers(body, 1)
	}
}
