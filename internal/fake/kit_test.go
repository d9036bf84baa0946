package fake

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

var testOps = []Operation{
	{Name: "List", Method: http.MethodGet, Pattern: "/things", Paged: true},
	{Name: "Create", Method: http.MethodPost, Pattern: "/things"},
	{Name: "Delete", Method: http.MethodDelete, Pattern: "/things/{id}"},
}

// store is a tiny fake: POST adds a thing, GET counts them.
type store struct {
	mu sync.Mutex
	n  int
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.Method == http.MethodPost {
		s.n++
		WriteJSON(w, http.StatusCreated, map[string]int{"id": s.n})
		return
	}
	WriteJSON(w, http.StatusOK, map[string]int{"count": s.n})
}

func newTestKit(s *store) (*Kit, http.Handler) {
	k := NewKit(KitConfig{
		Operations: testOps, Schemes: []string{"Bearer"},
		Page: func(r *http.Request) int {
			if r.URL.Query().Get("page") == "2" {
				return 2
			}
			return 1
		},
		Unauthorized: func(w http.ResponseWriter) { WriteJSON(w, 401, map[string]string{"error": "no"}) },
		SecretFields: []string{"secret"},
	})
	return k, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { k.ServeHTTP(w, r, s) })
}

func TestInjectRefusesFaultsThatSelectNothing(t *testing.T) {
	k, _ := newTestKit(&store{})
	for _, f := range []Fault{
		{Route: "Nope", Status: 500},
		{Route: "POST /nope", Status: 500},
		{Route: "Create", Method: http.MethodGet, Status: 500},
		{Method: "BREW", Status: 500},
		{Method: http.MethodPatch, Status: 500},
		{Route: "Create", Page: 2, Status: 500},
		{Page: -1, Status: 500},
		{Times: -1, Status: 500},
		{Probability: 1.5, Status: 500},
		{Status: 42},
		{Body: "x"},
		{Route: "Create"},
		{AfterApply: true, Delay: 1},
	} {
		if err := k.Inject(f); !errors.Is(err, ErrBadFault) {
			t.Errorf("Inject(%+v) = %v, want ErrBadFault", f, err)
		}
	}
	for _, f := range []Fault{{Route: "Create", Status: 500}, {Route: "POST /things", Drop: true}, {Route: "List", Page: 2, Status: 503}} {
		if err := k.Inject(f); err != nil {
			t.Errorf("Inject(%+v) = %v", f, err)
		}
	}
}

