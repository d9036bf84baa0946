package goals

import "errors"

// ErrGoalsLimitExceeded matches an *APIError whose 4xx body says "Goals
// limit exceeded": the account already has MaxActiveGoals enabled goals.
// With status 400 or 422 the error matches ErrInvalid as well.
var ErrGoalsLimitExceeded = errors.New("goalkit: goals limit exceeded")

// MaxActiveGoals is how many enabled goals a Zendesk Chat account may have.
const MaxActiveGoals = 5
