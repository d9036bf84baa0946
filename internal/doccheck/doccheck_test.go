// Package doccheck holds a test that goalkit's public packages are
// documented: every exported name has a doc comment and every package has a
// package comment showing an example. go vet and staticcheck do not check
// this, and a missing comment shows up only as a blank in go doc.
package doccheck

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// publicPackages are the directories, relative to the module root, whose
// API users read.
var publicPackages = []string{
	".",
	"goals", "goals/goalstest",
	"triggers", "triggers/triggerstest",
	"giosg", "giosg/giosgtest", "giosg/journal",
	"pagesense", "pagesense/pagesensetest",
}

// moduleRoot is where the module's go.mod is, seen from this package.
const moduleRoot = "../.."

func TestExportedNamesHaveDocComments(t *testing.T) {
	for _, rel := range publicPackages {
		pkg := parsePackage(t, rel)
		if pkg.doc == nil {
			t.Errorf("%s: package %s has no package comment", rel, pkg.name)
		}
		for _, gap := range undocumented(pkg) {
			t.Errorf("%s: %s has no doc comment", pkg.position(gap.pos), gap.what)
		}
	}
}

// TestPackageCommentsShowAnExample: a reader of go doc should see code,
// either as an indented block in the package comment or as an Example
// function in the tests (which go doc and pkg.go.dev show).
func TestPackageCommentsShowAnExample(t *testing.T) {
	for _, rel := range publicPackages {
		pkg := parsePackage(t, rel)
		if !pkg.hasCodeBlock() && len(pkg.examples) == 0 {
			t.Errorf("%s: the package comment has no code block (a line indented by a tab) and the tests no Example function", rel)
		}
	}
}

// TestCheckerFindsGaps runs the checks on a package written to fail them,
// so a checker that finds nothing cannot pass unnoticed.
func TestCheckerFindsGaps(t *testing.T) {
	pkg := parsePackage(t, "internal/doccheck/testdata/gaps")
	if pkg.doc != nil || pkg.hasCodeBlock() || len(pkg.examples) != 0 {
		t.Errorf("testdata/gaps: want no package comment, no code block and no examples")
	}
	var got []string
	for _, gap := range undocumented(pkg) {
		got = append(got, gap.what)
	}
	want := []string{
		"type Undocumented",
		"type Grouped",
		"func Bare",
		"method Undocumented.Method",
		"method Undocumented.PointerMethod",
		"const Loose",
		"var Loose1",
		"var Loose2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("gaps in testdata/gaps:\n got %q\nwant %q", got, want)
	}
}

// TestCodeBlockDetection: a tab-indented block counts as an example, a
// list (indented by spaces) does not.
func TestCodeBlockDetection(t *testing.T) {
	for rel, want := range map[string]bool{
		"internal/doccheck/testdata/listonly":  false,
		"internal/doccheck/testdata/codeblock": true,
	} {
		pkg := parsePackage(t, rel)
		if pkg.doc == nil {
			t.Fatalf("%s: package comment not found", rel)
		}
		if got := pkg.hasCodeBlock(); got != want {
			t.Errorf("%s: hasCodeBlock = %t, want %t", rel, got, want)
		}
	}
}

// pkgInfo is one parsed package.
type pkgInfo struct {
	name     string
	fset     *token.FileSet
	files    []*ast.File       // the package's own files, tests excluded
	doc      *ast.CommentGroup // the package comment, nil if none
	examples []string          // Example functions in its tests
}

// gap is an exported name without a doc comment.
type gap struct {
	pos  token.Pos
	what string // e.g. "func NewClient", "method Client.List"
}

// parsePackage parses the package in rel (under the module root) as the go
// command would select its files, with comments.
func parsePackage(t *testing.T, rel string) *pkgInfo {
	t.Helper()
	dir := filepath.Join(moduleRoot, rel)
	bp, err := build.Default.ImportDir(dir, 0)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	p := &pkgInfo{name: bp.Name, fset: token.NewFileSet()}
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(p.fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		p.files = append(p.files, f)
		if f.Doc != nil && p.doc == nil {
			p.doc = f.Doc
		}
	}
	for _, name := range append(slices.Clone(bp.TestGoFiles), bp.XTestGoFiles...) {
		f, err := parser.ParseFile(p.fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Example") {
				p.examples = append(p.examples, fn.Name.Name)
			}
		}
	}
	return p
}

// position renders pos relative to the module root, e.g. "goals/goal.go:12".
func (p *pkgInfo) position(pos token.Pos) string {
	at := p.fset.Position(pos)
	name, err := filepath.Rel(moduleRoot, at.Filename)
	if err != nil {
		name = at.Filename
	}
	return fmt.Sprintf("%s:%d", filepath.ToSlash(name), at.Line)
}

// hasCodeBlock reports whether the package comment holds a code block:
// gofmt indents those by a tab, while lists and headings stay at spaces.
func (p *pkgInfo) hasCodeBlock() bool {
	if p.doc == nil {
		return false
	}
	for line := range strings.SplitSeq(p.doc.Text(), "\n") {
		if strings.HasPrefix(line, "\t") {
			return true
		}
	}
	return false
}

// undocumented lists the exported names of p without a doc comment, in
// source order: types, functions, methods on exported types, and constants
// and variables, for which a comment on their group counts, as does one on
// the spec (above it or at the end of its line).
func undocumented(p *pkgInfo) []gap {
	var gaps []gap
	for _, f := range p.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if what, ok := funcName(d); ok && d.Doc == nil {
					gaps = append(gaps, gap{d.Pos(), what})
				}
			case *ast.GenDecl:
				gaps = append(gaps, genDeclGaps(d)...)
			}
		}
	}
	return gaps
}

// funcName names an exported function or a method of an exported type
// ("func Ptr", "method Client.List"); ok is false for the rest.
func funcName(d *ast.FuncDecl) (what string, ok bool) {
	if !d.Name.IsExported() {
		return "", false
	}
	if d.Recv == nil {
		return "func " + d.Name.Name, true
	}
	recv := receiverType(d.Recv.List[0].Type)
	if !ast.IsExported(recv) {
		return "", false
	}
	return "method " + recv + "." + d.Name.Name, true
}

// receiverType is the type name of a receiver: T, *T, T[P] or *T[P].
func receiverType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// genDeclGaps checks a type, const or var declaration.
func genDeclGaps(d *ast.GenDecl) []gap {
	var gaps []gap
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			if s.Name.IsExported() && d.Doc == nil && s.Doc == nil && s.Comment == nil {
				gaps = append(gaps, gap{s.Pos(), "type " + s.Name.Name})
			}
		case *ast.ValueSpec:
			if d.Doc != nil || s.Doc != nil || s.Comment != nil {
				continue
			}
			for _, n := range s.Names {
				if n.IsExported() {
					gaps = append(gaps, gap{n.Pos(), d.Tok.String() + " " + n.Name})
				}
			}
		}
	}
	return gaps
}
