package goals_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/goalkit/goalkit/goals"
)

var goal1 = goals.Goal{
	ID: 1, Name: "Goal 1", Description: "A sample goal", Enabled: true,
	AttributionModel: goals.FirstTouch, AttributionPeriod: 30,
	Settings: goals.Settings{Conditions: []goals.Condition{
		{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://cart.com/"},
		{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "cart"},
	}},
}

func TestList_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedList)})
	got, err := c.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []goals.Goal{goal1, {
		ID: 2, Name: "Goal 2", Description: "A sample goal", Enabled: false, // no "enabled" key
		AttributionModel: goals.LastTouch, AttributionPeriod: 15,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://zopim.com/"},
			{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "zopim"},
		}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("List = %+v\nwant %+v", got, want)
	}
	s := rec.Last(t)
	if s.Method != http.MethodGet || s.URL != testBase+"/goals" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

func TestList_RecordedObject(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, "["+recordedGoal+"]")})
	got, err := c.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []goals.Goal{{
		ID: 529641, Name: "Goal one", Description: "A new goal - 1", Enabled: false,
		AttributionModel: goals.FirstTouch, AttributionPeriod: 5,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://mysite.com/"},
		}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("List = %+v\nwant %+v", got, want)
	}
}

func TestList_Empty(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, "[]")})
	got, err := c.List(context.Background())
	if err != nil || len(got) != 0 {
		t.Fatalf("List = %v, %v", got, err)
	}
}

func TestGet_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedGoal)})
	got, err := c.Get(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, goal1) {
		t.Errorf("Get = %+v\nwant %+v", *got, goal1)
	}
	s := rec.Last(t)
	if s.Method != http.MethodGet || s.URL != testBase+"/goals/1" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

func TestGet_EnabledAsBoolean(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, `{"id": 7, "enabled": true}`)})
	got, err := c.Get(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Enabled || got.ID != 7 {
		t.Errorf("Get = %+v, want enabled goal 7", got)
	}
}

func TestGet_BadEnabledIsMalformed(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(200, `{"id": 7, "enabled": "sometimes"}`)})
	_, err := c.Get(context.Background(), 7)
	if !errors.Is(err, goals.ErrMalformedResponse) {
		t.Fatalf("err = %v, want ErrMalformedResponse", err)
	}
}

func TestCreate_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(201, seedGoal)})
	p := &goals.GoalParams{
		Name:              goals.Ptr("Goal 3"),
		Description:       goals.Ptr("A new goal"),
		Enabled:           goals.Ptr(true),
		AttributionModel:  goals.Ptr(goals.FirstTouch),
		AttributionPeriod: goals.Ptr(15),
		Settings: &goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://mysite.com/"},
		}},
	}
	got, err := c.Create(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, goal1) {
		t.Errorf("Create = %+v\nwant %+v", *got, goal1)
	}
	s := rec.Last(t)
	if s.Method != http.MethodPost || s.URL != testBase+"/goals" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", true)
	jsonEqual(t, s.Body, seedCreateBody)
}

func TestCreate_SendsOnlySetFields(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(201, `{"id": 9, "name": "Pricing"}`)})
	_, err := c.Create(context.Background(), &goals.GoalParams{
		Name: goals.Ptr("Pricing"), Description: goals.Ptr(""), Enabled: goals.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(rec.Last(t).Body), `{"name":"Pricing","description":"","enabled":0}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestCreate_EmptyConditionsSentAsArray(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(201, `{"id": 9}`)})
	if _, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("x"), Settings: &goals.Settings{}}); err != nil {
		t.Fatal(err)
	}
	if got, want := string(rec.Last(t).Body), `{"name":"x","settings":{"conditions":[]}}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestCreate_AttributionPeriodBounds(t *testing.T) {
	t.Parallel()
	for _, days := range []int{1, 30} {
		c, mt, rec := mock(t, []httpmock.Responder{answer(201, `{"id": 9}`)})
		_, err := c.Create(context.Background(), &goals.GoalParams{Name: goals.Ptr("x"), AttributionPeriod: goals.Ptr(days)})
		if err != nil || mt.GetTotalCallCount() != 1 {
			t.Fatalf("period %d: err %v, calls %d", days, err, mt.GetTotalCallCount())
		}
		jsonEqual(t, rec.Last(t).Body, `{"name":"x","attribution_period":`+strconv.Itoa(days)+`}`)
	}
}

func TestUpdate_SeedExample(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedUpdateResponse)})
	got, err := c.Update(context.Background(), 3, &goals.GoalParams{Name: goals.Ptr("Good goal")})
	if err != nil {
		t.Fatal(err)
	}
	want := goals.Goal{
		ID: 3, Name: "Good goal", Description: "A mew goal", Enabled: true,
		AttributionModel: goals.FirstTouch, AttributionPeriod: 15,
		Settings: goals.Settings{Conditions: []goals.Condition{
			{Type: goals.ConditionURL, Operator: goals.OperatorEquals, Value: "http://mysite.com/"},
		}},
	}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("Update = %+v\nwant %+v", *got, want)
	}
	s := rec.Last(t)
	if s.Method != http.MethodPut || s.URL != testBase+"/goals/3" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", true)
	if string(s.Body) != `{"name":"Good goal"}` {
		t.Errorf("body = %s, want the seed's {\"name\":\"Good goal\"}", s.Body)
	}
}

func TestUpdate_FromFetchedGoalNeverSendsID(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{answer(200, seedGoal)})
	g := goal1
	p := &goals.GoalParams{Enabled: goals.Ptr(false), Settings: &g.Settings, AttributionModel: goals.Ptr(goals.LastTouch)}
	if _, err := c.Update(context.Background(), g.ID, p); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, rec.Last(t).Body, `{"enabled":0,"attribution_model":"last_touch","settings":{"conditions":[
		{"type":"url","operator":"equals","value":"http://cart.com/"},
		{"type":"url","operator":"contains","value":"cart"}]}}`)
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, _, rec := mock(t, []httpmock.Responder{httpmock.NewStringResponder(204, "")})
	if err := c.Delete(context.Background(), 3); err != nil {
		t.Fatal(err)
	}
	s := rec.Last(t)
	if s.Method != http.MethodDelete || s.URL != testBase+"/goals/3" {
		t.Errorf("sent %s %s", s.Method, s.URL)
	}
	checkHeaders(t, s, "Bearer tok-123", false)
}

// The documented 204 shows a "null" body; it must not fail the call.
func TestDelete_NullBody(t *testing.T) {
	t.Parallel()
	c, _, _ := mock(t, []httpmock.Responder{answer(204, "null")})
	if err := c.Delete(context.Background(), 3); err != nil {
		t.Fatal(err)
	}
}
