package audit

import "math"

// ScoreModel turns findings into a 0–100 score by per-category deductions with caps. Each
// finding deducts its severity's weight from its category; a category never deducts more
// than its cap, so one kind of defect cannot sink a file unless its cap is large, and the
// reader sees which categories cost what.
type ScoreModel struct {
	Weight map[Severity]float64
	Cap    map[Category]float64
}

// DefaultScoreModel is documented in README.md ("Scoring").
var DefaultScoreModel = ScoreModel{
	Weight: map[Severity]float64{Info: 0, Warning: 4, Error: 10},
	Cap: map[Category]float64{
		Boilerplate: 25,
		Spin:        40,
		Language:    20,
		Date:        10,
		Duplicate:   25,
		Provenance:  0,
	},
}

// Score returns the file's score and the deduction per category (categories that deduct
// nothing are left out).
func (m ScoreModel) Score(findings []Finding) (float64, map[Category]float64) {
	raw := map[Category]float64{}
	for _, f := range findings {
		raw[f.Category] += m.Weight[f.Severity]
	}
	ded := map[Category]float64{}
	total := 0.0
	for _, c := range Categories {
		v := math.Min(raw[c], m.Cap[c])
		if v > 0 {
			ded[c] = v
			total += v
		}
	}
	return math.Max(0, math.Round((100-total)*10)/10), ded
}
