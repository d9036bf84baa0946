package triggers

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// scanDefinition decodes a definition object in one pass over b, without
// the map the general path builds: each top-level member is found by
// skipping its value, the known keys are converted from their bytes, and
// a map is made only for keys this package does not model. It gives up
// (ok false) on anything outside the common shape: input that is not a
// well-formed object, a key with escapes, a key seen twice, a string
// value with escapes. The general path then decides, with the same result
// (FuzzDefinitionScanMatchesMap).
func scanDefinition(b []byte) (d Definition, ok bool) {
	if !json.Valid(b) { // a cheap pass without allocations; the scanner then trusts the structure
		return Definition{}, false
	}
	return scanValidDefinition(b)
}

// scanValidDefinition is scanDefinition for b known to be one valid JSON
// value.
func scanValidDefinition(b []byte) (d Definition, ok bool) {
	s := scanner{b: b}
	s.space()
	if !s.byte('{') {
		return Definition{}, false
	}
	s.space()
	if s.byte('}') {
		return d, s.end()
	}
	var seen uint8
	for {
		key, ok := s.key()
		if !ok {
			return Definition{}, false
		}
		s.space()
		if !s.byte(':') {
			return Definition{}, false
		}
		s.space()
		val, ok := s.value()
		if !ok {
			return Definition{}, false
		}
		bit, known := definitionKeys[string(key)] // no allocation
		if known {
			if seen&bit != 0 {
				return Definition{}, false
			}
			seen |= bit
		} else if _, dup := d.Extra[string(key)]; dup {
			return Definition{}, false
		}
		if !d.set(key, val, known) {
			return Definition{}, false
		}
		s.space()
		if s.byte('}') {
			return d, s.end()
		}
		if !s.byte(',') {
			return Definition{}, false
		}
		s.space()
	}
}

// validDefinition is how the client decodes a definition: encoding/json
// hands UnmarshalJSON exactly one value it has already checked, so the
// scanner skips its own validity pass.
type validDefinition Definition

func (d *validDefinition) UnmarshalJSON(b []byte) error {
	if nd, ok := scanValidDefinition(b); ok {
		*d = validDefinition(nd)
		return nil
	}
	return (*Definition)(d).unmarshalViaMap(b)
}

// MarshalJSON encodes as Definition does.
func (d validDefinition) MarshalJSON() ([]byte, error) { return Definition(d).MarshalJSON() }

// definitionKeys are the keys with a field, each with a bit for
// scanDefinition's duplicate check.
var definitionKeys = map[string]uint8{"event": 1, "condition": 2, "actions": 4, "version": 8, "editor": 16}

// set stores one member as the general path would: null is absent, a known
// key whose value does not fit its field goes to Extra, raw values are
// copied (b is the caller's buffer). It reports false for a string value
// it leaves to the general path.
func (d *Definition) set(key, val []byte, known bool) bool {
	null := string(val) == "null"
	if known {
		if null {
			return true
		}
		switch string(key) {
		case "event", "editor":
			if val[0] == '"' {
				str, ok := plainString(val)
				if !ok {
					return false
				}
				if key[1] == 'v' {
					d.Event = str
				} else {
					d.Editor = str
				}
				return true
			}
		case "version":
			if n, err := strconv.Atoi(string(val)); err == nil {
				d.Version = n
				return true
			}
		case "condition":
			d.Condition = bytes.Clone(val)
			return true
		case "actions":
			d.Actions = bytes.Clone(val)
			return true
		}
	}
	if d.Extra == nil {
		d.Extra = map[string]json.RawMessage{}
	}
	d.Extra[string(key)] = bytes.Clone(val)
	return true
}

// plainString returns a JSON string literal's text when it needs no
// unescaping: no backslash, valid UTF-8 and no control characters.
func plainString(lit []byte) (string, bool) {
	inner := lit[1 : len(lit)-1]
	if bytes.IndexByte(inner, '\\') >= 0 || !utf8.Valid(inner) {
		return "", false
	}
	return string(inner), true
}

// scanner walks JSON text. Its methods advance past what they recognise
// and report false on anything else; they never read past b.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// key reads a string without escapes and returns its text.
func (s *scanner) key() ([]byte, bool) {
	lit, ok := s.str()
	if !ok || bytes.IndexByte(lit, '\\') >= 0 || !utf8.Valid(lit) {
		return nil, false
	}
	return lit[1 : len(lit)-1], true
}

// str reads a string literal, quotes included.
func (s *scanner) str() ([]byte, bool) {
	start := s.i
	if !s.byte('"') {
		return nil, false
	}
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return s.b[start:s.i], true
		case c == '\\':
			s.i += 2 // the escaped byte cannot end the string
		case c < 0x20:
			return nil, false
		default:
			s.i++
		}
	}
	return nil, false
}

// value reads one value of valid JSON and returns its bytes. Nested
// arrays and objects are matched bracket for bracket.
func (s *scanner) value() ([]byte, bool) {
	start := s.i
	if s.i >= len(s.b) {
		return nil, false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.str()
	case c == '{' || c == '[':
		depth := 0
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				if _, ok := s.str(); !ok {
					return nil, false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				return s.b[start:s.i], true
			}
		}
		return nil, false
	default: // a number, true, false or null
		for s.i < len(s.b) && !isDelimiter(s.b[s.i]) {
			s.i++
		}
		return s.b[start:s.i], s.i > start
	}
}

func isDelimiter(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}
