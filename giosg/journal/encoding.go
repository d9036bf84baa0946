package journal

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/goalkit/goalkit/giosg"
)

// An entry is stored under its key as: state (1 byte), row, status and
// updated (Unix ms) as varints, then the message.

// put stores e, stamping Updated when zero.
func put(b *bbolt.Bucket, e giosg.JournalEntry) error {
	if e.Updated.IsZero() {
		e.Updated = time.Now()
	}
	v := make([]byte, 0, 1+3*binary.MaxVarintLen64+len(e.Message))
	v = append(v, byte(e.State))
	v = binary.AppendUvarint(v, uint64(max(e.Row, 0)))
	v = binary.AppendUvarint(v, uint64(max(e.Status, 0)))
	v = binary.AppendVarint(v, e.Updated.UnixMilli())
	v = append(v, e.Message...)
	return b.Put([]byte(e.Key), v)
}

var errCorrupt = errors.New("journal: corrupt entry")

// decode reads an entry stored by put.
func decode(key string, v []byte) (giosg.JournalEntry, error) {
	e := giosg.JournalEntry{Key: key}
	if len(v) < 1 {
		return e, fmt.Errorf("%w: %q", errCorrupt, key)
	}
	e.State, v = giosg.RowState(v[0]), v[1:]
	var nums [3]int64
	for i := range nums {
		var n int
		if i < 2 {
			var u uint64
			u, n = binary.Uvarint(v)
			nums[i] = int64(u)
		} else {
			nums[i], n = binary.Varint(v)
		}
		if n <= 0 {
			return e, fmt.Errorf("%w: %q", errCorrupt, key)
		}
		v = v[n:]
	}
	e.Row, e.Status = int(nums[0]), int(nums[1])
	e.Updated = time.UnixMilli(nums[2]).UTC()
	e.Message = string(v)
	return e, nil
}
