package goalstate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ANSI colours of the human output.
const (
	colorRed    = "\x1b[31m"
	colorGreen  = "\x1b[32m"
	colorYellow = "\x1b[33m"
	colorCyan   = "\x1b[36m"
	colorReset  = "\x1b[0m"
)

// actionMarks are the diff marks and colours of each action.
var actionMarks = map[Action]struct{ mark, color string }{
	ActionCreate:  {"+", colorGreen},
	ActionUpdate:  {"~", colorYellow},
	ActionDisable: {"~", colorYellow},
	ActionRename:  {"~", colorYellow},
	ActionReplace: {"-/+", colorRed},
	ActionDelete:  {"-", colorRed},
	ActionCannot:  {"!", colorRed},
}

// WriteText writes the plan as a readable diff, one change per line with
// the changed fields below it, then the notes and a summary. color adds
// ANSI colours (for a terminal only).
func (p *Plan) WriteText(w io.Writer, color bool) error {
	var b strings.Builder
	paint := func(c, s string) string {
		if !color {
			return s
		}
		return c + s + colorReset
	}
	counts := map[Action]int{}
	for _, c := range p.Changes {
		counts[c.Action]++
		m := actionMarks[c.Action]
		line := fmt.Sprintf("%s %s %s %q", m.mark, c.Action, c.Resource, c.Name)
		if c.RenamedFrom != "" {
			line = fmt.Sprintf("%s %s %s %q -> %q", m.mark, c.Action, c.Resource, c.RenamedFrom, c.Name)
		}
		if c.Key != "" && c.Key != c.Name && c.Key != c.RenamedFrom {
			line += " (" + c.Key + ")"
		}
		if c.Reason != "" {
			line += ": " + c.Reason
		}
		b.WriteString(paint(m.color, line) + "\n")
		for _, f := range c.Fields {
			fmt.Fprintf(&b, "    %s: %s -> %s\n", f.Field, compact(f.Old), compact(f.New))
		}
	}
	for _, n := range p.Notes {
		line := fmt.Sprintf("# %s %q", n.Resource, n.Name)
		if n.Key != "" && n.Key != n.Name {
			line += " (" + n.Key + ")"
		}
		b.WriteString(paint(colorCyan, line+": "+n.Message) + "\n")
	}
	if len(p.Changes) == 0 {
		b.WriteString("No changes: the live state matches the file.\n")
	} else {
		var parts []string
		for _, a := range []Action{ActionCreate, ActionUpdate, ActionDisable, ActionRename, ActionReplace, ActionDelete, ActionCannot} {
			if counts[a] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[a], a))
			}
		}
		fmt.Fprintf(&b, "Plan: %s.\n", strings.Join(parts, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes what an apply did and did not do.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, group := range []struct {
		title   string
		changes []Change
	}{{"applied", r.Applied}, {"already applied", r.AlreadyApplied}, {"outcome unknown", r.Unknown}, {"not applied", r.NotApplied}} {
		for _, c := range group.changes {
			fmt.Fprintf(&b, "%s: %s %s %q\n", group.title, c.Action, c.Resource, c.Name)
		}
	}
	fmt.Fprintf(&b, "Apply: %d applied, %d already applied, %d not applied.\n", len(r.Applied), len(r.AlreadyApplied), len(r.NotApplied))
	if len(r.Unknown) > 0 {
		fmt.Fprintf(&b, "%d change(s) of unknown outcome: run apply again, it reads before it creates.\n", len(r.Unknown))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// compact renders a field value on one line, as JSON.
func compact(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(raw)
}
