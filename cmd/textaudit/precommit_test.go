package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the real pre-commit against a temporary git repository that uses
// the hook from this checkout: a clean commit passes, a commit adding residue fails with the
// finding printed. It needs pre-commit (Debian package pre-commit) and git; outside CI it is
// skipped when they are missing.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the pre-commit integration test (it builds the hook)")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is required in CI: %v", tool, err)
			}
			t.Skipf("%s not installed (apt-get install pre-commit); skipping the pre-commit integration test", tool)
		}
	}
	root, err := os.Getwd() // TestMain moved to the repository root
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()

	// The hook repository: this checkout's sources, committed, so pre-commit can clone it
	// whether or not the checkout itself is a git repository with uncommitted changes.
	hookRepo := filepath.Join(tmp, "hook")
	for _, p := range []string{"go.mod", "go.sum", ".pre-commit-hooks.yaml", "cmd", "audit", "rules", "reports", "docs"} {
		copyTree(t, filepath.Join(root, p), filepath.Join(hookRepo, p))
	}
	git(t, hookRepo, "init", "-q")
	git(t, hookRepo, "add", "-A")
	git(t, hookRepo, "commit", "-q", "-m", "hook")
	rev := strings.TrimSpace(git(t, hookRepo, "rev-parse", "HEAD"))

	// The user's repository: a corpus folder of articles and the hook configured on it.
	user := filepath.Join(tmp, "user")
	os.MkdirAll(filepath.Join(user, "corpus"), 0o755)
	git(t, user, "init", "-q")
	config := "repos:\n  - repo: " + hookRepo + "\n    rev: " + rev + "\n    hooks:\n      - id: textaudit\n        files: ^corpus/\n        args: [--corpus, corpus]\n"
	write(t, filepath.Join(user, ".pre-commit-config.yaml"), config)
	clean := "Clean headline for the test\n\nLONDON, March 3, 2005 (Reuters) - The committee met on Tuesday and agreed the budget for the coming year, officials said.\n\nThe vote was unanimous, according to a statement released after the meeting.\n"
	write(t, filepath.Join(user, "corpus", "clean.txt"), clean)

	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "cache"),
		"GOMODCACHE="+goEnv(t, "GOMODCACHE"), // reuse downloaded modules instead of fetching again
		"GOFLAGS=-buildvcs=false",
		// The commits the hook judges need an identity even where no global git config
		// exists (a fresh CI runner, HOME set to an empty folder), as the git helper passes.
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_CONFIG_NOSYSTEM=1",
	)
	run := func(args ...string) (string, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = user
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("pre-commit", "install"); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}
	git(t, user, "add", "-A")
	if out, err := run("git", "commit", "-q", "-m", "clean article"); err != nil {
		t.Fatalf("a clean commit was refused: %v\n%s", err, out)
	}

	write(t, filepath.Join(user, "corpus", "residue.txt"), strings.Replace(clean, "Clean headline", "Another headline", 1)+"\nRelated Post\n")
	git(t, user, "add", "-A")
	out, err := run("git", "commit", "-q", "-m", "article with residue")
	if err == nil {
		t.Fatalf("a commit adding residue passed the hook:\n%s", out)
	}
	if !strings.Contains(out, "Related Post") || !strings.Contains(out, "residue.txt") {
		t.Errorf("the hook failed without printing the finding:\n%s", out)
	}
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func goEnv(t *testing.T, key string) string {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyTree copies a file or folder, skipping test data and hidden entries the hook does not need.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			if rel != "." && (strings.HasPrefix(info.Name(), ".") || info.Name() == "testdata") {
				return filepath.SkipDir
			}
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(target), 0o755)
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
