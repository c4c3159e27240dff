package boilerplate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/textaudit/textaudit/audit"
	"github.com/textaudit/textaudit/audit/audittest"
)

func TestPhraseMatch(t *testing.T) {
	lx := lexiconFor(nil)
	tests := []struct {
		name, line string
		want       string // matched text, "" for no match
		how        string
	}{
		{"a whole English line matches", "See also", "See also", "whole line"},
		{"case and punctuation are ignored", "MOST POPULAR:", "MOST POPULAR:", "whole line"},
		{"two phrases in a row make one line", "Advertisement Story continues below", "Advertisement Story continues below", "whole line"},
		{"a French line matches", "Sur le même sujet", "Sur le même sujet", "whole line"},
		{"a Russian line matches", "Читайте также", "Читайте также", "whole line"},
		{"an Arabic line matches", "اقرأ أيضا", "اقرأ أيضا", "whole line"},
		{"a counter with a number matches", "Comments (12)", "Comments (12)", "whole line"},
		{"a phrase after a wire dateline matches", "PARIS, May 3 (AFP) - Subscribe to our newsletter", "Subscribe to our newsletter", "after the dateline"},
		{"a phrase opening a line before a colon matches", "Don't miss: the ten best beaches", "Don't miss", "line start"},
		{"a phrase after a bar closes a line", "Harbour bridge reopens | Share this story", "Share this story", "line end"},
		{"a header with a few more words matches", "More from the Westport Gazette", "More from the Westport Gazette", "whole line"},
		{"a phrase inside a sentence does not match", "He told readers to share this article with friends.", "", ""},
		{"a one-word phrase does not match at a line start", "Video: the council meeting was long", "", ""},
		{"prose starting with the same words does not match", "Read more books, the minister urged pupils.", "", ""},
		{"an empty line does not match", "   ", "", ""},
		{"furniture segments inside a long line match as a segment", "The harbour reopened on Monday after the storm • drucken • Share this article", "drucken • Share this article", "segment"},
		{"segments set off by runs of spaces match", "The harbour reopened on Monday   Share this article   Advertisement   The mayor said", "Share this article   Advertisement", "segment"},
		{"a line made only of furniture segments is a whole line", "drucken | Share this article", "drucken | Share this article", "whole line"},
		{"a lone one-word segment is not residue", "Harbour storm latest | Video | Westport council", "", ""},
		{"prose with a bullet but no furniture does not match", "The mayor • who spoke first • said the harbour would reopen", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := lx.match(tc.line)
			if tc.want == "" {
				if ok {
					t.Fatalf("match(%q) = %q (%s), want none", tc.line, tc.line[m.start:m.end], m.how)
				}
				return
			}
			if !ok {
				t.Fatalf("match(%q): no match, want %q", tc.line, tc.want)
			}
			if got := tc.line[m.start:m.end]; got != tc.want || m.how != tc.how {
				t.Errorf("match(%q) = %q (%s), want %q (%s)", tc.line, got, m.how, tc.want, tc.how)
			}
		})
	}
}

func TestFindCaption(t *testing.T) {
	tests := []struct {
		name, line string
		want       string
		whole      bool
	}{
		{"a credit glued to a sentence end is found", "The mayor opened the bridge on Monday.Photo: EFE", "Photo: EFE", false},
		{"a credit glued to a word is found", "the bridge wasFOTO: Reuters", "FOTO: Reuters", false},
		{"a bracketed label credit is found", "The bridge at dusk (Picture: Alamy)", "(Picture: Alamy)", false},
		{"a credit in mid-sentence is found", "Three relatives waited PHOTO: EPA, the police said on Friday.", "PHOTO: EPA", false},
		{"an agency photo bracket is found", "Crowds at the harbour on Monday. (AP Photo/Jane Roe)", "Crowds at the harbour on Monday. (AP Photo/Jane Roe)", true},
		{"a name and agency alone is a credit line", "Jane Roe/Bloomberg", "Jane Roe/Bloomberg", true},
		{"a gallery counter is found", "Slide 3 of 9", "Slide 3 of 9", true},
		{"a courtesy line is found", "Courtesy of the Westport Museum", "Courtesy of the Westport Museum", true},
		{"image copyright furniture is found", "Image copyright Getty Images Image caption Fishermen at dawn", "Image copyright Getty Images Image caption Fishermen at dawn", true},
		{"a wire dateline is not a credit", "BEIRUT (Reuters) - The army advanced on Sunday.", "", false},
		{"lower-case photo talk is prose", "The photo: a blurred shape, experts said.", "", false},
		{"a bracketed remark about a photo is prose", "He kept it (the photo was taken in 2003) for years.", "", false},
		{"a bank called Credit is not a credit", "Credit Agricole and two other banks led the issue.", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := findCaption(tc.line, true)
			if tc.want == "" {
				if ok {
					t.Fatalf("findCaption(%q) = %q, want none", tc.line, tc.line[m.start:m.end])
				}
				return
			}
			if !ok {
				t.Fatalf("findCaption(%q): none, want %q", tc.line, tc.want)
			}
			if got := tc.line[m.start:m.end]; got != tc.want || m.whole != tc.whole {
				t.Errorf("findCaption(%q) = %q whole=%v, want %q whole=%v", tc.line, got, m.whole, tc.want, tc.whole)
			}
		})
	}
}

