package transport

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Path joins segments into an escaped path ("/a/b%2Fc"). Every segment is
// url.PathEscape'd; "." and ".." are escaped too, so no user value can walk
// up the path. An empty segment is an error: it would address another
// resource.
func Path(segments ...string) (string, error) {
	var b strings.Builder
	n := 0
	for _, s := range segments {
		n += 1 + len(s)
	}
	b.Grow(n) // one allocation when nothing needs escaping
	for _, s := range segments {
		if s == "" {
			return "", errors.New("goalkit: empty path segment")
		}
		b.WriteByte('/')
		switch s {
		case ".":
			b.WriteString("%2E")
		case "..":
			b.WriteString("%2E%2E")
		default:
			b.WriteString(url.PathEscape(s))
		}
	}
	return b.String(), nil
}

// ParseBaseURL checks a base URL: absolute, http or https, and https unless
// the host is loopback. A trailing slash is dropped.
func ParseBaseURL(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, errors.New("goalkit: no base URL")
	}
	u, err := url.Parse(strings.TrimSuffix(raw, "/"))
	if err != nil {
		return nil, fmt.Errorf("goalkit: bad base URL: %w", redactURLError(err))
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, fmt.Errorf("goalkit: base URL %q must be an absolute http(s) URL", RedactURL(u))
	}
	if u.User != nil {
		return nil, fmt.Errorf("goalkit: base URL %q must not carry credentials; use an auth option", RedactURL(u))
	}
	if u.Scheme == "http" && !IsLoopback(u.Hostname()) {
		return nil, fmt.Errorf("goalkit: base URL %q must use https (plain http is allowed only for loopback hosts)", RedactURL(u))
	}
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// IsLoopback reports whether host is localhost or a loopback IP.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SameOrigin reports whether u has the scheme, host and port of base, so
// credentials meant for base may be sent to it. Default ports are implied.
func SameOrigin(base, u *url.URL) bool {
	return u != nil && strings.EqualFold(base.Scheme, u.Scheme) &&
		strings.EqualFold(base.Hostname(), u.Hostname()) && port(base) == port(u)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}

// secretParams are query parameter names whose values are never shown.
var secretParams = []string{"token", "secret", "password", "passwd", "key", "signature", "code", "auth", "credential"}

func isSecretParam(name string) bool {
	name = strings.ToLower(name)
	for _, s := range secretParams {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// RedactURL renders u for errors and logs: userinfo dropped and the values
// of secret-looking query parameters replaced by "REDACTED".
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.User == nil && !hasSecretQuery(u.RawQuery) {
		return u.String()
	}
	r := *u
	r.User = nil
	if r.RawQuery != "" {
		q, err := url.ParseQuery(r.RawQuery)
		if err != nil {
			r.RawQuery = "REDACTED"
		} else {
			for k := range q {
				if isSecretParam(k) {
					q[k] = []string{"REDACTED"}
				}
			}
			r.RawQuery = q.Encode()
		}
	}
	return r.String()
}

func hasSecretQuery(raw string) bool {
	for raw != "" {
		var kv string
		kv, raw, _ = strings.Cut(raw, "&")
		k, _, _ := strings.Cut(kv, "=")
		if isSecretParam(k) {
			return true
		}
	}
	return false
}

// redactURLError rewrites the URL inside a *url.Error, which net/http
// prints in full.
func redactURLError(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	u, perr := url.Parse(ue.URL)
	if perr != nil {
		return &url.Error{Op: ue.Op, URL: "(unparseable URL)", Err: ue.Err}
	}
	return &url.Error{Op: ue.Op, URL: RedactURL(u), Err: ue.Err}
}
