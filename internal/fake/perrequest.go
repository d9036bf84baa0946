package fake

import "net/http"

// PerRequest serves next with the fault pick chooses for each request (nil:
// none), for a test that draws its faults itself, such as the importer's
// kill -9 test picking one at random per POST. The fault's selectors (Route,
// Method, Page, Times, Probability) are not consulted; its effects work as
// under Kit.Inject. Drop and CutBody need a real server (NewServer).
func PerRequest(next http.Handler, pick func(*http.Request) *Fault) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := pick(r)
		if f == nil {
			f = &Fault{}
		}
		f.serve(w, r, func(rec http.ResponseWriter) { next.ServeHTTP(rec, r) }, func() {})
	})
}
