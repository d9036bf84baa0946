package giosg

import (
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

// Pagination errors of AllGoals, matched with errors.Is. Neither sends a
// request.
var (
	// ErrForeignLink: a next link on another scheme, host or port than the
	// client's; following it would send the credentials elsewhere.
	ErrForeignLink = errors.New("giosg: next link is not on the client's origin")
	// ErrPageLoop: a next link to a page already fetched in this walk.
	ErrPageLoop = errors.New("giosg: next link points to a page already fetched")
	// ErrPageLimit: the walk met MaxEmptyPages empty pages in a row or
	// MaxPagesPerWalk pages in all; a server that never ends the walk
	// would otherwise hold the caller forever.
	ErrPageLimit = errors.New("giosg: too many pages in one walk")
)

// ErrNilClient is returned by every method of a nil or zero-value Client or
// *Org: make them with NewClient and Client.Org.
var ErrNilClient = transport.ErrNilClient
