package transport

import (
	"encoding/json"
	"testing"
)

// FuzzAppendJSONString: the bytes are encoding/json's for any string,
// valid UTF-8 or not, after any prefix, alone or in a list.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "customer-12345678", "2016-10-10T22:00:49.123Z", "café", "a\"b\\c", "<&>", "\x00\x1f\x7f", "caf\xe9", "\u2028\u2029", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("AppendJSONString(%q) = %s, want x%s", s, got, want)
		}
		if got := AppendJSONString(nil, []byte(s)); string(got) != string(want) {
			t.Fatalf("AppendJSONString([]byte(%q)) = %s, want %s", s, got, want)
		}
		for _, list := range [][]string{nil, {}, {s}, {s, "x", s}} {
			want, _ := json.Marshal(list)
			if got := AppendJSONStrings(nil, list); string(got) != string(want) {
				t.Fatalf("AppendJSONStrings(%q) = %s, want %s", list, got, want)
			}
		}
	})
}
