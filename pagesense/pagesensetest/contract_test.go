package pagesensetest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

func TestContractFake(t *testing.T) {
	t.Parallel()
	f := pagesensetest.New()
	pagesensetest.Contract(t, func(t *testing.T) pagesense.ProjectAPI {
		srv := pagesensetest.NewServerWith(f)
		t.Cleanup(srv.Close)
		c, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithToken("t"))
		if err != nil {
			t.Fatal(err)
		}
		return c.Project("acme", "site")
	})
	fake.CheckContractCalls(t, f.Requests)
	t.Cleanup(func() {
		if left := f.Goals("acme", "site"); len(left) != 0 {
			t.Errorf("the suite left %d goals behind", len(left))
		}
	})
}

// TestContractReal runs the suite against a real PageSense project when
// the ZOHO_* and PAGESENSE_* variables are set.
func TestContractReal(t *testing.T) {
	env := fake.RealEnv(t, "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "ZOHO_DATA_CENTER", "PAGESENSE_PORTAL", "PAGESENSE_PROJECT")
	dc := pagesense.DataCenter(strings.ToLower(env["ZOHO_DATA_CENTER"]))
	pagesensetest.Contract(t, func(t *testing.T) pagesense.ProjectAPI {
		ts := pagesense.RefreshTokenSource(context.Background(), pagesense.OAuthConfig{
			ClientID: env["ZOHO_CLIENT_ID"], ClientSecret: env["ZOHO_CLIENT_SECRET"],
			RefreshToken: env["ZOHO_REFRESH_TOKEN"], DataCenter: dc,
		})
		c, err := pagesense.NewClient(pagesense.WithDataCenter(dc), pagesense.WithTokenSource(ts),
			pagesense.WithHTTPClient(fake.BudgetClient(t)))
		if err != nil {
			t.Fatal(err)
		}
		return c.Project(env["PAGESENSE_PORTAL"], env["PAGESENSE_PROJECT"])
	})
}
