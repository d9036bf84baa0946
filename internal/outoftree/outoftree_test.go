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

// module is the downstream go.mod as `go get` + `go mod tidy` leave it: goalkit
// plus every module goalkit's packages need (requirements appended by
// serviceModule), and a replace pointing at this checkout.
const module = `module example.com/service

go 1.25.0

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
	gomod := read(t, filepath.Join(root, "go.mod"))
	write(t, filepath.Join(dir, "go.mod"), serviceModule(root, gomod))
	// goalkit's go.sum covers every dependency it requires.
	write(t, filepath.Join(dir, "go.sum"), read(t, filepath.Join(root, "go.sum")))

	// Fetch goalkit's modules the way a user's first build would (a no-op
	// when the cache is warm); the service build below then runs offline.
	// It must not need more than that: with -mod=mod the go command loads
	// the whole module graph, including go.mod files (go-cmp's) that no
	// build of goalkit downloads, so a fresh cache failed under GOPROXY=off.
	download := exec.Command(goBin, "mod", "download")
	download.Dir = root
	download.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	write(t, filepath.Join(dir, "main.go"), read(t, filepath.Join("testdata", "service", "main.go")))

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(goBin, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOFLAGS=-mod=readonly", // go.mod and go.sum are complete as written
		"GOPROXY=off",           // and prove the build needs nothing beyond them
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

// serviceModule is module with goalkit's own requirements added as indirect
// ones, so the service's go.mod is complete (a pruned graph the go command
// never has to walk) and follows goalkit's go.mod as it changes.
func serviceModule(root string, goalkitMod []byte) []byte {
	var b strings.Builder
	b.WriteString(strings.Replace(module, "%s", root, 1))
	inBlock := false
	for line := range strings.Lines(string(goalkitMod)) {
		line = strings.TrimSpace(line)
		switch {
		case line == "require (":
			inBlock = true
		case inBlock && line == ")":
			inBlock = false
		case inBlock && line != "":
			b.WriteString("require " + strings.TrimSuffix(line, " // indirect") + " // indirect\n")
		case strings.HasPrefix(line, "require ") && !strings.HasSuffix(line, "("):
			b.WriteString(strings.TrimSuffix(line, " // indirect") + " // indirect\n")
		}
	}
	return []byte(b.String())
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
