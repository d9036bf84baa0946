package goals

import (
	"bytes"
	"errors"

	"github.com/goalkit/goalkit/internal/transport"
)

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

// ErrGoalsLimitExceeded matches an *APIError whose 4xx body says "Goals
// limit exceeded": the account already has MaxActiveGoals enabled goals.
// With status 400 or 422 the error matches ErrInvalid as well.
var ErrGoalsLimitExceeded = errors.New("goalkit: goals limit exceeded")

// MaxActiveGoals is how many enabled goals a Zendesk Chat account may have.
const MaxActiveGoals = 5

// limitPhrase is the vendor's message for the active-goal limit. Its status
// code is not documented, so the phrase is matched in any 4xx body.
const limitPhrase = "goals limit exceeded"

// decodeError runs after the shared Zopim decoding and recognises the
// active-goal limit.
func decodeError(e *APIError) {
	if e.StatusCode >= 400 && e.StatusCode <= 499 &&
		bytes.Contains(bytes.ToLower(e.Body), []byte(limitPhrase)) {
		transport.Also(e, ErrGoalsLimitExceeded)
	}
}
