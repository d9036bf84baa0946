// Package goals manages the conversion goals of a Zendesk Chat (formerly
// Zopim) account through the Chat REST API v2.
//
// A goal is met when a visitor who chatted with an agent reaches a URL
// (OperatorEquals: exactly that URL; OperatorContains: a URL containing the
// value). The conversion is credited to the first or last agent
// (FirstTouch, LastTouch) within an attribution period of 1 to 30 days.
// Goal.Matches evaluates the conditions locally, so a goal can be tried on
// sample URLs before it is deployed.
//
// # Hosts
//
// There is no default host; NewClient fails until one is chosen:
// WithSubdomain("acme") uses https://acme.zendesk.com/api/v2/chat, where
// Zendesk serves the Chat API. The old www.zopim.com/api/v2 host ran
// alongside it only until May 12, 2025 (LegacyBaseURL is deprecated and
// kept for proxies); WithBaseURL takes a proxy or a test server. Paths below
// the base are /goals and /goals/{id}.
//
// # Auth
//
// Chat uses OAuth 2 bearer tokens from a Chat API client (a Zendesk
// Support token does not work): WithToken for a token you already have,
// WithTokenSource for an oauth2.TokenSource built on
// OAuthEndpoint("acme"), https://acme.zendesk.com/oauth2/chat/... (the
// authorization-code flow, or client credentials for "confidential"
// clients), with scopes ScopeRead and ScopeWrite. Endpoint, on the old
// www.zopim.com host, is deprecated. WithBasicAuth
// (email:password) works only for old accounts not created through Zendesk
// Support.
//
// # Quirks
//
//   - The docs give "enabled" as an integer (1/0); real responses carry
//     booleans. Both decode; requests send 1/0 as the docs show.
//   - An account may have MaxActiveGoals (5) enabled goals. Exceeding it is
//     answered with "Goals limit exceeded", whose status code is not
//     documented: the phrase in any 4xx body makes the error match
//     ErrGoalsLimitExceeded (and ErrInvalid when the status is 400 or 422).
//   - Errors carry {"error", "description"}: APIError.Code and
//     APIError.Message. Non-JSON bodies (a proxy's HTML page) leave them
//     empty and stay in APIError.Body.
//   - Create and Update send only the fields set in GoalParams and never
//     the id (the API rejects it in an update body).
//   - Input is validated before anything is sent (see GoalParams.Validate);
//     Create requires a name although the docs mark every field optional.
//
// Package goalstest has an in-memory fake of this API for tests.
package goals
