package fake

import (
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

// MaxContractCalls is the budget of one contract run against a real
// account.
const MaxContractCalls = 50

// RealEnv returns the values of vars, or skips t with a one-line reason
// when any is unset: the contract then runs against the fake only.
func RealEnv(t *testing.T, vars ...string) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, v := range vars {
		val := strings.TrimSpace(os.Getenv(v))
		if val == "" {
			t.Skipf("set %s to run the contract against the real API", strings.Join(vars, ", "))
		}
		env[v] = val
	}
	return env
}

// BudgetClient returns an *http.Client that counts its requests and fails
// t at cleanup if they exceed MaxContractCalls.
func BudgetClient(t *testing.T) *http.Client {
	var n atomic.Int64
	t.Cleanup(func() {
		if got := n.Load(); got > MaxContractCalls {
			t.Errorf("the contract made %d calls, budget %d", got, MaxContractCalls)
		}
	})
	return &http.Client{Transport: countingTransport{&n}}
}

type countingTransport struct{ n *atomic.Int64 }

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}
