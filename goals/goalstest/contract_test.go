package goalstest_test

import (
	"testing"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/internal/fake"
)

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
	fake.CheckContractCalls(t, f.Requests)
	t.Cleanup(func() {
		if left := f.Goals(); len(left) != 0 {
			t.Errorf("the suite left %d goals behind", len(left))
		}
	})
}

// TestContractReal runs the suite against a real Zendesk Chat account
// when ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN are set.
func TestContractReal(t *testing.T) {
	env := fake.RealEnv(t, "ZENDESK_CHAT_SUBDOMAIN", "ZENDESK_CHAT_TOKEN")
	goalstest.Contract(t, func(t *testing.T) goals.API {
		c, err := goals.NewClient(goals.WithSubdomain(env["ZENDESK_CHAT_SUBDOMAIN"]),
			goals.WithToken(env["ZENDESK_CHAT_TOKEN"]), goals.WithHTTPClient(fake.BudgetClient(t)))
		if err != nil {
			t.Fatal(err)
		}
		return c
	})
}
