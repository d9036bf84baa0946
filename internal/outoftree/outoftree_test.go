// Package outoftree checks goalkit from outside: a module of its own that
// requires goalkit, as a service would after `go get`, and may use only the
// public packages. A name a user needs that lives in internal/ would not
// compile there, which no test inside the module can notice.
package outoftree

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// module is the downstream go.mod; the replace points at this checkout.
const module = `module example.com/service

go 1.25

require github.com/goalkit/goalkit v0.0.0

replace github.com/goalkit/goalkit => %s
`

// want is testdata/service's output: one line per dialect, every check true.
const want = `goalkit true
goals: 1 Pricing true true true
triggers: 1 Greet true true
giosg: 4 true true true
pagesense: 1 TIME_SPENT_GOAL 1 add_to_cart true true
`

func TestOutOfTreeModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module with the go command")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if gomod, err := os.ReadFile(filepath.Join(root, "go.mod")); err != nil || !bytes.HasPrefix(gomod, []byte("module github.com/goalkit/goalkit\n")) {
		t.Fatalf("%s is not goalkit's root (go.mod: %v)", root, err)
	}
	goBin, err := exec.LookPath("go") // go test puts its own GOROOT/bin first on PATH
	if err != nil {
		t.Skipf("no go command: %v", err)
	}

	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), []byte(strings.Replace(module, "%s", root, 1)))
	// goalkit's go.sum covers every dependency, so the go command needs no
	// network: the module cache already holds what the main build downloaded.
	write(t, filepath.Join(dir, "go.sum"), read(t, filepath.Join(root, "go.sum")))
	write(t, filepath.Join(dir, "main.go"), read(t, filepath.Join("testdata", "service", "main.go")))

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(goBin, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOFLAGS=-mod=mod", // let go add the indirect requirements to go.mod
		"GOPROXY=off",      // and prove it found them all locally
		"GOWORK=off",
		"GOTOOLCHAIN=local",
	)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	t.Logf("go run took %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("go run: %v\nstderr:\n%s\nstdout:\n%s", err, stderr.String(), stdout.String())
	}
	if stdout.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s\nstderr:\n%s", stdout.String(), want, stderr.String())
	}
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
