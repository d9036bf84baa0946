package transport

import (
	"fmt"
	"reflect"
)

// Memory bound of list decoding. A 10 MiB body of "[{},{},…]" holds 3.5
// million elements; decoded into structs of a few hundred bytes each it
// would take gigabytes. Before a list is decoded its body is scanned once
// and refused unless its elements (at their struct size) and every object
// or array nested in them (at nestedCost each) fit in MaxDecodeFactor times
// the body plus decodeSlack. Real pages use a fraction of that: their
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

// ListOf is the budget of a list of T at depth (see ListBudget.Depth).
func ListOf[T any](depth int) *ListBudget {
	return &ListBudget{Depth: depth, ElemSize: int(reflect.TypeFor[T]().Size())}
}

// Check refuses body if decoding it would exceed the bound; the error
// matches ErrResponseTooLarge.
func (b *ListBudget) Check(body []byte) error {
	limit := MaxDecodeFactor*int64(len(body)) + decodeSlack
	// Fast path: even a body of nothing but "{}" could not exceed it.
	if int64(len(body)/2+1)*int64(max(b.ElemSize, nestedCost)) <= limit {
		return nil
	}
	elems, nested := countContainers(body, b.Depth)
	if cost := elems*int64(b.ElemSize) + nested*nestedCost; cost > limit {
		return fmt.Errorf("%w: %d list elements and %d nested values in %d bytes would decode into more than %d× the body",
			ErrResponseTooLarge, elems, nested, len(body), MaxDecodeFactor)
	}
	return nil
}

// countContainers counts, outside strings, the objects opened at depth
// (the list's elements) and the objects and arrays opened deeper.
func countContainers(body []byte, depth int) (elems, nested int64) {
	d := 0
	inString, escaped := false, false
	for _, c := range body {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			if d == depth && c == '{' {
				elems++
			} else if d > depth {
				nested++
			}
			d++
		case '}', ']':
			d--
		}
	}
	return elems, nested
}
