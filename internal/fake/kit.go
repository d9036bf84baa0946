package fake

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// Operation is one endpoint of a fake, as a Fault's Route and the request
// log name it.
type Operation struct {
	Name    string // the client method's name, e.g. "CreateGoal"
	Method  string // e.g. "POST"
	Pattern string // path under any base prefix, {x} for a segment: "/goals/{id}"
	Paged   bool   // a list whose pages a Fault can select by number
}

// Route is the operation's method and pattern, e.g. "POST /goals".
func (o Operation) Route() string { return o.Method + " " + o.Pattern }

// match reports whether the path segments, after some base prefix, fit
// the pattern.
func (o Operation) match(method string, segs []string) bool {
	if method != o.Method {
		return false
	}
	pat := strings.Split(strings.Trim(o.Pattern, "/"), "/")
	start := len(segs) - len(pat)
	if start < 0 {
		return false
	}
	for i, p := range pat {
		s := segs[start+i]
		if strings.HasPrefix(p, "{") {
			if s == "" {
				return false
			}
		} else if s != p {
			return false
		}
	}
	return true
}

// KitConfig describes a fake to its Kit.
type KitConfig struct {
	// Operations are the fake's endpoints, matched in order.
	Operations []Operation
	// Page returns the 1-based page number of a paged list request.
	Page func(*http.Request) int
	// Schemes are the Authorization schemes a required token may come
	// with, e.g. "Bearer".
	Schemes []string
	// Unauthorized writes the vendor's 401 answer.
	Unauthorized func(http.ResponseWriter)
	// SecretFields are form fields of a request body the log redacts.
	SecretFields []string
}

// Kit is what every fake adds around its handler: injected faults, the
// request log and auth enforcement. It is safe for concurrent use.
type Kit struct {
	cfg KitConfig

	mu     sync.Mutex
	faults []*armed
	log    []Request
	check  func(token string) bool // nil: any credential
}

// NewKit returns a Kit for a fake described by cfg.
func NewKit(cfg KitConfig) *Kit {
	cfg.Operations = slices.Clone(cfg.Operations)
	return &Kit{cfg: cfg}
}

// Inject arms f. Faults are tried in the order injected; the first that
// selects a request and fires decides what happens to it. A fault that
// could select nothing or does nothing is an error matching ErrBadFault.
func (k *Kit) Inject(f Fault) error {
	op, err := f.check(k.cfg.Operations)
	if err != nil {
		return err
	}
	a := &armed{Fault: f, op: op}
	a.rng = newRand(f.Seed)
	k.mu.Lock()
	k.faults = append(k.faults, a)
	k.mu.Unlock()
	return nil
}

// ClearFaults removes every injected fault.
func (k *Kit) ClearFaults() {
	k.mu.Lock()
	k.faults = nil
	k.mu.Unlock()
}

// RequireToken makes every request without "Authorization: <scheme>
// token" (one of the configured schemes) a 401 in the vendor's shape. An
// empty token turns the check off.
func (k *Kit) RequireToken(token string) {
	if token == "" {
		k.RequireCredential(nil)
		return
	}
	k.RequireCredential(func(got string) bool { return got == token })
}

// RequireCredential makes every request whose "Authorization: <scheme>
// token" fails check (or is absent) a 401 in the vendor's shape; nil turns
// the check off.
func (k *Kit) RequireCredential(check func(token string) bool) {
	k.mu.Lock()
	k.check = check
	k.mu.Unlock()
}

// Requests returns a copy of the request log, in arrival order.
func (k *Kit) Requests() []Request {
	k.mu.Lock()
	defer k.mu.Unlock()
	out := make([]Request, len(k.log))
	for i, r := range k.log {
		r.Body = slices.Clone(r.Body)
		r.Header = r.Header.Clone()
		out[i] = r
	}
	return out
}

// ServeHTTP serves r through h with the Kit's faults, log and auth.
func (k *Kit) ServeHTTP(w http.ResponseWriter, r *http.Request, h http.Handler) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(io.LimitReader(r.Body, MaxRequestBody))
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	op := k.operation(r)
	page := 0
	if op != nil && op.Paged && k.cfg.Page != nil {
		page = k.cfg.Page(r)
	}
	entry := Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Body: k.redactBody(body), Header: redactHeader(r.Header),
	}
	if op != nil {
		entry.Operation, entry.Route = op.Name, op.Route()
	}

	k.mu.Lock()
	var f *Fault
	for _, a := range k.faults {
		if a.selects(r.Method, op, page) && a.fires() {
			f = &a.Fault
			break
		}
	}
	entry.Faulted = f != nil
	idx := len(k.log)
	k.log = append(k.log, entry)
	check := k.check
	k.mu.Unlock()

	if f == nil {
		f = &Fault{}
	}
	f.serve(w, r, func(rec http.ResponseWriter) {
		if check != nil && !k.authorized(r, check) {
			k.cfg.Unauthorized(rec)
			return
		}
		h.ServeHTTP(rec, r)
	}, func() {
		k.mu.Lock()
		k.log[idx].Applied = true
		k.mu.Unlock()
	})
}

// operation finds the operation r calls, or nil.
func (k *Kit) operation(r *http.Request) *Operation {
	segs := strings.Split(strings.Trim(r.URL.EscapedPath(), "/"), "/")
	for i, s := range segs {
		if u, err := url.PathUnescape(s); err == nil {
			segs[i] = u
		}
	}
	for i := range k.cfg.Operations {
		if k.cfg.Operations[i].match(r.Method, segs) {
			return &k.cfg.Operations[i]
		}
	}
	return nil
}

func (k *Kit) authorized(r *http.Request, check func(string) bool) bool {
	got := r.Header.Get("Authorization")
	for _, s := range k.cfg.Schemes {
		if tok, ok := strings.CutPrefix(got, s+" "); ok && tok != "" && check(tok) {
			return true
		}
	}
	return false
}

// redactBody hides the secret form fields of a logged body.
func (k *Kit) redactBody(body []byte) []byte {
	if len(k.cfg.SecretFields) == 0 {
		return slices.Clone(body)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return []byte("REDACTED")
	}
	for _, f := range k.cfg.SecretFields {
		if form.Has(f) {
			form.Set(f, "REDACTED")
		}
	}
	return []byte(form.Encode())
}

// credentialHeaders are replaced by "REDACTED" in the log.
var credentialHeaders = []string{"Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key"}

func redactHeader(h http.Header) http.Header {
	out := h.Clone()
	for _, name := range credentialHeaders {
		if _, ok := out[name]; ok {
			out[name] = []string{"REDACTED"}
		}
	}
	return out
}
