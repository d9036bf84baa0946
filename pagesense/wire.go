package pagesense

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// flexString decodes a JSON string or a JSON number into its text: PageSense
// sends ids and codes as either ("10000" and 10000). null decodes to "".
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0 || string(b) == "null":
		*s = ""
	case b[0] == '"':
		// Fast path for the common case without escapes: one allocation,
		// as for a plain string field. Invalid UTF-8 takes the slow path,
		// where encoding/json replaces it with U+FFFD as it does for any
		// string field.
		if len(b) >= 2 && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b) {
			*s = flexString(b[1 : len(b)-1])
			return nil
		}
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*s = flexString(b) // the number's text, so large ids keep every digit
	default:
		return &json.UnmarshalTypeError{Value: "non-string, non-number", Type: reflect.TypeFor[string]()}
	}
	return nil
}

// flexInt decodes a JSON number or a numeric string into an int. null and
// "" decode to 0.
type flexInt int

func (n *flexInt) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	if s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(string(s))
	if err != nil {
		return &json.UnmarshalTypeError{Value: "non-integer " + strconv.Quote(string(s)), Type: reflect.TypeFor[int]()}
	}
	*n = flexInt(v)
	return nil
}

// one decodes a payload that PageSense may send as an object or as an array
// holding that one object (the docs show both "projectgoal" and
// "projectgoals" around created goals). An empty array or null leaves it
// unset; more than one element is malformed, since it is unclear which one
// was created.
type one[T any] struct {
	v  T
	ok bool
}

func (o *one[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		return nil
	case b[0] == '[':
		var vs []T
		if err := json.Unmarshal(b, &vs); err != nil {
			return err
		}
		if len(vs) > 1 {
			return &json.UnmarshalTypeError{Value: fmt.Sprintf("array of %d", len(vs)), Type: reflect.TypeFor[T]()}
		}
		if len(vs) == 1 {
			o.v, o.ok = vs[0], true
		}
		return nil
	}
	if err := json.Unmarshal(b, &o.v); err != nil {
		return err
	}
	o.ok = true
	return nil
}

// either returns the first of a and b that was present.
func either[T any](a, b one[T]) (T, bool) {
	if a.ok {
		return a.v, true
	}
	return b.v, b.ok
}
