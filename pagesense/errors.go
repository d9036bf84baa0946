package pagesense

import "github.com/goalkit/goalkit/internal/transport"

// APIError is a failure the API answered with: its status, the vendor's code
// and message, and the raw body. Match it with errors.As.
type APIError = transport.APIError

// ValidationError is input refused before any request was sent; Field names
// the offending field. It matches ErrInvalid.
type ValidationError = transport.ValidationError

// Sentinel errors, matched with errors.Is; they are the same values in every
// goalkit package.
var (
	ErrNotFound          = transport.ErrNotFound          // 404
	ErrUnauthorized      = transport.ErrUnauthorized      // 401
	ErrForbidden         = transport.ErrForbidden         // 403
	ErrRateLimited       = transport.ErrRateLimited       // 429
	ErrInvalid           = transport.ErrInvalid           // 400, 422 and every *ValidationError
	ErrResponseTooLarge  = transport.ErrResponseTooLarge  // body over the size cap
	ErrMalformedResponse = transport.ErrMalformedResponse // a 2xx body that is not the expected JSON
)

// ErrNilClient is returned by every method of a nil or zero-value client:
// make clients with NewClient.
var ErrNilClient = transport.ErrNilClient