func do(t *testing.T, h http.Handler, method, target, body string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestRequestLogRedactsAndMarksApplied(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	do(t, h, http.MethodPost, "/api/v1/things?x=1", "secret=s3&name=a", "Authorization", "Bearer tok", "X-Trace", "7")
	do(t, h, http.MethodGet, "/api/v1/things", "")
	do(t, h, http.MethodGet, "/api/v1/elsewhere", "")
	got := k.Requests()
	if len(got) != 3 {
		t.Fatalf("%d requests, want 3", len(got))
	}
	p := got[0]
	if p.Method != "POST" || p.Operation != "Create" || p.Route != "POST /things" || p.Path != "/api/v1/things" || p.Query != "x=1" || !p.Applied || p.Faulted {
		t.Errorf("POST logged as %+v", p)
	}
	if string(p.Body) != "name=a&secret=REDACTED" || p.Header.Get("Authorization") != "REDACTED" || p.Header.Get("X-Trace") != "7" {
		t.Errorf("POST body %q, headers %v", p.Body, p.Header)
	}
	if got[1].Applied || got[1].Operation != "List" || got[2].Operation != "" {
		t.Errorf("GET logged as %+v, unknown as %+v", got[1], got[2])
	}
}

func TestFaultAfterApplyChangesStateButLosesTheAnswer(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	if err := k.Inject(Fault{Route: "Create", Status: 502, Body: `{"e":1}`, AfterApply: true, Times: 1}); err != nil {
		t.Fatal(err)
	}
	if w := do(t, h, http.MethodPost, "/things", "{}"); w.Code != 502 || w.Body.String() != `{"e":1}` {
		t.Errorf("got %d %s", w.Code, w.Body)
	}
	if w := do(t, h, http.MethodPost, "/things", "{}"); w.Code != 201 {
		t.Errorf("second POST got %d", w.Code)
	}
	if s.n != 2 {
		t.Errorf("store holds %d, want 2 (the faulted write applied)", s.n)
	}
	log := k.Requests()
	if !log[0].Applied || !log[0].Faulted || log[1].Faulted {
		t.Errorf("log %+v", log)
	}
}

func TestFaultBeforeHandlingLeavesStateAlone(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	k.Inject(Fault{Method: http.MethodPost, Status: 429, RetryAfter: "2"})
	w := do(t, h, http.MethodPost, "/things", "{}")
	if w.Code != 429 || w.Header().Get("Retry-After") != "2" || s.n != 0 || k.Requests()[0].Applied {
		t.Errorf("got %d %v, store %d", w.Code, w.Header(), s.n)
	}
}

func TestProbabilityIsRepeatable(t *testing.T) {
	run := func() string {
		k, h := newTestKit(&store{})
		k.Inject(Fault{Status: 500, Probability: 0.5, Seed: 42})
		var b strings.Builder
		for range 40 {
			if do(t, h, http.MethodGet, "/things", "").Code == 500 {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		return b.String()
	}
	a, b := run(), run()
	if a != b || !strings.Contains(a, "x") || !strings.Contains(a, ".") {
		t.Errorf("runs differ or are not mixed:\n%s\n%s", a, b)
	}
}

func TestPageAndRequireToken(t *testing.T) {
	k, h := newTestKit(&store{})
	k.Inject(Fault{Route: "List", Page: 2, Status: 503})
	if do(t, h, http.MethodGet, "/things", "").Code != 200 || do(t, h, http.MethodGet, "/things?page=2", "").Code != 503 {
		t.Error("Page did not select page 2 only")
	}
	k.ClearFaults()
	k.RequireToken("tok")
	if w := do(t, h, http.MethodGet, "/things", "", "Authorization", "Bearer nope"); w.Code != 401 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("wrong token: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, http.MethodGet, "/things", "", "Authorization", "Bearer tok"); w.Code != 200 {
		t.Errorf("right token: %d", w.Code)
	}
}

func TestResponderTurnsNetworkFaultsIntoTransportErrors(t *testing.T) {
	k, h := newTestKit(&store{})
	k.Inject(Fault{Method: http.MethodPost, Drop: true})
	k.Inject(Fault{Method: http.MethodGet, CutBody: true})
	c := &http.Client{Transport: responderTransport(Responder(h))}
	if _, err := c.Post("http://x/things", "application/json", strings.NewReader("{}")); err == nil {
		t.Error("dropped POST succeeded")
	}
	resp, err := c.Get("http://x/things")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("cut body read: %v", err)
	}
}

func responderTransport(r httpmock.Responder) http.RoundTripper {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(r)
	return mt
}

func TestRequestLogIsSafeForConcurrentUse(t *testing.T) {
	s := &store{}
	k, h := newTestKit(s)
	k.Inject(Fault{Method: http.MethodPost, Delay: time.Millisecond, Probability: 0.5, Seed: 1})
	srv := httptest.NewServer(h)
	defer srv.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 50 {
			k.Requests()
		}
	}()
	errs := make(chan error, 20)
	for range 20 {
		go func() {
			resp, err := http.Post(srv.URL+"/things", "application/json", strings.NewReader("{}"))
			if err == nil {
				resp.Body.Close()
			}
			errs <- err
		}()
	}
	for range 20 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	<-done
	if got := len(k.Requests()); got != 20 || s.n != 20 {
		t.Errorf("logged %d, stored %d; want 20 each", got, s.n)
	}
}
