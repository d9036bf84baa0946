package faults_test

import (
	"context"
	"net/http"

	"github.com/goalkit/goalkit/internal/faults"
	"github.com/goalkit/goalkit/internal/transport"
)

// allOps lists every call the fault suite drives.
func allOps() []op {
	ops := transportOps()
	ops = append(ops, zopimOps()...)
	ops = append(ops, giosgOps()...)
	ops = append(ops, pagesenseOps()...)
	return ops
}

// transportOps drive the pipeline directly, one per method.
func transportOps() []op {
	var ops []op
	for _, m := range []string{"GET", "PUT", "DELETE", "POST", "PATCH"} {
		ops = append(ops, op{
			name:   "transport." + m,
			method: m,
			ok:     faults.Status(200, `{"id": 1}`),
			run: func(ctx context.Context, opts []transport.Option) error {
				c, err := transport.New(transport.Dialect{}, opts...)
				if err != nil {
					return err
				}
				var out struct{ ID int }
				var body any
				if m != http.MethodGet && m != http.MethodDelete {
					body = map[string]string{"name": "x"}
				}
				return c.Do(ctx, &transport.Call{Method: m, Path: "/goals/1", Body: body, Out: &out})
			},
		})
	}
	return ops
}
