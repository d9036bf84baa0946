package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

// result is what one run of goalctl produced.
type result struct {
	code           int
	stdout, stderr string
}

// runApp runs goalctl in-process with the given hooks and environment.
func runApp(t *testing.T, ctx context.Context, h hooks, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := newApp(func(k string) string { return env[k] }, &stdout, &stderr)
	a.hooks = h
	code := a.run(ctx, args)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// runFake runs "goalctl --fake args..." against fs, so that a test can run
// several commands on one state and look at the fake afterwards.
func runFake(t *testing.T, fs *fakeSet, args ...string) result {
	t.Helper()
	return runApp(t, context.Background(), hooks{fakes: fs}, nil, append([]string{"--fake"}, args...)...)
}

// newFakes returns freshly seeded fakes.
func newFakes(t *testing.T) *fakeSet {
	t.Helper()
	fs, err := newFakeSet()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// wantCode fails the test unless r exited with code, showing the streams.
func wantCode(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

// decodeJSON decodes r's stdout, which must be exactly one JSON document,
// into a new T.
func decodeJSON[T any](t *testing.T, r result) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("stdout is not a %T: %v\n%s", v, err, r.stdout)
	}
	if dec.More() {
		t.Fatalf("stdout holds more than one JSON document:\n%s", r.stdout)
	}
	return v
}

// wantEqual compares with reflect.DeepEqual, printing both as JSON.
func wantEqual(t *testing.T, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("got\n%s\nwant\n%s", g, w)
	}
}

// wantLines compares output line by line, ignoring trailing blanks.
func wantLines(t *testing.T, got string, want ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

const fakeNoticePrefix = "goalctl: --fake: using an in-process fake of the "

func TestRunSignatureHelp(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--help"}, func(string) string { return "" }, &stdout, &stderr)
	if code != exitOK || stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "Usage: goalctl [flags] <command> ...\n") {
		t.Fatalf("stdout:\n%s", stdout.String())
	}
}

// allCommands walks the command tree: every path, groups and leaves.
func allCommands(cmd *command, path []string, visit func(cmd *command, path []string)) {
	visit(cmd, path)
	for _, sub := range cmd.subs {
		allCommands(sub, append(append([]string{}, path...), sub.name), visit)
	}
}

func TestHelpAtEveryLevel(t *testing.T) {
	t.Parallel()
	n := 0
	allCommands(rootCommand(), nil, func(cmd *command, path []string) {
		n++
		for _, flagName := range []string{"--help", "-h"} {
			args := append(append([]string{}, path...), flagName)
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				t.Parallel()
				r := runApp(t, context.Background(), hooks{}, nil, args...)
				wantCode(t, r, exitOK)
				if r.stderr != "" {
					t.Errorf("stderr: %q", r.stderr)
				}
				usage := "Usage: " + strings.Join(append([]string{"goalctl"}, path...), " ") + " [flags]"
				if !strings.HasPrefix(r.stdout, usage) {
					t.Errorf("stdout does not start with %q:\n%s", usage, r.stdout)
				}
				for _, sub := range cmd.subs {
					if !strings.Contains(r.stdout, "\n  "+sub.name+" ") {
						t.Errorf("help does not list %q:\n%s", sub.name, r.stdout)
					}
				}
				for _, f := range []string{"-output FORMAT", "-fake"} {
					if !strings.Contains(r.stdout, "\n  "+f+"\n") {
						t.Errorf("help does not list %s:\n%s", f, r.stdout)
					}
				}
			})
		}
	})
	if n != 40 {
		t.Errorf("walked %d commands, want 40: a command was added or lost", n)
	}
}

