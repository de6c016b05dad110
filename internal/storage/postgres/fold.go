package postgres

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/storage"
)

// Accent folding: PostgreSQL's 'simple' text search configuration keeps
// diacritics, and the unaccent extension may not be installable, so the
// store folds them itself, as the SQLite store's FTS5 tokenizer does
// (remove_diacritics): fold_accents (see migrationFold) decomposes text
// (Unicode NFD, built into PostgreSQL 13 and later) and removes the
// combining diacritical marks U+0300 to U+036F, and the search columns and
// queries are made of folded text. (PostgreSQL's translate() with a table
// of accented letters would need no decomposition, but costs the table's
// length for every character: 1.25 s against 30 ms for 50 articles' text.)
// foldRunes folds the same way in Go, to map snippets back to the text as
// written.

// isDroppedMark reports whether fold_accents removes r: a combining
// diacritical mark.
func isDroppedMark(r rune) bool { return r >= 0x300 && r <= 0x36F }

// migrationFold adds fold_accents and remakes the search columns from
// folded text: articles, quotes and entities are indexed without
// diacritics, as the SQLite store indexes them.
var migrationFold = `
CREATE FUNCTION fold_accents(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT regexp_replace(normalize(t, NFD), '[` + string(rune(0x300)) + `-` + string(rune(0x36F)) + `]', '', 'g') $$;
ALTER TABLE articles DROP COLUMN fts;
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', fold_accents(title)), 'A') || to_tsvector('simple', fold_accents(left(body, 200000)))) STORED;
CREATE INDEX articles_fts ON articles USING GIN (fts);
ALTER TABLE quotes DROP COLUMN fts;
ALTER TABLE quotes ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', fold_accents(text)), 'A') || setweight(to_tsvector('simple', fold_accents(speaker)), 'C')) STORED;
CREATE INDEX quotes_fts ON quotes USING GIN (fts);
ALTER TABLE entities DROP COLUMN fts;
ALTER TABLE entities ADD COLUMN fts tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', fold_accents(name)), 'A') || setweight(to_tsvector('simple', fold_accents(aliases)), 'B')) STORED;
CREATE INDEX entities_fts ON entities USING GIN (fts);
`

// foldRunes folds s as fold_accents does, a segment (a character with
// its combining marks) at a time, and returns with each folded rune the
// byte offset in s of the segment it comes from.
func foldRunes(s string) (folded []rune, from []int) {
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		start := it.Pos()
		for _, r := range string(it.Next()) {
			if !isDroppedMark(r) {
				folded = append(folded, r)
				from = append(from, start)
			}
		}
	}
	return folded, from
}

// unfold puts back the diacritics of orig into a snippet that the store
// made from orig folded (with snippet marks, and pieces joined by delim
// when it is a choice of fragments): each piece is found in the folded
// text and replaced by the original characters it was folded from (a
// character with its combining marks). A piece not found
// stays folded. An empty orig leaves the snippet as it is: the text had
// nothing to fold.
func unfold(snippet, orig, delim string) string {
	if orig == "" || snippet == "" {
		return snippet
	}
	folded, from := foldRunes(orig)
	fs := string(folded)
	// The snippet without its marks, and where each mark goes.
	type mark struct {
		at int
		r  rune
	}
	var plain []rune
	var marks []mark
	ms, _ := utf8.DecodeRuneInString(storage.MarkStart)
	me, _ := utf8.DecodeRuneInString(storage.MarkEnd)
	for _, r := range snippet {
		if r == ms || r == me {
			marks = append(marks, mark{len(plain), r})
			continue
		}
		plain = append(plain, r)
	}
	// src[i] is the folded rune plain[i] is, -1 for a delimiter's.
	src := make([]int, len(plain))
	for i := range src {
		src[i] = -1
	}
	locate := func(start, end, fromByte int) int {
		piece := string(plain[start:end])
		b := strings.Index(fs[fromByte:], piece)
		if b < 0 {
			return -1
		}
		b += fromByte
		at := utf8.RuneCountInString(fs[:b])
		for k := start; k < end; k++ {
			src[k] = at + k - start
		}
		return b + len(piece)
	}
	if locate(0, len(plain), 0) < 0 && delim != "" {
		d := []rune(delim)
		start, cursor := 0, 0
		for i := 0; i <= len(plain); i++ {
			atDelim := i+len(d) <= len(plain) && string(plain[i:i+len(d)]) == delim
			if i < len(plain) && !atDelim {
				continue
			}
			if i > start {
				if next := locate(start, i, cursor); next >= 0 {
					cursor = next
				}
			}
			if i == len(plain) {
				break
			}
			i += len(d) - 1
			start = i + 1
		}
	}
	var b strings.Builder
	m := 0
	for i, r := range plain {
		for m < len(marks) && marks[m].at == i {
			b.WriteRune(marks[m].r)
			m++
		}
		j := src[i]
		if j < 0 {
			b.WriteRune(r)
			continue
		}
		// The segment's text goes with its last folded rune.
		end := len(orig)
		if j+1 < len(from) {
			end = from[j+1]
		}
		b.WriteString(orig[from[j]:end])
	}
	for ; m < len(marks); m++ {
		b.WriteRune(marks[m].r)
	}
	return b.String()
}

