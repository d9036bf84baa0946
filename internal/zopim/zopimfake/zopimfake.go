// Package zopimfake is the server side the Zopim fakes (goalstest,
// triggerstest) share: routing a resource's collection and items, and
// answering with the Zopim error body the way the real API does.
//
// It is kept apart from package zopim so the clients do not link the test
// plumbing (httptest, httpmock) into production binaries.
package zopimfake

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/goalkit/goalkit/internal/fake"
	"github.com/goalkit/goalkit/internal/transport"
	"github.com/goalkit/goalkit/internal/zopim"
)

// Descriptions the real API (a Flask application) uses for its generic
// errors.
const (
	NotFoundDescription         = "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."
	MethodNotAllowedDescription = "The method is not allowed for the requested URL."
	BadJSONDescription          = "The browser (or proxy) sent a request that this server could not understand."
)

// WriteError answers status with {"error": <status text>, "description":
// description}.
func WriteError(w http.ResponseWriter, status int, description string) {
	fake.WriteJSON(w, status, zopim.ErrorBody{Error: http.StatusText(status), Description: description})
}

// NotFound answers 404 with the Zopim body.
func NotFound(w http.ResponseWriter) {
	WriteError(w, http.StatusNotFound, NotFoundDescription)
}

// BadRequest answers 400 with description.
func BadRequest(w http.ResponseWriter, description string) {
	WriteError(w, http.StatusBadRequest, description)
}

// ReadParams decodes a create or update body into v, answering 400 and
// returning false when it is not a JSON object, when a field does not
// decode (e.g. "enabled": "yes"), or when it carries "id": the id is
// read-only and the real API refuses it in an update.
func ReadParams(w http.ResponseWriter, r *http.Request, v any) bool {
	var raw json.RawMessage
	var fields map[string]json.RawMessage
	if fake.ReadJSON(r, &raw) != nil || json.Unmarshal(raw, &fields) != nil {
		BadRequest(w, BadJSONDescription)
		return false
	}
	if _, ok := fields["id"]; ok {
		BadRequest(w, "id: is read-only")
		return false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		BadRequest(w, "invalid body: "+err.Error())
		return false
	}
	return true
}

// ReadValid decodes a create or update body into a P (goals.GoalParams,
// triggers.TriggerParams) as ReadParams does, then checks it with its
// Validate method, answering 400 itself (naming the field) when either
// refuses it.
func ReadValid[P any, PP interface {
	*P
	Validate() error
}](w http.ResponseWriter, r *http.Request) (*P, bool) {
	p := new(P)
	if !ReadParams(w, r, p) {
		return nil, false
	}
	if err := PP(p).Validate(); err != nil {
		Invalid(w, err)
		return nil, false
	}
	return p, true
}

// Invalid answers 400 for input the API refuses, naming the field when err
// is a *transport.ValidationError.
func Invalid(w http.ResponseWriter, err error) {
	var ve *transport.ValidationError
	if errors.As(err, &ve) {
		BadRequest(w, ve.Field+": "+ve.Reason)
		return
	}
	BadRequest(w, err.Error())
}

// Resource routes "/{Name}" (GET List, POST Create) and "/{Name}/{key}"
// (GET Get, PUT Update, DELETE Delete) under any base prefix. key is the
// unescaped segment. Anything else is 404, a known path with another
// method 405.
type Resource struct {
	Name   string
	List   http.HandlerFunc
	Create http.HandlerFunc
	Get    func(w http.ResponseWriter, r *http.Request, key string)
	Update func(w http.ResponseWriter, r *http.Request, key string)
	Delete func(w http.ResponseWriter, r *http.Request, key string)
}

// ServeHTTP implements http.Handler.
func (res *Resource) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	segs, ok := fake.Segments(r, res.Name)
	switch {
	case !ok || len(segs) > 1:
		NotFound(w)
	case len(segs) == 0:
		res.collection(w, r)
	default:
		res.item(w, r, segs[0])
	}
}

func (res *Resource) collection(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		res.List(w, r)
	case http.MethodPost:
		res.Create(w, r)
	default:
		WriteError(w, http.StatusMethodNotAllowed, MethodNotAllowedDescription)
	}
}

func (res *Resource) item(w http.ResponseWriter, r *http.Request, key string) {
	switch r.Method {
	case http.MethodGet:
		res.Get(w, r, key)
	case http.MethodPut:
		res.Update(w, r, key)
	case http.MethodDelete:
		res.Delete(w, r, key)
	default:
		WriteError(w, http.StatusMethodNotAllowed, MethodNotAllowedDescription)
	}
}

// UnauthorizedDescription is the real API's (Flask's) 401 description.
const UnauthorizedDescription = "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required."

// Unauthorized answers 401 with the Zopim body.
func Unauthorized(w http.ResponseWriter) {
	WriteError(w, http.StatusUnauthorized, UnauthorizedDescription)
}

// NewKit returns the test kit of a Zopim fake serving resource ("goals")
// whose items are addressed by key ("id"): its operations are named after
// the client methods List, Create, Get, Update and Delete, and a required
// token comes as a Bearer token.
func NewKit(resource, key string) *fake.Kit {
	coll, item := "/"+resource, "/"+resource+"/{"+key+"}"
	return fake.NewKit(fake.KitConfig{
		Operations: []fake.Operation{
			{Name: "List", Method: http.MethodGet, Pattern: coll},
			{Name: "Create", Method: http.MethodPost, Pattern: coll},
			{Name: "Get", Method: http.MethodGet, Pattern: item},
			{Name: "Update", Method: http.MethodPut, Pattern: item},
			{Name: "Delete", Method: http.MethodDelete, Pattern: item},
		},
		Schemes:      []string{"Bearer"},
		Unauthorized: Unauthorized,
	})
}
