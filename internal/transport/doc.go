// Package transport is the one HTTP pipeline every goalkit client shares:
// validation errors, request building, authorization, retries through
// go-retryablehttp, size-capped decoding and typed errors.
//
// The dialect packages (goals, triggers, giosg, pagesense) re-export its
// options and error types, so users never import it directly.
package transport
