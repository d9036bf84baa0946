package giosg_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/internal/testkit"
)

const (
	testBase  = "https://api.test/api/v5"
	testOrg   = "ac83d426-be80-4d75-8c62-49a77f98468e"
	testGoal  = "4d0648b8-9074-11e6-963e-f45c89c72de3"
	goalsURL  = testBase + "/orgs/" + testOrg + "/goals"
	goalURL   = goalsURL + "/" + testGoal
	matchURL  = goalURL + "/matches"
	testToken = "secret-token"
)

// newOrg returns an Org on a fresh mock transport with fast retries and an
// API token.
func newOrg(t *testing.T, opts ...giosg.Option) (*giosg.Org, *httpmock.MockTransport) {
	t.Helper()
	c, mt := testkit.Client(t, giosg.NewClient, testBase, append([]giosg.Option{giosg.WithAPIToken(testToken)}, opts...)...)
	return c.Org(testOrg), mt
}

// sent is one request as the server saw it.
type sent = testkit.Sent

// recorder keeps every request; Reply answers with a fixed response.
type recorder = testkit.Recorder

// checkHeaders asserts the headers every call carries, with the API token.
func checkHeaders(t *testing.T, s sent, withBody bool) {
	t.Helper()
	testkit.CheckHeaders(t, s, "Token "+testToken, withBody)
}

// jsonEqual asserts that got and want are the same JSON document.
var jsonEqual = testkit.JSONEqual

func jsonNumber(s string) json.Number { return json.Number(s) }

func mtClient(mt *httpmock.MockTransport) *http.Client { return &http.Client{Transport: mt} }
