package triggerstest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

func ExampleNewServer() {
	srv := triggerstest.NewServer()
	defer srv.Close()
	client, err := triggers.NewClient(triggers.WithBaseURL(srv.URL), triggers.WithToken("any"))
	if err != nil {
		log.Fatal(err)
	}

	t, err := client.Create(context.Background(), &triggers.TriggerParams{Name: triggers.Ptr("Greeter")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.ID, t.Name, t.Enabled)
	// Output: 1 Greeter true
}
