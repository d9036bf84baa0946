// Package goalstate keeps conversion goals as code: a desired-state file
// (YAML or JSON) lists per dialect the Zendesk Chat goals and triggers, the
// giosg goals and the PageSense goals and custom events that should exist,
// and this package exports the live state into such a file, plans the
// changes that make an account match it, applies a reviewed plan, and
// detects drift.
//
// The steps:
//
//   - Load reads and validates a file (strict: unknown keys, duplicate
//     keys, unknown enums and bad values are *FileError with line and
//     column), filling ${NAME} variables so that one file serves staging and
//     production.
//   - Export reads the live state into a Document; Encode writes it as YAML.
//     A plan of a fresh export against the same account has no changes.
//   - MakePlan runs the file's goal tests locally, reads each resource once
//     (one list call per resource type) and computes a typed diff checked
//     against the vendors' rules before anything is sent: at most
//     goals.MaxActiveGoals enabled Zendesk goals after the plan (disables
//     and deletes ordered first), objects keyed by name with renames said
//     (renamed_from, never guessed from a delete and a create), a trigger
//     definition change planned as a replace, no
//     giosg goal delete, create-only PageSense custom events, and deletes
//     only with Options.Prune.
//   - Apply makes exactly the changes of a plan, refuses if the live state
//     moved since the plan read it, skips what an earlier run already made,
//     and stops at the first failure with a Report.
//
// It talks to the vendors through the SDK's client interfaces (Targets), so
// tests run against the xxxtest fakes. examples/goalctl has the export,
// plan, apply and drift commands over it; schema.json is the format's JSON
// Schema for editors.
package goalstate
