// Package zopim holds what the Zendesk Chat (Zopim) v2 packages, goals and
// triggers, share: the hosts (a Zendesk subdomain or the legacy zopim.com
// host), the auth options and OAuth endpoint, the 1/0-or-boolean "enabled"
// flag, and the decoding of the {"error", "description"} error body.
package zopim
