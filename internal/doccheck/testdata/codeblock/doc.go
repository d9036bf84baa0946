// Package codeblock has a package comment with a list and code:
//
//   - one
//
// For example:
//
//	codeblock.Use()
package codeblock
