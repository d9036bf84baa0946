package transport

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// Dialect is what a vendor package plugs into the pipeline.
type Dialect struct {
	// DefaultBaseURL is used when no option sets one; empty means the user
	// must choose (Zopim: a subdomain or the legacy host).
	DefaultBaseURL string
	// NoBaseURL is the error NewClient returns when no base URL was chosen.
	NoBaseURL error
	// NoAuth, when set, makes NewClient fail without credentials; it names
	// the options that give them, e.g. "giosg.WithAPIToken(token) or
	// giosg.WithTokenSource(ts)". The error matches ErrNoCredentials.
	NoAuth string
	// DecodeError fills e.Code, e.Message and e.Fields from e.Body. It must
	// tolerate any body: HTML, empty, truncated.
	DecodeError func(e *APIError)
}

// Client sends calls through the shared pipeline. It is safe for concurrent
// use.
type Client struct {
	base        *url.URL
	baseStr     string // base without trailing slash, for joining paths
	http        *http.Client
	userAgent   string
	retryMax    int
	waitMin     time.Duration
	waitMax     time.Duration
	logger      *slog.Logger
	maxBody     int64
	auth        Authorizer
	limiter     *rate.Limiter
	decodeError func(*APIError)
	onResponse  retryablehttp.ResponseHandlerFunc // c.handleResponse, bound once
	retry       *retryablehttp.Client             // shared by every call; nil with a logger (one per call)

	userAgentValue []string // the User-Agent header value, shared by every request
	// authValue is the last Authorization header value, shared by the
	// requests that carry the same one (a static token: all of them).
	authValue atomic.Pointer[[]string]
}

// New builds a client from the dialect's defaults and the user's options.
func New[O ~func(*Settings) error](d Dialect, opts ...O) (*Client, error) {
	s := Settings{
		BaseURL:      d.DefaultBaseURL,
		UserAgent:    DefaultUserAgent,
		RetryMax:     DefaultRetryMax,
		RetryWaitMin: DefaultRetryWaitMin,
		RetryWaitMax: DefaultRetryWaitMax,
		MaxBodySize:  DefaultMaxBodySize,
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&s); err != nil {
			return nil, err
		}
	}
	if s.BaseURL == "" && d.NoBaseURL != nil {
		return nil, d.NoBaseURL
	}
	if s.Auth == nil && d.NoAuth != "" {
		return nil, fmt.Errorf("%w: use %s", ErrNoCredentials, d.NoAuth)
	}
	base, err := ParseBaseURL(s.BaseURL)
	if err != nil {
		return nil, err
	}
	c := &Client{
		base:        base,
		baseStr:     base.String(),
		userAgent:   s.UserAgent,
		retryMax:    s.RetryMax,
		waitMin:     s.RetryWaitMin,
		waitMax:     s.RetryWaitMax,
		logger:      s.Logger,
		maxBody:     s.MaxBodySize,
		auth:        s.Auth,
		limiter:     s.Limiter,
		decodeError: d.DecodeError,
	}
	c.http = c.wrapHTTPClient(s.HTTPClient)
	c.onResponse = c.handleResponse
	if c.logger == nil {
		c.retry = c.retryClient(nil)
	}
	c.userAgentValue = []string{c.userAgent}
	return c, nil
}

// BaseURL returns the client's API root.
func (c *Client) BaseURL() *url.URL {
	if c == nil || c.base == nil {
		return &url.URL{}
	}
	u := *c.base
	return &u
}

// SameOrigin reports whether a URL taken from a response (a pagination
// link) may be requested with this client's credentials.
func (c *Client) SameOrigin(u *url.URL) bool {
	return c != nil && c.base != nil && SameOrigin(c.base, u)
}

// Call is one logical API call.
type Call struct {
	Method string
	// Path is the escaped path below the base URL, built with Path.
	Path string
	// URL, if set, is an absolute URL used instead of base+Path (a next
	// link). It must be on the client's own origin.
	URL string
	// Query is a go-querystring struct (or url.Values); nil for none.
	Query any
	// Body is encoded as JSON; nil sends no body.
	Body any
	// Out receives the decoded 2xx body; nil discards it. If Out implements
	// Envelope, a failure it reports becomes an *APIError.
	Out any
	// AllowEmpty makes an empty 2xx body success, leaving Out untouched
	// (a DELETE that may answer with an envelope or with nothing).
	AllowEmpty bool
	// Decode, if set, decodes the 2xx body instead of json.Unmarshal(body,
	// Out), e.g. to try the documented shape first and another only when it
	// does not fit. It should fill Out, which is still checked as an
	// Envelope afterwards. Its error is reported as ErrMalformedResponse.
	// body is reused after Do returns: Decode must not keep it.
	Decode func(body []byte) error
	// List, if set, bounds the memory the 2xx body decodes into (see
	// ListBudget); a body over the bound is ErrResponseTooLarge.
	List *ListBudget
}

