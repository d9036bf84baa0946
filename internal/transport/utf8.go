package transport

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
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
	if bad := invalidText(reflect.ValueOf(v), field, 0); bad != "" {
		return Invalid(bad, "is not valid UTF-8")
	}
	return nil
}

// maxTextDepth stops the walk on cyclic or absurdly deep values.
const maxTextDepth = 32

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// invalidText returns the path of the first invalid text in v, or "".
func invalidText(v reflect.Value, path string, depth int) string {
	if !v.IsValid() || depth > maxTextDepth {
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return path
		}
	case reflect.Pointer, reflect.Interface:
		return invalidText(v.Elem(), path, depth+1)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if bad := invalidText(v.Field(i), join(path, fieldName(f)), depth+1); bad != "" {
				return bad
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type() == rawMessageType || v.Type().Elem().Kind() == reflect.Uint8 {
			if v.Kind() == reflect.Slice && !utf8.Valid(v.Bytes()) {
				return path
			}
			return ""
		}
		for i := range v.Len() {
			if bad := invalidText(v.Index(i), path+"["+strconv.Itoa(i)+"]", depth+1); bad != "" {
				return bad
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := iter.Key()
			name := join(path, "(key)")
			if k.Kind() == reflect.String {
				if !utf8.ValidString(k.String()) {
					return name
				}
				name = join(path, k.String())
			}
			if bad := invalidText(iter.Value(), name, depth+1); bad != "" {
				return bad
			}
		}
	}
	return ""
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
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