func TestHelpListsLeafFlags(t *testing.T) {
	t.Parallel()
	for args, flags := range map[string][]string{
		"zopim goals create":      {"-name", "-description", "-enabled", "-attribution-model", "-attribution-period", "-condition OPERATOR=VALUE"},
		"zopim goals update":      {"-name", "-enabled", "-condition OPERATOR=VALUE"},
		"zopim triggers create":   {"-name", "-description", "-enabled", "-definition"},
		"giosg goals create":      {"-name", "-any-room", "-room ROOM", "-default-value", "-condition-type", "-condition-value"},
		"giosg goals patch":       {"-name", "-any-room", "-room ROOM"},
		"giosg goals list":        {"-ordering"},
		"giosg match":             {"-goal ID", "-visitor", "-at", "-value", "-room ROOM"},
		"pagesense goals create":  {"-name", "-type TYPE", "-url", "-match-type", "-time-threshold", "-include URL", "-exclude URL"},
		"pagesense events create": {"-name"},
		"pagesense match-url":     {"-type TYPE", "-pattern"},
	} {
		r := runApp(t, context.Background(), hooks{}, nil, append(strings.Fields(args), "--help")...)
		wantCode(t, r, exitOK)
		for _, f := range flags {
			if !strings.Contains(r.stdout, "\n  "+f) {
				t.Errorf("%s --help does not list %s:\n%s", args, f, r.stdout)
			}
		}
	}
}

func TestHelpWord(t *testing.T) {
	t.Parallel()
	r := runApp(t, context.Background(), hooks{}, nil, "zopim", "help")
	wantCode(t, r, exitOK)
	if !strings.HasPrefix(r.stdout, "Usage: goalctl zopim [flags] <command> ...\n") {
		t.Fatalf("stdout:\n%s", r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args    []string
		message string // the first line of stderr
		usage   string // the hint that follows
	}{
		{nil, "goalctl: missing command", "Run 'goalctl --help' for usage."},
		{[]string{"nope"}, `goalctl: unknown command "nope"`, "Run 'goalctl --help' for usage."},
		{[]string{"zopim", "nope"}, `goalctl: zopim: unknown command "nope"`, "Run 'goalctl zopim --help' for usage."},
		{[]string{"zopim", "goals", "nope"}, `goalctl: zopim goals: unknown command "nope"`, "Run 'goalctl zopim goals --help' for usage."},
		{[]string{"giosg", "goals", "delete", "x"}, `goalctl: giosg goals: unknown command "delete"`, "Run 'goalctl giosg goals --help' for usage."},
		{[]string{"pagesense", "events", "delete"}, `goalctl: pagesense events: unknown command "delete"`, "Run 'goalctl pagesense events --help' for usage."},
		{[]string{"zopim", "goals"}, "goalctl: zopim goals: missing command", "Run 'goalctl zopim goals --help' for usage."},
		{[]string{"--bogus"}, "goalctl: flag provided but not defined: -bogus", "Run 'goalctl --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "list", "--bogus"}, "goalctl: zopim goals list: flag provided but not defined: -bogus", "Run 'goalctl zopim goals list --help' for usage."},
		{[]string{"--output", "xml", "zopim"}, `goalctl: invalid value "xml" for flag -output: want json or table, got "xml"`, "Run 'goalctl --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "get"}, "goalctl: zopim goals get: want ID, got 0 argument(s)", "Run 'goalctl zopim goals get --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "get", "1", "2"}, "goalctl: zopim goals get: want ID, got 2 argument(s)", "Run 'goalctl zopim goals get --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "list", "extra"}, `goalctl: zopim goals list: unexpected argument "extra"`, "Run 'goalctl zopim goals list --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "get", "abc"}, `goalctl: zopim goals get: goal id "abc": want a positive integer`, "Run 'goalctl zopim goals get --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "delete", "0"}, `goalctl: zopim goals delete: goal id "0": want a positive integer`, "Run 'goalctl zopim goals delete --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "create", "--attribution-period", "x"}, `goalctl: zopim goals create: invalid value "x" for flag -attribution-period: parse error`, "Run 'goalctl zopim goals create --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "create", "--name", "N", "--condition", "nothing"}, `goalctl: zopim goals create: --condition "nothing": want OPERATOR=VALUE, e.g. equals=https://example.com/ or contains=cart`, "Run 'goalctl zopim goals create --help' for usage."},
		{[]string{"--fake", "zopim", "triggers", "create", "--name", "N", "--definition", "{"}, "goalctl: zopim triggers create: --definition: not a JSON object: unexpected end of JSON input", "Run 'goalctl zopim triggers create --help' for usage."},
		{[]string{"--fake", "zopim", "goals", "create", "--enabled=maybe"}, `goalctl: zopim goals create: invalid boolean value "maybe" for -enabled: parse error`, "Run 'goalctl zopim goals create --help' for usage."},
		{[]string{"--fake=maybe"}, `goalctl: invalid boolean value "maybe" for -fake: want true or false, got "maybe"`, "Run 'goalctl --help' for usage."},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			r := runApp(t, context.Background(), hooks{}, nil, tc.args...)
			wantCode(t, r, exitUsage)
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			// One line and a hint, not the whole usage.
			if want := tc.message + "\n" + tc.usage + "\n"; r.stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
			}
		})
	}
}

