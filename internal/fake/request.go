package fake

import (
	"math/rand/v2"
	"net/http"
)

// Request is one request that reached a fake, as its request log keeps it.
type Request struct {
	Method    string      // "POST"
	Operation string      // the operation's name ("CreateGoal"); "" for an unknown route
	Route     string      // the operation's route ("POST /goals"); "" for an unknown route
	Path      string      // the URL path as received, base prefix included
	Query     string      // the raw query, without '?'
	Body      []byte      // the body as received (secret form fields redacted)
	Header    http.Header // the headers, with credentials ("Authorization", ...) replaced by "REDACTED"
	Applied   bool        // the fake changed its state (a write answered 2xx, whatever the client then got)
	Faulted   bool        // an injected fault hit the request
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
