package pagesense

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"time"
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

// many decodes a list PageSense may send as an array or as an object: the
// overview's typical response shows "projectgoals": {}. An empty object is
// an empty list, any other object a list of that one element, null none.
type many[T any] []T

func (m *many[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*m = nil
		return nil
	case b[0] == '[':
		var vs []T
		err := json.Unmarshal(b, &vs)
		*m = vs
		return err
	case b[0] == '{' && len(bytes.TrimSpace(b[1:len(b)-1])) == 0:
		*m = many[T]{}
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*m = many[T]{v}
	return nil
}

// flexBool decodes true/false, "true"/"false" or 1/0, remembering whether
// the key was there at all: a per-item "success" that is absent says
// nothing.
type flexBool struct {
	v, set bool
}

func (f *flexBool) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err == nil {
		b = []byte(s)
	}
	switch string(b) {
	case "true", "1":
		*f = flexBool{v: true, set: true}
	case "false", "0":
		*f = flexBool{v: false, set: true}
	case "", "null":
		*f = flexBool{}
	default:
		return &json.UnmarshalTypeError{Value: "non-boolean " + strconv.Quote(string(b)), Type: reflect.TypeFor[bool]()}
	}
	return nil
}

// epochMillis decodes created_time: epoch milliseconds as a JSON number or
// numeric string (as PageSense sends it), or an RFC 3339 string (as Goal
// encodes it). null and "" decode to the zero time.
type epochMillis time.Time

func (t *epochMillis) UnmarshalJSON(b []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	if s == "" {
		*t = epochMillis{}
		return nil
	}
	bad := &json.UnmarshalTypeError{Value: "time " + strconv.Quote(string(s)), Type: reflect.TypeFor[time.Time]()}
	v, err := time.Parse(time.RFC3339Nano, string(s))
	if ms, perr := strconv.ParseInt(string(s), 10, 64); perr == nil {
		v, err = time.UnixMilli(ms), nil
	}
	// Years a time.Time cannot encode in JSON are refused here, so that
	// every decoded goal encodes.
	if err != nil || v.Year() < 0 || v.Year() > 9999 {
		return bad
	}
	*t = epochMillis(v.UTC())
	return nil
}

// itemStatus is the per-item outcome PageSense puts in every object of a
// write answer: {"success": false, ...} inside a status_code 10000
// envelope. The failure's keys are undocumented; message and code are read.
type itemStatus struct {
	Success flexBool   `json:"success"`
	Message string     `json:"message"`
	Code    flexString `json:"code"`
}

// failure reports an item that says success: false, naming it by kind and
// linkname; its message, or else its code, is the APIError's Message.
func (s *itemStatus) failure(kind, linkname string) (code, message string, failed bool) {
	if !s.Success.set || s.Success.v {
		return "", "", false
	}
	message = s.Message
	if message == "" && s.Code != "" {
		message = "code " + string(s.Code)
	}
	if message == "" {
		message = "success: false"
	}
	if linkname != "" {
		message = kind + " " + strconv.Quote(linkname) + ": " + message
	} else {
		message = kind + ": " + message
	}
	return string(s.Code), message, true
}
