package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit"
)

// TestTimeout: a host that never answers is given up on after --timeout and
// reported as a timeout (exit 1), not as an interruption.
func TestTimeout(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	env := map[string]string{"GIOSG_API_TOKEN": "tok-1234", "GIOSG_ORG_ID": "org"}
	start := time.Now()
	r := runApp(t, context.Background(), hooks{baseURL: srv.URL}, env, "giosg", "goals", "list", "--timeout", "200ms")
	wantCode(t, r, exitAPI)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
	if !strings.HasPrefix(r.stderr, "goalctl: giosg goals list: timed out after 200ms (set --timeout for longer): ") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestTimeoutFlag(t *testing.T) {
	t.Parallel()
	a := newApp(nil, nil, nil)
	if a.timeout != 30*time.Second {
		t.Errorf("default timeout %s, want 30s", a.timeout)
	}
	for _, bad := range []string{"0s", "-1s", "soon"} {
		r := runApp(t, context.Background(), hooks{}, nil, "--fake", "--timeout", bad, "giosg", "goals", "list")
		wantCode(t, r, exitUsage)
		if !strings.Contains(r.stderr, "want a positive duration") {
			t.Errorf("--timeout %s: stderr:\n%s", bad, r.stderr)
		}
	}
}

// TestVerbose: -v logs one line per HTTP attempt on stderr, through the SDK's
// slog logger, and leaves stdout to the result.
func TestVerbose(t *testing.T) {
	t.Parallel()
	for _, dialect := range [][]string{{"zopim", "goals"}, {"zopim", "triggers"}, {"giosg", "goals"}, {"pagesense", "goals"}} {
		r := runApp(t, context.Background(), hooks{}, nil, append([]string{"--fake", "-v"}, append(dialect, "list")...)...)
		wantCode(t, r, exitOK)
		var attempts []string
		for _, line := range strings.Split(r.stderr, "\n") {
			if strings.Contains(line, `msg="goalkit: attempt"`) {
				attempts = append(attempts, line)
			}
		}
		if len(attempts) != 1 || !strings.Contains(attempts[0], "GET") || !strings.Contains(attempts[0], "status=200") {
			t.Errorf("%v: want one attempt line with GET and status=200; stderr:\n%s", dialect, r.stderr)
		}
		if strings.Contains(r.stdout, "goalkit: attempt") {
			t.Errorf("%v: log on stdout", dialect)
		}
	}
	if r := runApp(t, context.Background(), hooks{}, nil, "--fake", "giosg", "goals", "list"); strings.Contains(r.stderr, "attempt") {
		t.Errorf("without -v: stderr:\n%s", r.stderr)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--version"}, {"zopim", "--version"}, {"--fake", "giosg", "goals", "list", "--version"}} {
		r := runApp(t, context.Background(), hooks{}, nil, args...)
		wantCode(t, r, exitOK)
		if !strings.HasPrefix(r.stdout, "goalctl "+goalkit.Version+" ") || r.stderr != "" {
			t.Errorf("%v: stdout %q, stderr %q", args, r.stdout, r.stderr)
		}
	}
}
