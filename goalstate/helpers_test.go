package goalstate

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/goalkit/goalkit/giosg"
	"github.com/goalkit/goalkit/giosg/giosgtest"
	"github.com/goalkit/goalkit/goals"
	"github.com/goalkit/goalkit/goals/goalstest"
	"github.com/goalkit/goalkit/pagesense"
	"github.com/goalkit/goalkit/pagesense/pagesensetest"
	"github.com/goalkit/goalkit/triggers"
	"github.com/goalkit/goalkit/triggers/triggerstest"
)

// world is the four fakes behind loopback servers, with clients for them,
// a log of the requests they got and a hook to fail requests.
type world struct {
	targets Targets
	goals   *goals.Client
	trig    *triggers.Client
	org     *giosg.Org
	project *pagesense.Project
	// The fakes, for their test kit (seeding, faults, request logs).
	zfake    *goalstest.Fake
	tfake    *triggerstest.Fake
	giosg    *giosgtest.Fake
	giosgAPI *giosg.Client

	mu    sync.Mutex
	log   []string // "METHOD path"
	fault func(r *http.Request) (status int, afterServing bool)
}

// newWorld starts the fakes. Clients do not retry, so a fault is seen once.
func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{zfake: goalstest.New(), tfake: triggerstest.New(), giosg: giosgtest.New()}
	w.giosg.SetPageSize(200)
	serve := func(h http.Handler) string {
		srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			w.mu.Lock()
			w.log = append(w.log, r.Method+" "+r.URL.Path)
			fault := w.fault
			w.mu.Unlock()
			if fault != nil {
				if status, after := fault(r); status != 0 {
					if after {
						h.ServeHTTP(httptest.NewRecorder(), r) // the work is done, the answer lost
					}
					http.Error(rw, "injected fault", status)
					return
				}
			}
			h.ServeHTTP(rw, r)
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	var err error
	if w.goals, err = goals.NewClient(goals.WithBaseURL(serve(w.zfake)), goals.WithToken("t"), goals.WithRetryMax(0)); err != nil {
		t.Fatal(err)
	}
	if w.trig, err = triggers.NewClient(triggers.WithBaseURL(serve(w.tfake)), triggers.WithToken("t"), triggers.WithRetryMax(0)); err != nil {
		t.Fatal(err)
	}
	gc, err := giosg.NewClient(giosg.WithBaseURL(serve(w.giosg)), giosg.WithAPIToken("t"), giosg.WithRetryMax(0))
	if err != nil {
		t.Fatal(err)
	}
	w.giosgAPI, w.org = gc, gc.Org("org-1")
	pc, err := pagesense.NewClient(pagesense.WithBaseURL(serve(pagesensetest.New())), pagesense.WithToken("t"), pagesense.WithRetryMax(0))
	if err != nil {
		t.Fatal(err)
	}
	w.project = pc.Project("portal", "project")
	w.targets = Targets{Goals: w.goals, Triggers: w.trig, Giosg: w.org, PageSense: w.project}
	return w
}

// requests returns and clears the request log.
func (w *world) requests() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.log
	w.log = nil
	return out
}

// writes are the requests that are not GETs.
func writes(reqs []string) []string {
	var out []string
	for _, r := range reqs {
		if !strings.HasPrefix(r, "GET ") {
			out = append(out, r)
		}
	}
	return out
}

func (w *world) setFault(f func(r *http.Request) (int, bool)) {
	w.mu.Lock()
	w.fault = f
	w.mu.Unlock()
}

// load reads a document or fails the test.
func load(t *testing.T, text string, vars map[string]string) *Document {
	t.Helper()
	doc, err := Load([]byte(text), LoadOptions{Variables: vars})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return doc
}

// plan makes a plan or fails the test.
func (w *world) plan(t *testing.T, doc *Document, opts Options) *Plan {
	t.Helper()
	p, err := MakePlan(context.Background(), doc, w.targets, opts)
	if err != nil {
		t.Fatalf("MakePlan: %v", err)
	}
	return p
}

// actions renders a plan's changes as "action resource name" lines.
func actions(p *Plan) []string {
	var out []string
	for _, c := range p.Changes {
		out = append(out, string(c.Action)+" "+string(c.Resource)+" "+c.Name)
	}
	return out
}

// seedGoal creates a Zendesk goal through the SDK.
func (w *world) seedGoal(t *testing.T, name string, on bool) goals.Goal {
	t.Helper()
	g, err := w.goals.Create(context.Background(), &goals.GoalParams{
		Name: &name, Enabled: &on, AttributionModel: ptr(goals.FirstTouch), AttributionPeriod: ptr(7),
		Settings: &goals.Settings{Conditions: []goals.Condition{{Type: goals.ConditionURL, Operator: goals.OperatorContains, Value: "/" + name}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return *g
}
