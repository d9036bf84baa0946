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
	// Credentials in a URL are refused without echoing it: a password
	// holding '#', '?' or '/' makes url.Parse split the URL elsewhere and
	// quote the password in its error, or parse into a bogus host.
	if strings.Contains(raw, "@") {
		return nil, errors.New("goalkit: base URL must not carry credentials (it contains '@'; not shown); use an auth option")
	}
	u, err := url.Parse(strings.TrimSuffix(raw, "/"))
	if err != nil {
		return nil, errors.New("goalkit: bad base URL: not a valid URL (not shown: it may hold credentials)")
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

// secretParams are query parameter names whose values are never shown
// (matched as substrings, case-insensitively, after unescaping).
var secretParams = []string{"token", "secret", "password", "passwd", "pwd", "key", "sig", "code", "auth", "credential", "jwt", "session", "sid", "bearer", "assertion"}

func isSecretParam(name string) bool {
	if u, err := url.QueryUnescape(name); err == nil {
		name = u
	}
	name = strings.ToLower(name)
	for _, s := range secretParams {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// RedactURL renders u for errors and logs: userinfo dropped, the values of
// secret-looking query parameters (split on & and ;, names unescaped)
// replaced by "REDACTED", a fragment that looks like parameters (an OAuth
// implicit grant's #access_token=) redacted whole, and the result cut to
// MaxQuoted.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.User == nil && !hasSecretQuery(u.RawQuery) && !secretFragment(u) {
		return Bounded(u.String())
	}
	r := *u
	r.User = nil
	if hasSecretQuery(r.RawQuery) {
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
	if secretFragment(&r) {
		r.Fragment, r.RawFragment = "REDACTED", ""
	}
	return Bounded(r.String())
}

// secretFragment reports whether the fragment, decoded or as written,
// looks like parameters with a secret name.
func secretFragment(u *url.URL) bool {
	return u.Fragment != "" && (hasSecretQuery(u.Fragment) || hasSecretQuery(u.EscapedFragment()))
}

func hasSecretQuery(raw string) bool {
	for raw != "" {
		var kv string
		i := strings.IndexAny(raw, "&;")
		if i < 0 {
			kv, raw = raw, ""
		} else {
			kv, raw = raw[:i], raw[i+1:]
		}
		k, _, _ := strings.Cut(kv, "=")
		if isSecretParam(k) {
			return true
		}
	}
	return false
}

// RedactURLError returns err with the URL inside its *url.Error (which
// net/http prints in full, a redirect target included) redacted and cut
// to MaxQuoted, for code outside the pipeline that calls net/http itself
// (the PageSense token request).
func RedactURLError(err error) error { return redactURLError(err) }

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
