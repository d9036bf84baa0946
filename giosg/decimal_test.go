package giosg_test

import (
	"encoding/json"
	"testing"

	"github.com/goalkit/goalkit/giosg"
)

func TestParseDecimal(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"0", "10", "10.00", "-3.5", "+0.01", "14.15", "007", "123456789012345678901234567890.123456789"} {
		d, err := giosg.ParseDecimal(s)
		if err != nil || string(d) != s || !d.Valid() || d.String() != s {
			t.Errorf("ParseDecimal(%q) = %q, %v", s, d, err)
		}
	}
	for _, s := range []string{"", " ", "abc", ".5", "5.", "1e5", "1E5", "NaN", "nan", "Inf", "-Inf", "1,5", "1.2.3", "--1", "+", "-", " 1", "1 ", "0x10", "1_000", "١"} {
		if d, err := giosg.ParseDecimal(s); err == nil {
			t.Errorf("ParseDecimal(%q) = %q, want an error", s, d)
		}
		if giosg.Decimal(s).Valid() {
			t.Errorf("Decimal(%q).Valid()", s)
		}
	}
}

func TestDecimalUnmarshal(t *testing.T) {
	t.Parallel()
	cases := map[string]giosg.Decimal{
		`"10.00"`:  "10.00",
		`"-0.10"`:  "-0.10",
		`14.15`:    "14.15",
		`10`:       "10",
		`-2.50`:    "-2.50",
		`0.1`:      "0.1",
		`1e2`:      "100",
		`1.5E+3`:   "1500",
		`-1.25e1`:  "-12.5",
		`1234e-2`:  "12.34",
		`5e-3`:     "0.005",
		`-1.5e-1`:  "-0.15",
		`12.5e0`:   "12.5",
		`"\u0031"`: "1",
		// A number too precise for float64 keeps every digit.
		`0.30000000000000000001`: "0.30000000000000000001",
	}
	for in, want := range cases {
		var d giosg.Decimal
		if err := json.Unmarshal([]byte(in), &d); err != nil || d != want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q", in, d, err, want)
		}
	}
	for _, in := range []string{`"abc"`, `""`, `"1e5"`, `true`, `{}`, `[]`, `1e99999`, `"NaN"`} {
		var d giosg.Decimal
		if err := json.Unmarshal([]byte(in), &d); err == nil {
			t.Errorf("Unmarshal(%s) = %q, want an error", in, d)
		}
	}
	// null leaves a pointer nil and a value unchanged.
	var v struct{ D *giosg.Decimal }
	if err := json.Unmarshal([]byte(`{"D":null}`), &v); err != nil || v.D != nil {
		t.Errorf("null: %v, %v", v.D, err)
	}
	d := giosg.Decimal("1")
	if err := d.UnmarshalJSON([]byte("null")); err != nil || d != "1" {
		t.Errorf("null on value: %q, %v", d, err)
	}
}

func TestDecimalMarshal(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(struct{ V giosg.Decimal }{"0.10"})
	if err != nil || string(b) != `{"V":"0.10"}` {
		t.Errorf("got %s, %v", b, err)
	}
	if _, err := json.Marshal(giosg.Decimal("1.0.0")); err == nil {
		t.Error("invalid decimal encoded")
	}
}
