package faults_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// update rewrites RELIABILITY.md's fault table from the measurements:
//
//	go test -run 'TestFaults|TestFaultTable' ./internal/faults -update
var update = flag.Bool("update", false, "rewrite RELIABILITY.md's fault table from what the suite measured")

// reliabilityDoc is RELIABILITY.md, seen from this package.
const reliabilityDoc = "../../RELIABILITY.md"

// measured holds what runFault saw, per fault and per column of the table
// (idempotent methods, or POST/PATCH): "N attempt(s), outcome".
var measured = struct {
	sync.Mutex
	cells map[string]map[bool]string
}{cells: map[string]map[bool]string{}}

// recordMeasured notes one case's result. The cases the table's footnotes
// cover (a call that reads no body after a 2xx, PageSense's empty delete)
// are left out; two calls of one column measuring differently show both.
func recordMeasured(o op, f fault, attempts int, got outcome) {
	if (o.noBody && f.afterStatus) || (o.allowEmpty && f.name == "empty 200") {
		return
	}
	cell := fmt.Sprintf("%d attempt(s), %s", attempts, got)
	measured.Lock()
	defer measured.Unlock()
	m := measured.cells[f.name]
	if m == nil {
		m = map[bool]string{}
		measured.cells[f.name] = m
	}
	if prev, ok := m[o.idempotent()]; ok && !strings.Contains(prev, cell) {
		cell = prev + " / " + o.name + ": " + cell
	}
	m[o.idempotent()] = cell
}

// TestFaultTable is a golden check: the table in RELIABILITY.md must be the
// one the suite measured. TestFaults (which runs first) fills the
// measurements; run alone, this test measures the bare pipeline's GET and
// POST itself. With -update it rewrites the table instead of failing.
func TestFaultTable(t *testing.T) {
	if testing.Short() {
		t.Skip("real-TCP fault suite")
	}
	measured.Lock()
	empty := len(measured.cells) == 0
	measured.Unlock()
	if empty {
		for _, o := range allOps() {
			if o.name != "transport.GET" && o.name != "transport.POST" {
				continue
			}
			for _, f := range faultCases {
				t.Run(o.name+"/"+f.name, func(t *testing.T) { runFault(t, o, f) })
			}
		}
	}
	table := measuredTable()
	raw, err := os.ReadFile(reliabilityDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	start := strings.Index(doc, "| fault | GET/PUT/DELETE | POST/PATCH | behaviour |\n")
	if start < 0 {
		t.Fatal("RELIABILITY.md has no fault table")
	}
	end := start
	for end < len(doc) && doc[end] == '|' {
		end += strings.IndexByte(doc[end:], '\n') + 1
	}
	if doc[start:end] == table {
		return
	}
	if *update {
		if err := os.WriteFile(reliabilityDoc, []byte(doc[:start]+table+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("RELIABILITY.md's fault table differs from what the suite measured (rerun with -update to rewrite it).\nin the document:\n%s\nmeasured:\n%s", doc[start:end], table)
}

// measuredTable renders the measurements in faultCases order.
func measuredTable() string {
	measured.Lock()
	defer measured.Unlock()
	var b strings.Builder
	b.WriteString("| fault | GET/PUT/DELETE | POST/PATCH | behaviour |\n|---|---|---|---|\n")
	for _, f := range faultCases {
		m := measured.cells[f.name]
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.name, cellOr(m, true), cellOr(m, false), f.summary)
	}
	return b.String()
}

func cellOr(m map[bool]string, idempotent bool) string {
	if c, ok := m[idempotent]; ok {
		return c
	}
	return "not measured"
}
