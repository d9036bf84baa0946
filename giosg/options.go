package giosg

import "github.com/goalkit/goalkit/internal/transport"

// Option configures a Client. Options apply in order; the last one wins.
type Option = transport.Option

// Options shared by every goalkit client.
var (
	// WithHTTPClient sets the base *http.Client under retries and auth; its
	// Transport (an httpmock.MockTransport in tests) sees every attempt.
	WithHTTPClient = transport.WithHTTPClient
	// WithBaseURL sets the API root; https unless the host is loopback.
	WithBaseURL = transport.WithBaseURL
	// WithUserAgent replaces "goalkit/<version> go<version>".
	WithUserAgent = transport.WithUserAgent
	// WithRetryMax sets how many times a retryable failure is retried; 0 turns retries off.
	WithRetryMax = transport.WithRetryMax
	// WithRetryWait bounds the wait between attempts (default 500ms to 30s).
	WithRetryWait = transport.WithRetryWait
	// WithLogger logs each attempt at Debug and each retry at Warn.
	WithLogger = transport.WithLogger
	// WithMaxResponseSize caps the bytes read of a response body (default 10 MiB).
	WithMaxResponseSize = transport.WithMaxResponseSize
	// WithRateLimit paces the client to n attempts per period (one token bucket per client).
	WithRateLimit = transport.WithRateLimit
)

// Ptr returns a pointer to v, for the optional fields of params.
func Ptr[T any](v T) *T { return &v }
