package main

import (
	"encoding/json"
	"io"
	"strings"
	"text/tabwriter"
)

// table is the tabular form of a result: a header and rows of cells.
type table struct {
	header []string
	rows   [][]string
}

// add appends a row.
func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// print writes v to stdout in the chosen format: v itself as JSON, or the
// table tab builds. tab is a function so that JSON output never builds it.
func (a *app) print(v any, tab func() table) error {
	if a.format == formatTable {
		return writeTable(a.stdout, tab())
	}
	return writeJSON(a.stdout, v)
}

// writeJSON writes v as one indented JSON document. HTML escaping is off so
// that URLs keep their & and < as typed.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeTable writes t as aligned columns. An empty cell prints as "-" so that
// columns stay countable by eye and by awk; tabs and newlines in a cell
// (a trigger's description) become spaces so that a row stays one line.
func writeTable(w io.Writer, t table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	writeRow(tw, t.header)
	for _, row := range t.rows {
		writeRow(tw, row)
	}
	return tw.Flush()
}

var cellCleaner = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func writeRow(w io.Writer, cells []string) {
	for i, cell := range cells {
		if cell == "" {
			cell = "-"
		}
		if i > 0 {
			io.WriteString(w, "\t")
		}
		io.WriteString(w, cellCleaner.Replace(cell))
	}
	io.WriteString(w, "\n")
}

// deleted is what a delete prints: the id or name of what is gone.
type deleted struct {
	Deleted string `json:"deleted"`
}

// deletedTable is the table form of a delete.
func deletedTable(id string) func() table {
	return func() table {
		t := table{header: []string{"DELETED"}}
		t.add(id)
		return t
	}
}

// nonNil returns s, or an empty slice for nil, so that an empty list prints
// as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
