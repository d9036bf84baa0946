package triggerstest_test

import (
	"testing"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

func TestContractFake(t *testing.T) {
	t.Parallel()
	f := triggerstest.New()
	triggerstest.Contract(t, func(t *testing.T) triggers.API {
		srv := triggerstest.NewServerWith(f)
		t.Cleanup(srv.Close)
		c, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("t"))
		if err != nil {
			t.Fatal(err)
		}
		return c
	})
	fake.CheckContractCalls(t, f.Requests)
	t.Cleanup(func() {
		if left := f.Triggers(); len(left) != 0 {
			t.Errorf("the suite left %d triggers behind", len(left))
		}
	})
}

// TestContractReal runs the suite against a real Zendesk Chat account
// when ZENDESK_CHAT_SUBDOMAIN and ZENDESK_CHAT_TOKEN are set.
func TestContractReal(t *testing.T) {
	env := fake.RealEnv(t, "ZENDESK_CHAT_SUBDOMAIN", "ZENDESK_CHAT_TOKEN")
	triggerstest.Contract(t, func(t *testing.T) triggers.API {
		c, err := triggers.NewClient(triggers.WithSubdomain(env["ZENDESK_CHAT_SUBDOMAIN"]),
			triggers.WithToken(env["ZENDESK_CHAT_TOKEN"]), triggers.WithHTTPClient(fake.BudgetClient(t)))
		if err != nil {
			t.Fatal(err)
		}
		return c
	})
}
