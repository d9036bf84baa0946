package main

// Base-URL overrides from the environment, one per dialect, to point
// goalctl at a local fake or a proxy. The SDK accepts http only for a
// loopback host.
const (
	envZopimBaseURL     = "ZENDESK_CHAT_BASE_URL"
	envGiosgBaseURL     = "GIOSG_BASE_URL"
	envPageSenseBaseURL = "PAGESENSE_BASE_URL"
)

// envBaseURL is the option for the dialect's base-URL variable, if set.
func envBaseURL[O any](a *app, set optionSet[O], name string) []O {
	if u := a.env(name); u != "" {
		return []O{set.baseURL(u)}
	}
	return nil
}
