package goalstate_test

import (
	"context"
	"fmt"
	"os"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/goalstate"
)

// A desired state planned and applied against a fake Zendesk Chat account.
func Example() {
	ctx := context.Background()
	srv := goalstest.NewServer()
	defer srv.Close()
	client, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("any"))
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := goalstate.Load([]byte(`
version: 1
zendesk:
  goals:
    - name: Checkout
      attribution_model: last_touch
      attribution_period: 7
      conditions: [{operator: contains, value: /checkout}]
      tests:
        match: ["https://example.com/checkout/pay"]
`), goalstate.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	targets := goalstate.Targets{Goals: client}
	plan, err := goalstate.MakePlan(ctx, doc, targets, goalstate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = plan.WriteText(os.Stdout, false)
	if _, err := goalstate.Apply(ctx, plan, targets); err != nil {
		fmt.Println(err)
		return
	}
	again, _ := goalstate.MakePlan(ctx, doc, targets, goalstate.Options{})
	_ = again.WriteText(os.Stdout, false)
	// Output:
	// + create zendesk.goals "Checkout"
	// Plan: 1 create.
	// No changes: the live state matches the file.
}
