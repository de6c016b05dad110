// Package dateparser is Parallax's own small stand-in for
// github.com/markusmobius/go-dateparser, wired in with a replace directive in
// the main module's go.mod.
//
// go-htmldate (used by go-trafilatura) imports go-dateparser for one job: to
// read an absolute date such as "Tuesday, 5 March 2024" or "5 de março de 2024"
// from text. The real package builds its locale data for some 200 languages in
// package initialisation: about 3,900 regular expressions and 78 MB, roughly a
// quarter of a second of CPU in every process, before main runs and whether or
// not a date is ever parsed. Read commands must answer quickly in a new process,
// so this module provides exactly the API go-htmldate compiles against (Parser,
// Configuration, Date and the constants it names) with a small parser whose
// tables are built on first use.
//
// What it reads: ISO and numeric dates (2024-03-05, 05.03.2024, 3/5/2024,
// 20240305), and written dates with month names or abbreviations in English,
// French, German, Spanish, Portuguese, Italian and Dutch, with optional weekday
// names, ordinal suffixes (5th, 1er, 1º), a few linking words ("de", "of",
// "the") and an optional time of day with a time zone (Z, UTC, GMT, +02:00,
// a few common abbreviations). It does not read relative dates ("3 days ago"),
// timestamps or other calendars.
package dateparser
