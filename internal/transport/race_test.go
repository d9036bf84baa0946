//go:build race

package transport

// raceEnabled: the race detector's sync.Pool drops a quarter of what is
// put back, on purpose, so pool-reuse tests skip under -race.
const raceEnabled = true
