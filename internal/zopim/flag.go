package zopim

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Flag is the "enabled" field. The docs say an integer (1/0), real
// responses carry booleans: it decodes 1/0, true/false and their quoted
// forms, and encodes 1/0 as the docs show. null leaves it unchanged.
type Flag bool

// MarshalJSON encodes 1 or 0.
func (f Flag) MarshalJSON() ([]byte, error) {
	if f {
		return []byte("1"), nil
	}
	return []byte("0"), nil
}

// UnmarshalJSON accepts 1, 0, true, false, "1", "0", "true", "false" and
// null. Anything else is a *json.UnmarshalTypeError.
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch string(bytes.Trim(bytes.TrimSpace(b), `"`)) { // no allocation
	case "null":
		return nil
	case "1", "true":
		*f = true
	case "0", "false":
		*f = false
	default:
		return &json.UnmarshalTypeError{Value: snippet(b), Type: reflect.TypeFor[Flag](), Field: "enabled"}
	}
	return nil
}

// snippet keeps an error message short whatever the server sent.
func snippet(b []byte) string {
	const max = 32
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}