// Envelope is implemented by response types that can report failure inside
// a 2xx body (PageSense's status_code). Failure returns the vendor code and
// message when the body is an error.
type Envelope interface {
	Failure() (code, message string, failed bool)
}

// Do sends the call and decodes the answer into call.Out. Errors are
// *ValidationError (a bad call), *APIError (the API said no), or a wrapped
// transport or context error; none contains credentials.
func (c *Client) Do(ctx context.Context, call *Call) error {
	if c == nil || c.http == nil {
		return ErrNilClient
	}
	if ctx == nil {
		return ErrNilContext
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("goalkit: %s: %w", call.Method, err)
	}
	req, err := c.newRequest(ctx, call)
	if err != nil {
		return err
	}
	st := stateOf(req.Context())
	resp, err := c.send(req, st)
	if err != nil {
		return err
	}
	defer st.releaseBody()
	return c.readResponse(st, resp, call.Out)
}

func (c *Client) newRequest(ctx context.Context, call *Call) (*retryablehttp.Request, error) {
	target := c.baseStr + call.Path
	if call.URL != "" {
		u, err := url.Parse(call.URL)
		if err != nil || !c.SameOrigin(u) {
			return nil, fmt.Errorf("goalkit: refusing to follow %q: not on the client's origin %s://%s", safeURLText(call.URL), c.base.Scheme, c.base.Host)
		}
		target = call.URL
	}
	if call.Query != nil {
		v, ok := call.Query.(url.Values)
		if !ok {
			var err error
			if v, err = query.Values(call.Query); err != nil {
				return nil, fmt.Errorf("goalkit: encoding query: %w", err)
			}
		}
		if qs := v.Encode(); qs != "" {
			target += "?" + qs
		}
	}
	var body any // retryablehttp wants a nil interface, not a nil []byte
	if call.Body != nil {
		buf, err := encodeBody(call.Body)
		if err != nil {
			return nil, fmt.Errorf("goalkit: encoding request body: %w", err)
		}
		body = buf
	}
	st := &callState{method: call.Method, discard: call.Out == nil && call.Decode == nil, allowEmpty: call.AllowEmpty, decode: call.Decode, list: call.List}
	if c.auth != nil {
		h, err := c.auth.Authorization(ctx)
		if err != nil {
			return nil, err
		}
		st.authorization = h
	}
	req, err := retryablehttp.NewRequestWithContext(context.WithValue(ctx, callKey{}, st), call.Method, target, body)
	if err != nil {
		return nil, fmt.Errorf("goalkit: building request: %w", redactURLError(err))
	}
	st.req = req.Request
	if st.authorization != "" {
		// Set once here; the round tripper strips it from any request for
		// another origin (a redirect).
		req.Header["Authorization"] = c.authorizationValue(st.authorization)
	}
	// Keys are written in canonical form (Header.Set would canonicalise on
	// every call) and the constant values are shared, read-only slices: a
	// RoundTripper must not modify the request it is given.
	req.Header["Accept"] = jsonHeaderValue
	req.Header["User-Agent"] = c.userAgentValue
	if body != nil {
		req.Header["Content-Type"] = jsonHeaderValue
	}
	return req, nil
}

// authorizationValue returns h as a header value, the same read-only slice
// as the previous request's when h has not changed.
func (c *Client) authorizationValue(h string) []string {
	if p := c.authValue.Load(); p != nil && (*p)[0] == h {
		return *p
	}
	v := []string{h}
	c.authValue.Store(&v)
	return v
}

// jsonHeaderValue is the shared value of Accept and Content-Type.
var jsonHeaderValue = []string{"application/json"}

// encodeBody JSON-encodes a request body. A json.Marshaler is called
// directly: json.Marshal would re-scan and compact its output, and the
// dialects' body types already produce compact JSON through json.Marshal.
func encodeBody(v any) ([]byte, error) {
	if m, ok := v.(json.Marshaler); ok {
		return m.MarshalJSON()
	}
	return json.Marshal(v)
}

// safeURLText renders a raw URL string for an error without secrets.
func safeURLText(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	return RedactURL(u)
}
