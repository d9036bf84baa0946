package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/goalkit/goalkit/giosg"
)

// progress shows an import's progress on stderr: a live bar when stderr is
// a terminal, else one plain line per update (a log file or a CI run).
type progress struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressbar.ProgressBar // nil: plain lines
}

func (a *app) newProgress() *progress {
	p := &progress{w: a.stderr}
	if f, ok := a.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions64(-1, // the row count is not known ahead: streamed
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("importing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("rows"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// update is the importer's Progress callback.
func (p *progress) update(s giosg.ImportProgress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	text := fmt.Sprintf("read %d, sent %d, accepted %d, rejected %d, in doubt %d (%.0f rows/s)",
		s.Read, s.Sent, s.Accepted, s.Rejected, s.InDoubt, s.Rate)
	if p.bar == nil {
		fmt.Fprintf(p.w, "goalctl: %s\n", text)
		return
	}
	p.bar.Describe(text)
	p.bar.Set64(s.Read)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
