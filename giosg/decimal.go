package giosg

import (
	"errors"
	"strconv"
	"strings"
)

// Decimal is a money amount kept as its exact decimal text, e.g. "10.00".
// It never passes through float64, so "0.10" stays "0.10" and 14.15 stays
// 14.15.
//
// The accepted grammar (ParseDecimal, and every JSON string) is plain
// decimal notation:
//
//	[+-] digits [ "." digits ]
//
// so "10", "-3.5" and "+0.01" are valid, and "", "abc", ".5", "5.",
// "1e5", "NaN", "Inf" and "1,5" are not. A JSON number in a response is
// accepted as well; one in exponent form (1e2, which a float-rendering
// server may send) is expanded exactly to plain notation ("100").
//
// A Decimal encodes as a JSON string. The zero value "" is not a valid
// amount: optional amounts are *Decimal, nil meaning absent.
type Decimal string

// maxExponent bounds how far an exponent-form JSON number is expanded, so a
// hostile "1e999999999" cannot allocate gigabytes.
const maxExponent = 1000

// ParseDecimal checks s against the Decimal grammar and returns it
// unchanged (no rounding, no normalisation).
func ParseDecimal(s string) (Decimal, error) {
	if !validDecimal(s) {
		return "", errors.New("giosg: invalid decimal " + strconv.Quote(s) + ": want [+-]digits[.digits]")
	}
	return Decimal(s), nil
}

// String returns the decimal text.
func (d Decimal) String() string { return string(d) }

// Equal reports whether d and o are the same amount, whatever their
// notation: "10" equals "10.00" and "+010.0", "-0" equals "0". An invalid
// decimal equals only the same text.
func (d Decimal) Equal(o Decimal) bool {
	if !d.Valid() || !o.Valid() {
		return d == o
	}
	return canonical(d) == canonical(o)
}

// canonical is a valid d without a plus sign, leading zeros of the
// integer part, trailing zeros of the fraction, or the sign of zero.
func canonical(d Decimal) string {
	s := string(d)
	sign := ""
	switch s[0] {
	case '-':
		sign, s = "-", s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if intPart == "" && frac == "" {
		return "0"
	}
	return sign + intPart + "." + frac
}

// Valid reports whether d matches the Decimal grammar.
func (d Decimal) Valid() bool { return validDecimal(string(d)) }

// MarshalJSON encodes d as a JSON string; an invalid d is an error rather
// than a wrong amount on the wire.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if !d.Valid() {
		return nil, errInvalidDecimal(d)
	}
	b := make([]byte, 0, len(d)+2)
	b = append(b, '"')
	b = append(b, d...)
	return append(b, '"'), nil
}

// UnmarshalJSON accepts a JSON string in the Decimal grammar or a JSON
// number; null leaves d unchanged.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	if len(data) == 0 {
		return errors.New("giosg: empty decimal")
	}
	switch data[0] {
	case 'n':
		if string(data) == "null" {
			return nil
		}
	case '"':
		s, err := strconv.Unquote(string(data))
		if err != nil || !validDecimal(s) {
			return errors.New("giosg: invalid decimal " + string(data))
		}
		*d = Decimal(s)
		return nil
	default:
		s, ok := plainNumber(string(data))
		if ok {
			*d = Decimal(s)
			return nil
		}
	}
	return errors.New("giosg: invalid decimal " + string(data))
}

// validDecimal reports whether s is [+-]digits[.digits].
func validDecimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	return allDigits(intPart) && (!hasDot || allDigits(frac))
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainNumber turns JSON number text into plain decimal notation, moving
// the decimal point instead of computing, so the digits are exact.
func plainNumber(s string) (string, bool) {
	mant, exp, hasExp := strings.Cut(s, "e")
	if !hasExp {
		mant, exp, hasExp = strings.Cut(s, "E")
	}
	if !validDecimal(mant) || mant[0] == '+' {
		return "", false // JSON numbers have no leading '+'
	}
	if !hasExp {
		return mant, true
	}
	e, err := strconv.Atoi(exp)
	if err != nil || e > maxExponent || e < -maxExponent {
		return "", false
	}
	sign := ""
	if mant[0] == '-' {
		sign, mant = "-", mant[1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	point := len(intPart) + e // position of the decimal point within digits
	switch {
	case point <= 0:
		digits = strings.Repeat("0", 1-point) + digits
		point = 1
	case point > len(digits):
		digits += strings.Repeat("0", point-len(digits))
	}
	out := sign + digits[:point]
	if point < len(digits) {
		out += "." + digits[point:]
	}
	return out, true
}

// errInvalidDecimal refuses to encode d: a wrong amount must not reach the
// wire.
func errInvalidDecimal(d Decimal) error {
	return errors.New("giosg: invalid decimal " + strconv.Quote(string(d)))
}