func TestFindCaptionInWrappedLineIgnoresWholeLineForms(t *testing.T) {
	if m, ok := findCaption("Courtesy of the bank, the loan was", false); ok {
		t.Errorf("wrapped line judged as caption: %q", m.signal)
	}
}

func TestFindByline(t *testing.T) {
	tests := []struct {
		name, line string
		want       string
	}{
		{"a desk byline opening a paragraph is its prefix", "City Correspondent: News Desk, Foreign Desk: j. roe, the council met on Monday to vote.", "City Correspondent: News Desk, Foreign Desk: j. roe,"},
		{"a byline line with a role is whole", "By Jane Roe | Staff Writer", "By Jane Roe | Staff Writer"},
		{"a desk alone is a byline", "Web Desk", "Web Desk"},
		{"a wire dateline is not a byline", "LONDON (Reuters) - Shares rose on Monday.", ""},
		{"a quoted editor in prose is not a byline", "The editor said the paper would appeal.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e, _, ok := findByline(tc.line)
			got := ""
			if ok {
				got = tc.line[s:e]
			}
			if got != tc.want {
				t.Errorf("findByline(%q) = %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

func TestFindSplices(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"two glued sentences are a splice", "The bridge reopened.Drivers cheered.", []string{"reopened.Drivers"}},
		{"a capitalised word before the stop is judged whole", "They flew to Madrid.The talks began.", []string{"Madrid.The"}},
		{"a question glued to a sentence is a splice", "Who pays?The council, it seems.", []string{"pays?The"}},
		{"U.S. is an abbreviation", "The U.S.Army said so.", nil},
		{"a.m. is an abbreviation", "It opened at 9 a.m.Monday.", nil},
		{"a host name is not a splice", "Visit example.Com or www.example.Org today.", nil},
		{"a URL is not a splice", "See https://news.example/story.Html for more.", nil},
		{"a decimal is not a splice", "It rose 3.5 percent.", nil},
		{"a possessive after Inc. is not a splice", "Acme Inc.'s profit fell.", nil},
		{"a glued photo credit is left to the caption rule", "in the town.PHOTO: AFP", nil},
		{"an identifier with capitals is not a splice", "Buy an iPhone.Apple said so.", nil},
		{"a month abbreviation is not a splice", "It happened in Sept.The next month too.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range findSplices(tc.line) {
				got = append(got, tc.line[s.start:s.end])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("findSplices(%q) = %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

func TestDateLinesAndDatelines(t *testing.T) {
	dates := map[string]bool{
		"Posted on 2021-03-04 10:15":         true,
		"Published: 4 March 2021":            true,
		"Updated 5:32 PM GMT, Fri 6 Oct":     true,
		"Storm warning issued for the coast": false,
		"Top 10 beaches":                     false,
	}
	for line, want := range dates {
		if got := looksLikeDateLine(line); got != want {
			t.Errorf("looksLikeDateLine(%q) = %v, want %v", line, got, want)
		}
	}
	datelines := map[string]string{
		"MOSCOW, Oct. 7 (Xinhua) - Troops moved.": "MOSCOW, Oct. 7 (Xinhua) - ",
		"BEIRUT (Reuters) - Troops moved.":        "BEIRUT (Reuters) - ",
		"SÃO PAULO, 6 oct - Prices rose.":         "SÃO PAULO, 6 oct - ",
		"Troops moved - officials said.":          "",
	}
	for line, want := range datelines {
		if got := line[:wireDateline(line)]; got != want {
			t.Errorf("wireDateline(%q) cut %q, want %q", line, got, want)
		}
	}
}

// runRules audits files with the boilerplate family and returns "rule:line" keys.
func runRules(t *testing.T, cfg *audit.Config, files ...string) map[string][]string {
	t.Helper()
	reg, err := audit.NewRegistry(Rules())
	if err != nil {
		t.Fatal(err)
	}
	res, err := audit.Run(files, audit.Options{Registry: reg, Config: cfg, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, f := range res.Files {
		for _, x := range f.Findings {
			for n := x.Line; n <= x.EndLine; n++ {
				out[filepath.Base(f.Path)] = append(out[filepath.Base(f.Path)], x.Rule+":"+itoa(n))
			}
		}
	}
	return out
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestFixtures checks the invented fixtures in testdata/ against testdata/expect.tsv.
func TestFixtures(t *testing.T) {
	reg, err := audit.NewRegistry(Rules())
	if err != nil {
		t.Fatal(err)
	}
	audittest.Run(t, "testdata", reg, nil)
}

func TestConfigPhrasesExtendTheLexicon(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "Title\n\nThe council met on Monday and agreed the budget for next year, officials said.\n\nHot off the press\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := &audit.Config{Phrases: map[string][]string{"en": {"Hot off the press"}}}
	if got := runRules(t, cfg, path)["a.txt"]; strings.Join(got, ",") != "boilerplate.phrase:5" {
		t.Errorf("findings = %v, want boilerplate.phrase:5", got)
	}
	if got := runRules(t, nil, path)["a.txt"]; slices.Contains(got, "boilerplate.phrase:5") {
		t.Errorf("without the config phrase: findings = %v, want no phrase finding", got)
	}
}

func TestTemplateNeedsEnoughFiles(t *testing.T) {
	body := "The council met on Monday and agreed the budget for next year, officials said.\n\n"
	write := func(dir string, n int) []string {
		var files []string
		for i := 0; i < n; i++ {
			p := filepath.Join(dir, "f"+itoa(i)+".txt")
			text := "Story " + itoa(i) + "\n\n" + body + "Join the Westport club today\n\n" + body
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		return files
	}
	// The line model may read "Join the Westport club today" as a prompt too; this test is
	// about the template rule alone.
	templates := func(files map[string][]string) map[string][]string {
		out := map[string][]string{}
		for name, got := range files {
			for _, f := range got {
				if strings.HasPrefix(f, "boilerplate.template:") {
					out[name] = append(out[name], f)
				}
			}
		}
		return out
	}
	three := templates(runRules(t, nil, write(t.TempDir(), 3)...))
	for _, name := range []string{"f0.txt", "f1.txt", "f2.txt"} {
		if strings.Join(three[name], ",") != "boilerplate.template:5" {
			t.Errorf("%s: findings = %v, want boilerplate.template:5", name, three[name])
		}
	}
	two := templates(runRules(t, nil, write(t.TempDir(), 2)...))
	for name, got := range two {
		if len(got) != 0 {
			t.Errorf("two files: %s findings = %v, want none", name, got)
		}
	}
}

func TestTemplateSentencesNeedAShareOfTheCorpus(t *testing.T) {
	body := "The council met on Monday and agreed the budget for next year, officials said.\n\n"
	footer := "Get the latest news from the Westport Gazette delivered to your inbox every morning.\n\n"
	quote := "\"We will rebuild the harbour before the winter comes,\" the mayor told the council.\n\n"
	write := func(dir string, n, withFooter int) []string {
		var files []string
		for i := 0; i < n; i++ {
			p := filepath.Join(dir, "f"+itoa(i)+".txt")
			text := "Story " + itoa(i) + "\n\n" + strings.Replace(body, "Monday", "Monday the "+itoa(i)+"th", 1) + quote
			if i < withFooter {
				text += footer
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		return files
	}
	tests := []struct {
		name              string
		files, withFooter int
		want              string // findings of f0.txt
	}{
		{"a footer sentence in six of twenty files is a template", 20, 6, "boilerplate.template:7"},
		{"a sentence in three files is not (a story several reports share)", 20, 3, ""},
		{"a sentence in six of two hundred files is not (below the corpus share)", 200, 6, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runRules(t, nil, write(t.TempDir(), tc.files, tc.withFooter)...)
			if s := strings.Join(got["f0.txt"], ","); s != tc.want {
				t.Errorf("f0.txt findings = %q, want %q (the shared quote is never a template)", s, tc.want)
			}
		})
	}
}

func TestHardWrappedWireStoryIsClean(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "wire.txt")
	text := "HARBOUR BOARD RAISES DIVIDEND\n\nWESTPORT, March 3 - The harbour board said it raised its\nquarterly dividend to 12 cts a share from 10 cts, citing\nhigher cargo volumes and lower costs.\n    The board said it expected volumes to keep rising this\nyear as new berths open.\n    Shr 12 cts vs 10 cts\n    Net 1.2 mln vs 1.0 mln\n Reuter\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runRules(t, nil, p)["wire.txt"]; len(got) != 0 {
		t.Errorf("findings on a wrapped wire story = %v, want none", got)
	}
}
