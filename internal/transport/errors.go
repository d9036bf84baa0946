package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors matched with errors.Is. An *APIError matches the one for
// its status; a *ValidationError matches ErrInvalid.
var (
	ErrNotFound     = errors.New("goalkit: not found")       // 404
	ErrUnauthorized = errors.New("goalkit: unauthorized")    // 401
	ErrForbidden    = errors.New("goalkit: forbidden")       // 403
	ErrRateLimited  = errors.New("goalkit: rate limited")    // 429
	ErrInvalid      = errors.New("goalkit: invalid request") // 400, 422 and every *ValidationError

	// ErrResponseTooLarge is returned when a response body exceeds the
	// configured size cap. Nothing beyond the cap is read.
	ErrResponseTooLarge = errors.New("goalkit: response body too large")
	// ErrMalformedResponse is returned when a successful response cannot be
	// decoded: truncated or non-JSON, or empty where a document was expected.
	ErrMalformedResponse = errors.New("goalkit: malformed response")
	// ErrNilClient is returned by a method called on a nil or zero-value
	// client (one not made by NewClient). It matches ErrInvalid.
	ErrNilClient = fmt.Errorf("goalkit: client not built by NewClient (nil or zero value): %w", ErrInvalid)
	// ErrNilContext is returned when a call is given a nil context. It
	// matches ErrInvalid.
	ErrNilContext = fmt.Errorf("goalkit: nil context: %w", ErrInvalid)
	// ErrNoCredentials is returned by NewClient when no option gave it
	// credentials; the error names the options that do.
	ErrNoCredentials = errors.New("goalkit: NewClient: no credentials")
	// ErrAttemptTimeout is the cause of an attempt that outlived the
	// per-attempt timeout (DefaultAttemptTimeout, or the Timeout of the
	// *http.Client given to WithHTTPClient) while the call's context had
	// not ended: dialling, sending, waiting for headers or reading the
	// body. Idempotent calls are retried as after any transport error; a
	// POST or PATCH is not, and its outcome is unknown.
	ErrAttemptTimeout = errors.New("goalkit: attempt timed out")
)

// MaxErrorBody is how much of an error response APIError.Body keeps.
const MaxErrorBody = 64 << 10

// APIError is a response the API answered with a failure: a non-2xx status,
// or a 2xx whose envelope reports failure (PageSense).
type APIError struct {
	StatusCode int                 // HTTP status
	Method     string              // request method
	URL        string              // request URL, secrets redacted
	Code       string              // vendor error code (Zopim "error", PageSense status_code)
	Message    string              // the vendor's human-readable message
	Fields     map[string][]string // per-field validation messages (giosg 400)
	RetryAfter time.Duration       // from the Retry-After header, if any
	Body       []byte              // raw body, at most MaxErrorBody bytes

	also []error // dialect sentinels this error also matches
}

// Error describes the failure without the body or any credentials.
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "goalkit: %s %s: %d %s", e.Method, e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	return b.String()
}

// Is reports whether the error's status matches target: 404 ErrNotFound,
// 401 ErrUnauthorized, 403 ErrForbidden, 429 ErrRateLimited, 400 and 422
// ErrInvalid. Dialect sentinels added with Also match as well.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrInvalid:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity
	}
	for _, s := range e.also {
		if s == target {
			return true
		}
	}
	return false
}

// Also makes e match sentinel under errors.Is, for a condition a dialect
// recognises in the body (goals.ErrGoalsLimitExceeded). It is reachable only
// from inside the module.
func Also(e *APIError, sentinel error) {
	e.also = append(e.also, sentinel)
}

// ValidationError reports input refused before any request was sent.
type ValidationError struct {
	Field  string // the wire name of the offending field, e.g. "attribution_period"
	Reason string // what is wrong with it
}

// Error names the field and the reason.
func (e *ValidationError) Error() string {
	return "goalkit: invalid " + e.Field + ": " + e.Reason
}

// Is makes every ValidationError match ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Invalid returns a *ValidationError for field; reason may use fmt verbs.
func Invalid(field, reason string, args ...any) error {
	if len(args) > 0 {
		reason = fmt.Sprintf(reason, args...)
	}
	return &ValidationError{Field: field, Reason: reason}
}
