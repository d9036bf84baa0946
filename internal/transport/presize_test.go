package transport

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPresize(t *testing.T) {
	type elem struct {
		ID   int
		Name string
	}
	const n = 20000 // a body over presizeMin
	list := "[" + strings.Repeat(`{"ID":1,"Name":"a goal with a name"},`, n-1) + `{"ID":2}]`
	body := []byte(list)

	var bare []elem
	presize(&bare, 1, -1, body)
	if len(bare) != 0 || cap(bare) != n {
		t.Errorf("bare list: len %d cap %d, want 0 and %d", len(bare), cap(bare), n)
	}
	if err := json.Unmarshal(body, &bare); err != nil || len(bare) != n || cap(bare) != n || bare[n-1].ID != 2 {
		t.Errorf("decoded into the presized list: len %d cap %d, %v", len(bare), cap(bare), err)
	}

	var env struct {
		Next    string
		Results []elem
	}
	envBody := []byte(`{"Next":"x","Results":` + list + `}`)
	presize(&env, 2, -1, envBody)
	if cap(env.Results) != n {
		t.Errorf("envelope: cap %d, want %d", cap(env.Results), n)
	}

	// Left alone: two lists (which one was counted?), a small body, a
	// count the budget would not allow.
	var two struct{ A, B []elem }
	presize(&two, 2, -1, envBody)
	if two.A != nil || two.B != nil {
		t.Error("an envelope with two lists was presized")
	}
	var small []elem
	presize(&small, 1, -1, []byte(`[{},{}]`))
	if small != nil {
		t.Error("a small list was presized")
	}
	type huge struct{ Pad [4096]byte }
	var big []huge
	presize(&big, 1, -1, []byte("["+strings.Repeat("{},", 200000)+"{}]"))
	if big != nil {
		t.Errorf("presized %d elements of 4 KiB from a 600 KB body", cap(big))
	}
}
