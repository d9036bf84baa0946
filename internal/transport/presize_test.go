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

// TestEstimateElements: the estimate counts the first element's opening
// ('{' and its first key as written) through the body: exact for a list an
// encoder wrote, compact or indented; not fooled by the same text inside a
// string; over for a deeper object that begins with the same key (held to
// the decode limit by presize), under for elements with another first key
// (the slice then grows); -1 without a keyed first element.
func TestEstimateElements(t *testing.T) {
	cases := []struct {
		name  string
		body  string
		depth int
		want  int64
	}{
		{"compact", `[{"id":1,"n":"a"},{"id":2},{"id":3}]`, 1, 3},
		{"indented", "[\n  {\n    \"id\": 1\n  },\n  {\n    \"id\": 2\n  }\n]", 1, 2},
		{"envelope", `{"next":"{\"id\"","results":[{"id":1},{"id":2}]}`, 2, 2},
		{"escaped in a string", `[{"id":1,"note":"{\"id\":2}"},{"id":3}]`, 1, 2},
		{"nested same first key", `[{"id":1,"sub":{"id":9}},{"id":2}]`, 1, 3},
		{"other first key", `[{"id":1},{"name":"x","id":2}]`, 1, 1},
		{"empty objects", `[{},{}]`, 1, -1},
		{"no list", `{"a":1}`, 2, -1},
		{"unterminated", `[{"id`, 1, -1},
	}
	for _, c := range cases {
		if got := estimateElements([]byte(c.body), c.depth); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
