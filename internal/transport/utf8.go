package transport

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ValidUTF8 refuses text that is not valid UTF-8 anywhere in v: a string, or
// the strings (and raw JSON) inside a struct, pointer, slice or map. JSON
// encoding would silently rewrite bad bytes to U+FFFD while a path keeps
// them raw, so every dialect's validation calls this before sending. The
// *ValidationError names the field: field, then struct fields by their
// JSON name (or snake_case Go name), list indexes and map keys.
func ValidUTF8(field string, v any) error {
	if sub, bad := invalidText(reflect.ValueOf(v), 0); bad {
		return Invalid(under(field, sub), "is not valid UTF-8")
	}
	return nil
}

// ValidString is ValidUTF8 for one string (a path segment, an id): no
// boxing into an interface, no reflection.
func ValidString(field, s string) error {
	if utf8.ValidString(s) {
		return nil
	}
	return Invalid(field, "is not valid UTF-8")
}

// ValidStrings is ValidString for each entry of list, naming a bad one
// field[i] as ValidUTF8 does.
func ValidStrings(field string, list []string) error {
	for i, s := range list {
		if !utf8.ValidString(s) {
			return Invalid(field+"["+strconv.Itoa(i)+"]", "is not valid UTF-8")
		}
	}
	return nil
}

// maxTextDepth stops the walk on cyclic or absurdly deep values.
const maxTextDepth = 32

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// invalidText reports whether v holds invalid text, and where below v.
// The path is built only on the way back from a find, so valid input
// costs no allocation.
func invalidText(v reflect.Value, depth int) (path string, bad bool) {
	if !v.IsValid() || depth > maxTextDepth {
		return "", false
	}
	switch v.Kind() {
	case reflect.String:
		return "", !utf8.ValidString(v.String())
	case reflect.Pointer, reflect.Interface:
		return invalidText(v.Elem(), depth+1)
	case reflect.Struct:
		t := v.Type()
		for _, i := range textFieldsOf(t) {
			if sub, bad := invalidText(v.Field(i), depth+1); bad {
				return under(fieldName(t.Field(i)), sub), true
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type() == rawMessageType || v.Type().Elem().Kind() == reflect.Uint8 {
			return "", v.Kind() == reflect.Slice && !utf8.Valid(v.Bytes())
		}
		for i := range v.Len() {
			if sub, bad := invalidText(v.Index(i), depth+1); bad {
				return under("["+strconv.Itoa(i)+"]", sub), true
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key()
			name := "(key)"
			if k.Kind() == reflect.String {
				if !utf8.ValidString(k.String()) {
					return name, true
				}
				name = k.String()
			}
			if sub, bad := invalidText(iter.Value(), depth+1); bad {
				return under(name, sub), true
			}
		}
	}
	return "", false
}

// textFields caches, per struct type, the indexes of the exported fields
// that can hold text: a walk skips the others (numbers, times) and does not
// ask reflect for each field's metadata on every call.
var textFields sync.Map // reflect.Type -> []int

func textFieldsOf(t reflect.Type) []int {
	if idx, ok := textFields.Load(t); ok {
		return idx.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && mayHoldText(f.Type, map[reflect.Type]bool{}) {
			idx = append(idx, i)
		}
	}
	textFields.Store(t, idx)
	return idx
}

// mayHoldText reports whether a value of type t can hold text that
// invalidText checks. seen holds the types being looked at, so a
// recursive type ends (its text, if any, is found by another path).
func mayHoldText(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8 || mayHoldText(t.Elem(), seen)
	case reflect.Array:
		return t.Elem().Kind() != reflect.Uint8 && mayHoldText(t.Elem(), seen)
	case reflect.Pointer:
		return mayHoldText(t.Elem(), seen)
	case reflect.Map:
		return t.Key().Kind() == reflect.String || mayHoldText(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && mayHoldText(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// under joins a field path: "a" and "b" make "a.b", "a" and "[0].b" make
// "a[0].b".
func under(path, sub string) string {
	switch {
	case path == "":
		return sub
	case sub == "":
		return path
	case sub[0] == '[':
		return path + sub
	}
	return path + "." + sub
}

// fieldName is a struct field's JSON name, else its Go name in snake_case.
func fieldName(f reflect.StructField) string {
	if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" && tag != "-" {
		return tag
	}
	var b strings.Builder
	runes := []rune(f.Name)
	for i, r := range runes {
		if unicode.IsUpper(r) {
			if i > 0 && (unicode.IsLower(runes[i-1]) || (i+1 < len(runes) && unicode.IsLower(runes[i+1]))) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
