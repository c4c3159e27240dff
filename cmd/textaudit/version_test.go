package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestDescribeBuildNamesModuleAndRevision(t *testing.T) {
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"a local build without VCS data", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}},
			"0.1.0 (go1.26.0)"},
		{"go install of a tag", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.2.0"}},
			"0.1.0 (module v0.2.0, go1.26.0)"},
		{"a checkout with changes", debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}, {Key: "vcs.time", Value: "2026-12-03T12:00:00Z"}}},
			"0.1.0 (revision 0123456789ab+modified 2026-12-03T12:00:00Z, go1.26.0)"},
	}
	for _, tt := range tests {
		if got := describeBuild("0.1.0", &tt.info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionCommandAndFlagAgree(t *testing.T) {
	_, cmd, _ := textaudit(t, "version")
	_, flag, _ := textaudit(t, "--version")
	if !strings.HasPrefix(cmd, "textaudit "+version) || strings.TrimSpace(cmd) != strings.TrimSpace(strings.Replace(flag, "textaudit version ", "textaudit ", 1)) {
		t.Errorf("version %q, --version %q", cmd, flag)
	}
}

func TestCompletionOffersFlagValues(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "audit", "--format", ""}, "sarif"},
		{[]string{"__complete", "audit", "--format", ""}, "line"},
		{[]string{"__complete", "audit", "--fail-on", ""}, "warning"},
		{[]string{"__complete", "audit", "--min-severity", ""}, "error"},
		{[]string{"__complete", "audit", "--color", ""}, "never"},
		{[]string{"__complete", "audit", "--report", ""}, "sarif="},
		{[]string{"__complete", "rules", ""}, "boilerplate.phrase"},
		{[]string{"__complete", "explain", "--rule", ""}, "spin.paragraph"},
	}
	for _, tt := range tests {
		_, out, _ := textaudit(t, tt.args...)
		if !strings.Contains("\n"+out, "\n"+tt.want+"\n") {
			t.Errorf("%v: no %q in\n%s", tt.args, tt.want, out)
		}
	}
}
