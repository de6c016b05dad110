package entity

// LookupKeys returns the forms under which a name or alias is looked up:
// its light key (case, diacritics, apostrophes, hyphens and doubled
// letters folded) and its phonetic key (transliteration variants folded
// too). Two spellings of one name share at least one of them.
func LookupKeys(name string) []string {
	l, p := lightKey(name), phoneticKey(name)
	if l == p {
		return []string{l}
	}
	return []string{l, p}
}
