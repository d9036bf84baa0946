package main

import (
	"fmt"
	"strings"
)

// The environment variables each dialect needs for its real API. All of a
// dialect's variables must be set, or it stays on its fake.
var (
	zopimVars = []string{"ZENDESK_CHAT_SUBDOMAIN", "ZENDESK_CHAT_TOKEN"}
	giosgVars = []string{"GIOSG_API_TOKEN", "GIOSG_ORG_ID"}

	pagesenseVars = []string{
		"ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "ZOHO_DATA_CENTER",
		"PAGESENSE_PORTAL", "PAGESENSE_PROJECT",
	}
)

// credentials are one dialect's variables as found in the environment. The
// values hold secrets: they are passed to options, never printed.
type credentials struct {
	names   []string          // every variable the dialect needs, in order
	values  map[string]string // the ones that are set
	missing []string          // the ones that are not
}

// lookup reads names from env; blank values count as unset.
func lookup(env func(string) string, names ...string) credentials {
	c := credentials{names: names, values: map[string]string{}}
	for _, n := range names {
		if v := strings.TrimSpace(env(n)); v != "" {
			c.values[n] = v
		} else {
			c.missing = append(c.missing, n)
		}
	}
	return c
}

// real reports whether every variable is set, so the dialect uses its real API.
func (c credentials) real() bool { return len(c.missing) == 0 }

// get returns a variable's value.
func (c credentials) get(name string) string { return c.values[name] }

// describe says, without any value, which API the dialect talks to and why.
func (c credentials) describe(vendor string) string {
	if c.real() {
		return "real " + vendor + " API (read-only tour)"
	}
	how := "set " + list(c.names) + " for the real API"
	if len(c.missing) == len(c.names) {
		return "fake (" + how + ")"
	}
	verb := "is"
	if len(c.missing) > 1 {
		verb = "are"
	}
	return fmt.Sprintf("fake, %s %s not set (%s)", list(c.missing), verb, how)
}

// list joins names as "A", "A and B" or "A, B and C".
func list(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
