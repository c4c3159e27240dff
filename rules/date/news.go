package date

import "github.com/textaudit/textaudit/rules/news"

// The tokens, dates and calendar are the news lexicon's (rules/news): the date family reads
// them under its own names.
type (
	token = news.Token
	// Date is one date expression found in a string (see news.Date).
	Date = news.Date
	// Precision says how much of a date is known (see news.Precision).
	Precision = news.Precision
)

// Token kinds and precisions, as the news lexicon defines them.
const (
	NumberToken = news.NumberToken
	WordToken   = news.WordToken
	PunctToken  = news.PunctToken

	NoDate         = news.NoDate
	DayPrecision   = news.DayPrecision
	MonthPrecision = news.MonthPrecision
	YearPrecision  = news.YearPrecision
	PartialDay     = news.PartialDay
	WeekdayOnly    = news.WeekdayOnly
	RelativeDay    = news.RelativeDay
)

var (
	tokenize = news.Tokenize
	runeCut  = news.RuneCut
)
