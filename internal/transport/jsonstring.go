package transport

import "encoding/json"

// AppendJSONString appends s as encoding/json writes it: quoted, with <, >
// and & escaped as \u003c, \u003e and \u0026. Plain ASCII (ids, times,
// decimals, UUIDs) is copied at once; anything else goes through
// json.Marshal, so the bytes are always encoding/json's
// (FuzzAppendJSONString). For hand-written body encoders of small, hot
// calls.
func AppendJSONString[S ~string | ~[]byte](dst []byte, s S) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(string(s)) // a string always encodes
			return append(dst, q...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// AppendJSONStrings appends list as encoding/json writes a []string: null
// when nil, else an array of AppendJSONString's.
func AppendJSONStrings(dst []byte, list []string) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, s)
	}
	return append(dst, ']')
}

// AppendJSONKey appends an object member's key and colon, after a comma
// unless dst ends with the object's opening brace.
func AppendJSONKey(dst []byte, key string) []byte {
	if dst[len(dst)-1] != '{' {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':')
}