func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	want := []string{
		"ID  NAME      ENABLED  MODEL       PERIOD  CONDITIONS",
		"2   Checkout  true     last_touch  7       contains=/cart contains=/checkout",
	}
	for _, args := range [][]string{
		{"--output", "table", "--fake", "zopim", "goals", "get", "2"},
		{"zopim", "--fake", "goals", "--output=table", "get", "2"},
		{"zopim", "goals", "get", "2", "--output", "table", "--fake"},
		{"--output", "table", "zopim", "goals", "get", "--fake", "--", "2"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			r := runApp(t, context.Background(), hooks{}, nil, args...)
			wantCode(t, r, exitOK)
			wantLines(t, r.stdout, want...)
		})
	}
}

func TestDoubleDashEndsFlags(t *testing.T) {
	t.Parallel()
	// After --, "--output" is an argument, so get has two and refuses.
	r := runApp(t, context.Background(), hooks{}, nil, "--fake", "zopim", "goals", "get", "--", "2", "--output")
	wantCode(t, r, exitUsage)
	if !strings.HasPrefix(r.stderr, "goalctl: zopim goals get: want ID, got 2 argument(s)\n") {
		t.Fatalf("stderr:\n%s", r.stderr)
	}
}

func TestMissingCredentials(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"zopim none", nil, []string{"zopim", "goals", "list"},
			"goalctl: zopim goals list: missing environment variable(s): ZENDESK_CHAT_SUBDOMAIN, ZENDESK_CHAT_TOKEN (or use --fake for a demo against an in-process fake)\n"},
		{"zopim token blank", map[string]string{"ZENDESK_CHAT_SUBDOMAIN": "acme", "ZENDESK_CHAT_TOKEN": "  "}, []string{"zopim", "triggers", "list"},
			"goalctl: zopim triggers list: missing environment variable(s): ZENDESK_CHAT_TOKEN (or use --fake for a demo against an in-process fake)\n"},
		{"giosg none", nil, []string{"giosg", "match", "--goal", "g", "--visitor", "v", "--room", "r"},
			"goalctl: giosg match: missing environment variable(s): GIOSG_API_TOKEN, GIOSG_ORG_ID (or use --fake for a demo against an in-process fake)\n"},
		{"giosg org", map[string]string{"GIOSG_API_TOKEN": "tok"}, []string{"giosg", "goals", "list"},
			"goalctl: giosg goals list: missing environment variable(s): GIOSG_ORG_ID (or use --fake for a demo against an in-process fake)\n"},
		{"pagesense none", nil, []string{"pagesense", "goals", "list"},
			"goalctl: pagesense goals list: missing environment variable(s): ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, PAGESENSE_PORTAL, PAGESENSE_PROJECT (or use --fake for a demo against an in-process fake)\n"},
		{"pagesense project", map[string]string{"ZOHO_CLIENT_ID": "id", "ZOHO_CLIENT_SECRET": "sec", "ZOHO_REFRESH_TOKEN": "ref", "PAGESENSE_PORTAL": "p"},
			[]string{"pagesense", "events", "create", "--name", "x"},
			"goalctl: pagesense events create: missing environment variable(s): PAGESENSE_PROJECT (or use --fake for a demo against an in-process fake)\n"},
		{"pagesense data center", map[string]string{"ZOHO_CLIENT_ID": "id", "ZOHO_CLIENT_SECRET": "sec", "ZOHO_REFRESH_TOKEN": "ref",
			"PAGESENSE_PORTAL": "p", "PAGESENSE_PROJECT": "q", "ZOHO_DATA_CENTER": "Mars"}, []string{"pagesense", "goals", "list"},
			`goalctl: pagesense goals list: ZOHO_DATA_CENTER: unknown data center "Mars": want one of US, EU, IN, AU, JP, CN, SA, CA, UK` + "\n"},
		{"zopim bad subdomain", map[string]string{"ZENDESK_CHAT_SUBDOMAIN": "not a host", "ZENDESK_CHAT_TOKEN": "tok"}, []string{"zopim", "goals", "list"},
			""}, // checked by prefix below
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := runApp(t, context.Background(), hooks{}, tc.env, tc.args...)
			wantCode(t, r, exitUsage)
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if tc.want == "" {
				if !strings.HasPrefix(r.stderr, "goalctl: zopim goals list: cannot configure the client: ") {
					t.Errorf("stderr: %q", r.stderr)
				}
				return
			}
			if r.stderr != tc.want {
				t.Errorf("stderr:\n%q\nwant\n%q", r.stderr, tc.want)
			}
		})
	}
}

