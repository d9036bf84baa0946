package triggers

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/wirecheck"
)

// FuzzParamsBody: the hand-written body of a validated TriggerParams is
// json.Marshal's bytes of it, for any text and any valid raw JSON (compact
// or not, with characters encoding/json escapes or not).
func FuzzParamsBody(f *testing.F) {
	f.Add(uint8(0xff), "Checkout Page 3", "d", true, "page_enter", `["and",["eq","@visitor_page_url","www.zendesk.com/cart"]]`, `[["sendMessageToVisitor","S","Hi, any trouble?"]]`, 1, "advanced", "")
	f.Add(uint8(0), "", "", false, "", "", "", 0, "", "")
	f.Add(uint8(0x3f), "<caf\xe9>", "\u2028", false, "&", ` [ "a<b" , {"k" : "\u2028&"} ] `, "\"x\\\"<\"", -2, "\x00", "k")
	f.Fuzz(func(t *testing.T, set uint8, name, desc string, enabled bool, event, cond, actions string, version int, editor, extra string) {
		var p TriggerParams
		if set&1 != 0 {
			p.Name = &name
		}
		if set&2 != 0 {
			p.Description = &desc
		}
		if set&4 != 0 {
			p.Enabled = &enabled
		}
		if set&8 != 0 {
			d := &Definition{Event: event, Version: version, Editor: editor}
			if set&16 != 0 {
				d.Condition = json.RawMessage(cond)
			}
			if set&32 != 0 {
				d.Actions = json.RawMessage(actions)
			}
			if set&64 != 0 {
				d.Extra = map[string]json.RawMessage{extra: json.RawMessage(`1`)}
			}
			p.Definition = d
		}
		if p.Validate() != nil {
			return // never encoded
		}
		wirecheck.EncodesAs(t, (*paramsBody)(&p), &p)
	})
}

// TestTriggerParamsChecksEveryText: Validate refuses every text field that
// is not valid UTF-8 (raw condition and actions included) with
// transport.ValidUTF8's error, Extra's keys and values too.
func TestTriggerParamsChecksEveryText(t *testing.T) {
	var p TriggerParams
	wirecheck.Fill(&p)
	p.Definition.Extra = nil
	wirecheck.EveryText(t, &p, p.Validate, func() error { return transport.ValidUTF8("", &p) })
	for _, extra := range []map[string]json.RawMessage{{"caf\xe9": json.RawMessage(`1`)}, {"k": json.RawMessage(`"caf` + "\xe9" + `"`)}} {
		p.Definition.Extra = extra
		got, want := p.Validate(), transport.ValidUTF8("", &p)
		var ve *transport.ValidationError
		if !errors.As(got, &ve) || want == nil || got.Error() != want.Error() {
			t.Errorf("Extra %q: got %v, want %v", extra, got, want)
		}
	}
}

// TestParamsBodyWritesEveryField: with every field set, the hand-written
// body has a key for each field of TriggerParams and, inside definition,
// of Definition; a field added to either but not to the encoder fails here.
func TestParamsBodyWritesEveryField(t *testing.T) {
	var p TriggerParams
	wirecheck.Fill(&p)
	p.Definition.Extra = nil // merged into definition's own keys; not a field of its own
	p.Definition.Condition = json.RawMessage(`["eq","@visitor_page_url","x"]`)
	p.Definition.Actions = json.RawMessage(`[["sendMessageToVisitor","S","Hi"]]`)
	wirecheck.WritesEveryField(t, &p, (*paramsBody)(&p), 0)
	wirecheck.WritesEveryField(t, p.Definition, (*paramsBody)(&p), 0, "definition")
}
