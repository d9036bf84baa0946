// Package pagesense is a client for the Zoho PageSense goals API (REST v1):
// the conversion goals and custom events of a PageSense project.
//
//	client, err := pagesense.NewClient(
//		pagesense.WithDataCenter(pagesense.EU),
//		pagesense.WithTokenSource(pagesense.RefreshTokenSource(ctx, pagesense.OAuthConfig{
//			ClientID: id, ClientSecret: secret, RefreshToken: refresh, DataCenter: pagesense.EU,
//		})),
//	)
//	project := client.Project("my-portal", "website-performance-project")
//	goals, err := project.ListGoals(ctx)
//
// # Endpoints
//
// Every path is below /portal/{portal_name} and addresses projects and goals
// by linkname. Create goal, delete goal and create custom event are on
// official pages; the rest follow a third-party summary of the official
// pages:
//
//	CreateGoal         POST   /portal/{portal}/projectgoals/{project}   {"projectgoal": {...}}
//	ListGoals          GET    /portal/{portal}/projectgoals/{project}
//	UpdateGoal         PUT    /portal/{portal}/projectgoals/{goal linkname}  {"projectgoal": {...}}
//	DeleteGoal         DELETE /portal/{portal}/projectgoals/{goal linkname}
//	CreateCustomEvent  POST   /portal/{portal}/customevents              {"customevent": {...}}
//	ListCustomEvents   GET    /portal/{portal}/customevents?project_linkname={project}
//
// The path segment of UpdateGoal is uncertain: the official delete page
// puts the goal's linkname there ("should uniquely identify the goal within
// the project"), while a third-party summary of the update page labels the
// same position the project linkname. UpdateGoal sends the goal's linkname,
// with project_linkname in the body; the choice lives in one place
// (Project.goalPath) should PageSense show otherwise.
//
// No single-goal endpoint is documented, so GetGoal lists the project's
// goals and picks one by linkname; a missing goal matches ErrNotFound.
//
// # Auth and data centers
//
// Every request carries "Authorization: Zoho-oauthtoken <access token>",
// also when Zoho's token endpoint calls the token a Bearer token. WithToken
// takes a fixed access token (they live an hour); WithTokenSource takes any
// oauth2.TokenSource; RefreshTokenSource runs Zoho's refresh-token grant and
// caches the token until shortly before it expires. Zoho allows 10 token
// requests per 10 minutes per refresh token, so after a failed refresh the
// source answers with the same error, without a new request, for a
// cool-down (a minute by default). Needed scopes: PageSense.goals.CREATE,
// .READ, .UPDATE, .DELETE and PageSense.customevents.CREATE, .READ.
//
// A Zoho account lives in one data center (US, EU, IN, AU, JP, CN, SA, CA,
// UK), which has its own accounts server and PageSense host.
// WithDataCenter sets the client's base URL to the center's PageSense host;
// OAuthConfig.DataCenter picks the accounts server. The accounts servers
// are documented by Zoho (accounts.zoho.eu, accounts.zohocloud.ca, ...).
// The PageSense API hosts are not, except one:
//
//	US  pagesense.zoho.com      confirmed: the only host the API docs name
//	EU  pagesense.zoho.eu       seen: an app host in third-party code
//	SA  pagesense.zoho.sa       seen: an app host in third-party code
//	IN  pagesense.zoho.in       assumed from the accounts domain
//	AU  pagesense.zoho.com.au   assumed from the accounts domain
//	JP  pagesense.zoho.jp       assumed from the accounts domain
//	CN  pagesense.zoho.com.cn   assumed from the accounts domain
//	UK  pagesense.zoho.uk       assumed from the accounts domain
//	CA  pagesense.zohocloud.ca  assumed, with no evidence that PageSense
//	                            runs in Canada at all
//
// "Seen" hosts serve the PageSense app; that they serve /pagesense/rest/v1
// is still assumed. WithBaseURL overrides any of them, and options apply
// in order, the last one winning.
//
// # The envelope
//
// Answers come in an envelope: status_code ("10000" is success; a string in
// the docs' success sample, possibly a number elsewhere: both are read),
// status_string, the payload (projectgoals, customevents), count and a
// timing key spelled timeTakenToProcessTheResult in one place and
// timeTakenToProcessTheRequest in another (both tolerated, neither
// decoded). A status_code other than 10000 is an *APIError even at HTTP 200,
// with Code the status_code and Message the message (or status_string).
// Error answers, {"status_code": <code>, "message": "..."}, fill Code and
// Message the same way, and the HTTP status picks the sentinel: 400
// ErrInvalid, 401 ErrUnauthorized, 404 ErrNotFound, 429 ErrRateLimited.
// A 2xx body without status_code counts as success, and so does a 204
// (DELETE may answer so); an empty 200 body is ErrMalformedResponse.
//
// The docs disagree on the shape of the payload: the overview's typical
// response shows "projectgoals": {} while the lists use "projectgoals":
// [...]. So the answer to a create or update is read from "projectgoal" or
// "projectgoals", as an object or a one-element array (likewise
// "customevent"/"customevents"), and a list may be an array or an object:
// {} is an empty list, a goal object a list of one. Ids (goal_id,
// event_id) are read from JSON strings or numbers into string fields. The
// official create-custom-event answer comes without an envelope:
// {"customevents": [{"event_id", "success", "linkname"}]}.
//
// Every official write sample answers an array of objects, each with its
// own "success". An item that says success: false is an *APIError even
// inside a status_code 10000 envelope at HTTP 200, for CreateGoal,
// UpdateGoal, DeleteGoal and CreateCustomEvent; its Message names the item
// and carries the item's message (or its code, in Code too).
//
// # Field names
//
// Answers name some fields differently from the create body, and Goal
// reads both: goal_status (a number, e.g. 2; also "status") into Status,
// time_spent_seconds (a string, "" when unset; also time_threshold) into
// TimeThreshold, element_css_selector into ElementSelector and
// created_time (epoch milliseconds) into CreatedAt, in UTC. Write answers
// carry little beyond ids and the status, so CreateGoal, UpdateGoal and
// CreateCustomEvent fill what the answer leaves out from what was sent,
// never overwriting what it says.
//
// # Enums
//
// GoalType (1 PAGE_VISIT_GOAL to 10 FULLSTACK_CUSTOM_EVENT_GOAL) and
// URLMatchType (1 SIMPLE_MATCH to 8 DOMAIN, and 10 URL_GROUP_MATCH; 9 is not
// a value) are integers on the wire. They print as PageSense's names,
// parse from names or numbers (ParseGoalType, ParseURLMatchType), encode
// as numbers, and decode from a number, a numeric string or a name; an
// unknown number is kept so that a type PageSense adds later does not break
// decoding.
//
// # Validation
//
// CreateGoal checks its input before sending (GoalInput.Validate), and
// UpdateGoal its patch (GoalPatch.Validate: an empty patch is refused): a display
// name, a known goal type, a positive time_threshold for TimeSpentGoal, a
// goal_url for PageVisitGoal and known match types. Empty portal, project,
// goal linkname or event name are refused too. The error is a
// *ValidationError naming the wire field, and nothing is sent.
// include_urls and exclude_urls are sent as [] when empty, as the official
// example shows.
//
// # Matching URLs locally
//
// MatchURL evaluates a URL rule without the API, e.g. to check which goals
// a page would trigger; its documentation gives each match type's rule.
// URL_GROUP_MATCH cannot be evaluated locally, since URL groups live on the
// server.
//
// Package pagesensetest holds an in-memory fake of this API for tests.
package pagesense
