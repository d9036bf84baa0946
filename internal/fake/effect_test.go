package fake

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// postWithin POSTs a thing to srv, giving up after timeout.
func postWithin(t *testing.T, srv *httptest.Server, timeout time.Duration) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/things", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// waitStored waits until s holds n things, failing t after a second.
func waitStored(t *testing.T, s *store, n int) {
	t.Helper()
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		s.mu.Lock()
		got := s.n
		s.mu.Unlock()
		if got == n {
			return
		}
	}
	t.Fatalf("the fake did not store %d things", n)
}

// A server that got a request handles it even when the client gave up
// during the hold: the write lands late, and the log says so.
func TestDelayedWriteLandsAfterTheClientGaveUp(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	k.Inject(Fault{Method: http.MethodPost, Delay: 300 * time.Millisecond})
	srv := httptest.NewServer(h)
	defer srv.Close()
	if err := postWithin(t, srv, 50*time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("POST = %v, want a timeout", err)
	}
	waitStored(t, s, 1)
	for deadline := time.Now().Add(time.Second); !k.Requests()[0].Applied; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the late write is not marked Applied")
		}
	}
}

// With AfterApply the hold comes after the write: it is applied at once,
// and the client times out waiting for the answer.
func TestAfterApplyDelayHoldsTheAnswerOfAnAppliedWrite(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	if err := k.Inject(Fault{Method: http.MethodPost, AfterApply: true, Delay: time.Second, Drop: true}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	start := time.Now()
	if err := postWithin(t, srv, 100*time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("POST = %v, want a timeout", err)
	}
	waitStored(t, s, 1)
	if el := time.Since(start); el > 700*time.Millisecond {
		t.Errorf("applied after %v: the hold came first", el)
	}
}

// An odd 2xx after the fake refused the request would report a refusal as
// a success: the refusal passes through; a 5xx still replaces it.
func TestAfterApplySuccessNeverHidesARefusal(t *testing.T) {
	k, h := newTestKit(&store{})
	k.RequireToken("tok")
	k.Inject(Fault{Method: http.MethodPost, AfterApply: true, Status: 200, ContentType: "text/html", Body: "<html>OK</html>", Times: 1})
	if w := do(t, h, http.MethodPost, "/things", "{}"); w.Code != 401 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("refused POST under a 200 fault: %d %s, want the 401", w.Code, w.Body)
	}
	if w := do(t, h, http.MethodPost, "/things", "{}", "Authorization", "Bearer tok"); w.Code != 201 {
		t.Errorf("Times 1 was spent on the refusal: second POST %d, want 201", w.Code)
	}
	k.Inject(Fault{Method: http.MethodPost, AfterApply: true, Status: 500, Times: 1})
	if w := do(t, h, http.MethodPost, "/things", "{}"); w.Code != 500 {
		t.Errorf("refused POST under a 500 fault: %d, want 500", w.Code)
	}
	k.Inject(Fault{Method: http.MethodPost, AfterApply: true, Status: 200, Body: `{"ok":1}`, Times: 1})
	if w := do(t, h, http.MethodPost, "/things", "{}", "Authorization", "Bearer tok"); w.Code != 200 || w.Body.String() != `{"ok":1}` {
		t.Errorf("applied POST under a 200 fault: %d %s", w.Code, w.Body)
	}
}

func TestPerRequestAppliesTheFaultPicked(t *testing.T) {
	s := &store{}
	pick := &Fault{Status: 503, Body: `{"x":1}`, RetryAfter: "2"}
	h := PerRequest(s, func(r *http.Request) *Fault {
		if r.Method == http.MethodPost {
			return pick
		}
		return nil
	})
	w := do(t, h, http.MethodPost, "/things", "{}")
	if w.Code != 503 || w.Header().Get("Retry-After") != "2" || w.Body.String() != `{"x":1}` || s.n != 0 {
		t.Errorf("picked 503: %d %v %s, stored %d", w.Code, w.Header(), w.Body, s.n)
	}
	if w := do(t, h, http.MethodGet, "/things", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"count":0`) {
		t.Errorf("no fault: %d %s", w.Code, w.Body)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	pick = &Fault{AfterApply: true, Drop: true}
	if err := postWithin(t, srv, time.Second); err == nil {
		t.Error("a dropped POST succeeded")
	}
	waitStored(t, s, 1)
}

// Every write fault of the table is one Inject accepts.
func TestWriteFaultsAreValid(t *testing.T) {
	k, _ := newTestKit(&store{})
	seen := map[string]bool{}
	for _, wf := range WriteFaults(time.Second) {
		if seen[wf.Name] {
			t.Errorf("%s twice", wf.Name)
		}
		seen[wf.Name] = true
		wf.Method = http.MethodPost
		if err := k.Inject(wf.Fault); err != nil {
			t.Errorf("%s: %v", wf.Name, err)
		}
	}
}
