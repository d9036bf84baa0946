// Command genoptions writes each dialect package's options_gen.go and
// errors_gen.go from the one implementation in internal/transport (and
// internal/zopim for goals and triggers), so every dialect has its own
// Option type while the shared options and errors live in one place, and
// `go doc goals.WithRetryWait` shows the real signature and doc.
//
// It runs from the module root through `go generate ./...` (doc.go carries
// the directive). Every exported With* func of the source files is emitted,
// so an option added to internal/transport/options.go reaches every dialect
// by re-running go generate; a test fails while a generated file is stale.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	files, err := Generate(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genoptions:", err)
		os.Exit(1)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(root, name), src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genoptions:", err)
			os.Exit(1)
		}
	}
}
