package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
)

// SafeTokenSource wraps ts so that a token endpoint's answer never reaches
// an error string: *oauth2.RetrieveError.Error() quotes the whole body (and
// the error description), and an endpoint that echoes the request puts the
// client secret or refresh token there. The error says only the status and
// the OAuth error code; errors.As still finds an *oauth2.RetrieveError,
// a copy without Body, ErrorDescription and ErrorURI (each can echo the
// request). A 429 matches ErrRateLimited, a 400 or 401 ErrUnauthorized.
// nil stays nil.
func SafeTokenSource(ts oauth2.TokenSource) oauth2.TokenSource {
	if ts == nil {
		return nil
	}
	return safeTokenSource{ts}
}

type safeTokenSource struct{ ts oauth2.TokenSource }

func (s safeTokenSource) Token() (*oauth2.Token, error) {
	tok, err := s.ts.Token()
	// A wrapped RetrieveError is replaced whole: the wrapping text may
	// quote the body too.
	if re := (*oauth2.RetrieveError)(nil); errors.As(err, &re) {
		safe := *re
		safe.Body, safe.ErrorDescription, safe.ErrorURI = nil, "", ""
		safe.ErrorCode = oauthCode(re.ErrorCode)
		return nil, &tokenEndpointError{re: &safe}
	}
	return tok, err
}

// tokenEndpointError is an *oauth2.RetrieveError stripped of what the
// endpoint wrote.
type tokenEndpointError struct{ re *oauth2.RetrieveError }

func (e *tokenEndpointError) Error() string {
	msg := "oauth2: cannot fetch token"
	if e.re.Response != nil {
		status := e.re.Response.StatusCode
		msg += fmt.Sprintf(": %d %s", status, http.StatusText(status))
	}
	if code := e.re.ErrorCode; code != "" {
		msg += ": " + code
	}
	return msg
}

func (e *tokenEndpointError) Unwrap() error { return e.re }

// Is matches the status class: 429 ErrRateLimited, 400/401 ErrUnauthorized
// (a refused credential).
func (e *tokenEndpointError) Is(target error) bool {
	if e.re.Response == nil {
		return false
	}
	switch e.re.Response.StatusCode {
	case http.StatusTooManyRequests:
		return target == ErrRateLimited
	case http.StatusBadRequest, http.StatusUnauthorized:
		return target == ErrUnauthorized
	}
	return false
}

// oauthCode keeps an RFC 6749 error code ("invalid_grant"); anything else
// (a free-text echo) is dropped.
func oauthCode(code string) string {
	if len(code) > 64 {
		return ""
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_-.", r)) {
			return ""
		}
	}
	return code
}
