package zopim

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goalkit/goalkit/internal/transport"
)

// LegacyBaseURL is the host the Chat API documentation once showed. It ran
// alongside {subdomain}.zendesk.com/api/v2/chat only until May 12, 2025;
// it is kept for proxies that still serve that shape, and never suggested.
const LegacyBaseURL = "https://www.zopim.com/api/v2"

// maxLabel is the longest DNS label (RFC 1035).
const maxLabel = 63

// SubdomainURL returns the current API root for a Zendesk subdomain,
// https://{sub}.zendesk.com/api/v2/chat.
func SubdomainURL(sub string) string {
	return "https://" + sub + ".zendesk.com/api/v2/chat"
}

// WithSubdomain points the client at https://{sub}.zendesk.com/api/v2/chat.
// sub must be one DNS label ("acme" for acme.zendesk.com): letters, digits
// and inner hyphens, at most 63 characters. It is lowercased.
func WithSubdomain(sub string) transport.Option {
	return func(s *transport.Settings) error {
		label, err := checkSubdomain(sub)
		if err != nil {
			return err
		}
		s.BaseURL = SubdomainURL(label)
		return nil
	}
}

// checkSubdomain refuses anything that is not a single DNS label, so a
// subdomain can never move the client to another host or path.
func checkSubdomain(sub string) (string, error) {
	label := strings.ToLower(sub)
	bad := func(reason string) error {
		return fmt.Errorf("goalkit: WithSubdomain(%q): %s; pass only your Zendesk subdomain, e.g. \"acme\" for acme.zendesk.com", sub, reason)
	}
	switch {
	case label == "":
		return "", bad("empty subdomain")
	case len(label) > maxLabel:
		return "", bad("longer than 63 characters")
	case label[0] == '-' || label[len(label)-1] == '-':
		return "", bad("starts or ends with a hyphen")
	}
	for _, r := range label {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return "", bad(fmt.Sprintf("%q is not allowed in a DNS label", r))
		}
	}
	return label, nil
}

// NoHostError is what NewClient returns when neither a subdomain nor a base
// URL was chosen; pkg is the package the user called ("goals").
func NoHostError(pkg string) error {
	return errors.New("goalkit: " + pkg + ".NewClient: no host chosen: use " +
		pkg + `.WithSubdomain("yourcompany") for https://yourcompany.zendesk.com/api/v2/chat, the Chat API's host ` +
		"(or " + pkg + ".WithBaseURL for a proxy or a test server)")
}

// Dialect is the transport dialect of a Zopim package: no default host,
// and the Zopim error body decoded, then handed to extra (which may be nil)
// for what only that package recognises.
func Dialect(pkg string, extra func(*transport.APIError)) transport.Dialect {
	return transport.Dialect{
		NoBaseURL: NoHostError(pkg),
		DecodeError: func(e *transport.APIError) {
			DecodeError(e)
			if extra != nil {
				extra(e)
			}
		},
	}
}
