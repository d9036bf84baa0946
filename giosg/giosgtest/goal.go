package giosgtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/goalkit/goalkit/giosg"
)

// goal is the fake's stored goal, in wire terms.
type goal struct {
	ID, OrgID, Name      string
	AllowAnyRoom         bool
	AllowedRooms         []string
	DefaultValue         *string // quantized to two decimal places, as giosg shows it
	Conditions           []condition
	CreatedAt, UpdatedAt time.Time
}

// condition keeps settings as raw JSON, so whatever a client sends comes
// back byte for byte (compacted).
type condition struct {
	Negate   bool            `json:"negate"`
	Settings json.RawMessage `json:"settings"`
	Type     int             `json:"type"`
	Value    string          `json:"value"`
}

// Wire shapes of the answers.
type (
	goalOut struct {
		ID              string      `json:"id"`
		Name            string      `json:"name"`
		OrganizationID  string      `json:"organization_id"`
		Organization    orgOut      `json:"organization"`
		AllowAnyRoom    bool        `json:"allow_any_room"`
		AllowedRooms    []string    `json:"allowed_rooms"`
		DefaultValue    *string     `json:"default_value"`
		Conditions      []condition `json:"conditions"`
		CreatedAt       string      `json:"created_at"`
		CreatedByUserID string      `json:"created_by_user_id"`
		CreatedByUser   userOut     `json:"created_by_user"`
		UpdatedAt       string      `json:"updated_at"`
		UpdatedByUserID string      `json:"updated_by_user_id"`
		UpdatedByUser   userOut     `json:"updated_by_user"`
	}
	orgOut struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	userOut struct {
		ID             string `json:"id"`
		FullName       string `json:"full_name"`
		FirstName      string `json:"first_name"`
		LastName       string `json:"last_name"`
		OrganizationID string `json:"organization_id"`
		IsBot          bool   `json:"is_bot"`
	}
	pageOut struct {
		Next     any       `json:"next"` // a string, or null at the end
		Previous any       `json:"previous"`
		Results  []goalOut `json:"results"`
	}
)

const timeLayout = "2006-01-02T15:04:05.000Z"

func (g *goal) out() goalOut {
	user := userOut{ID: UserID, FullName: "Fake User", FirstName: "Fake", LastName: "User", OrganizationID: g.OrgID}
	return goalOut{
		ID: g.ID, Name: g.Name, OrganizationID: g.OrgID,
		Organization: orgOut{ID: g.OrgID, Name: OrganizationName},
		AllowAnyRoom: g.AllowAnyRoom, AllowedRooms: g.AllowedRooms,
		DefaultValue: g.DefaultValue, Conditions: g.Conditions,
		CreatedAt: g.CreatedAt.Format(timeLayout), CreatedByUserID: UserID, CreatedByUser: user,
		UpdatedAt: g.UpdatedAt.Format(timeLayout), UpdatedByUserID: UserID, UpdatedByUser: user,
	}
}

// public is the goal as a giosg client decodes it.
func (g *goal) public() giosg.Goal {
	b, _ := json.Marshal(g.out())
	var pg giosg.Goal
	json.Unmarshal(b, &pg) // the fake's own output always decodes
	return pg
}

// errorBody is a Django REST Framework validation body: field -> messages.
type errorBody map[string]any

func (e errorBody) Error() string {
	b, _ := json.Marshal(map[string]any(e))
	return "giosgtest: invalid input: " + string(b)
}

var (
	required = []string{"This field is required."}
	notNull  = []string{"This field may not be null."}
	blank    = []string{"This field may not be blank."}
)

// apply validates raw and sets its fields on g. PUT and POST need every
// required field; PATCH (partial) only checks the fields present. g is
// changed even on failure: apply to a copy.
func (g *goal) apply(raw map[string]json.RawMessage, partial bool) errorBody {
	errs := errorBody{}
	set := func(name string, parse func(json.RawMessage) any) {
		v, ok := raw[name]
		switch {
		case ok:
			if e := parse(v); e != nil {
				errs[name] = e
			}
		case !partial:
			errs[name] = required
		}
	}
	set("name", func(v json.RawMessage) (e any) { g.Name, e = parseText(v, false); return e })
	set(anyRoomKey(raw), func(v json.RawMessage) any {
		if json.Unmarshal(v, &g.AllowAnyRoom) != nil || string(v) == "null" {
			return []string{"Must be a valid boolean."}
		}
		return nil
	})
	set("allowed_rooms", func(v json.RawMessage) (e any) { g.AllowedRooms, e = parseRooms(v, true); return e })
	set("conditions", func(v json.RawMessage) (e any) { g.Conditions, e = parseConditions(v); return e })
	if v, ok := raw["default_value"]; ok {
		var e any
		if g.DefaultValue, e = parseDecimal(v); e != nil {
			errs["default_value"] = e
		}
	}
	if len(errs) == 0 && !g.AllowAnyRoom && len(g.AllowedRooms) == 0 {
		errs["allowed_rooms"] = []string{"This list may not be empty when allow_any_room is false."}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// anyRoomKey is the spelling of the any-room flag present in raw; the docs
// use three, the fake takes each.
func anyRoomKey(raw map[string]json.RawMessage) string {
	for _, k := range []string{"allow_any_room", "is_any_room_allowed", "allowed_any_room"} {
		if _, ok := raw[k]; ok {
			return k
		}
	}
	return "allow_any_room"
}

func parseText(v json.RawMessage, allowBlank bool) (string, any) {
	if string(v) == "null" {
		return "", notNull
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return "", []string{"Not a valid string."}
	}
	if !allowBlank && strings.TrimSpace(s) == "" {
		return "", blank
	}
	return s, nil
}

// parseRooms reads a list of non-blank ids; item errors are keyed by index
// as Django REST Framework's ListField reports them.
func parseRooms(v json.RawMessage, allowEmpty bool) ([]string, any) {
	if string(v) == "null" {
		return nil, notNull
	}
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		return nil, []string{"Expected a list of items but got type \"" + jsonType(v) + "\"."}
	}
	if !allowEmpty && len(items) == 0 {
		return nil, []string{"This list may not be empty."}
	}
	rooms := make([]string, len(items))
	itemErrs := map[string]any{}
	for i, item := range items {
		var e any
		if rooms[i], e = parseText(item, false); e != nil {
			itemErrs[strconv.Itoa(i)] = e
		}
	}
	if len(itemErrs) > 0 {
		return nil, itemErrs
	}
	return rooms, nil
}

// parseConditions reads the condition list; errors come as a list with
// one object per condition, {} for the good ones.
func parseConditions(v json.RawMessage) ([]condition, any) {
	if string(v) == "null" {
		return nil, notNull
	}
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		return nil, []string{"Expected a list of items but got type \"" + jsonType(v) + "\"."}
	}
	conds := make([]condition, len(items))
	itemErrs := make([]any, len(items))
	failed := false
	for i, item := range items {
		var e errorBody
		conds[i], e = parseCondition(item)
		itemErrs[i] = map[string]any(e)
		if e == nil {
			itemErrs[i] = map[string]any{}
		}
		failed = failed || e != nil
	}
	if failed {
		return nil, itemErrs
	}
	return conds, nil
}

