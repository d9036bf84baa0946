package giosg_test

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/goalkit/goalkit/giosg"
)

// addSeedFiles adds the seed docs' examples kept in testdata.
func addSeedFiles(f *testing.F) {
	f.Helper()
	for _, name := range []string{"seed_list.json", "seed_create.json", "seed_match.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzGoalJSON decodes any document as a goal, a page of goals and a goal
// list. Nothing may panic; a decoded goal encodes (its decimals and times
// are valid), and the encoding decodes to a goal that encodes to the same
// bytes.
func FuzzGoalJSON(f *testing.F) {
	addSeedFiles(f)
	for _, s := range []string{
		`{"is_any_room_allowed": true, "default_value": 14.15}`,
		`{"allowed_any_room": false, "allow_any_room": null, "default_value": 1e2}`,
		`{"conditions": [{"settings": {"n": 10000000000000001, "f": 1.50, "o": {"x": [1e5]}}, "type": 27}]}`,
		`{"conditions": [{"settings": null}], "created_at": "2016-09-01T11:31:36.042+03:00"}`,
		`{"conditions": [{"settings": []}]}`,
		`{"default_value": "1e5"}`,
		`{"allow_any_room": 1}`,
		`{"next": null, "previous": "https://service.giosg.com/api/v5/orgs/o/goals?cursor=abc", "results": [{"id": "1"}, {}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var g giosg.Goal
		if json.Unmarshal(data, &g) == nil {
			checkGiosgRoundTrip(t, g)
		}
		var page giosg.GoalPage
		if json.Unmarshal(data, &page) == nil {
			page.NextCursor()
			for _, g := range page.Results {
				checkGiosgRoundTrip(t, g)
			}
		}
		var list []giosg.Goal
		if json.Unmarshal(data, &list) == nil {
			for _, g := range list {
				checkGiosgRoundTrip(t, g)
			}
		}
	})
}

func checkGiosgRoundTrip(t *testing.T, g giosg.Goal) {
	t.Helper()
	if g.DefaultValue != nil && !g.DefaultValue.Valid() {
		t.Fatalf("decoded an invalid default_value %q", *g.DefaultValue)
	}
	enc, err := json.Marshal(g)
	if err != nil {
		t.Fatalf("a decoded goal does not encode: %v", err)
	}
	var back giosg.Goal
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatalf("an encoded goal does not decode: %v\n%s", err, enc)
	}
	if g.ID != back.ID || g.Name != back.Name || g.AllowAnyRoom != back.AllowAnyRoom ||
		(g.DefaultValue == nil) != (back.DefaultValue == nil) ||
		(g.DefaultValue != nil && *g.DefaultValue != *back.DefaultValue) ||
		len(g.Conditions) != len(back.Conditions) || len(g.AllowedRooms) != len(back.AllowedRooms) ||
		!g.CreatedAt.Equal(back.CreatedAt) || !g.UpdatedAt.Equal(back.UpdatedAt) {
		t.Fatalf("round trip changed the goal:\n%+v\n%+v", g, back)
	}
	if again, err := json.Marshal(back); err != nil || !bytes.Equal(enc, again) {
		t.Fatalf("encoding is not stable (%v):\n%s\n%s", err, enc, again)
	}
}

// FuzzDecimal checks ParseDecimal and the JSON forms of Decimal:
//   - a string that parses is returned unchanged, is Valid, and encodes as
//     that text in quotes, which decodes back to it;
//   - a string that does not parse is not Valid and does not encode;
//   - a JSON value that decodes is a Valid decimal with the exact value of
//     the JSON number or the text of the JSON string.
func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"10.00", "123.45", "0.10", "-3.5", "+0.01", "10", "", ".5", "5.", "1e5", "NaN", "Inf", "1,5", "--1", "0x10", "٣"} {
		f.Add(s, []byte(strconv.Quote(s)))
	}
	for _, n := range []string{"14.15", "1e2", "-1.5E-3", "0e0", "1e1000", "1e1001", "-0", "1E+2", "null", "true", `"10.00"`, `"\u0031"`, "[1]"} {
		f.Add("1", []byte(n))
	}
	f.Fuzz(func(t *testing.T, s string, data []byte) {
		d, err := giosg.ParseDecimal(s)
		if err == nil {
			if string(d) != s || d.String() != s || !d.Valid() {
				t.Fatalf("ParseDecimal(%q) = %q, valid %v", s, d, d.Valid())
			}
			enc, err := json.Marshal(d)
			if err != nil || string(enc) != `"`+s+`"` {
				t.Fatalf("%q encodes as %s (%v)", s, enc, err)
			}
			var back giosg.Decimal
			if err := json.Unmarshal(enc, &back); err != nil || back != d {
				t.Fatalf("%s decodes as %q (%v)", enc, back, err)
			}
		} else {
			if giosg.Decimal(s).Valid() {
				t.Fatalf("ParseDecimal(%q) failed but the value is Valid", s)
			}
			if _, err := json.Marshal(giosg.Decimal(s)); err == nil {
				t.Fatalf("invalid decimal %q encodes", s)
			}
		}

		// Through encoding/json (which checks the syntax first) and
		// directly (any bytes).
		var viaJSON giosg.Decimal
		if json.Unmarshal(data, &viaJSON) == nil && viaJSON != "" {
			checkDecodedDecimal(t, data, viaJSON)
		}
		var direct giosg.Decimal
		if direct.UnmarshalJSON(data) == nil && direct != "" {
			checkDecodedDecimal(t, data, direct)
		}
	})
}

func checkDecodedDecimal(t *testing.T, data []byte, d giosg.Decimal) {
	t.Helper()
	if !d.Valid() {
		t.Fatalf("%s decoded as invalid decimal %q", data, d)
	}
	enc, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("decoded %q does not encode: %v", d, err)
	}
	var back giosg.Decimal
	if err := json.Unmarshal(enc, &back); err != nil || back != d {
		t.Fatalf("%q does not survive JSON: %q %v", d, back, err)
	}
	text := string(bytes.TrimSpace(data))
	if len(text) > 0 && text[0] == '"' {
		if s, err := strconv.Unquote(text); err == nil && s != string(d) {
			t.Fatalf("%s decoded as %q, want the string's text", data, d)
		}
		return
	}
	// A JSON number: the decimal must be exactly its value.
	want, ok1 := new(big.Rat).SetString(text)
	got, ok2 := new(big.Rat).SetString(string(d))
	if !ok1 || !ok2 || want.Cmp(got) != 0 {
		t.Fatalf("number %s decoded as %q, a different value", data, d)
	}
}
