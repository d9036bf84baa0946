package transport

import "reflect"

// presizeMin is the smallest body whose list is presized: below it the
// slice's growth is cheap and the count would cost more than it saves.
// The count is a scan of the whole body, about 5% of decoding it (giosg
// ListGoals, 100 goals in 65 KB: 790,000 instructions, where doubling the
// slice copies 100 goals' worth of bytes); it pays in memory for the
// megabyte lists (BENCHMARKS.md, "Large lists").
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
		elems, _ = countContainers(body, depth)
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
