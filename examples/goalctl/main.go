// Command goalctl manages conversion goals from the command line, over the
// goalkit SDK: Zendesk Chat (Zopim) goals and triggers, giosg goals and
// external goal matches, and Zoho PageSense goals and custom events.
//
// Usage:
//
//	goalctl [--output json|table] [--fake] <dialect> <resource> <verb> [flags] [args]
//
//	goalctl zopim goals list|get ID|create|update ID|delete ID
//	goalctl zopim triggers list|get NAME|create|update NAME|delete NAME
//	goalctl giosg goals list|get ID|create|patch ID
//	goalctl giosg match --goal ID --visitor V [--at RFC3339] [--value 12.50] --room R
//	goalctl giosg conversions import FILE.csv|FILE.ndjson --journal PATH [--dry-run] [--concurrency N] [--rate N/s] [--report PATH]
//	goalctl giosg conversions status --journal PATH
//	goalctl giosg conversions resolve --journal PATH KEY... --resend|--drop
//	goalctl pagesense goals list|get LINKNAME|create|delete LINKNAME
//	goalctl pagesense events list|create --name N
//	goalctl pagesense match-url --type SIMPLE_MATCH --pattern P URL
//	goalctl export [--dialect D] > goals.yaml
//	goalctl plan -f goals.yaml [--var K=V] [--prune] [--out plan.json] [--detailed-exitcode]
//	goalctl apply plan.json | apply -f goals.yaml --auto-approve
//	goalctl drift -f goals.yaml
//
// Every level answers -h or --help with its commands and flags. The common
// flags are accepted at every level, and flags may follow the positional
// arguments ("goals get 3 --output table"):
//
//	--output json|table  the output format (default json)
//	--fake               run against an in-process fake with demo data
//	--timeout DURATION   give up on the command after DURATION (default 30s)
//	-v                   log one line per HTTP attempt on stderr
//	--version            print the version and exit
//
// # Credentials
//
// Credentials come from the environment, never from flags (they would show
// in the shell history and the process list):
//
//	zopim       ZENDESK_CHAT_SUBDOMAIN, ZENDESK_CHAT_TOKEN (a Chat OAuth token)
//	giosg       GIOSG_API_TOKEN, GIOSG_ORG_ID
//	pagesense   ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN,
//	            PAGESENSE_PORTAL, PAGESENSE_PROJECT, and ZOHO_DATA_CENTER
//	            (US, EU, IN, AU, JP, CN, SA, CA or UK; US when unset)
//
// ZENDESK_CHAT_BASE_URL, GIOSG_BASE_URL and PAGESENSE_BASE_URL replace a
// dialect's API root, to point goalctl at a local fake or a proxy (http only
// for a loopback host).
//
// --fake runs the command against an in-process fake of the API, seeded with
// a few demo objects; nothing leaves the machine and no credentials are read.
// Each run starts from the same demo data: changes do not persist.
//
// # Output
//
// --output json (the default) writes one JSON document to stdout, a JSON array
// for lists, with the API's field names but plain values whatever the wire
// says: Zendesk "enabled" as true/false, PageSense goal and match types by
// name; a delete writes {"deleted": "<id>"}.
// --output table writes aligned columns with a header line.
//
// # Exit status
//
//	0    success
//	1    the API answered with an error, the network failed, or --timeout
//	     passed; the status, vendor code and message go to stderr
//	2    usage error: unknown command or flag, missing argument, bad value,
//	     input the SDK refuses before sending (a *ValidationError), or missing
//	     credentials; one line and a hint to --help go to stderr
//	130  interrupted (Ctrl-C)
//
// Ctrl-C cancels the call in flight through its context.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Exit statuses; see the package doc.
const (
	exitOK          = 0
	exitAPI         = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report Ctrl-C
)

// defaultTimeout bounds a whole command, retries included, unless --timeout
// says otherwise: long enough for the SDK's retries of a slow API, short
// enough that a host that never answers is reported, not waited on.
const defaultTimeout = 30 * time.Second

func main() {
	// The context is cancelled on Ctrl-C or SIGTERM, which aborts the call
	// in flight (and any retry wait) instead of killing the process mid-write.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program behind main, with its world passed in so that
// tests run it in-process: args without the program name, env to read
// credentials (os.Getenv), and the output streams. It returns the exit status.
func run(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) int {
	return newApp(env, stdout, stderr).run(ctx, args)
}

// app is the state of one invocation: its streams, the common flags and the
// clients it built.
type app struct {
	env            func(string) string
	stdout, stderr io.Writer

	// Common flags, settable at every level of the command tree.
	format outputFormat
	// formatGiven: --output was given (export, plan and apply default to text).
	formatGiven bool
	fake        bool
	timeout     time.Duration
	verbose     bool
	version     bool

	// fakes holds the in-process fakes once --fake needed them.
	fakes *fakeSet
	// secrets are the credentials read from the environment and the
	// access tokens obtained with them, which stderr never shows (see
	// redact). mu guards them: a token source may run on any goroutine.
	mu      sync.Mutex
	secrets []string

	hooks hooks
}

// hooks let tests reach what users never need to: the zero value is the real
// program, and nothing here is reachable from the command line or the
// environment.
type hooks struct {
	// fakes replaces the fresh fakes of --fake, so that several runs share
	// state (a create, then a get).
	fakes *fakeSet
	// baseURL replaces every dialect's API root (a loopback test server).
	baseURL string
	// tokenURL replaces Zoho's token endpoint.
	tokenURL string
	// retryWait bounds the wait between retries, to keep tests fast.
	retryWait time.Duration
}

func newApp(env func(string) string, stdout, stderr io.Writer) *app {
	return &app{env: env, stdout: stdout, stderr: stderr, format: formatJSON, timeout: defaultTimeout}
}

// run parses args against the command tree and runs the command they name.
func (a *app) run(ctx context.Context, args []string) int {
	return a.dispatch(ctx, rootCommand(), []string{"goalctl"}, args)
}

// rootCommand is the command tree.
func rootCommand() *command {
	return &command{
		name:    "goalctl",
		summary: "manage conversion goals in Zendesk Chat, giosg and Zoho PageSense",
		help:    rootHelp,
		subs:    []*command{zopimCommand(), giosgCommand(), pagesenseCommand(), exportCommand(), planCommand(), applyCommand(), driftCommand()},
	}
}

const rootHelp = `Credentials come from the environment:
  zopim      ZENDESK_CHAT_SUBDOMAIN, ZENDESK_CHAT_TOKEN
  giosg      GIOSG_API_TOKEN, GIOSG_ORG_ID
  pagesense  ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN,
             PAGESENSE_PORTAL, PAGESENSE_PROJECT,
             ZOHO_DATA_CENTER (US, EU, IN, AU, JP, CN, SA, CA, UK; default US)
--fake needs none of them: it runs against an in-process fake with demo data.

Exit status: 0 success; 1 API or network error, or --timeout passed;
2 usage error (unknown command or flag, missing argument, bad value, input
refused before sending, missing credentials); 130 interrupted (Ctrl-C).`
