package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

// conversionColumns are the fields of an input row, as CSV header names and
// NDJSON keys.
var conversionColumns = []string{"key", "goal_id", "visitor_identity", "matched_at", "value", "rooms"}

// requiredColumns must be in a CSV header; key and value may be left out.
var requiredColumns = []string{"goal_id", "visitor_identity", "matched_at", "rooms"}

// rowSource streams the rows of an input file. err is set when reading
// failed part way (an I/O error, not a bad row): the import stops there and
// the command fails rather than reporting a short file as complete.
type rowSource struct {
	f      *os.File
	ndjson bool
	cols   map[string]int // CSV: column index by name
	csv    *csv.Reader
	err    error
}

// openRows opens FILE by its extension, reading a CSV header at once so
// that a bad header is a usage error before anything is sent.
func openRows(path string) (*rowSource, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".csv" && ext != ".ndjson" && ext != ".jsonl" {
		return nil, usagef("%s: want a .csv or .ndjson file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, configErr(err.Error())
	}
	src := &rowSource{f: f, ndjson: ext != ".csv"}
	if src.ndjson {
		return src, nil
	}
	src.csv = csv.NewReader(bufio.NewReader(f))
	src.csv.ReuseRecord = true
	header, err := src.csv.Read()
	if err != nil {
		f.Close()
		return nil, usagef("%s: reading the header line: %v", path, err)
	}
	src.cols = map[string]int{}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		if !slices.Contains(conversionColumns, name) {
			f.Close()
			return nil, usagef("%s: unknown column %q: want %s", path, name, strings.Join(conversionColumns, ", "))
		}
		src.cols[name] = i
	}
	for _, name := range requiredColumns {
		if _, ok := src.cols[name]; !ok {
			f.Close()
			return nil, usagef("%s: missing column %q", path, name)
		}
	}
	return src, nil
}

func (s *rowSource) close() { s.f.Close() }

// rows yields one conversion per data row; a row that cannot be parsed is
// yielded as an error (the importer reports it as invalid, with its row
// number) and reading goes on.
func (s *rowSource) rows() iter.Seq2[giosg.Conversion, error] {
	if s.ndjson {
		return s.ndjsonRows
	}
	return s.csvRows
}

func (s *rowSource) csvRows(yield func(giosg.Conversion, error) bool) {
	for {
		rec, err := s.csv.Read()
		if err == io.EOF {
			return
		}
		var perr *csv.ParseError
		if err != nil && !errors.As(err, &perr) {
			s.err = err
			return
		}
		if err != nil {
			if !yield(giosg.Conversion{}, fmt.Errorf("line %d: %w", perr.StartLine, perr.Err)) {
				return
			}
			continue
		}
		field := func(name string) string {
			if i, ok := s.cols[name]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		c, err := parseRow(field("key"), field("goal_id"), field("visitor_identity"), field("matched_at"), field("value"), splitRooms(field("rooms")))
		if !yield(c, err) {
			return
		}
	}
}

// ndjsonRow is one NDJSON line. Rooms takes a list or a ;-separated string.
type ndjsonRow struct {
	Key             string          `json:"key"`
	GoalID          string          `json:"goal_id"`
	VisitorIdentity string          `json:"visitor_identity"`
	MatchedAt       string          `json:"matched_at"`
	Value           json.RawMessage `json:"value"`
	Rooms           json.RawMessage `json:"rooms"`
}

func (s *rowSource) ndjsonRows(yield func(giosg.Conversion, error) bool) {
	sc := bufio.NewScanner(s.f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		c, err := parseNDJSON(line)
		if !yield(c, err) {
			return
		}
	}
	s.err = sc.Err()
}

func parseNDJSON(line []byte) (giosg.Conversion, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields() // a misspelt field must not be dropped silently
	var r ndjsonRow
	if err := dec.Decode(&r); err != nil {
		return giosg.Conversion{}, &giosg.ValidationError{Field: "row", Reason: "not a conversion object: " + err.Error()}
	}
	value := ""
	if len(r.Value) > 0 && string(r.Value) != "null" {
		var d giosg.Decimal
		if err := json.Unmarshal(r.Value, &d); err != nil {
			return giosg.Conversion{Key: r.Key}, &giosg.ValidationError{Field: "value", Reason: err.Error()}
		}
		value = string(d)
	}
	var rooms []string
	if len(r.Rooms) > 0 && r.Rooms[0] == '"' {
		var s string
		json.Unmarshal(r.Rooms, &s)
		rooms = splitRooms(s)
	} else if len(r.Rooms) > 0 && string(r.Rooms) != "null" {
		if err := json.Unmarshal(r.Rooms, &rooms); err != nil {
			return giosg.Conversion{Key: r.Key}, &giosg.ValidationError{Field: "rooms", Reason: "want a list of room ids or a ;-separated string"}
		}
	}
	return parseRow(r.Key, r.GoalID, r.VisitorIdentity, r.MatchedAt, value, rooms)
}

// parseRow builds a conversion from its text fields; the importer validates
// the rest.
func parseRow(key, goal, visitor, at, value string, rooms []string) (giosg.Conversion, error) {
	c := giosg.Conversion{Key: key, GoalID: goal, VisitorIdentity: visitor, Rooms: rooms}
	if at == "" {
		return c, &giosg.ValidationError{Field: "matched_at", Reason: "must be set"}
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return c, &giosg.ValidationError{Field: "matched_at", Reason: fmt.Sprintf("%q is not an RFC 3339 time", at)}
	}
	c.MatchedAt = t
	if value != "" {
		d, err := giosg.ParseDecimal(value)
		if err != nil {
			return c, &giosg.ValidationError{Field: "value", Reason: fmt.Sprintf("%q is not a decimal", value)}
		}
		c.Value = &d
	}
	return c, nil
}

// splitRooms splits "a;b" into its room ids; "" is none.
func splitRooms(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
