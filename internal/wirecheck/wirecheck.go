// Package wirecheck tests the one wire-model technique every dialect uses:
// a public model (Goal) and a method-less wire struct listing the same
// fields, some with lenient types, converted field by field. Listing the
// fields twice is what makes decoding fastest (an embedded alias costs
// encoding/json 3-8% more per list, see BENCHMARKS.md); these checks make a
// field added to one struct but not the other, or not copied by a
// conversion, a test failure instead of silently dropped data.
package wirecheck

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// SameFields fails t unless public and wire have the same fields by Go
// name and JSON key (tag options such as omitempty may differ), except the
// fields named in skip, on either side (decoded another way, e.g. several
// spellings of one flag).
func SameFields(t testing.TB, public, wire reflect.Type, skip ...string) {
	t.Helper()
	keys := func(rt reflect.Type) map[string]string {
		m := map[string]string{}
		for i := range rt.NumField() {
			f := rt.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if key == "" {
				key = f.Name
			}
			m[f.Name] = key
		}
		return m
	}
	pub, w := keys(public), keys(wire)
	for _, s := range skip {
		delete(pub, s)
		delete(w, s)
	}
	for name, key := range pub {
		if w[name] != key {
			t.Errorf("%s.%s (json %q) is not in %s with the same key: got %q", public.Name(), name, key, wire.Name(), w[name])
		}
	}
	for name := range w {
		if _, ok := pub[name]; !ok {
			t.Errorf("%s.%s is not a field of %s", wire.Name(), name, public.Name())
		}
	}
}

// Fill sets every exported field reachable from ptr to a non-zero value:
// "x" for strings, 1 for numbers, true, one filled element for slices and
// maps, a filled value behind pointers.
func Fill(ptr any) {
	fill(reflect.ValueOf(ptr).Elem())
}

var timeType = reflect.TypeFor[time.Time]()

func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0))
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem())
		v.Set(p)
	case reflect.Interface:
		v.Set(reflect.ValueOf("x"))
	case reflect.Struct:
		if v.Type().ConvertibleTo(timeType) { // time.Time, or a wire type over it
			v.Set(reflect.ValueOf(time.Unix(1, 0).UTC()).Convert(v.Type()))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// AllSet fails t for every exported top-level field of v (a struct) that
// is zero: a conversion that forgot to copy it.
func AllSet(t testing.TB, v any) {
	t.Helper()
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		// A json:"-" field is filled by the client, not read from the wire.
		if f := rv.Type().Field(i); f.IsExported() && f.Tag.Get("json") != "-" && rv.Field(i).IsZero() {
			t.Errorf("%s.%s is zero after conversion: not copied", rv.Type().Name(), f.Name)
		}
	}
}

// RoundTrip fails t unless a model with every field set survives toWire
// then fromWire unchanged.
func RoundTrip[M, W any](t testing.TB, toWire func(*M) W, fromWire func(*W) M) {
	t.Helper()
	var m M
	Fill(&m)
	w := toWire(&m)
	back := fromWire(&w)
	AllSet(t, back)
	if !reflect.DeepEqual(back, m) {
		t.Errorf("round trip through the wire struct: %+v, want %+v", back, m)
	}
}

// EveryText sets each string (and byte slice) reachable from ptr, a value
// Fill has filled, to invalid UTF-8 in turn, and fails t unless got() then
// returns an error with the text of want()'s (transport.ValidUTF8 over the
// same value): a hand-written check that misses a field, or names it
// otherwise, fails here. Maps and interfaces are not walked: a value
// holding a non-nil one fails t, so its check is tested by hand.
func EveryText(t testing.TB, ptr any, got, want func() error) {
	t.Helper()
	n := 0
	everyText(t, reflect.ValueOf(ptr).Elem(), func() {
		n++
		g, w := got(), want()
		switch {
		case w == nil:
			t.Errorf("text %d: the reference check finds nothing wrong", n)
		case g == nil || g.Error() != w.Error():
			t.Errorf("text %d: got %v, want %v", n, g, w)
		}
	})
	if n == 0 {
		t.Error("no text found")
	}
}

const badText = "caf\xe9"

func everyText(t testing.TB, v reflect.Value, check func()) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		old := v.String()
		v.SetString(badText)
		check()
		v.SetString(old)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			old := v.Bytes()
			v.SetBytes([]byte(`"` + badText + `"`))
			check()
			v.SetBytes(old)
			return
		}
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			everyText(t, v.Index(i), check)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			everyText(t, v.Elem(), check)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				everyText(t, v.Field(i), check)
			}
		}
	case reflect.Map, reflect.Interface:
		if !v.IsNil() {
			t.Errorf("EveryText does not walk %s: set it nil and test its text by hand", v.Type())
		}
	}
}

// EncodesAs fails t unless m.MarshalJSON writes exactly the bytes
// json.Marshal writes for ref: a hand-written encoder against the struct
// it replaces.
func EncodesAs(t testing.TB, m json.Marshaler, ref any) {
	t.Helper()
	got, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(ref)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("MarshalJSON:\n got %s\nwant %s", got, want)
	}
}

// WritesEveryField fails t unless the JSON object m writes (or the object
// at path inside it) has one key per exported field of filled, a pointer to
// a struct with every field set (see Fill), json:"-" fields aside, plus
// extra keys the encoder adds itself. EncodesAs compares against a
// reference written for the fields known then; this catches a field added
// to the struct later but not to its hand-written encoder, which would
// otherwise be dropped from every request without a word.
func WritesEveryField(t testing.TB, filled any, m json.Marshaler, extra int, path ...string) {
	t.Helper()
	rt := reflect.TypeOf(filled).Elem()
	var fields []string
	for i := range rt.NumField() {
		if f := rt.Field(i); f.IsExported() && f.Tag.Get("json") != "-" {
			fields = append(fields, f.Name)
		}
	}
	obj, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]json.RawMessage
	for _, key := range append(path, "") {
		keys = nil
		if err := json.Unmarshal(obj, &keys); err != nil {
			t.Fatalf("%s: not a JSON object: %v", rt.Name(), err)
		}
		obj = keys[key]
	}
	if len(keys) != len(fields)+extra {
		names := make([]string, 0, len(keys))
		for k := range keys {
			names = append(names, k)
		}
		t.Errorf("%s has %d fields %v (+%d the encoder adds), the encoder wrote %d keys %v: a field is not encoded",
			rt.Name(), len(fields), fields, extra, len(keys), names)
	}
}
