module github.com/goalkit/goalkit

go 1.25.0

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/google/go-querystring v1.2.0
	github.com/hashicorp/go-retryablehttp v0.7.8
	github.com/jarcoal/httpmock v1.4.2
	golang.org/x/oauth2 v0.36.0
)

require github.com/hashicorp/go-cleanhttp v0.5.2 // indirect
