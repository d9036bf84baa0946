package transport

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/time/rate"
)

// Defaults for every client; RELIABILITY.md explains the retry policy.
const (
	DefaultRetryMax     = 4
	DefaultRetryWaitMin = 500 * time.Millisecond
	DefaultRetryWaitMax = 30 * time.Second
	DefaultMaxBodySize  = 10 << 20
	// DefaultAttemptTimeout bounds one attempt (connect, headers and body)
	// when the caller does not bring its own *http.Client.
	DefaultAttemptTimeout = 60 * time.Second
)

// Settings is what the options configure. Dialects start from their own
// defaults (base URL, error decoder) and apply the user's options in order.
type Settings struct {
	BaseURL      string
	HTTPClient   *http.Client
	UserAgent    string
	RetryMax     int
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	Logger       *slog.Logger
	MaxBodySize  int64
	Auth         Authorizer
	// Region is the vendor region the options chose (a PageSense data
	// center), so that two options naming different ones can be refused.
	Region string
	// Limiter paces every attempt of the client; nil for none.
	Limiter *rate.Limiter
}

// Option configures a client. Options apply in order; the last one wins. An
// option that is given a bad value makes NewClient fail.
type Option func(*Settings) error

// WithHTTPClient sets the base *http.Client under retries and auth. Its
// Transport (an httpmock.MockTransport in tests) sees every attempt.
func WithHTTPClient(c *http.Client) Option {
	return func(s *Settings) error {
		if c == nil {
			return errors.New("goalkit: WithHTTPClient: nil client")
		}
		s.HTTPClient = c
		return nil
	}
}

// WithBaseURL sets the API root, e.g. a fake's httptest URL. It must be
// https unless its host is loopback.
func WithBaseURL(u string) Option {
	return func(s *Settings) error {
		s.BaseURL = u
		return nil
	}
}

// WithUserAgent replaces the default "goalkit/<version> go<version>".
func WithUserAgent(ua string) Option {
	return func(s *Settings) error {
		if ua == "" {
			return errors.New("goalkit: WithUserAgent: empty user agent")
		}
		if err := headerSafe("WithUserAgent: user agent", ua); err != nil {
			return err
		}
		s.UserAgent = ua
		return nil
	}
}

// WithRetryMax sets how many times a retryable failure is retried; 0 turns
// retries off.
func WithRetryMax(n int) Option {
	return func(s *Settings) error {
		if n < 0 {
			return errors.New("goalkit: WithRetryMax: negative retry count")
		}
		s.RetryMax = n
		return nil
	}
}

// WithRetryWait bounds the wait between attempts. A Retry-After longer than
// max is not slept: the call returns at once with an *APIError carrying it.
func WithRetryWait(min, max time.Duration) Option {
	return func(s *Settings) error {
		if min < 0 || max < min {
			return errors.New("goalkit: WithRetryWait: need 0 <= min <= max")
		}
		s.RetryWaitMin, s.RetryWaitMax = min, max
		return nil
	}
}

// WithLogger logs one Debug line per attempt (method, redacted URL, status,
// attempt, duration) and one Warn line per retry with its wait. Without it
// the client is silent.
func WithLogger(l *slog.Logger) Option {
	return func(s *Settings) error {
		s.Logger = l
		return nil
	}
}

// WithMaxResponseSize caps how many bytes of a response body are read
// (default 10 MiB). A larger body fails with ErrResponseTooLarge.
func WithMaxResponseSize(n int64) Option {
	return func(s *Settings) error {
		if n <= 0 {
			return errors.New("goalkit: WithMaxResponseSize: size must be positive")
		}
		s.MaxBodySize = n
		return nil
	}
}

// Convert retypes options between the per-package Option types, which all
// share Option's shape. Only the module's cross-dialect test suites need it,
// to hand one list of shared options to every dialect; users cannot call it.
func Convert[To, From ~func(*Settings) error](opts []From) []To {
	out := make([]To, len(opts))
	for i, o := range opts {
		out[i] = To(o)
	}
	return out
}

// WithRateLimit paces the client to at most n attempts per period, as one
// token bucket shared by every call of the client (a burst of n), so bulk
// work stays under the API's quota instead of meeting 429s. Each attempt,
// retries included, waits for a token before it leaves; the wait ends with
// the call's context.
func WithRateLimit(n int, per time.Duration) Option {
	return func(s *Settings) error {
		if n <= 0 || per <= 0 {
			return errors.New("goalkit: WithRateLimit: need n > 0 and per > 0")
		}
		s.Limiter = rate.NewLimiter(rate.Limit(float64(n)/per.Seconds()), n)
		return nil
	}
}
