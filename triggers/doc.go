// Package triggers manages the chat triggers of a Zendesk Chat (formerly
// Zopim) account through the Chat REST API v2: automated actions (send a
// message, wait, tag...) run when an event happens and a condition holds.
//
// Triggers are addressed by name, not id: Get, Update, Replace and Delete
// take the name, escaped as one path segment, so a name with spaces, "/",
// "?", "#" or ".." reaches its own URL and nothing else. Update can rename.
//
// # Changing a definition
//
// Zendesk's triggers reference says "Definitions are not editable in Update
// Trigger": a PUT with a definition would not change it. So Update refuses a
// Definition (a *ValidationError naming "definition", before anything is
// sent) and changes only the name, description and enabled flag. Replace
// changes a definition the only way the API allows: it reads the trigger,
// deletes it and creates it again from the full TriggerParams; if the create
// fails it recreates the old trigger from what it read, and the
// *ReplaceError says whether that worked (and holds the old trigger if not).
// Replace is not atomic: the trigger is absent for a moment and gets a new
// id.
//
// Zendesk's Update Trigger example renames through "name" in the PUT body,
// but zenpy, a long-lived client, never sends the name in an update, with a
// comment that the API rejects it. Update keeps renames; a refused rename
// says so and points to Replace.
//
// # Hosts and auth
//
// As in package goals (they share the code): WithSubdomain("acme") for
// https://acme.zendesk.com/api/v2/chat, the Chat API's host since the old
// www.zopim.com host was switched off in 2025; NewClient fails until a host
// is chosen. WithToken or WithTokenSource (OAuth bearer tokens of a Chat
// API client, see OAuthEndpoint) or, for old accounts only, WithBasicAuth.
//
// # Quirks
//
//   - The seed docs list only id, name, description and enabled. Real
//     triggers carry a definition (event, condition, actions, sometimes
//     version and editor); condition and actions are nested prefix
//     expressions, kept as raw JSON. Keys we do not model are kept in
//     Definition.Extra, so a Get then Replace loses nothing.
//   - "enabled" is 1/0 in the docs and true/false in real responses: both
//     decode; requests send 1/0 as the docs show.
//   - Errors carry {"error", "description"}: APIError.Code and
//     APIError.Message; non-JSON bodies stay in APIError.Body.
//   - Create, Update and Replace send only the fields set in
//     TriggerParams, never the id.
//
// Package triggerstest has an in-memory fake of this API for tests.
package triggers
