package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const root = "../../.."

// TestGeneratedFilesAreFresh fails when a generated file differs from what
// the generator writes today, e.g. after an option was added to
// internal/transport/options.go without re-running go generate.
func TestGeneratedFilesAreFresh(t *testing.T) {
	files, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 8 {
		t.Errorf("generated %d files, want options_gen.go and errors_gen.go for 4 packages", len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Errorf("%s: %v; run go generate ./...", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go generate ./... from the module root", name)
		}
	}
}

// TestEveryWithFuncIsGenerated: each exported With* func of the sources
// becomes an option of the right packages, with its signature and doc.
func TestEveryWithFuncIsGenerated(t *testing.T) {
	files, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dialects {
		src := string(files[filepath.Join(d.dir, "options_gen.go")])
		for _, name := range d.sources {
			b, err := os.ReadFile(filepath.Join(root, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range regexp.MustCompile(`(?m)^func (With\w+)\(([^)]*)\)`).FindAllStringSubmatch(string(b), -1) {
				if want := "func " + m[1] + "(" + m[2] + ") Option {"; !strings.Contains(src, want) {
					t.Errorf("%s: missing %q", d.dir, want)
				}
			}
		}
	}
	if src := string(files["giosg/options_gen.go"]); strings.Contains(src, "WithSubdomain") {
		t.Error("giosg got the Zendesk-only WithSubdomain")
	}
	if src := string(files["goals/options_gen.go"]); !strings.Contains(src, "// WithRetryWait bounds the wait between attempts.") {
		t.Error("goals.WithRetryWait lost its doc comment")
	}
}

// TestOptionsDoNotCrossDialects compiles testdata/crossdialect, which hands
// options of one package to another's NewClient, and expects a type error
// on each such line and on no other.
func TestOptionsDoNotCrossDialects(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	src, err := os.ReadFile(filepath.Join("testdata", "crossdialect", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasSuffix(line, "// want error") {
			want[i+1] = true
		}
	}
	cmd := exec.Command(goBin, "build", "-o", os.DevNull, "./testdata/crossdialect")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("mixing options of two packages compiled")
	}
	got := map[int]bool{}
	for _, m := range regexp.MustCompile(`main\.go:(\d+):\d+: (.*)`).FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[1])
		got[n] = true
		if !want[n] {
			t.Errorf("unexpected error on line %d: %s", n, m[2])
		} else if !strings.Contains(m[2], "cannot use") {
			t.Errorf("line %d: %s, want a type mismatch", n, m[2])
		}
	}
	for n := range want {
		if !got[n] {
			t.Errorf("line %d compiled; want a type error\n%s", n, out)
		}
	}
}
