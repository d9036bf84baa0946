package transport

import (
	"net/http"
	"sync"
	"time"
)

// Connection pool of the default client (no WithHTTPClient). net/http's
// DefaultTransport keeps only 2 idle connections per host, so under 16-256
// concurrent calls most requests would dial (and handshake) a new
// connection. goalkit's own transport keeps as many idle connections per
// host as the concurrency it is built for, and shares them across every
// goalkit client in the process.
const (
	// DefaultMaxIdleConnsPerHost is how many idle connections the default
	// transport keeps per vendor host: one per goroutine up to 256.
	DefaultMaxIdleConnsPerHost = 256
	// DefaultMaxIdleConns bounds idle connections across all hosts.
	DefaultMaxIdleConns = 1024
	// DefaultIdleConnTimeout closes a connection idle for this long.
	DefaultIdleConnTimeout = 90 * time.Second
)

// defaultTransport is the process-wide transport of clients built without
// WithHTTPClient: one pool, so every client reuses the same connections.
var defaultTransport = sync.OnceValue(func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = DefaultMaxIdleConns
	t.MaxIdleConnsPerHost = DefaultMaxIdleConnsPerHost
	t.IdleConnTimeout = DefaultIdleConnTimeout
	return t
})
