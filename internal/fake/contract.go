package fake

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
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

// ContractContext is the context of one contract run: a minute at most,
// cancelled when t ends.
func ContractContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// ContractCleanup runs undo when t ends, also after a failed step, with
// ten seconds of its own (the run's context may be spent). An error that
// does not match ignore (nil: any error counts) fails t, naming what
// ("delete goal 7").
func ContractCleanup(t *testing.T, what string, ignore error, undo func(context.Context) error) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := undo(ctx); err != nil && !errors.Is(err, ignore) {
			t.Errorf("cleanup: %s: %v", what, err)
		}
	})
}

// CheckContractCalls logs, when t ends, how many requests reached a fake
// (requests is its Requests method), and fails t if they exceed
// MaxContractCalls.
func CheckContractCalls(t *testing.T, requests func() []Request) {
	t.Cleanup(func() {
		n := len(requests())
		t.Logf("the suite made %d calls", n)
		if n > MaxContractCalls {
			t.Errorf("the suite made %d calls, budget %d", n, MaxContractCalls)
		}
	})
}
