package goalstest_test

import (
	"net/http"
	"os"
	"sync/atomic"
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

// maxContractCalls is the budget of one Contract run against a real
// account.
const maxContractCalls = 50

func TestContractFake(t *testing.T) {
	t.Parallel()
	f := goalstest.New()
	goalstest.Contract(t, func(t *testing.T) goals.API {
		srv := goalstest.NewServerWith(f)
		t.Cleanup(srv.Close)
		c, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("t"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	})
	t.Cleanup(func() {
		if n := len(f.Requests()); n > maxContractCalls {
			t.Errorf("the suite made %d calls, budget %d", n, maxContractCalls)
		}
		if left := f.Goals(); len(left) != 0 {
			t.Errorf("the suite left %d goals behind", len(left))
		}
	})
}

// TestContractReal runs the suite against a real Zendesk Chat account
// when ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN are set.
func TestContractReal(t *testing.T) {
	sub, token := os.Getenv("ZENDESK_CHAT_SUBDOMAIN"), os.Getenv("ZENDESK_CHAT_TOKEN")
	if sub == "" || token == "" {
		t.Skip("set ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN to run the contract against the real API")
	}
	var calls atomic.Int64
	goalstest.Contract(t, func(t *testing.T) goals.API {
		c, err := goals.NewClient(goals.WithSubdomain(sub), goals.WithToken(token),
			goals.WithHTTPClient(&http.Client{Transport: countingTransport{&calls}}))
		if err != nil {
			t.Fatal(err)
		}
		return c
	})
	t.Cleanup(func() {
		if n := calls.Load(); n > maxContractCalls {
			t.Errorf("the suite made %d calls, budget %d", n, maxContractCalls)
		}
	})
}

type countingTransport struct{ n *atomic.Int64 }

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}
