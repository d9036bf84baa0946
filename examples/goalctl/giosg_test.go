package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
)

// fixedNow is the giosg fake's clock in these tests.
var fixedNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// giosgFakes returns seeded fakes whose giosg fake runs on fixedNow, and
// the ids of the two demo goals.
func giosgFakes(t *testing.T) (fs *fakeSet, newsletter, phone string) {
	t.Helper()
	fs = newFakes(t)
	fs.giosg = giosgtest.New()
	fs.giosg.SetClock(func() time.Time { return fixedNow })
	if err := fs.seedGiosg(context.Background()); err != nil {
		t.Fatal(err)
	}
	demo := fs.giosg.Goals(fakeOrgID)
	return fs, demo[0].ID, demo[1].ID
}

func TestGiosgGoalsList(t *testing.T) {
	t.Parallel()
	fs, newsletter, phone := giosgFakes(t)
	// Four goals cross the fake's page size of three: list follows the
	// next link.
	for _, name := range []string{"Third", "Fourth"} {
		if _, err := fs.giosg.AddGoal(fakeOrgID, giosg.GoalInput{Name: name, AllowAnyRoom: true}); err != nil {
			t.Fatal(err)
		}
	}
	r := runFake(t, fs, "giosg", "goals", "list")
	wantCode(t, r, exitOK)
	got := decodeJSON[[]giosg.Goal](t, r)
	var names []string
	for _, g := range got {
		names = append(names, g.Name)
	}
	wantEqual(t, names, []string{"Newsletter signup", "Phone order", "Third", "Fourth"})
	wantSameJSON(t, r, fs.giosg.Goals(fakeOrgID))
	if got[0].ID != newsletter || *got[0].DefaultValue != "5.00" || !got[0].AllowAnyRoom ||
		got[1].ID != phone || *got[1].DefaultValue != "49.90" || !got[1].CreatedAt.Equal(fixedNow) {
		t.Errorf("decoded %+v", got[:2])
	}

	r = runFake(t, fs, "--output", "table", "giosg", "goals", "list", "--ordering", "name")
	wantCode(t, r, exitOK)
	ids := map[string]string{}
	for _, g := range fs.giosg.Goals(fakeOrgID) {
		ids[g.Name] = g.ID
	}
	row := func(cells ...string) string {
		return strings.TrimRight(fmt.Sprintf("%-38s%-19s%-10s%-75s%-15s%s", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]), " ")
	}
	wantLines(t, r.stdout,
		row("ID", "NAME", "ANY_ROOM", "ROOMS", "DEFAULT_VALUE", "CONDITIONS"),
		row(ids["Fourth"], "Fourth", "true", "-", "-", "-"),
		row(newsletter, "Newsletter signup", "true", "-", "5.00", "27"),
		row(phone, "Phone order", "false", demoRoomShop+","+demoRoomPhone, "49.90", "-"),
		row(ids["Third"], "Third", "true", "-", "-", "-"),
	)
}

func TestGiosgGoalsGet(t *testing.T) {
	t.Parallel()
	fs, _, phone := giosgFakes(t)
	r := runFake(t, fs, "giosg", "goals", "get", phone)
	wantCode(t, r, exitOK)
	wantSameJSON(t, r, fs.giosg.Goals(fakeOrgID)[1])
	g := decodeJSON[giosg.Goal](t, r)
	if g.ID != phone || g.Name != "Phone order" || g.AllowAnyRoom || *g.DefaultValue != "49.90" ||
		strings.Join(g.AllowedRooms, ",") != demoRoomShop+","+demoRoomPhone {
		t.Errorf("decoded %+v", g)
	}
}

func TestGiosgGoalsGetUnknown(t *testing.T) {
	t.Parallel()
	fs, _, _ := giosgFakes(t)
	r := runFake(t, fs, "giosg", "goals", "get", "no-such-goal")
	wantCode(t, r, exitAPI)
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
	wantLines(t, r.stderr,
		fakeNoticePrefix+"giosg API with demo data; nothing is sent",
		"goalctl: giosg goals get: API error: 404 Not Found",
		"  message: Not found.",
		"  request: GET https://fake.goalctl.invalid/api/orgs/demo-org/goals/no-such-goal",
	)
}

