// Package giosg is a client for the giosg REST API v5: the Goals API
// (list, get, create, update and patch the goals of an organization) and
// the External Goal Match API (record offline conversions).
//
//	client, err := giosg.NewClient(giosg.WithAPIToken(token))
//	org := client.Org(orgID)
//	for goal, err := range org.AllGoals(ctx, nil) { ... }
//
// # Hosts and auth
//
// The base URL is DefaultBaseURL (https://service.giosg.com/api/v5); every
// call goes below /orgs/{organization_id}, which is what Client.Org scopes.
// Two ways to authorize:
//
//   - WithAPIToken: an API token (Settings > Company > Access tokens), sent
//     as "Authorization: Token <token>".
//   - WithTokenSource: OAuth 2 access tokens (see Endpoint for giosg's
//     authorize and token URLs), sent as "Authorization: Bearer <token>".
//
// # Pagination
//
// Lists are cursor pages: {"next": url, "previous": url, "results": [...]},
// where next and previous are full URLs and the page size is the server's
// choice. ListGoals returns one page; AllGoals is an iterator that follows
// next until it is null, fetching a page only when the loop wants more and
// holding one page at a time. A next link is followed only on the client's
// own scheme, host and port (ErrForeignLink otherwise: the token would go
// elsewhere), and never to a page already fetched (ErrPageLoop). To page by
// hand, pass GoalPage.NextCursor as ListOptions.Cursor.
//
// # Money: Decimal
//
// default_value is documented as a float but shown as the string "10.00".
// Money must not pass through float64, so it is a Decimal: the exact
// decimal text, decoded from a JSON string or number (14.15 becomes
// "14.15") and encoded as a string. ParseDecimal checks the grammar
// [+-]digits[.digits]; Decimal.Equal compares amounts ("10" equals
// "10.00").
//
// The goals page lists only name, allow_any_room, allowed_rooms and
// conditions as updatable, so the server may ignore a default_value sent
// with UpdateGoal or PatchGoal. Both compare the returned default_value
// with the one sent and, when they differ, set the returned goal's
// DefaultValueNotApplied to the value sent: visible, but not an error.
//
// # Where the docs disagree
//
// The any-room flag is spelled is_any_room_allowed in the attribute table,
// allow_any_room in the JSON examples and allowed_any_room in the update
// text. Goal decodes all three (allow_any_room wins if several are present)
// and this package always sends allow_any_room, as the examples do.
// The seed's room ids are not valid hex UUIDs, so ids are checked for
// presence only. Condition types are plain numbers (ConditionType): the
// docs publish no table. Condition settings decode numbers as json.Number
// so they round-trip unchanged.
//
// # Validation and errors
//
// Inputs are checked before anything is sent, and a *ValidationError names
// the wire field: a goal needs a name and, unless AllowAnyRoom, at least
// one allowed room; a match needs a visitor identity, a time and at least
// one room; ids must not be empty. Nil lists are sent as [], never null.
//
// The API answers errors the Django REST Framework way: {"detail": "..."}
// for 401, 403 and 404 goes to APIError.Message (the three 403 causes, no
// subscription, no access to the organization, no settings permission, and
// the three 404 causes of a match, goal, visitor session, rooms, keep the
// server's words), and {"field": ["message"]} for 400 goes to
// APIError.Fields, with Message summarising them. HTML or empty bodies
// still give an *APIError with the status, matched with errors.Is against
// ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrInvalid.
//
// # Retries
//
// 429 is retried for every call, honouring Retry-After. A 5xx or a dropped
// connection is retried for GET and PUT only: CreateGoal, PatchGoal and
// CreateExternalMatch are never sent twice, so a conversion is never
// recorded twice.
//
// # Offline conversions
//
// External goal matches track what happens away from the web page. While
// the visitor browses, the site sends a visitor identity (a CRM customer
// id) through giosg's Visitor Identifier API. Later, when the visitor buys
// by phone or in a shop, the CRM calls CreateExternalMatch with that
// identity, the time of the conversion, the rooms and optionally a value
// (otherwise the goal's default value counts). giosg links the match to the
// visitor's most recent session before that time; no such session, or no
// connected rooms, is a 404.
//
// # Testing
//
// Package giosgtest is an in-memory fake of this API (NewServer, or
// Responder for httpmock); GoalsAPI is the interface of *Org for mocking at
// the method level.
package giosg
