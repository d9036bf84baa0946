package giosg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// decodeError reads a Django REST Framework error body into e:
// {"detail": "..."} (401, 403, 404) fills Message, {"field": ["msg"]} (400)
// fills Fields. It also takes non_field_errors, a field whose value is a
// string instead of a list, and nested errors of list items
// ({"conditions": [{}, {"type": ["..."]}]} becomes "conditions[1].type").
// HTML, empty or truncated bodies leave e as it is: the status still tells
// the error class and e.Body keeps the text. Field errors are read only
// from a 400 or 422: DRF sends them for validation failures, and another
// status's JSON (a proxy's {"status": 502}) is not about the input.
func decodeError(e *APIError) {
	body := bytes.TrimSpace(e.Body)
	if len(body) == 0 || body[0] != '{' {
		return
	}
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return
	}
	validation := e.StatusCode == 400 || e.StatusCode == 422
	fields := map[string][]string{}
	for k, v := range m {
		switch k {
		case "detail":
			e.Message = strings.Join(messages(v), "; ")
		case "code":
			if s, ok := v.(string); ok {
				e.Code = s
			}
		default:
			if validation {
				flatten(fields, k, v)
			}
		}
	}
	if len(fields) > 0 {
		e.Fields = fields
	}
	if e.Message == "" {
		e.Message = summary(fields)
	}
}

// Bounds of field-error flattening: a hostile 400 must not cost more than
// a small multiple of its (64 KiB capped) body. Keys are cut to
// maxFieldKey bytes and nesting below maxFieldDepth is kept as one
// message, so the work is linear in the body; at most maxFields keys.
const (
	maxFieldDepth = 16
	maxFieldKey   = 256
	maxFields     = 1000
)

// flatten adds the messages in v under key, descending into nested
// objects and into lists of objects.
func flatten(fields map[string][]string, key string, v any) {
	flattenAt(fields, key, v, 0)
}

func flattenAt(fields map[string][]string, key string, v any, depth int) {
	if len(key) > maxFieldKey {
		key = key[:maxFieldKey]
	}
	if _, ok := fields[key]; !ok && len(fields) >= maxFields {
		return
	}
	if depth >= maxFieldDepth {
		switch v.(type) {
		case map[string]any, []any:
			fields[key] = append(fields[key], "(errors nested too deep)")
			return
		}
	}
	switch v := v.(type) {
	case string:
		fields[key] = append(fields[key], v)
	case []any:
		for i, item := range v {
			if obj, ok := item.(map[string]any); ok {
				flattenAt(fields, fmt.Sprintf("%s[%d]", key, i), obj, depth+1)
				continue
			}
			flattenAt(fields, key, item, depth+1)
		}
	case map[string]any:
		for k, item := range v {
			flattenAt(fields, key+"."+k, item, depth+1)
		}
	case nil:
	default: // a number or bool: keep it as text rather than lose it
		fields[key] = append(fields[key], fmt.Sprint(v))
	}
}

// messages returns the text of a detail value: a string, or a list of them.
func messages(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case []any:
		for _, item := range v {
			out = append(out, messages(item)...)
		}
	}
	return out
}

// summary renders field errors as one message for Error(), non-field
// errors first, then fields in name order.
func summary(fields map[string][]string) string {
	if len(fields) == 0 {
		return ""
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		if k != "non_field_errors" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var parts []string
	if msgs := fields["non_field_errors"]; len(msgs) > 0 {
		parts = append(parts, strings.Join(msgs, " "))
	}
	for _, k := range keys {
		parts = append(parts, k+": "+strings.Join(fields[k], " "))
	}
	return strings.Join(parts, "; ")
}