func TestGiosgGoalsCreate(t *testing.T) {
	t.Parallel()
	fs, _, _ := giosgFakes(t)
	r := runFake(t, fs, "giosg", "goals", "create", "--name", "Shop visit", "--room", "r1", "--room", "r2",
		"--default-value", "10.00", "--condition-type", "1", "--condition-value", "Helsinki",
		"--condition-type", "27", "--condition-value", "")
	wantCode(t, r, exitOK)
	stored := fs.giosg.Goals(fakeOrgID)
	if len(stored) != 3 {
		t.Fatalf("%d goals stored", len(stored))
	}
	wantSameJSON(t, r, stored[2])
	g := decodeJSON[giosg.Goal](t, r)
	wantEqual(t, []any{g.Name, g.AllowAnyRoom, g.AllowedRooms, *g.DefaultValue, len(g.Conditions)},
		[]any{"Shop visit", false, []string{"r1", "r2"}, giosg.Decimal("10.00"), 2})
	wantEqual(t, []any{g.Conditions[0].Type, g.Conditions[0].Value, g.Conditions[1].Type, g.Conditions[1].Value},
		[]any{giosg.ConditionType(1), "Helsinki", giosg.ConditionType(27), ""})

	r = runFake(t, fs, "--output", "table", "giosg", "goals", "create", "--name", "Anywhere", "--any-room", "--condition-type", "5")
	wantCode(t, r, exitOK)
	id := fs.giosg.Goals(fakeOrgID)[3].ID
	wantLines(t, r.stdout,
		fmt.Sprintf("%-38s%-10s%-10s%-7s%-15s%s", "ID", "NAME", "ANY_ROOM", "ROOMS", "DEFAULT_VALUE", "CONDITIONS"),
		fmt.Sprintf("%-38s%-10s%-10s%-7s%-15s%s", id, "Anywhere", "true", "-", "-", "5"),
	)
}

func TestGiosgGoalsPatch(t *testing.T) {
	t.Parallel()
	fs, _, phone := giosgFakes(t)
	r := runFake(t, fs, "giosg", "goals", "patch", phone, "--any-room", "--default-value", "1.50")
	wantCode(t, r, exitOK)
	g := decodeJSON[giosg.Goal](t, r)
	// Only the given fields change; the rooms stay.
	wantEqual(t, []any{g.ID, g.Name, g.AllowAnyRoom, *g.DefaultValue, g.AllowedRooms},
		[]any{phone, "Phone order", true, giosg.Decimal("1.50"), []string{demoRoomShop, demoRoomPhone}})
	wantSameJSON(t, r, fs.giosg.Goals(fakeOrgID)[1])

	r = runFake(t, fs, "giosg", "goals", "patch", phone, "--name", "Phone", "--any-room=false", "--room", "r9")
	wantCode(t, r, exitOK)
	g = decodeJSON[giosg.Goal](t, r)
	wantEqual(t, []any{g.Name, g.AllowAnyRoom, *g.DefaultValue, g.AllowedRooms},
		[]any{"Phone", false, giosg.Decimal("1.50"), []string{"r9"}})
}

func TestGiosgMatch(t *testing.T) {
	t.Parallel()
	fs, _, phone := giosgFakes(t)
	r := runFake(t, fs, "giosg", "match", "--goal", phone, "--visitor", "crm-42",
		"--at", "2024-05-01T14:00:00+02:00", "--value", "12.50", "--room", demoRoomPhone)
	wantCode(t, r, exitOK)
	wantEqual(t, decodeJSON[map[string]any](t, r), map[string]any{
		"goal_id": phone,
		"match": map[string]any{
			"visitor_identity": "crm-42",
			"goal_matched_at":  "2024-05-01T12:00:00.000Z",
			"goal_value":       "12.50",
			"rooms":            []any{demoRoomPhone},
		},
	})
	m := fs.giosg.Matches(phone)
	if len(m) != 1 || m[0].VisitorIdentity != "crm-42" || !m[0].GoalMatchedAt.Equal(fixedNow) || *m[0].GoalValue != "12.50" {
		t.Errorf("recorded %+v", m)
	}

	r = runFake(t, fs, "--output", "table", "giosg", "match", "--goal", phone, "--visitor", "crm-7",
		"--at", "2024-05-01T12:00:00Z", "--room", "a", "--room", "b")
	wantCode(t, r, exitOK)
	wantLines(t, r.stdout,
		fmt.Sprintf("%-38s%-9s%-26s%-7s%s", "GOAL_ID", "VISITOR", "MATCHED_AT", "VALUE", "ROOMS"),
		fmt.Sprintf("%-38s%-9s%-26s%-7s%s", phone, "crm-7", "2024-05-01T12:00:00.000Z", "-", "a,b"),
	)
	// Without a value, giosg records the goal's default value.
	if m := fs.giosg.Matches(phone); len(m) != 2 || *m[1].GoalValue != "49.90" {
		t.Errorf("recorded %+v", m)
	}
}

