package dedupe

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// appendNames appends the hashes of a text's named things to dst: words
// written with a capital that do not start a sentence, a line or a
// quotation (people, places, organisations), and numbers. Each is hashed
// lower-cased.
func appendNames(dst []uint32, text string) []uint32 {
	start := true // at the start of a sentence
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '”', '«', '—', '|':
				start = true
			}
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += s2
		}
		if unicode.IsDigit(r) || !start && unicode.IsUpper(r) {
			dst = append(dst, uint32(lowerHash(text[i:j])))
		}
		start = false
		i = j
	}
	return dst
}

// lowerHash is tokenize.Hash of s with its ASCII capitals lower-cased,
// without copying s.
func lowerHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// bottomNames sorts name hashes, drops repeats and keeps the k smallest.
func bottomNames(names []uint32, k int) []uint32 {
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) > k {
		names = names[:k]
	}
	return names
}

// namesAgree reports whether two texts name the same things: of the
// smaller set of name hashes, at most one in eight (at least one) may be
// missing from the other. The sets are bottom-k samples of at most k
// hashes; only the part of the smaller below the larger's limit is
// compared.
func namesAgree(a, b []uint32, k int) bool {
	small, large := a, b
	if len(small) > len(large) {
		small, large = large, small
	}
	limit := ^uint32(0)
	if len(large) >= k {
		limit = large[len(large)-1]
	}
	n, miss, j := 0, 0, 0
	for _, h := range small {
		if h > limit {
			break
		}
		n++
		for j < len(large) && large[j] < h {
			j++
		}
		if j >= len(large) || large[j] != h {
			miss++
		}
	}
	return miss <= max(1, n/8)
}
