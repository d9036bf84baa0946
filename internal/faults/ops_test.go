package faults_test

import (
	"context"

	"github.com/goalkit/goalkit/internal/dialectcalls"
	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
)

// allOps lists every call the fault suite drives: the calls of the shared
// registry (internal/dialectcalls) that send a request, with the
// registry's credential.
func allOps() []op {
	var ops []op
	for _, c := range dialectcalls.All() {
		if c.BadInput {
			continue
		}
		ops = append(ops, op{
			name: c.Name, method: c.Method, ok: faults.Status(c.OKStatus, c.OKBody),
			noBody: c.NoBody, allowEmpty: c.AllowEmpty,
			run: func(ctx context.Context, opts []transport.Option) error {
				return c.Run(ctx, append(opts, c.Auth))
			},
		})
	}
	return ops
}
