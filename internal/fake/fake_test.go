package fake

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestSegments(t *testing.T) {
	t.Parallel()
	cases := []struct {
		path, resource string
		want           []string
		ok             bool
	}{
		{"/api/v2/chat/goals/7", "goals", []string{"7"}, true},
		{"/goals", "goals", []string{}, true},
		{"/api/v2/triggers/a%2Fb", "triggers", []string{"a/b"}, true},
		{"/api/v2/triggers/triggers", "triggers", []string{"triggers"}, true},
		{"/api/v2/triggers/%2E%2E", "triggers", []string{".."}, true},
		{"/api/v5/orgs/o1/goals/g1/matches", "orgs", []string{"o1", "goals", "g1", "matches"}, true},
		{"/api/v2/other", "goals", nil, false},
	}
	for _, tc := range cases {
		r := httptest.NewRequest("GET", "http://h"+tc.path, nil)
		got, ok := Segments(r, tc.resource)
		if ok != tc.ok || (ok && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("Segments(%s, %s) = %q, %v; want %q, %v", tc.path, tc.resource, got, ok, tc.want, tc.ok)
		}
	}
}

func TestResponderAndServerServeTheSameHandler(t *testing.T) {
	t.Parallel()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in map[string]int
		if err := ReadJSON(r, &in); err != nil {
			WriteJSON(w, 400, map[string]string{"error": err.Error()})
			return
		}
		WriteJSON(w, 201, map[string]int{"got": in["n"]})
	})
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(Responder(h))
	srv := NewServer(h)
	defer srv.Close()
	for _, c := range []struct {
		client *http.Client
		url    string
	}{{&http.Client{Transport: mt}, "https://x.example/a"}, {srv.Client(), srv.URL + "/a"}} {
		resp, err := c.client.Post(c.url, "application/json", strings.NewReader(`{"n":3}`))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 201 || string(body) != "{\"got\":3}\n" || resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %q %q", c.url, resp.StatusCode, body, resp.Header.Get("Content-Type"))
		}
	}
}

func TestCounter(t *testing.T) {
	t.Parallel()
	var c Counter
	if c.Next() != 1 || c.Next() != 2 {
		t.Error("counter does not count from 1")
	}
}
