package goalstate

import (
	"errors"
	"testing"
)

// FuzzLoad: any input loads or fails with a *FileError, never panics, and
// a loaded document encodes to text that loads to the same document.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(validDoc))
	f.Add([]byte(applyDoc))
	f.Add([]byte(`{"version": 1, "pagesense": {"custom_events": ["a\tb", "$${x}"]}}`))
	f.Add([]byte("version: 1\nzendesk:\n  goals: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Load(data, LoadOptions{Variables: map[string]string{"SITE": "example.com"}})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Load failed with %T, not a *FileError: %v", err, err)
			}
			return
		}
		text, err := Encode(doc)
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		back, err := Load(text, LoadOptions{})
		if err != nil {
			t.Fatalf("Load of Encode: %v\n%s", err, text)
		}
		doc.Variables, back.Variables = nil, nil
		if !jsonEqual(doc, back) {
			t.Fatalf("Encode then Load changed the document:\n%s", text)
		}
	})
}
