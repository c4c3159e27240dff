package boilerplate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/rules/news"
)

// TestLiteralGuardsNeverHideAMatch pins each guard to its regexp: on every line of the seeds
// and on lines written to match, a line the guard turns away never matches the regexp.
func TestLiteralGuardsNeverHideAMatch(t *testing.T) {
	lines := []string{
		"Visit WWW.EXAMPLE.ORG/news for more", "Mail tips@example.com", "Follow @newsdesk", "See Example.CO.UK today",
		"https://t.co/abc", "Read more at example.Info", "The data. Io was a moon",
		"Firefighters at the scene. REUTERS/Jonathan Ernst", "Smoke rises | Getty", "The crater (Photo: NASA)",
		"A protester waves a flag Courtesy of Jane Doe", "Posted 3 HOURS AGO", "updated 12 min ago",
		"Food (31)", "Archive (2,104) and (7)", "© 2017 Example Media", "(C) 2016 Example", "COPYRIGHT NOTICE",
		"All Rights Reserved.", "The minister spoke on Tuesday.", "(AP) — A plain lead", "",
		"Smoke rises.PHOTO: AFP", "Fotografía: EFE", "CRÉDITO: X", "Фото: ТАСС", "صورة: رويترز", "Pictures: AP",
		"offensive.In June", "the U.S.Army", "war.Él dijo", "(a)(b) (" + strings.Repeat("x", 80) + ") (\xffé)",
		"((nested)) (line\nbreak) () (ok)", "By Jane Roe | Staff Writer", "Web Desk", "BBC Sport Correspondent",
		"Written by Jane Roe, Senior Correspondent", "Par Jean Dupont, rédaction", "Redacción", "Автор: Иван, корреспондент",
		"Aaa aAa AAA aGo", "x / Jane Doe", "x /     Jane Doe  )", "a/b / Ёлка Палка", "Smoke | AFP )", "CAPITAL AP",
		"AFP photo of Getty Images)", "Photo by A B C", "(Photo: " + strings.Repeat("é", 40) + ")", "(Credit: " + strings.Repeat("é", 40) + "))",
		"Courtesy of " + strings.Repeat("ab ", 10), "x /" + strings.Repeat(" ", 200) + "Jane", "x / " + strings.Repeat("Ж", 31), "x / " + strings.Repeat("𝐀", 31), "(Photo" + strings.Repeat("𝐀", 40) + ")", "Getty Images )", "\u00a0x\u0085y\u2003z\v\xff", "BEIRUT (Reuters) - Share", "MOSCOW, Oct. 7 (Xinhua) — x", "PARIS ‒ y", "ROME ― z", "SALVADOR, Feb 26 -- x", "by Jane • Photos", "De\u212Ak Staff", "ſtaff writer",
		"-- Jane Roe", " \t— Jean-Luc O'Neil", "–Staff", "(Posted 3 June 2019", "[Last updated: 4 p.m. 2019", "Date: 12/3",
		"Additional reporting by Jane Roe", "EDITING BY X", "compiled by AP", "Contributing: Jane Roe", "By Jane Roe",
		"Jane Roe and John Doe contributed to this report.", "With reports from AFP", "As reported from Kabul",
		"Poſted 3 h ago 2", "wIth reports from X", "BY JANE", "by jane", "Writing by", "reporting",
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	for _, l := range lines {
		if !mayHoldLink(l) && urlRE().MatchString(l) {
			t.Errorf("mayHoldLink hides a link in %q", l)
		}
		if !mayHoldCreditTail(l) && creditTailRE().MatchString(l) {
			t.Errorf("mayHoldCreditTail hides a credit in %q", l)
		}
		if !containsFold(l, "ago") && timeAgoRE().MatchString(l) {
			t.Errorf("the ago guard hides %q", l)
		}
		if got, want := parenCounts(l), len(parenCountRE().FindAllStringIndex(l, 4)); got != want {
			t.Errorf("parenCounts(%q) = %d, want %d", l, got, want)
		}
		if !mayHoldCopyright(l) && copyrightRE().MatchString(l) {
			t.Errorf("mayHoldCopyright hides %q", l)
		}
		if !mayHoldCreditLabel(l) && creditLabel().MatchString(l) {
			t.Errorf("mayHoldCreditLabel hides %q", l)
		}
		if !hasGlue(l) && spliceRE().MatchString(l) {
			t.Errorf("hasGlue hides a splice in %q", l)
		}
		if !mayHoldBylineLine(l) && bylineLineRE().MatchString(l) {
			t.Errorf("mayHoldBylineLine hides %q", l)
		}
		if !mayBeProvenance(l) && provenanceRE().MatchString(l) {
			t.Errorf("mayBeProvenance hides %q", l)
		}
		if !mayHoldDash(l) && parseWireDateline(l) != 0 {
			t.Errorf("mayHoldDash hides a dateline in %q", l)
		}
		checkScanners(t, l)
	}
}

// checkScanners pins the hand-written scanners to what they replace: nextBracket to
// bracketRE, containsAny to strings.ContainsAny.
func checkScanners(t *testing.T, l string) {
	var got [][]int
	for at := 0; ; {
		open, close, ok := nextBracket(l, at)
		if !ok {
			break
		}
		got = append(got, []int{open, close + 1})
		at = close + 1
	}
	if want := bracketRE().FindAllStringIndex(l, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("nextBracket(%q) finds %v, bracketRE %v", l, got, want)
	}
	for _, set := range []string{":：", "\"“”«»„", "?？", segmentSeparators, "|•·"} {
		if containsAny(l, set) != strings.ContainsAny(l, set) {
			t.Errorf("containsAny(%q, %q) = %v", l, set, !strings.ContainsAny(l, set))
		}
	}
	if got, want := nonSpaceBytes(l), len(strings.Join(strings.Fields(l), "")); got != want {
		t.Errorf("nonSpaceBytes(%q) = %d, want %d", l, got, want)
	}
	for _, w := range append([]string{"ago", "www.", "(c)", "copyright", "all right", "a", "aa"}, roleStems...) {
		if containsFold(l, w) != news.ContainsFoldASCII(l, w) {
			t.Errorf("containsFold(%q, %q) = %v", l, w, !news.ContainsFoldASCII(l, w))
		}
	}
}

func FuzzLiteralGuards(f *testing.F) {
	for _, s := range []string{"see example.com", "Photo: AP", "5 days ago", "(31)", "(c) 2001", "war.In (x\xff)", "BEIRUT (Reuters) – x", "a|b•c “d” e？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if (!mayHoldLink(l) && urlRE().MatchString(l)) || (!mayHoldCreditTail(l) && creditTailRE().MatchString(l)) ||
			(!containsFold(l, "ago") && timeAgoRE().MatchString(l)) || (!mayHoldCopyright(l) && copyrightRE().MatchString(l)) ||
			parenCounts(l) != len(parenCountRE().FindAllStringIndex(l, 4)) ||
			(!mayHoldCreditLabel(l) && creditLabel().MatchString(l)) || (!hasGlue(l) && spliceRE().MatchString(l)) ||
			(!mayHoldBylineLine(l) && bylineLineRE().MatchString(l)) || (!mayHoldDash(l) && parseWireDateline(l) != 0) {
			t.Errorf("a guard hides a match in %q", l)
		}
		checkScanners(t, l)
	})
}
