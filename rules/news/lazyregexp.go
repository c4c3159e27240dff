package news

import (
	"regexp"
	"sync"
)

// LazyRegexp compiles pattern on first use rather than at start-up: compiling the rule
// packages' patterns took a pre-commit hook's run of a few files milliseconds before any work,
// and a small run may need only some of them. A bad pattern still panics, on first use; each
// package's TestLazyRegexpsCompile compiles all of its patterns.
func LazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
