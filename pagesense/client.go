package pagesense

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// DefaultBaseURL is the PageSense REST root in the US data center, the one
// the docs name.
const DefaultBaseURL = "https://pagesense.zoho.com/pagesense/rest/v1"

// AuthScheme is the Authorization scheme PageSense wants, whatever
// token_type the token endpoint reports.
const AuthScheme = "Zoho-oauthtoken"

// Client talks to the PageSense REST API. It is safe for concurrent use.
// Work on goals and custom events goes through a Project.
type Client struct {
	tc *transport.Client
}

// NewClient builds a client. Give it credentials with WithToken,
// WithTokenSource or WithTokenSource(RefreshTokenSource(ctx, cfg)).
//
// The data center has one source of truth: WithDataCenter, or else the
// OAuthConfig.DataCenter of a RefreshTokenSource, picks the host; with
// neither it is DefaultBaseURL (US), and WithBaseURL overrides all of them.
// WithDataCenter naming another data center than the token source's fails,
// since Zoho's tokens work only in the data center that issued them. A bad
// option fails here.
func NewClient(opts ...Option) (*Client, error) {
	tc, err := transport.New(transport.Dialect{
		DecodeError: decodeError,
		NoAuth:      "pagesense.WithToken(accessToken) or pagesense.WithTokenSource(pagesense.RefreshTokenSource(ctx, cfg))",
	}, append(opts, defaultHost)...)
	if err != nil {
		return nil, err
	}
	return &Client{tc: tc}, nil
}

// WithToken authorizes every call with a fixed access token, sent as
// "Authorization: Zoho-oauthtoken <token>". Zoho access tokens live an
// hour; for longer-running code use WithTokenSource(RefreshTokenSource(...)).
func WithToken(accessToken string) Option {
	return Option(transport.WithSchemeToken(AuthScheme, accessToken))
}

// WithTokenSource authorizes every call with a token from ts, sent as
// "Authorization: Zoho-oauthtoken <token>" even when the token's type says
// Bearer (Zoho's token endpoint does). ts is asked once per call, so it
// should cache: RefreshTokenSource does.
//
// A RefreshTokenSource also names the data center the client talks to (see
// NewClient).
func WithTokenSource(ts oauth2.TokenSource) Option {
	auth := transport.WithTokenSource(transport.SafeTokenSource(ts), AuthScheme)
	return func(s *transport.Settings) error {
		if err := auth(s); err != nil {
			return err
		}
		if r, ok := ts.(*redactedSource); ok && r.dc != "" {
			return chooseDataCenter(s, r.dc, "the RefreshTokenSource's OAuthConfig.DataCenter")
		}
		return nil
	}
}

// WithDataCenter points the client at the PageSense host of dc (see
// DataCenter.BaseURL). It sets the base URL, so of WithDataCenter and
// WithBaseURL the later one wins. An unknown data center, or one other than
// a RefreshTokenSource's, fails NewClient. Without it the data center is
// the token source's, else US.
func WithDataCenter(dc DataCenter) Option {
	return func(s *transport.Settings) error {
		if err := validDataCenter(dc); err != nil {
			return err
		}
		if err := chooseDataCenter(s, dc, "WithDataCenter"); err != nil {
			return err
		}
		s.BaseURL = dc.BaseURL()
		return nil
	}
}

// chooseDataCenter records dc as the client's, refusing a second, different
// one: a token from one data center's accounts server is refused by the
// others, so the mismatch would only surface as 401s later.
func chooseDataCenter(s *transport.Settings, dc DataCenter, by string) error {
	if s.Region != "" && s.Region != string(dc) {
		return fmt.Errorf("pagesense: data center mismatch: %s is %q but another option chose %q; use one data center (WithDataCenter may be left out: the token source's is used)", by, dc, s.Region)
	}
	s.Region = string(dc)
	return nil
}

// defaultHost runs after the user's options: with no base URL chosen, the
// host is the chosen data center's, else DefaultBaseURL.
func defaultHost(s *transport.Settings) error {
	if s.BaseURL == "" {
		s.BaseURL = DefaultBaseURL
		if s.Region != "" {
			s.BaseURL = DataCenter(s.Region).BaseURL()
		}
	}
	return nil
}

// Project returns the API of one project, addressed by the portal's name
// and the project's linkname. Nothing is sent; empty or unusable names are
// reported by the Project's methods.
func (c *Client) Project(portal, projectLinkname string) *Project {
	p := &Project{portal: portal, linkname: projectLinkname}
	if c != nil {
		p.c = c.tc // else the Project's methods report ErrNilClient
	}
	switch {
	case portal == "":
		p.err = transport.Invalid("portal_name", "must not be empty")
	case projectLinkname == "":
		p.err = transport.Invalid("project_linkname", "must not be empty")
	case !utf8.ValidString(portal):
		p.err = transport.ValidString("portal_name", portal)
	case !utf8.ValidString(projectLinkname):
		p.err = transport.ValidString("project_linkname", projectLinkname)
	default:
		// Built once: every goal call of the project uses the same path.
		p.goalsPath, p.err = transport.Path("portal", portal, "projectgoals", projectLinkname)
		if p.err == nil {
			p.eventsPath, p.err = transport.Path("portal", portal, "customevents")
		}
	}
	return p
}
