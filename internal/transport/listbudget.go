package transport

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
)

// Memory bound of list decoding. A 10 MiB body of "[{},{},…]" holds 3.5
// million elements; decoded into structs of a few hundred bytes each it
// would take gigabytes. Before a list is decoded its body is scanned once
// and refused unless its elements (at their struct size) and every object
// or array nested in them (at nestedCost each) fit in MaxDecodeFactor times
// the body plus decodeSlack. Every call whose Out holds a list is checked
// (budgetFor); Call.List overrides the derived budget. Real pages use a fraction of that: their
// elements carry ids and names, tens to hundreds of bytes each.
const (
	// MaxDecodeFactor bounds the memory a list decodes into, as a multiple
	// of its body's size (plus decodeSlack).
	MaxDecodeFactor = 16
	decodeSlack     = 1 << 20
	// nestedCost is what one nested object or array is charged: a map, a
	// slice header and its backing array, or a small struct.
	nestedCost = 128
)

// ListBudget describes a list response for the memory bound: where its
// elements sit and what each decodes into. Build it with ListOf.
type ListBudget struct {
	// Depth is the nesting depth of the elements: 1 for a bare array
	// ([{…}]), 2 for an array in an envelope ({"results": [{…}]}).
	Depth int
	// ElemSize is the size in bytes of the struct one element decodes into.
	ElemSize int
}

// budgetFor derives the budget of a call's Out when the call sets none: a
// *[]T of structs is a bare list (depth 1); a pointer to a struct with
// slice-of-struct fields is an envelope (depth 2, the largest element).
// Elements are charged twice their size, since the dialects convert each
// wire element into its public type. nil means Out holds no list.
func budgetFor(out any) *ListBudget {
	t := reflect.TypeOf(out)
	if t == nil {
		return nil
	}
	if b, ok := budgets.Load(t); ok {
		return b.(*ListBudget)
	}
	b := deriveBudget(t)
	budgets.Store(t, b)
	return b
}

// budgets caches budgetFor by type: one map lookup per call.
var budgets sync.Map // reflect.Type -> *ListBudget (nil for none)

func deriveBudget(t reflect.Type) *ListBudget {
	if t.Kind() != reflect.Pointer {
		return nil
	}
	e := t.Elem()
	if e.Kind() == reflect.Slice && e.Elem().Kind() == reflect.Struct {
		return &ListBudget{Depth: 1, ElemSize: 2 * int(e.Elem().Size())}
	}
	if e.Kind() != reflect.Struct {
		return nil
	}
	size := 0
	for i := range e.NumField() {
		f := e.Field(i)
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			size = max(size, 2*int(f.Type.Elem().Size()))
		}
	}
	if size == 0 {
		return nil
	}
	return &ListBudget{Depth: 2, ElemSize: size}
}

// ListOf is the budget of a list of T at depth (see ListBudget.Depth).
func ListOf[T any](depth int) *ListBudget {
	return &ListBudget{Depth: depth, ElemSize: int(reflect.TypeFor[T]().Size())}
}

// Check refuses body if decoding it would exceed the bound; the error
// matches ErrResponseTooLarge.
func (b *ListBudget) Check(body []byte) error {
	_, err := b.check(body)
	return err
}

// check is Check that also returns the number of list elements when it
// had to count them, else -1.
func (b *ListBudget) check(body []byte) (elems int64, err error) {
	limit := decodeLimit(body)
	// Fast path: even a body of nothing but "{}" could not exceed it.
	if int64(len(body)/2+1)*int64(max(b.ElemSize, nestedCost)) <= limit {
		return -1, nil
	}
	// Next fastest: every object or array opens with a '{' or '[' byte, so
	// their counts (strings included, SIMD-fast) bound the cost from
	// above; the scan is only needed when that bound is over the limit.
	braces, brackets := int64(bytes.Count(body, openBrace)), int64(bytes.Count(body, openBracket))
	if braces*int64(b.ElemSize)+(braces+brackets)*nestedCost <= limit {
		return -1, nil
	}
	elems, nested := countContainers(body, b.Depth)
	if cost := elems*int64(b.ElemSize) + nested*nestedCost; cost > limit {
		return elems, fmt.Errorf("%w: %d list elements and %d nested values in %d bytes would decode into more than %d× the body",
			ErrResponseTooLarge, elems, nested, len(body), MaxDecodeFactor)
	}
	return elems, nil
}

var openBrace, openBracket = []byte{'{'}, []byte{'['}

// decodeLimit is the memory a body may decode into.
func decodeLimit(body []byte) int64 { return MaxDecodeFactor*int64(len(body)) + decodeSlack }

// countContainers counts, outside strings, the objects opened at depth
// (the list's elements) and the objects and arrays opened deeper. Strings,
// most of a body, are skipped with bytes.IndexByte.
func countContainers(body []byte, depth int) (elems, nested int64) {
	var n containerCount
	for i := 0; i < len(body); i++ {
		if body[i] == '"' {
			end := closingQuote(body, i)
			if end < 0 {
				break
			}
			i = end
			continue
		}
		n.see(body[i], depth)
	}
	return n.elems, n.nested
}

// containerCount tallies the structural bytes met outside strings.
type containerCount struct {
	d             int // current nesting depth
	elems, nested int64
}

// see counts c, a byte outside any string, for elements at depth.
func (n *containerCount) see(c byte, depth int) {
	switch c {
	case '{', '[':
		if n.d == depth && c == '{' {
			n.elems++
		} else if n.d > depth {
			n.nested++
		}
		n.d++
	case '}', ']':
		n.d--
	}
}

// closingQuote returns the index of the quote ending the string opened at
// open, or -1: a quote ends it unless an odd run of backslashes precedes it.
func closingQuote(body []byte, open int) int {
	for k := open + 1; ; k++ {
		q := bytes.IndexByte(body[k:], '"')
		if q < 0 {
			return -1
		}
		k += q
		backslashes := 0
		for m := k - 1; m > open && body[m] == '\\'; m-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return k
		}
	}
}
