package provenance

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles pattern on first use rather than at start-up: compiling this package's
// patterns took a pre-commit hook's run of a few files milliseconds before any work, and a
// small run may need only some of them. A bad pattern still panics, on first use;
// TestLazyRegexpsCompile compiles them all.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
