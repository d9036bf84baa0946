package zopim

import "github.com/goalkit/goalkit/internal/transport"

// AppendParams starts the hand-written body of a goal or trigger write
// (goals.GoalParams, triggers.TriggerParams): "{" and the members name,
// description and enabled (as 1/0) that are set, in that order, as
// encoding/json writes them. extra is the room to reserve for the members
// the caller appends after them (each with transport.AppendJSONKey) before
// the closing brace.
func AppendParams(extra int, name, description *string, enabled *bool) []byte {
	n := 64 + extra
	for _, s := range [...]*string{name, description} {
		if s != nil {
			n += len(*s)
		}
	}
	b := append(make([]byte, 0, n), '{')
	if name != nil {
		b = transport.AppendJSONString(transport.AppendJSONKey(b, "name"), *name)
	}
	if description != nil {
		b = transport.AppendJSONString(transport.AppendJSONKey(b, "description"), *description)
	}
	if enabled != nil {
		flag := byte('0')
		if *enabled {
			flag = '1'
		}
		b = append(transport.AppendJSONKey(b, "enabled"), flag)
	}
	return b
}
