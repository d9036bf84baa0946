package fake

import (
	"bytes"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrBadSeed is matched (errors.Is) by every error a fake's Seed or
// LoadJSON returns.
var ErrBadSeed = errors.New("fake: bad seed")

// BadSeed returns an error matching ErrBadSeed.
func BadSeed(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrBadSeed}, args...)...)
}

// DecodeSeed reads a seed document: a JSON object whose keys are among
// fields (each decoded into its value), or, when bare is not "", a JSON
// array taken as the value of key bare. Unknown keys, trailing data and
// undecodable values are errors matching ErrBadSeed.
func DecodeSeed(r io.Reader, bare string, fields map[string]any) error {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return BadSeed("reading: %v", err)
	}
	data = bytes.TrimSpace(data)
	if bare != "" && len(data) > 0 && data[0] == '[' {
		data = append(append([]byte(`{"`+bare+`":`), data...), '}')
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return BadSeed("not a JSON object: %v", err)
	}
	if dec.More() {
		return BadSeed("trailing data after the document")
	}
	for k, v := range raw {
		dst, ok := fields[k]
		if !ok {
			return BadSeed("unknown key %q", k)
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return BadSeed("%s: %v", k, err)
		}
	}
	return nil
}

// Bump raises the counter to at least n, so ids handed out later never
// collide with seeded ones.
func (c *Counter) Bump(n int64) {
	for {
		cur := c.n.Load()
		if cur >= n || c.n.CompareAndSwap(cur, n) {
			return
		}
	}
}

// ContractPrefix starts the name of every object a contract suite
// creates, so a real account's leftovers are easy to find.
const ContractPrefix = "goalkit-contract-"

// ContractName returns ContractPrefix and a random suffix, so runs do
// not collide.
func ContractName() string {
	var b [4]byte
	crand.Read(b[:])
	return ContractPrefix + hex.EncodeToString(b[:])
}
