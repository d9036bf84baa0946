// Package zopim holds what the Zendesk Chat (Zopim) v2 packages, goals and
// triggers, share: the host (a Zendesk subdomain; the old zopim.com host is
// gone), the auth options and OAuth endpoints, the 1/0-or-boolean "enabled"
// flag, and the decoding of the {"error", "description"} error body.
package zopim
