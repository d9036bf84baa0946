package transport

import "runtime"

// Version is goalkit's release, sent in the User-Agent.
const Version = "0.1.0"

// DefaultUserAgent is "goalkit/<version> go<version>".
var DefaultUserAgent = "goalkit/" + Version + " " + runtime.Version()
