package triggers

import (
	"encoding/json"
	"strconv"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// paramsBody is TriggerParams after Validate, as Create and Update send it.
// Its MarshalJSON is written by hand (a create is a hot path): the bytes
// are json.Marshal's of TriggerParams (FuzzParamsBody), without a second
// scan of the condition and actions Validate already checked, unless they
// need compacting or escaping. A definition with Extra keys takes
// TriggerParams.MarshalJSON.
type paramsBody TriggerParams

// MarshalJSON implements json.Marshaler.
func (pb *paramsBody) MarshalJSON() ([]byte, error) {
	p := (*TriggerParams)(pb)
	d := p.Definition
	if d != nil && len(d.Extra) > 0 {
		return p.MarshalJSON()
	}
	n := 64
	if d != nil {
		n += len(d.Actions) + len(d.Condition) + len(d.Editor) + len(d.Event)
	}
	b := zopim.AppendParams(n, p.Name, p.Description, p.Enabled)
	if d != nil {
		// definitionOut's keys, in its (sorted) order.
		b = append(transport.AppendJSONKey(b, "definition"), '{')
		var err error
		if d.Actions != nil {
			if b, err = appendRaw(transport.AppendJSONKey(b, "actions"), d.Actions); err != nil {
				return nil, err
			}
		}
		if d.Condition != nil {
			if b, err = appendRaw(transport.AppendJSONKey(b, "condition"), d.Condition); err != nil {
				return nil, err
			}
		}
		if d.Editor != "" {
			b = transport.AppendJSONString(transport.AppendJSONKey(b, "editor"), d.Editor)
		}
		if d.Event != "" {
			b = transport.AppendJSONString(transport.AppendJSONKey(b, "event"), d.Event)
		}
		if d.Version != 0 {
			b = strconv.AppendInt(transport.AppendJSONKey(b, "version"), int64(d.Version), 10)
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendRaw appends valid raw JSON as encoding/json writes a RawMessage:
// as is when it is compact and has nothing to escape, else compacted and
// escaped by json.Marshal.
func appendRaw(b, raw json.RawMessage) ([]byte, error) {
	if plainCompact(raw) {
		return append(b, raw...), nil
	}
	out, err := json.Marshal(raw)
	return append(b, out...), err
}

// plainCompact reports whether valid JSON raw has no whitespace between
// tokens and no <, >, & or U+2028/U+2029 (its lead byte 0xE2) in a string:
// encoding/json would copy it unchanged.
func plainCompact(raw []byte) bool {
	inString := false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case inString && c == '\\':
			i++ // the escaped byte cannot end the string
		case c == '"':
			inString = !inString
		case inString && (c == '<' || c == '>' || c == '&' || c == 0xE2):
			return false
		case !inString && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return false
		}
	}
	return true
}
