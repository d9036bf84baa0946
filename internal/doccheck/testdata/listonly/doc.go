// Package listonly has a package comment whose only indented lines are a
// list, which is not code:
//
//   - one
//   - two
package listonly
