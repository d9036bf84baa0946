package goals

import (
	"bytes"

	"github.com/goalkit/goalkit/internal/transport"
)

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
