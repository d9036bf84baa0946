// Command crossdialect passes one package's options to another's NewClient.
// It must not compile: TestOptionsDoNotCrossDialects expects a type error on
// every line marked "want error".
package main

import (
	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/triggers"
)

func main() {
	_, _ = giosg.NewClient(giosg.WithAPIToken("t"), goals.WithSubdomain("acme"))                     // want error
	_, _ = goals.NewClient(goals.WithSubdomain("acme"), pagesense.WithToken("t"))                    // want error
	_, _ = triggers.NewClient(triggers.WithSubdomain("acme"), goals.WithToken("t"))                  // want error
	_, _ = pagesense.NewClient(pagesense.WithToken("t"), giosg.WithRetryMax(1))                      // want error
	_, _ = goals.NewClient(goals.WithSubdomain("acme"), goals.WithToken("t"), goals.WithRetryMax(1)) // compiles
}
