package model

// Precision is how exactly a date is known.
type Precision string

// Date precisions.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// DateRef is one date expression in an article ("on Sunday", "last month",
// "December 9") and the calendar date it names.
type DateRef struct {
	Span
	// Text is the expression as written.
	Text string
	// Value is YYYY-MM-DD, YYYY-MM or YYYY by Precision; empty when the
	// expression could not be resolved.
	Value     string
	Precision Precision
	// Note says why an expression is unresolved ("relative to an event").
	Note string
}

// Resolved reports whether the expression was given a calendar value.
func (d DateRef) Resolved() bool { return d.Value != "" }
