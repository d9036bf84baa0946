package giosg

import (
	"bytes"
	"encoding/json"
	"sync"
)

// numberDecoder is a json.Decoder with UseNumber over a resettable reader.
// encoding/json can keep numbers as json.Number only through a Decoder, and
// building one per condition cost 6 allocations and a 4 KiB buffer (+596
// allocations for a page of 100 goals with settings); pooled, its state and
// buffer are reused.
type numberDecoder struct {
	r   bytes.Reader
	dec *json.Decoder
	out map[string]any // decoded into here: a local's address would escape, one more allocation
}

var numberDecoders = sync.Pool{New: func() any {
	d := &numberDecoder{}
	d.dec = json.NewDecoder(&d.r)
	d.dec.UseNumber()
	return d
}}

// decodeNumberMap decodes data, one JSON object, into a map whose numbers
// are json.Number. A decoder that failed or did not consume exactly data
// (its state or buffer would carry over) is dropped, not pooled.
func decodeNumberMap(data []byte) (map[string]any, error) {
	d := numberDecoders.Get().(*numberDecoder)
	d.r.Reset(data)
	start := d.dec.InputOffset()
	d.out = nil
	err := d.dec.Decode(&d.out)
	m := d.out
	d.out = nil
	if err == nil && d.dec.InputOffset()-start == int64(len(data)) {
		numberDecoders.Put(d)
	}
	if err != nil {
		return nil, err
	}
	if m == nil { // the input was null
		m = map[string]any{}
	}
	return m, nil
}
