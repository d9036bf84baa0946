package main

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/pagesense"
)

// Credentials are read from these environment variables, never from flags:
// a flag would show in the shell history and in the process list.
const (
	envZopimSubdomain   = "ZENDESK_CHAT_SUBDOMAIN"
	envZopimToken       = "ZENDESK_CHAT_TOKEN"
	envGiosgToken       = "GIOSG_API_TOKEN"
	envGiosgOrg         = "GIOSG_ORG_ID"
	envZohoClientID     = "ZOHO_CLIENT_ID"
	envZohoClientSecret = "ZOHO_CLIENT_SECRET"
	envZohoRefreshToken = "ZOHO_REFRESH_TOKEN"
	envZohoDataCenter   = "ZOHO_DATA_CENTER"
	envPageSensePortal  = "PAGESENSE_PORTAL"
	envPageSenseProject = "PAGESENSE_PROJECT"
)

// zopimCreds are the Zendesk Chat credentials.
type zopimCreds struct{ subdomain, token string }

// giosgCreds are the giosg credentials.
type giosgCreds struct{ token, orgID string }

// pagesenseCreds are the Zoho credentials and the PageSense project.
type pagesenseCreds struct {
	oauth           pagesense.OAuthConfig
	portal, project string
}

func (a *app) zopimCreds() (zopimCreds, error) {
	v, err := a.requireEnv(envZopimSubdomain, envZopimToken)
	if err != nil {
		return zopimCreds{}, err
	}
	a.keepSecret(v[1])
	return zopimCreds{subdomain: v[0], token: v[1]}, nil
}

func (a *app) giosgCreds() (giosgCreds, error) {
	v, err := a.requireEnv(envGiosgToken, envGiosgOrg)
	if err != nil {
		return giosgCreds{}, err
	}
	a.keepSecret(v[0])
	return giosgCreds{token: v[0], orgID: v[1]}, nil
}

func (a *app) pagesenseCreds() (pagesenseCreds, error) {
	v, err := a.requireEnv(envZohoClientID, envZohoClientSecret, envZohoRefreshToken, envPageSensePortal, envPageSenseProject)
	if err != nil {
		return pagesenseCreds{}, err
	}
	a.keepSecret(v[1], v[2])
	dc, err := parseDataCenter(a.env(envZohoDataCenter))
	if err != nil {
		return pagesenseCreds{}, err
	}
	return pagesenseCreds{
		oauth: pagesense.OAuthConfig{
			ClientID: v[0], ClientSecret: v[1], RefreshToken: v[2], DataCenter: dc,
			TokenURL: a.hooks.tokenURL,
		},
		portal: v[3], project: v[4],
	}, nil
}

// requireEnv returns the values of names (surrounding blanks trimmed: a
// token pasted with its newline still works), or a configErr naming every one
// that is unset or blank.
func (a *app) requireEnv(names ...string) ([]string, error) {
	values := make([]string, len(names))
	var missing []string
	for i, name := range names {
		values[i] = strings.TrimSpace(a.env(name))
		if values[i] == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, configErr(fmt.Sprintf("missing environment variable(s): %s (or use --fake for a demo against an in-process fake)",
			strings.Join(missing, ", ")))
	}
	return values, nil
}

// keepSecret records credentials for redact. Very short values are not
// kept: redacting every "a" would garble the message, and a one-letter
// token is not a working credential.
func (a *app) keepSecret(values ...string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, v := range values {
		if len(v) >= 4 && !slices.Contains(a.secrets, v) {
			a.secrets = append(a.secrets, v)
		}
	}
}

// secretSource records every access token it hands out, so that redact
// knows the tokens obtained at run time too (PageSense's refreshed ones).
type secretSource struct {
	ts oauth2.TokenSource
	a  *app
}

// Token returns the wrapped source's token and remembers it.
func (s secretSource) Token() (*oauth2.Token, error) {
	tok, err := s.ts.Token()
	if err == nil {
		s.a.keepSecret(tok.AccessToken)
	}
	return tok, err
}

// dataCenterNames lists the accepted ZOHO_DATA_CENTER values, for messages.
const dataCenterNames = "US, EU, IN, AU, JP, CN, SA, CA, UK"

// parseDataCenter reads ZOHO_DATA_CENTER in any case ("EU", "eu"); unset means
// US, as it does for pagesense.OAuthConfig.
func parseDataCenter(s string) (pagesense.DataCenter, error) {
	if strings.TrimSpace(s) == "" {
		return pagesense.US, nil
	}
	dc, err := pagesense.ParseDataCenter(s)
	if err != nil {
		return "", configErr(fmt.Sprintf("%s: unknown data center %q: want one of %s", envZohoDataCenter, s, dataCenterNames))
	}
	return dc, nil
}

// newClient builds a client and turns a failure (an unusable subdomain, say)
// into a configErr: the environment, not the API, is at fault.
func newClient[C, O any](build func(...O) (C, error), opts []O) (C, error) {
	c, err := build(opts...)
	if err != nil {
		var zero C
		return zero, configErr(fmt.Sprintf("cannot configure the client: %v", err))
	}
	return c, nil
}
