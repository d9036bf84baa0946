package giosg

import (
	"errors"
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
