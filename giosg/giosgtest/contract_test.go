package giosgtest_test

import (
	"strings"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/internal/fake"
)

func TestContractFake(t *testing.T) {
	t.Parallel()
	f := giosgtest.New()
	giosgtest.Contract(t, func(t *testing.T) giosg.GoalsAPI {
		return serve(t, f)
	})
	fake.CheckContractCalls(t, f.Requests)
	t.Cleanup(func() {
		for _, g := range f.Goals(org) {
			if !strings.HasPrefix(g.Name, fake.ContractPrefix) {
				t.Errorf("the suite touched %q", g.Name)
			}
		}
	})
	// A second run reuses the goal the first left behind.
	giosgtest.Contract(t, func(t *testing.T) giosg.GoalsAPI { return serve(t, f) })
	if got := f.Goals(org); len(got) != 1 || got[0].Name != giosgtest.ContractIdleName {
		t.Errorf("after two runs the organization holds %+v, want one idle goal", got)
	}
}

// TestContractReal runs the suite against a real giosg organization when
// GIOSG_API_TOKEN and GIOSG_ORG_ID are set.
func TestContractReal(t *testing.T) {
	env := fake.RealEnv(t, "GIOSG_API_TOKEN", "GIOSG_ORG_ID")
	giosgtest.Contract(t, func(t *testing.T) giosg.GoalsAPI {
		c, err := giosg.NewClient(giosg.WithAPIToken(env["GIOSG_API_TOKEN"]), giosg.WithHTTPClient(fake.BudgetClient(t)))
		if err != nil {
			t.Fatal(err)
		}
		return c.Org(env["GIOSG_ORG_ID"])
	})
}