func TestDataCenterNames(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "us", "US": "us", "eu": "eu", " Ca ": "ca", "UK": "uk", "JP": "jp"} {
		dc, err := parseDataCenter(in)
		if err != nil || string(dc) != want {
			t.Errorf("parseDataCenter(%q) = %q, %v; want %q", in, dc, err, want)
		}
	}
	if _, err := parseDataCenter("ZZ"); err == nil {
		t.Error("parseDataCenter(ZZ) succeeded")
	}
}

func TestCancelledContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	r := runApp(t, ctx, hooks{}, nil, "--fake", "zopim", "goals", "list")
	wantCode(t, r, exitInterrupted)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	if r.stdout != "" || !strings.Contains(r.stderr, "goalctl: zopim goals list: interrupted: ") ||
		!strings.Contains(r.stderr, "context canceled") {
		t.Errorf("stdout %q, stderr:\n%s", r.stdout, r.stderr)
	}
}

// TestCancelInFlight cancels while the server sits on the request, as Ctrl-C
// does: the call must return at once, not when the server gives up.
func TestCancelInFlight(t *testing.T) {
	t.Parallel()
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	env := map[string]string{"GIOSG_API_TOKEN": "tok-1234", "GIOSG_ORG_ID": "org"}
	start := time.Now()
	r := runApp(t, ctx, hooks{baseURL: srv.URL}, env, "giosg", "goals", "list")
	wantCode(t, r, exitInterrupted)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s after the cancel", d)
	}
	if !strings.HasPrefix(r.stderr, "goalctl: giosg goals list: interrupted: ") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestFakeNoticeOnStderrOnly(t *testing.T) {
	t.Parallel()
	r := runApp(t, context.Background(), hooks{}, nil, "--fake", "giosg", "goals", "list")
	wantCode(t, r, exitOK)
	want := fakeNoticePrefix + "giosg API with demo data; nothing is sent\n"
	if r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	if strings.Contains(r.stdout, "fake") {
		t.Errorf("stdout mentions the fake:\n%s", r.stdout)
	}
}
