package giosg

import "time"

// Outcome is what happened to one row of an import.
type Outcome string

// Row outcomes. Every row of an import has exactly one.
const (
	OutcomeAccepted  Outcome = "accepted"   // the API recorded it (2xx)
	OutcomeRejected  Outcome = "rejected"   // the API refused it (4xx)
	OutcomeInvalid   Outcome = "invalid"    // failed validation, not sent
	OutcomeDuplicate Outcome = "duplicate"  // its key was already in the journal, not sent
	OutcomeInDoubt   Outcome = "in-doubt"   // sent, but nobody knows whether it was recorded
	OutcomeDeferred  Outcome = "deferred"   // provably not sent (429, cut short before it left); the next run sends it
	OutcomeWouldSend Outcome = "would-send" // dry run: valid and new, would be sent
)

// RowOutcome names one row that was not accepted, or one warning.
type RowOutcome struct {
	Row     int     `json:"row"` // 1-based position in the input
	Key     string  `json:"key,omitempty"`
	Outcome Outcome `json:"outcome"`
	// Status is the HTTP status of a rejected or in-doubt row (0: none).
	Status int `json:"status,omitempty"`
	// Reason is the server's message, the validation error, or why the row
	// is in doubt; for a duplicate, the key's state in the journal.
	Reason string `json:"reason"`
	// Field names the offending field of an invalid row.
	Field string `json:"field,omitempty"`
}

// ImportReport is the result of ImportConversions. The counts always add
// up: Total = Accepted + Rejected + Invalid + Duplicates + InDoubt +
// Deferred + WouldSend.
type ImportReport struct {
	DryRun     bool `json:"dry_run"`
	Total      int  `json:"total"`
	Accepted   int  `json:"accepted"`
	Rejected   int  `json:"rejected"`
	Invalid    int  `json:"invalid"`
	Duplicates int  `json:"duplicates"`
	InDoubt    int  `json:"in_doubt"`
	Deferred   int  `json:"deferred"`
	WouldSend  int  `json:"would_send"`
	// Recovered is how many keys an earlier, interrupted run had left
	// sending; they are now in doubt in the journal (not counted above).
	Recovered int `json:"recovered"`
	// Failures lists every row not accepted (nor, in a dry run, would-send),
	// in the order they settled.
	Failures []RowOutcome `json:"failures,omitempty"`
	// Warnings lists rows sent despite a MatchedAt outside MaxAge or
	// MaxFutureSkew (with AgeWarn).
	Warnings []RowOutcome  `json:"warnings,omitempty"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// Clean reports whether nothing was rejected, invalid, in doubt or
// deferred: every row was accepted, already in the journal, or (dry run)
// would be sent.
func (r *ImportReport) Clean() bool {
	return r.Rejected == 0 && r.Invalid == 0 && r.InDoubt == 0 && r.Deferred == 0
}

// add counts one settled row.
func (r *ImportReport) add(o Outcome) {
	r.Total++
	switch o {
	case OutcomeAccepted:
		r.Accepted++
	case OutcomeRejected:
		r.Rejected++
	case OutcomeInvalid:
		r.Invalid++
	case OutcomeDuplicate:
		r.Duplicates++
	case OutcomeInDoubt:
		r.InDoubt++
	case OutcomeDeferred:
		r.Deferred++
	case OutcomeWouldSend:
		r.WouldSend++
	}
}

// ImportProgress is a snapshot for ImportOptions.Progress.
type ImportProgress struct {
	Read     int64 // rows taken from the input
	Sent     int64 // POSTs that left
	Accepted int64
	Rejected int64
	InDoubt  int64
	// Rate is rows settled per second since the start.
	Rate    float64
	Elapsed time.Duration
}
