package pagesense

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"golang.org/x/oauth2"

	"github.com/goalkit/goalkit/internal/transport"
)

// fuzzEnvelopeSeeds are the docs' envelope and error samples and the shapes
// the package accepts.
var fuzzEnvelopeSeeds = []string{
	`{"status_code": "10000", "projectgoals": {}, "status_string": "Operation completed successfully", "timeTakenToProcessTheResult": "12"}`,
	`{"status_code": 10000, "count": 1, "projectgoals": [{"goal_id": 1, "linkname": "engaged-reader", "display_name": "Engaged Reader", "goal_type": 8, "goal_url": "https://example.com/blog", "include_urls": [], "exclude_urls": [], "url": [{"match_type": 1}], "time_threshold": 30, "project_linkname": "website-performance-project"}], "timeTakenToProcessTheRequest": 3}`,
	`{"status_code": "10000", "projectgoal": {"goal_id": "5", "goal_type": "TIME_SPENT_GOAL"}}`,
	`{"status_code": "10000", "projectgoal": [{"goal_id": "5"}, {"goal_id": "6"}]}`,
	`{"status_code": "10000", "customevent": {"event_id": 9, "event_name": "Signup", "linkname": "signup"}, "customevents": []}`,
	`{"status_code": 10400, "message": "error"}`,
	`{"status_code": "20003", "status_string": "Invalid OAuth token"}`,
	`{"status_code": null, "message": null}`,
	`{"status_code": true}`,
	`<html>503</html>`, ``, `null`, `[]`,
	`{"status_code": "10000", "timeTakenToProcessTheRequest": "182 ms", "projectgoals": [{"created_time": 1761732418306, "time_spent_seconds": "", "goal_type": 8, "goal_status": 2, "success": true}]}`,
	`{"status_code": "10000", "projectgoals": [{"linkname": "a", "success": false, "message": "no", "code": 7}]}`,
	`{"customevents": [{"event_id": 2000000027087, "success": true, "linkname": "premiumsignupcta"}]}`,
	`{"status_code": "10000", "projectgoals": {"linkname": "a", "element_css_selector": "#b", "success": "false"}}`,
}

// FuzzEnvelope decodes any body as each answer envelope and as an error
// body. Nothing may panic; success is exactly status_code absent or 10000;
// the error decoder takes the same code and message as the envelope.
func FuzzEnvelope(f *testing.F) {
	for _, s := range fuzzEnvelopeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var goalsEnv goalsEnvelope
		if goalsEnv.decode(data) == nil {
			checkFailure(t, &goalsEnv.envelope)
			_, _, failed := goalsEnv.Failure()
			itemFailed := false
			for _, w := range goalsEnv.Goals {
				itemFailed = itemFailed || (w.Success.set && !w.Success.v)
			}
			if _, _, envFailed := goalsEnv.envelope.Failure(); failed != (envFailed || itemFailed) {
				t.Fatalf("Failure = %v, envelope failed %v, an item failed %v", failed, envFailed, itemFailed)
			}
			for _, g := range goalsOf(goalsEnv.Goals) {
				if _, err := json.Marshal(g); err != nil {
					t.Fatalf("a listed goal does not encode: %v", err)
				}
			}
		}
		var goalEnv goalEnvelope
		if goalEnv.decode(data) == nil {
			checkFailure(t, &goalEnv.envelope)
			if w, ok := created(goalEnv.Goal, goalEnv.Goals); ok {
				_ = w.goal()
			}
		}
		var eventsEnv eventsEnvelope
		if eventsEnv.decode(data) == nil {
			checkFailure(t, &eventsEnv.envelope)
		}
		var eventEnv eventEnvelope
		if eventEnv.decode(data) == nil {
			checkFailure(t, &eventEnv.envelope)
			if w, ok := created(eventEnv.Event, eventEnv.Events); ok {
				_ = w.event()
			}
		}

		e := &transport.APIError{StatusCode: 400, Body: data}
		decodeError(e)
		var env envelope
		if json.Unmarshal(data, &env) == nil {
			wantMsg := env.Message
			if wantMsg == "" {
				wantMsg = env.StatusString
			}
			if e.Code != string(env.StatusCode) || e.Message != wantMsg {
				t.Fatalf("decodeError gave %q %q, the envelope says %q %q", e.Code, e.Message, env.StatusCode, wantMsg)
			}
		} else if e.Code != "" || e.Message != "" {
			t.Fatalf("a body that is not an envelope filled the error: %q %q", e.Code, e.Message)
		}
		_ = e.Error()
	})
}

func checkFailure(t *testing.T, e *envelope) {
	t.Helper()
	code, _, failed := e.Failure()
	if ok := e.StatusCode == "" || e.StatusCode == StatusSuccess; failed == ok {
		t.Fatalf("status_code %q: failed = %v", e.StatusCode, failed)
	}
	if failed && code != string(e.StatusCode) {
		t.Fatalf("Failure code %q, want %q", code, e.StatusCode)
	}
}

// FuzzTokenAnswer feeds any status and body to the refresh-token request.
// Nothing may panic, a token comes only from a 200 carrying an access token
// and no error, and no error ever holds the client secret or the refresh
// token, whatever the endpoint echoes.
func FuzzTokenAnswer(f *testing.F) {
	const (
		secret  = "fuzz-client-secret-7Qx"
		refresh = "1000.fuzz-refresh-token-Kp2"
	)
	f.Add(200, []byte(`{"access_token": "1000.abc", "api_domain": "https://www.zohoapis.com", "token_type": "Bearer", "expires_in": 3600}`))
	f.Add(200, []byte(`{"error": "invalid_code"}`))
	f.Add(200, []byte(`{"access_token": "", "expires_in": "3600"}`))
	f.Add(200, []byte(`{"access_token": "x", "expires_in": -5}`))
	f.Add(400, []byte(`{"error": "invalid_client", "client_secret": "`+secret+`"}`))
	f.Add(401, []byte(`refresh_token=`+refresh))
	f.Add(500, []byte(`<html>oops</html>`))
	f.Add(302, []byte(``))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 200 || status > 599 {
			return
		}
		mt := httpmock.NewMockTransport()
		const tokenURL = "https://accounts.zoho.test/oauth/v2/token"
		mt.RegisterResponder(http.MethodPost, tokenURL, httpmock.NewBytesResponder(status, body))
		ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: mt})
		r, err := newRefresher(ctx, OAuthConfig{ClientID: "1000.ID", ClientSecret: secret, RefreshToken: refresh, TokenURL: tokenURL})
		if err != nil {
			t.Fatal(err)
		}
		tok, err := r.Token()
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, secret) || strings.Contains(msg, refresh) {
				t.Fatal("a token error holds a secret")
			}
			// A 429 is Zoho's rate limit (ErrRateLimited); other 4xx refuse the credentials.
			if status == 429 && !errors.Is(err, ErrRateLimited) {
				t.Fatalf("a 429 refusal does not match ErrRateLimited")
			}
			if status >= 400 && status < 500 && status != 429 && !errors.Is(err, ErrUnauthorized) {
				t.Fatalf("a %d refusal does not match ErrUnauthorized", status)
			}
			return
		}
		var tr tokenResponse
		if status != 200 || json.Unmarshal(body, &tr) != nil || tr.AccessToken == "" || tr.Error != "" {
			t.Fatalf("status %d body %q gave a token", status, body)
		}
		if tok.AccessToken != tr.AccessToken || tok.Type() != AuthScheme || tok.Expiry.IsZero() {
			t.Fatalf("token %+v from %q", tok, body)
		}
	})
}
