package transport

import (
	"bytes"
	"reflect"
)

// presizeMin is the smallest body whose list is presized: below it the
// slice's growth is cheap and the count would cost more than it saves.
// Below it the count (estimateElements) costs more than the doublings it
// saves; it pays in memory for the megabyte lists (BENCHMARKS.md, "Large
// lists").
const presizeMin = 512 << 10

// presize gives out's list its final capacity before decoding.
// encoding/json appends each element and, not knowing the count, doubles
// the slice as it goes: a 5,000-element list allocates about twice its
// size and copies its elements a dozen times. json fills a slice that has
// room in place, so with the count from the body (the scan the list
// budget makes) the list is allocated once. out must be a *[]T (depth 1)
// or a pointer to a struct with one slice-of-struct field (depth 2);
// elems is the count when the budget check made it, else -1. The
// capacity is held to the list budget's limit, so a body cannot make
// this allocate more than decoding it may.
func presize(out any, depth int, elems int64, body []byte) {
	if len(body) < presizeMin {
		return
	}
	list := listField(out, depth)
	if !list.IsValid() {
		return
	}
	if elems < 0 {
		elems = estimateElements(body, depth)
	}
	size := int64(list.Type().Elem().Size())
	if elems <= int64(list.Cap()) || elems*size > decodeLimit(body) {
		return
	}
	list.Set(reflect.MakeSlice(list.Type(), 0, int(elems)))
}

// listField is the settable slice out decodes its list into at depth, or
// the zero Value when out has no such single slice of structs.
func listField(out any, depth int) reflect.Value {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return reflect.Value{}
	}
	v = v.Elem()
	switch {
	case depth == 1 && isStructSlice(v.Type()):
		return v
	case depth == 2 && v.Kind() == reflect.Struct:
		var found reflect.Value
		for i := range v.NumField() {
			if f := v.Field(i); isStructSlice(f.Type()) && f.CanSet() {
				if found.IsValid() {
					return reflect.Value{} // two lists: which one the count is for is unknown
				}
				found = f
			}
		}
		return found
	}
	return reflect.Value{}
}

func isStructSlice(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct
}

// estimateElements estimates how many objects the list at depth holds
// without walking the body: it finds the first element and counts, with
// bytes.Count, how often its opening is written again: '{' and the first
// key as they stand (`{"id"`). The exact count (countContainers) visits
// every byte and string, about 5% of decoding the body, where this is a
// vectorised search. In valid JSON those bytes cannot stand inside a
// string (the quote would end it), so each match opens an object with
// that first key: the list's elements, which an encoder writes alike, and
// any deeper object that begins with the same key. An element written
// with another first key only leaves the slice to grow; a surplus is held
// to the decode limit by presize, as an exact count would be. -1 when
// there is no first element or it has no key.
func estimateElements(body []byte, depth int) int64 {
	start := firstElement(body, depth)
	if start < 0 {
		return -1
	}
	key := start + 1
	for key < len(body) && isJSONSpace(body[key]) {
		key++
	}
	if key >= len(body) || body[key] != '"' {
		return -1
	}
	end := closingQuote(body, key)
	if end < 0 {
		return -1
	}
	return int64(bytes.Count(body[start:], body[start:end+1]))
}

// firstElement is the index of the first object opened at depth, outside
// strings, or -1: countContainers' walk, stopped at its first element.
func firstElement(body []byte, depth int) int {
	var n containerCount
	for i := 0; i < len(body); i++ {
		if body[i] == '"' {
			end := closingQuote(body, i)
			if end < 0 {
				return -1
			}
			i = end
			continue
		}
		if n.see(body[i], depth); n.elems > 0 {
			return i
		}
	}
	return -1
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
