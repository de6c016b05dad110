package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"
)

// Search vectors in pieces. Real pages almost always hold something
// localVector leaves to the server (an abbreviation, a web address, a
// slash, a quotation mark or letter it does not know), and one such word
// sent the whole text to the server's parser. The server's parser never
// reads a word across a space, tab or line break, except inside a tag or
// comment (which begin with '<'), so a text without '<' can be read a
// piece at a time: the runs between such spaces that localVector reads
// are read here, and the others (with the space on either side, so that
// the server starts and ends them as it would in the text) are read by
// the server, each distinct piece of a batch once, and their words put
// at their place. The vector is the server's for the whole text:
// TestPieceVectorMatchesServer compares both on random and real texts.

// planItem is a step of a vector's plan: a word read here, or a piece of
// text for the server to read.
type planItem struct {
	text  string
	w     pgtype.TSVectorWeight
	piece bool
}

// pieceWord is a word of a piece of text as the server reads it: its
// lexeme and its position in the piece.
type pieceWord struct {
	lexeme string
	pos    int
}

// isBreak reports whether the server's parser reads c as a space that
// ends any word outside a tag.
func isBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// plan returns the plan of the vector of a, weighted wa, and b, weighted
// wb, as localVector concatenates them, and false when the texts cannot
// be read in pieces (too long, or holding '<'). The plan is valid until
// v's next use.
func (v *vectorBuilder) plan(a string, wa pgtype.TSVectorWeight, b string, wb pgtype.TSVectorWeight) ([]planItem, bool) {
	if len(a) > maxLocalText || len(b) > maxLocalText || strings.IndexByte(a, '<') >= 0 || strings.IndexByte(b, '<') >= 0 {
		return nil, false
	}
	v.planning = true
	defer func() { v.planning = false }()
	v.items = v.items[:0]
	v.planText(a, wa)
	v.planText(b, wb)
	return v.items, true
}

// planText adds the plan of s, weighted w, to v.items.
func (v *vectorBuilder) planText(s string, w pgtype.TSVectorWeight) {
	for i := 0; i < len(s); {
		if isBreak(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && !isBreak(s[i]) {
			i++
		}
		n := len(v.items)
		if v.scan(s[start:i], w) {
			continue
		}
		v.items = v.items[:n]
		lo, hi := start, i
		if lo > 0 {
			lo--
		}
		if hi < len(s) {
			hi++
		}
		v.items = append(v.items, planItem{text: s[lo:hi], w: w, piece: true})
	}
}

// build returns the vector of a plan, with the words of its pieces as the
// server read them (readPieces), and false when it goes beyond what
// localVector models (positions, occurrences).
func (v *vectorBuilder) build(items []planItem, pieces map[string][]pieceWord) (pgtype.TSVector, bool) {
	v.reset()
	for _, it := range items {
		if !it.piece {
			if !v.add(it.text, it.w) {
				return pgtype.TSVector{}, false
			}
			continue
		}
		words, ok := pieces[it.text]
		if !ok {
			return pgtype.TSVector{}, false
		}
		base := v.pos
		for _, pw := range words {
			if !v.addAt(pw.lexeme, base+pw.pos, it.w) {
				return pgtype.TSVector{}, false
			}
			v.pos = base + pw.pos
		}
	}
	return v.finish(), true
}

// readPieces has the server q read each piece as its search vector
// expressions read text, and returns the words of each piece in order of
// position. A piece whose reading localVector cannot place (a word
// repeated up to the server's limit of positions, positions beyond the
// limit) is left out: build then leaves its text to the server.
func readPieces(ctx context.Context, q querier, pieces []string) (map[string][]pieceWord, error) {
	out := make(map[string][]pieceWord, len(pieces))
	if len(pieces) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, `SELECT u.n, to_tsvector('simple', fold_accents(u.p)) FROM unnest($1::text[]) WITH ORDINALITY AS u(p, n)`, pieces)
	if err != nil {
		return nil, fmt.Errorf("read text pieces for search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		var vec pgtype.TSVector
		if err := rows.Scan(&n, &vec); err != nil {
			return nil, fmt.Errorf("read text pieces for search: %w", err)
		}
		if n < 1 || int(n) > len(pieces) {
			return nil, fmt.Errorf("read text pieces for search: piece %d of %d", n, len(pieces))
		}
		var words []pieceWord
		ok := true
		for _, l := range vec.Lexemes {
			if len(l.Positions) >= maxLocalPositions {
				ok = false
			}
			for _, p := range l.Positions {
				if int(p.Position) >= maxLocalPos {
					ok = false
				}
				words = append(words, pieceWord{lexeme: l.Word, pos: int(p.Position)})
			}
		}
		if !ok {
			continue
		}
		slices.SortFunc(words, func(x, y pieceWord) int {
			if c := cmp.Compare(x.pos, y.pos); c != 0 {
				return c
			}
			return strings.Compare(x.lexeme, y.lexeme)
		})
		out[pieces[n-1]] = words
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read text pieces for search: %w", err)
	}
	return out, nil
}

// textPair is the two texts of a search vector and their weights (see
// localVector).
type textPair struct {
	a, b   string
	wa, wb pgtype.TSVectorWeight
}

// pieceVectors returns the search vectors of pairs, computed here with
// the pieces this client does not read read by the server q (one query
// for all), and for each whether it was computed: those that were not
// are left to the server's expression.
func pieceVectors(ctx context.Context, q querier, pairs []textPair) ([]pgtype.TSVector, []bool, error) {
	var vb vectorBuilder
	plans := make([][]planItem, len(pairs))
	planned := make([]bool, len(pairs))
	seen := make(map[string]bool)
	var pieces []string
	for i, p := range pairs {
		items, ok := vb.plan(p.a, p.wa, p.b, p.wb)
		if !ok {
			continue
		}
		plans[i], planned[i] = slices.Clone(items), true
		for _, it := range items {
			if it.piece && !seen[it.text] {
				seen[it.text] = true
				pieces = append(pieces, it.text)
			}
		}
	}
	words, err := readPieces(ctx, q, pieces)
	if err != nil {
		return nil, nil, err
	}
	vecs := make([]pgtype.TSVector, len(pairs))
	done := make([]bool, len(pairs))
	for i := range pairs {
		if planned[i] {
			vecs[i], done[i] = vb.build(plans[i], words)
		}
	}
	return vecs, done, nil
}
