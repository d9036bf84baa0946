package transport

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"
)

// minSecretLen is the shortest credential scrubbed from error text: a
// shorter one (a test's "t") would mangle every message, and real tokens
// and passwords are far longer.
const minSecretLen = 6

// redactedText replaces a credential echoed by a server.
const redactedText = "REDACTED"

// MaxQuoted is the most of one piece of server data (a vendor message, a
// decode error quoting a value, a URL) that an error string or a log line
// carries; the rest is cut, marked with "…". APIError.Body keeps more.
const MaxQuoted = 512

// Bounded cuts s to MaxQuoted bytes (on a rune boundary), so a server
// cannot make an error string or a log line as large as its body.
func Bounded(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…(cut)"
}

// secretsOf returns the credentials inside an Authorization header value:
// the token after the scheme and, for Basic, the password and the decoded
// user:password pair.
func secretsOf(authorization string) []string {
	scheme, cred, ok := strings.Cut(authorization, " ")
	if !ok || cred == "" {
		return nil
	}
	secrets := []string{cred}
	if strings.EqualFold(scheme, "Basic") {
		if raw, err := base64.StdEncoding.DecodeString(cred); err == nil {
			pair := string(raw)
			secrets = append(secrets, pair)
			if _, password, ok := strings.Cut(pair, ":"); ok {
				secrets = append(secrets, password)
			}
		}
	}
	return spellings(secrets)
}

// spellings adds the forms a server may echo a secret in: JSON-escaped
// (Go's \u003c and the \/ of PHP and others), URL-escaped, and dropped
// those too short to scrub safely.
func spellings(secrets []string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= minSecretLen && !contains(out, s) {
			out = append(out, s)
		}
	}
	for _, s := range secrets {
		add(s)
		if j, err := json.Marshal(s); err == nil {
			j := string(j[1 : len(j)-1])
			add(j)
			add(strings.ReplaceAll(j, "/", `\/`))
		}
		add(strings.ReplaceAll(s, "/", `\/`))
		add(url.QueryEscape(s))
		add(url.PathEscape(s))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scrubText removes every spelling of the secrets from s.
func scrubText(s string, secrets []string) string {
	for _, sec := range secrets {
		if strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, redactedText)
		}
	}
	return s
}

// scrubCredentials removes the call's own credentials from what the server
// sent back, so a server that echoes the request cannot put a token or a
// password into an error string, a log line or APIError.Body. Code,
// Message and the Fields are also cut to MaxQuoted.
func scrubCredentials(e *APIError, authorization string) {
	secrets := secretsOf(authorization)
	e.Code = Bounded(scrubText(e.Code, secrets))
	e.Message = Bounded(scrubText(e.Message, secrets))
	if len(e.Fields) > 0 {
		fields := make(map[string][]string, len(e.Fields))
		for k, msgs := range e.Fields {
			for i, m := range msgs {
				msgs[i] = Bounded(scrubText(m, secrets))
			}
			fields[Bounded(scrubText(k, secrets))] = msgs
		}
		e.Fields = fields
	}
	for _, s := range secrets {
		if bytes.Contains(e.Body, []byte(s)) {
			e.Body = bytes.ReplaceAll(e.Body, []byte(s), []byte(redactedText))
		}
	}
}

// scrubbedError shows an error's text scrubbed of the call's credentials
// and bounded, while errors.Is and errors.As still see what it wraps.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// scrubError returns err with a scrubbed, bounded message; nil stays nil.
func scrubError(err error, secrets []string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := boundedError(scrubText(msg, secrets))
	if clean == msg {
		return err
	}
	return &scrubbedError{msg: clean, err: err}
}

// boundedError cuts an error string that quotes server data: a few pieces
// of MaxQuoted each.
func boundedError(s string) string {
	if len(s) <= 4*MaxQuoted {
		return s
	}
	cut := 4 * MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…(cut)"
}
