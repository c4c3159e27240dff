// Package news is the news lexicon the rule families share: what a news text's dates,
// datelines and credits look like, stated once. It holds the tokenizer and date scanner
// (month and weekday names of 52 languages from Unicode CLDR, numeric and East Asian forms),
// the wire-dateline parser ("MOSCOW, Oct. 7 (Xinhua) -"), the table of wire and picture
// agencies, and photo credits recognised by their form. The date, provenance and boilerplate
// families read these facts here instead of keeping their own lists. It reports nothing
// itself.
package news
