package transport

import (
	"bytes"
	"encoding/base64"
	"strings"
)

// minSecretLen is the shortest credential scrubbed from error text: a
// shorter one (a test's "t") would mangle every message, and real tokens
// and passwords are far longer.
const minSecretLen = 6

// redactedText replaces a credential echoed by a server.
const redactedText = "REDACTED"

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
	return secrets
}

// scrubCredentials removes the call's own credentials from what the server
// sent back, so a server that echoes the request cannot put a token or a
// password into an error string, a log line or APIError.Body.
func scrubCredentials(e *APIError, authorization string) {
	for _, s := range secretsOf(authorization) {
		if len(s) < minSecretLen {
			continue
		}
		e.Code = strings.ReplaceAll(e.Code, s, redactedText)
		e.Message = strings.ReplaceAll(e.Message, s, redactedText)
		for k, msgs := range e.Fields {
			for i, m := range msgs {
				msgs[i] = strings.ReplaceAll(m, s, redactedText)
			}
			e.Fields[k] = msgs
		}
		if bytes.Contains(e.Body, []byte(s)) {
			e.Body = bytes.ReplaceAll(e.Body, []byte(s), []byte(redactedText))
		}
	}
}
