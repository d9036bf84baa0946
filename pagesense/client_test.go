package pagesense_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/pagesense"
)

// listVia builds a client from opts on a fresh mock transport, lists goals
// and returns the URL the request went to.
func listVia(t *testing.T, opts ...pagesense.Option) string {
	t.Helper()
	mt := httpmock.NewMockTransport()
	var got string
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		got = r.URL.String()
		return httpmock.NewStringResponse(200, `{"status_code": "10000", "projectgoals": []}`), nil
	})
	c, err := pagesense.NewClient(append([]pagesense.Option{pagesense.WithHTTPClient(&http.Client{Transport: mt}), pagesense.WithToken("t")}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Project("p", "site").ListGoals(context.Background()); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestNewClient_DefaultBaseURL(t *testing.T) {
	t.Parallel()
	if got, want := listVia(t), "https://pagesense.zoho.com/pagesense/rest/v1/portal/p/projectgoals/site"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
}

func TestWithDataCenter(t *testing.T) {
	t.Parallel()
	for dc, host := range map[pagesense.DataCenter]string{
		pagesense.US: "pagesense.zoho.com", pagesense.EU: "pagesense.zoho.eu", pagesense.IN: "pagesense.zoho.in",
		pagesense.AU: "pagesense.zoho.com.au", pagesense.JP: "pagesense.zoho.jp", pagesense.CN: "pagesense.zoho.com.cn",
		pagesense.SA: "pagesense.zoho.sa", pagesense.CA: "pagesense.zohocloud.ca", pagesense.UK: "pagesense.zoho.uk",
	} {
		t.Run(string(dc), func(t *testing.T) {
			t.Parallel()
			want := "https://" + host + "/pagesense/rest/v1/portal/p/projectgoals/site"
			if got := listVia(t, pagesense.WithDataCenter(dc)); got != want {
				t.Errorf("URL = %s, want %s", got, want)
			}
		})
	}
}

func TestWithDataCenter_LastOptionWins(t *testing.T) {
	t.Parallel()
	custom := "https://pagesense.example.net/v1"
	if got := listVia(t, pagesense.WithDataCenter(pagesense.EU), pagesense.WithBaseURL(custom)); got != custom+"/portal/p/projectgoals/site" {
		t.Errorf("WithBaseURL after WithDataCenter: URL = %s", got)
	}
	if got := listVia(t, pagesense.WithBaseURL(custom), pagesense.WithDataCenter(pagesense.EU)); got != "https://pagesense.zoho.eu/pagesense/rest/v1/portal/p/projectgoals/site" {
		t.Errorf("WithDataCenter after WithBaseURL: URL = %s", got)
	}
}

func TestNewClient_BadOptions(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]pagesense.Option{
		"unknown data center": pagesense.WithDataCenter("mars"),
		"empty data center":   pagesense.WithDataCenter(""),
		"empty token":         pagesense.WithToken(" "),
		"nil token source":    pagesense.WithTokenSource(nil),
		"plain http remote":   pagesense.WithBaseURL("http://pagesense.zoho.com/pagesense/rest/v1"),
	} {
		if c, err := pagesense.NewClient(opt); err == nil || c != nil {
			t.Errorf("%s: NewClient = %v, %v; want an error", name, c, err)
		}
	}
}

func TestDataCenterHosts(t *testing.T) {
	t.Parallel()
	accounts := map[pagesense.DataCenter]string{
		pagesense.US: "https://accounts.zoho.com", pagesense.EU: "https://accounts.zoho.eu",
		pagesense.IN: "https://accounts.zoho.in", pagesense.AU: "https://accounts.zoho.com.au",
		pagesense.JP: "https://accounts.zoho.jp", pagesense.CN: "https://accounts.zoho.com.cn",
		pagesense.SA: "https://accounts.zoho.sa", pagesense.CA: "https://accounts.zohocloud.ca",
		pagesense.UK: "https://accounts.zoho.uk",
	}
	for dc, want := range accounts {
		if !dc.Valid() || dc.AccountsURL() != want {
			t.Errorf("%s: Valid %v, AccountsURL %q, want %q", dc, dc.Valid(), dc.AccountsURL(), want)
		}
	}
	if pagesense.US.BaseURL() != pagesense.DefaultBaseURL {
		t.Errorf("US.BaseURL() = %q, want DefaultBaseURL", pagesense.US.BaseURL())
	}
	for _, dc := range []pagesense.DataCenter{"", "xx", "US"} {
		if dc.Valid() || dc.AccountsURL() != "" || dc.BaseURL() != "" {
			t.Errorf("%q: want invalid with no hosts", dc)
		}
	}
}
