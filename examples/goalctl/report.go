package main

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/goalkit/goalkit/goals"
)

// usageErr is a bad argument or flag value found by goalctl itself (a
// non-numeric id, a malformed --condition): exit 2 with the usage.
type usageErr string

func (e usageErr) Error() string { return string(e) }

// usagef returns a usageErr.
func usagef(format string, args ...any) error { return usageErr(fmt.Sprintf(format, args...)) }

// configErr is a problem with the environment (missing or malformed
// credentials): exit 2, without the command's usage, which would not help.
type configErr string

func (e configErr) Error() string { return string(e) }

// report turns an action's outcome into the exit status, writing what went
// wrong to stderr. Every error goalkit returns is printed from its fields or
// its Error method, neither of which carries a token: the SDK redacts secrets
// from URLs and never keeps the Authorization header. errorf redacts the
// credentials besides, in case a server echoes them.
func (a *app) report(cmd string, err error, full string) int {
	var (
		uerr   usageErr
		cerr   configErr
		verr   *goals.ValidationError // the same type in every goalkit package
		apiErr *goals.APIError
		status exitStatus
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &status):
		return int(status)
	case errors.As(err, &uerr):
		return a.usageError(full, cmd, "%s", uerr)
	case errors.As(err, &cerr):
		a.errorf(cmd, "%s", cerr)
		return exitUsage
	case errors.As(err, &verr):
		// Input the SDK refused before sending anything: a bad value on
		// the command line, so a usage error.
		return a.usageError(full, cmd, "invalid %s: %s", verr.Field, verr.Reason)
	case errors.As(err, &apiErr):
		a.errorf(cmd, "%s", apiErrorText(apiErr))
		return exitAPI
	default:
		a.errorf(cmd, "%v", err)
		return exitAPI
	}
}

// apiErrorText describes an API error: the status, the vendor's code and
// message, per-field messages (giosg) and the request, one item a line.
// The raw body is left out: it is the vendor's, may be a proxy's HTML page,
// and is not needed once decoded.
func apiErrorText(e *goals.APIError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "API error: %d %s\n", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Code != "" {
		fmt.Fprintf(&b, "  code:    %s\n", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, "  message: %s\n", e.Message)
	}
	for _, field := range slices.Sorted(maps.Keys(e.Fields)) {
		fmt.Fprintf(&b, "  field %s: %s\n", field, strings.Join(e.Fields[field], " "))
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, "  retry after: %s\n", e.RetryAfter)
	}
	fmt.Fprintf(&b, "  request: %s %s", e.Method, e.URL)
	if errors.Is(e, goals.ErrGoalsLimitExceeded) {
		fmt.Fprintf(&b, "\n  hint: an account may have %d enabled goals; disable or delete one first", goals.MaxActiveGoals)
	}
	return b.String()
}

// redact replaces every credential read from the environment with
// [redacted]. The SDK never puts one in an error, but a vendor's message is
// the vendor's text, and a server that echoes what it was sent (a misbehaving
// proxy, say) must not make goalctl print a secret.
func (a *app) redact(s string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, secret := range a.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return s
}
