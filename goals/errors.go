package goals

import (
	"bytes"
	"errors"

	"github.com/goalkit/goalkit/internal/transport"
)

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
