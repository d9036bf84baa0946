package goalstest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
)

func ExampleFake_Inject() {
	f := goalstest.New()
	srv := goalstest.NewServerWith(f)
	defer srv.Close()
	client, err := goals.NewClient(goals.WithBaseURL(srv.URL), goals.WithToken("any"),
		goals.WithRetryWait(time.Millisecond, time.Second))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// The first List meets a 503: goalkit retries a GET.
	f.Inject(goalstest.Fault{Route: "List", Status: 503, Times: 1})
	_, err = client.List(ctx)
	fmt.Println("list:", err)

	// The server stores the goal, then answers 500: a POST is not repeated,
	// and the goal exists although the call failed.
	f.Inject(goalstest.Fault{Route: "POST /goals", Status: 500, AfterApply: true, Times: 1})
	_, err = client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Signup")})
	var apiErr *goals.APIError
	fmt.Println("create:", errors.As(err, &apiErr), apiErr.StatusCode, "stored:", len(f.Goals()))

	// A fault that could select nothing is refused at once.
	err = f.Inject(goalstest.Fault{Route: "Remove", Status: 500})
	fmt.Println(errors.Is(err, goalstest.ErrBadFault))
	// Output:
	// list: <nil>
	// create: true 500 stored: 1
	// true
}

func ExampleFake_Requests() {
	f := goalstest.New()
	srv := goalstest.NewServerWith(f)
	defer srv.Close()
	client, err := goals.NewClient(goals.WithBaseURL(srv.URL+"/api/v2/chat"), goals.WithToken("secret"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	g, _ := client.Create(ctx, &goals.GoalParams{Name: goals.Ptr("Signup")})
	client.Delete(ctx, g.ID)

	for _, r := range f.Requests() {
		fmt.Printf("%s %s %s applied=%t auth=%s body=%s\n",
			r.Operation, r.Method, r.Path, r.Applied, r.Header.Get("Authorization"), r.Body)
	}
	// Output:
	// Create POST /api/v2/chat/goals applied=true auth=REDACTED body={"name":"Signup"}
	// Delete DELETE /api/v2/chat/goals/1 applied=true auth=REDACTED body=
}
