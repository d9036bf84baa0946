//go:build unix

package benchkit

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user and system) this process has used so far,
// or 0 where it cannot be read. On a busy shared machine a run's CPU time
// varies far less than its wall time, so per-row CPU is the fairer measure
// of what a step costs when client and server share the cores.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