func parseCondition(v json.RawMessage) (condition, errorBody) {
	var raw map[string]json.RawMessage
	if json.Unmarshal(v, &raw) != nil || raw == nil {
		return condition{}, errorBody{"non_field_errors": []string{"Invalid data. Expected a dictionary, but got " + jsonType(v) + "."}}
	}
	c := condition{Settings: json.RawMessage("{}")}
	errs := errorBody{}
	if t, ok := raw["type"]; !ok {
		errs["type"] = required
	} else if json.Unmarshal(bytes.Trim(t, `"`), &c.Type) != nil {
		errs["type"] = []string{"A valid integer is required."}
	}
	if n, ok := raw["negate"]; ok && json.Unmarshal(n, &c.Negate) != nil {
		errs["negate"] = []string{"Must be a valid boolean."}
	}
	if s, ok := raw["settings"]; ok {
		var compact bytes.Buffer
		if !bytes.HasPrefix(bytes.TrimSpace(s), []byte("{")) || json.Compact(&compact, s) != nil {
			errs["settings"] = []string{"Expected a dictionary of items but got type \"" + jsonType(s) + "\"."}
		} else {
			c.Settings = compact.Bytes()
		}
	}
	if val, ok := raw["value"]; ok && string(val) != "null" {
		var e any
		if c.Value, e = parseText(val, true); e != nil {
			errs["value"] = e
		}
	}
	if len(errs) > 0 {
		return condition{}, errs
	}
	return c, nil
}

var decimalRE = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// parseDecimal reads a decimal string or number and quantizes it to two
// decimal places as giosg shows money ("10" becomes "10.00"); more places
// are refused like Django REST Framework's DecimalField does.
func parseDecimal(v json.RawMessage) (*string, any) {
	s := string(v)
	if s == "null" {
		return nil, nil
	}
	if strings.HasPrefix(s, `"`) && json.Unmarshal(v, &s) != nil {
		return nil, []string{"A valid number is required."}
	}
	if !decimalRE.MatchString(s) {
		return nil, []string{"A valid number is required."}
	}
	s = strings.TrimPrefix(s, "+")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		return nil, []string{"Ensure that there are no more than 2 decimal places."}
	}
	s = whole + "." + frac + strings.Repeat("0", 2-len(frac))
	return &s, nil
}

// parseMatch validates an external goal match body.
func parseMatch(raw map[string]json.RawMessage) (giosg.ExternalMatch, errorBody) {
	var m giosg.ExternalMatch
	errs := errorBody{}
	if v, ok := raw["visitor_identity"]; !ok {
		errs["visitor_identity"] = required
	} else if s, e := parseText(v, false); e != nil {
		errs["visitor_identity"] = e
	} else {
		m.VisitorIdentity = s
	}
	if v, ok := raw["goal_matched_at"]; !ok {
		errs["goal_matched_at"] = required
	} else if s, e := parseText(v, false); e != nil {
		errs["goal_matched_at"] = e
	} else if t, err := time.Parse(time.RFC3339Nano, s); err != nil {
		errs["goal_matched_at"] = []string{"Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."}
	} else {
		m.GoalMatchedAt = t.UTC()
	}
	if v, ok := raw["rooms"]; !ok {
		errs["rooms"] = required
	} else if rooms, e := parseRooms(v, false); e != nil {
		errs["rooms"] = e
	} else {
		m.Rooms = rooms
	}
	if v, ok := raw["goal_value"]; ok {
		if d, e := parseDecimal(v); e != nil {
			errs["goal_value"] = e
		} else if d != nil {
			m.GoalValue = giosg.Ptr(giosg.Decimal(*d))
		}
	}
	if len(errs) > 0 {
		return giosg.ExternalMatch{}, errs
	}
	return m, nil
}

// jsonType names a JSON value's type the way Python would ("str", "int").
func jsonType(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "NoneType"
	}
	switch v[0] {
	case '"':
		return "str"
	case '{':
		return "dict"
	case '[':
		return "list"
	case 't', 'f':
		return "bool"
	case 'n':
		return "NoneType"
	}
	if bytes.ContainsAny(v, ".eE") {
		return "float"
	}
	return "int"
}

// newUUID returns a random (version 4) UUID from crypto/rand.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return an error)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
