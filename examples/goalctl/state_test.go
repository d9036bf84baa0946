package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goalkit/goalkit/goalstate"
)

// TestGoalsAsCode_ExportPlanApplyDrift walks the README's workflow on the
// fakes: export, plan (no changes), edit, plan --out, apply the plan, drift.
func TestGoalsAsCode_ExportPlanApplyDrift(t *testing.T) {
	fs := newFakes(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "goals.yaml")

	r := runFake(t, fs, "export")
	wantCode(t, r, exitOK)
	if err := os.WriteFile(file, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runFake(t, fs, "plan", "-f", file, "--detailed-exitcode")
	wantCode(t, r, exitOK)
	if !strings.Contains(r.stdout, "No changes") {
		t.Errorf("plan of a fresh export:\n%s", r.stdout)
	}

	text := strings.Replace(string(mustRead(t, file)), "attribution_period: 30", "attribution_period: 14", 1)
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(dir, "plan.json")
	r = runFake(t, fs, "plan", "-f", file, "--out", planFile, "--detailed-exitcode")
	wantCode(t, r, 2)
	for _, want := range []string{`~ update zendesk.goals "Pricing page" (1)`, "attribution_period: 30 -> 14", "Plan: 1 update."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("plan output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runFake(t, fs, "drift", "-f", file)
	wantCode(t, r, 2)
	p := decodeJSON[goalstate.Plan](t, r)
	if len(p.Changes) != 1 || p.Changes[0].Fields[0].Field != "attribution_period" {
		t.Errorf("drift JSON: %+v", p.Changes)
	}

	r = runFake(t, fs, "apply", planFile)
	wantCode(t, r, exitOK)
	if !strings.Contains(r.stdout, "Apply: 1 applied, 0 already applied, 0 not applied.") {
		t.Errorf("apply output:\n%s", r.stdout)
	}
	r = runFake(t, fs, "apply", planFile, "--output", "json")
	wantCode(t, r, exitOK)
	if rep := decodeJSON[goalstate.Report](t, r); len(rep.AlreadyApplied) != 1 || len(rep.Applied) != 0 {
		t.Errorf("second apply of the same plan: %+v", rep)
	}
	r = runFake(t, fs, "drift", "-f", file)
	wantCode(t, r, exitOK)
}

func TestGoalsAsCode_BadInput(t *testing.T) {
	fs := newFakes(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "goals.yaml")
	if err := os.WriteFile(file, []byte("version: 1\nzendesk:\n  goals:\n    - name: A\n      atribution_model: first_touch\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runFake(t, fs, "plan", "-f", file, "--detailed-exitcode")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, `line 5, column 7: unknown field "atribution_model"`) {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	r = runFake(t, fs, "apply", "-f", file)
	wantCode(t, r, exitUsage)
	if !strings.Contains(r.stderr, "--auto-approve") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGoalsAsCode_AutoApproveWithVariablesAndPrune(t *testing.T) {
	fs := newFakes(t)
	file := filepath.Join(t.TempDir(), "goals.yaml")
	doc := "version: 1\nzendesk:\n  goals:\n    - {name: Pricing, attribution_model: first_touch, attribution_period: 3, conditions: [{operator: equals, value: \"https://${SITE}/pricing\"}]}\n"
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runFake(t, fs, "apply", "-f", file, "--var", "SITE=www.example.com", "--prune", "--auto-approve")
	wantCode(t, r, exitOK)
	if !strings.Contains(r.stdout, "Apply: 3 applied") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	r = runFake(t, fs, "zopim", "goals", "list")
	wantCode(t, r, exitOK)
	if !strings.Contains(r.stdout, `"https://www.example.com/pricing"`) || strings.Contains(r.stdout, "Checkout") {
		t.Errorf("after apply:\n%s", r.stdout)
	}
	r = runFake(t, fs, "plan", "-f", file, "--var", "SITE=www.example.com", "--prune", "--output", "json", "--detailed-exitcode")
	wantCode(t, r, exitOK)
	if p := decodeJSON[goalstate.Plan](t, r); len(p.Changes) != 0 {
		t.Errorf("plan after apply: %+v", p.Changes)
	}
}

func TestGoalsAsCode_ExportOneDialectAsJSON(t *testing.T) {
	fs := newFakes(t)
	r := runFake(t, fs, "export", "--dialect", "giosg", "--output", "json")
	wantCode(t, r, exitOK)
	doc := decodeJSON[goalstate.Document](t, r)
	if doc.Zendesk != nil || doc.PageSense != nil || doc.Giosg == nil || len(doc.Giosg.Goals) != 2 {
		t.Errorf("export --dialect giosg: %+v", doc)
	}
	r = runFake(t, fs, "export", "--dialect", "zopim")
	wantCode(t, r, exitUsage)
	// Where 2 means "changes", a missing file is an error (1), not drift.
	for _, args := range [][]string{{"plan", "--detailed-exitcode"}, {"drift"}} {
		r = runFake(t, fs, append(args, "-f", "/nonexistent/goals.yaml")...)
		wantCode(t, r, exitAPI)
		if !strings.Contains(r.stderr, "no such file") {
			t.Errorf("%s: stderr %q", args[0], r.stderr)
		}
	}
}

// TestGoalsAsCode_UsageErrorsWhereTwoMeansChanges: where exit status 2
// means "changes" (drift, plan --detailed-exitcode), a usage error exits 1,
// so a script never reads a typo as a drifted state; elsewhere it stays 2.
func TestGoalsAsCode_UsageErrorsWhereTwoMeansChanges(t *testing.T) {
	fs := newFakes(t)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"plan", "--bogus", "--detailed-exitcode", "-f", "x.yaml"}, exitAPI},
		{[]string{"plan", "-f", "x.yaml", "--detailed-exitcode=true", "extra"}, exitAPI},
		{[]string{"plan", "--bogus", "-f", "x.yaml"}, exitUsage},
		{[]string{"plan", "--bogus", "--detailed-exitcode=false"}, exitUsage},
		{[]string{"plan", "--bogus", "--", "--detailed-exitcode"}, exitUsage},
		{[]string{"drift", "--bogus", "-f", "x.yaml"}, exitAPI},
		{[]string{"drift", "-f", "x.yaml", "extra"}, exitAPI},
		{[]string{"export", "--bogus"}, exitUsage},
		{[]string{"--bogus", "drift", "-f", "x.yaml"}, exitAPI},
		{[]string{"--bogus", "plan", "--detailed-exitcode"}, exitAPI},
		{[]string{"--bogus", "plan"}, exitUsage},
	}
	for _, c := range cases {
		r := runFake(t, fs, c.args...)
		if r.code != c.want {
			t.Errorf("goalctl %s: exit %d, want %d (stderr %q)", strings.Join(c.args, " "), r.code, c.want, r.stderr)
		}
		if !strings.Contains(r.stderr, "--help' for usage") {
			t.Errorf("goalctl %s: stderr %q, want the usage hint", strings.Join(c.args, " "), r.stderr)
		}
	}
}

// TestGoalsAsCode_OutputFlagAtAnyLevel: --output json before the command
// name asks plan, export and apply for JSON as it does after it.
func TestGoalsAsCode_OutputFlagAtAnyLevel(t *testing.T) {
	fs := newFakes(t)
	file := filepath.Join(t.TempDir(), "goals.yaml")
	r := runFake(t, fs, "export")
	wantCode(t, r, exitOK)
	if err := os.WriteFile(file, []byte(r.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--output", "json", "plan", "-f", file}, {"plan", "-f", file, "--output", "json"}} {
		r := runFake(t, fs, args...)
		wantCode(t, r, exitOK)
		if p := decodeJSON[goalstate.Plan](t, r); len(p.Changes) != 0 {
			t.Errorf("goalctl %s: %+v", strings.Join(args, " "), p.Changes)
		}
	}
	r = runFake(t, fs, "--output", "json", "export")
	wantCode(t, r, exitOK)
	if !strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Errorf("export --output json given first: %.80q", r.stdout)
	}
}
