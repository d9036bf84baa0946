package goalkit

import "github.com/goalkit/goalkit/internal/transport"

// Version is goalkit's release. Every client sends it in its default
// User-Agent, "goalkit/<Version> <Go version>". It is declared once, in the
// pipeline that builds that header, so the two cannot drift apart.
const Version = transport.Version
