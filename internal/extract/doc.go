// Package extract turns raw article bodies into clean text.
//
// Plain-text articles, as scraped, go through a Cleaner: the text is split
// into normalized lines (one paragraph a line), the headline at the top is
// found, and boilerplate is dropped by a small set of general rules
// (navigation and sharing rows, teaser lists of other stories, sign-up,
// credit and copyright lines, leftover tags, date rows) and by what a
// LineStats has learned: short lines that recur across many documents. A
// date row's date becomes the article's publication date.
//
// HTML pages go through HTML, which extracts the main text and metadata with
// go-trafilatura and then removes only lines that are surely boilerplate.
package extract
