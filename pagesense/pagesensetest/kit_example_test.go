package pagesensetest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
)

// RefreshTokenSource against the Zoho accounts fake, and the PageSense fake
// accepting only the tokens it issued.
func ExampleAccounts() {
	accounts := pagesensetest.NewAccounts("client-id", "client-secret", "refresh-token")
	asrv := pagesensetest.NewAccountsServer(accounts)
	defer asrv.Close()
	f := pagesensetest.New()
	f.AcceptTokensFrom(accounts)
	srv := pagesensetest.NewServerWith(f)
	defer srv.Close()

	ctx := context.Background()
	ts := pagesense.RefreshTokenSource(ctx, accounts.Config(asrv.URL))
	client, err := pagesense.NewClient(pagesense.WithBaseURL(srv.URL), pagesense.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	project := client.Project("my-portal", "my-project")
	for range 3 {
		if _, err := project.ListGoals(ctx); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println("token requests:", accounts.TokenRequests()) // cached for the hour
	for _, r := range f.Requests() {
		fmt.Println(r.Operation, r.Header.Get("Authorization"))
	}
	// Output:
	// token requests: 1
	// ListGoals REDACTED
	// ListGoals REDACTED
	// ListGoals REDACTED
}
