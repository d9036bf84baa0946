package transport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

// TestSecretNeverPrinted: a Secret and every value holding one, directly or
// in an unexported field, prints REDACTED or an address, never the value.
func TestSecretNeverPrinted(t *testing.T) {
	const value = "the-secret-value"
	s := NewSecret(value)
	if s.Reveal() != value || (Secret{}).Reveal() != "" {
		t.Fatal("Reveal does not return the value")
	}
	c, err := New(Dialect{DefaultBaseURL: "https://api.example.com"}, WithSchemeToken("Bearer", value))
	if err != nil {
		t.Fatal(err)
	}
	type inner struct{ s Secret }
	for _, v := range []any{s, &s, inner{s}, &inner{s}, c, staticAuth{s}, c.auth} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%t", "%d", "%p", "%z"} {
			if out := fmt.Sprintf(verb, v); strings.Contains(out, value) || strings.Contains(out, fmt.Sprintf("%x", value)) {
				t.Errorf("%s of %T shows the secret: %s", verb, v, out)
			}
		}
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("x", "s", s, "c", c)
	j, _ := json.Marshal(struct{ S Secret }{s})
	if strings.Contains(logs.String()+string(j), value) {
		t.Errorf("slog or JSON shows the secret: %s %s", logs.String(), j)
	}
}