func TestGiosgMatchDefaultsToNow(t *testing.T) {
	t.Parallel()
	fs, newsletter, _ := giosgFakes(t)
	before := time.Now().Truncate(time.Millisecond)
	r := runFake(t, fs, "giosg", "match", "--goal", newsletter, "--visitor", "v", "--room", "r")
	after := time.Now()
	wantCode(t, r, exitOK)
	m := fs.giosg.Matches(newsletter)
	if len(m) != 1 || m[0].GoalMatchedAt.Before(before) || m[0].GoalMatchedAt.After(after) {
		t.Errorf("recorded %+v, want a time in [%s, %s]", m, before, after)
	}
}

func TestGiosgUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"match", "--visitor", "v", "--room", "r"}, "goalctl: giosg match: --goal is required"},
		{[]string{"match", "--goal", "g", "--visitor", "v", "--room", "r", "--value", "1,5"}, `goalctl: giosg match: --value "1,5": want a decimal such as 12.50`},
		{[]string{"match", "--goal", "g", "--visitor", "v", "--room", "r", "--at", "yesterday"}, `goalctl: giosg match: --at "yesterday": want an RFC 3339 time such as 2024-05-01T12:00:00Z`},
		{[]string{"match", "--goal", "g", "--visitor", "v"}, "goalctl: giosg match: invalid rooms: "},
		{[]string{"match", "--goal", "g", "--room", "r"}, "goalctl: giosg match: invalid visitor_identity: "},
		{[]string{"goals", "create", "--name", "N"}, "goalctl: giosg goals create: invalid allowed_rooms: "},
		{[]string{"goals", "create", "--any-room"}, "goalctl: giosg goals create: invalid name: "},
		{[]string{"goals", "create", "--name", "N", "--any-room", "--default-value", "ten"}, `goalctl: giosg goals create: --default-value "ten": want a decimal such as 10.00`},
		{[]string{"goals", "create", "--name", "N", "--any-room", "--condition-type", "x"}, `goalctl: giosg goals create: --condition-type "x": want a number`},
		{[]string{"goals", "create", "--name", "N", "--any-room", "--condition-type", "1", "--condition-type", "2", "--condition-value", "a"},
			"goalctl: giosg goals create: 2 --condition-type but 1 --condition-value: give one value per type, or none"},
		{[]string{"goals", "patch", "some-id"}, "goalctl: giosg goals patch: nothing to change: give at least one of --name, --any-room, --room, --default-value, --condition-type"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			fs, newsletter, _ := giosgFakes(t)
			r := runFake(t, fs, append([]string{"giosg"}, tc.args...)...)
			wantCode(t, r, exitUsage)
			if !strings.Contains(r.stderr, "\n"+tc.want) && !strings.HasPrefix(r.stderr, tc.want) {
				t.Errorf("stderr:\n%s\nwant a line starting %q", r.stderr, tc.want)
			}
			if !strings.Contains(r.stderr, "\nRun 'goalctl giosg ") {
				t.Errorf("no usage on stderr:\n%s", r.stderr)
			}
			if len(fs.giosg.Goals(fakeOrgID)) != 2 || len(fs.giosg.Matches(newsletter)) != 0 {
				t.Error("the fake changed")
			}
		})
	}
}

func TestGiosgMatchUnknownGoal(t *testing.T) {
	t.Parallel()
	fs, _, _ := giosgFakes(t)
	r := runFake(t, fs, "giosg", "match", "--goal", "nope", "--visitor", "v", "--room", "r")
	wantCode(t, r, exitAPI)
	if !strings.Contains(r.stderr, "goalctl: giosg match: API error: 404 Not Found\n") ||
		!strings.Contains(r.stderr, "  request: POST https://fake.goalctl.invalid/api/orgs/demo-org/goals/nope/matches\n") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

// TestGiosgFakeIDsStable: separate --fake runs (fresh fakes each) show the
// same demo ids, so an id printed by one run works in the next.
func TestGiosgFakeIDsStable(t *testing.T) {
	t.Parallel()
	first := runApp(t, context.Background(), hooks{}, nil, "--fake", "giosg", "goals", "list")
	second := runApp(t, context.Background(), hooks{}, nil, "--fake", "giosg", "goals", "list")
	wantCode(t, first, exitOK)
	if first.stdout != second.stdout {
		t.Fatalf("two runs differ:\n%s\n%s", first.stdout, second.stdout)
	}
	id := decodeJSON[[]giosg.Goal](t, first)[0].ID
	for _, args := range [][]string{
		{"goals", "get", id},
		{"goals", "patch", id, "--name", "Renamed"},
		{"match", "--goal", id, "--visitor", "v", "--room", demoRoomShop},
	} {
		r := runApp(t, context.Background(), hooks{}, nil, append([]string{"--fake", "giosg"}, args...)...)
		wantCode(t, r, exitOK)
	}
}