// plainRanges are the characters that Unicode NFD leaves as they are and
// that are no combining marks: tab, line feed, carriage return, ASCII
// from the space on and Latin-1 up to U+00BF (accented letters start at
// U+00C0), and the dashes, quotes, bullets and ellipsis of U+2010 to
// U+2027. Text made of them only is its own folding.
var plainRanges = [][2]rune{{'\t', '\n'}, {'\r', '\r'}, {' ', 0xBF}, {0x2010, 0x2027}}

// plainClass is plainRanges as the inside of a regular expression
// bracket (PostgreSQL compares ranges by code point).
func plainClass() string {
	var b strings.Builder
	for _, r := range plainRanges {
		b.WriteRune(r[0])
		if r[1] != r[0] {
			b.WriteByte('-')
			b.WriteRune(r[1])
		}
	}
	return b.String()
}

// migrationFoldPlain makes storing an article cheaper for the server,
// with the same stored search vectors and results. fold_accents gets a
// fast path: text made of plainRanges only (most text in English, curly
// quotes, dashes and © included) is returned as it is, without the NFD
// decomposition that took a tenth of the server's time to COPY articles.
// Articles are kept whole in their row up to the page's size
// (toast_tuple_target): a row of text and search vector of a few
// kilobytes is no longer compressed and moved to the TOAST table, which
// took a sixth of that time. What is still compressed (longer articles,
// search vectors of quotes, state blobs) is compressed with LZ4 where the
// server can (PostgreSQL 14 and later built with it; others keep pglz),
// in a fraction of pglz's time. Rows already stored keep their values: the
// folding is the same and each value records how it was compressed.
var migrationFoldPlain = `
CREATE OR REPLACE FUNCTION fold_accents(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT CASE WHEN t !~ '[^` + plainClass() + `]' THEN t
		ELSE regexp_replace(normalize(t, NFD), '[` + string(rune(0x300)) + `-` + string(rune(0x36F)) + `]', '', 'g') END $$;
ALTER TABLE articles SET (toast_tuple_target = 8160);
DO $$ BEGIN
	ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN fts SET COMPRESSION lz4;
	ALTER TABLE quotes ALTER COLUMN fts SET COMPRESSION lz4;
	ALTER TABLE state ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL;
END $$;
`

// migrationFoldInline (schema version 11) declares fold_accents without STRICT, with the same
// body and results (a null text gives null either way), so that the
// server inlines it: a SQL function declared STRICT is only inlined when
// its body provably returns null for a null argument, which the CASE of
// migrationFoldPlain does not, so every call ran the SQL function's own
// executor. Inlined, the vectors of articles and quotes and the generated
// search column of entities compute the same expression without that
// overhead, which was most of fmgr_sql's 6% of the server's CPU while
// workers stored pages (the entities of each batch fold two texts a row).
var migrationFoldInline = `
CREATE OR REPLACE FUNCTION fold_accents(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT CASE WHEN t !~ '[^` + plainClass() + `]' THEN t
		ELSE regexp_replace(normalize(t, NFD), '[` + string(rune(0x300)) + `-` + string(rune(0x36F)) + `]', '', 'g') END $$;
`

// migrationCompressedStorage stores the values that the client already
// compressed with zstd (raw pages, the prepared results of jobs) without
// the server's own compression: the server tried to compress each with
// pglz before storing it out of line, which found nothing and cost it
// about 2.5% of its CPU while workers stored pages. It is applied with
// migrationFoldInline.
const migrationCompressedStorage = `
ALTER TABLE raw_pages ALTER COLUMN data SET STORAGE EXTERNAL;
ALTER TABLE jobs ALTER COLUMN prepared SET STORAGE EXTERNAL;
`
