package transport

import (
	"fmt"
	"log/slog"
)

// Secret holds a credential so that nothing prints it: every fmt verb
// (including bad ones, %#v and %x) and slog show REDACTED. The value lives
// in a closure, which fmt and reflection-based printers cannot look into,
// so a Secret nested in an unexported field of a printed struct is safe as
// well (fmt then shows a func address). Reveal returns the value for the
// one place that sends it.
type Secret struct {
	reveal func() string
}

// NewSecret wraps s.
func NewSecret(s string) Secret {
	return Secret{reveal: func() string { return s }}
}

// Reveal returns the credential; "" for the zero Secret.
func (s Secret) Reveal() string {
	if s.reveal == nil {
		return ""
	}
	return s.reveal()
}

// Format prints REDACTED whatever the verb.
func (Secret) Format(f fmt.State, _ rune) { f.Write([]byte(redactedText)) }

// String returns REDACTED.
func (Secret) String() string { return redactedText }

// GoString returns REDACTED.
func (Secret) GoString() string { return redactedText }

// LogValue logs REDACTED.
func (Secret) LogValue() slog.Value { return slog.StringValue(redactedText) }

// MarshalText encodes REDACTED, so encoding/json and friends do not show
// the credential either.
func (Secret) MarshalText() ([]byte, error) { return []byte(redactedText), nil }
