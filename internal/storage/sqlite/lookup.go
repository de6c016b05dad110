package sqlite

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// Lookups by a list of keys.
//
// A statement "WHERE col IN (?, ?, …)" reads its list into a temporary
// b-tree, which SQLite opens and closes with the statement. This build
// of SQLite shares one page cache among all connections
// (SQLITE_ENABLE_MEMORY_MANAGEMENT): closing the temporary b-tree lowers
// the shared cache's bound by the ~2 MB it had added and evicts that
// many pages of the store's tables, pages the next statements read from
// the file again, and each page freed and allocated again costs the
// allocator a system call. A list read through json_each and joined to
// the table in the list's order (CROSS JOIN keeps json_each the outer
// loop) opens no temporary b-tree; the list is sorted and without
// repeats, so the rows come in key order, as the IN list with ORDER BY
// gave them.

// Statements reading rows by a list of keys given as the JSON array of
// idList or textList (?1).
const (
	// stateByNames reads state rows by name.
	stateByNames = `SELECT s.name, s.data FROM json_each(?1) j CROSS JOIN state s ON s.name = j.value`
	// storyThreadsByID reads the threads of stories.
	storyThreadsByID = `SELECT s.id, s.thread_id FROM json_each(?1) j CROSS JOIN stories s ON s.id = j.value`
	// entityStatesByID reads entities' digests and article counts.
	entityStatesByID = `SELECT e.id, e.digest, e.articles FROM json_each(?1) j CROSS JOIN entities e ON e.id = j.value`
	// entityNamesByID reads the lookup names of entities.
	entityNamesByID = `SELECT n.name, n.entity_id FROM json_each(?1) j CROSS JOIN entity_names n ON n.entity_id = j.value`
	// stancesCols reads stances of stories or articles.
	stancesCols = `SELECT st.article_id, st.seq, a.story_id, st.claim_id, st.start_at, st.end_at, st.holder, st.stance, st.qualifier, st.text, st.proposition FROM json_each(?1) j CROSS JOIN `
	// stancesByStory reads the stances of stories' articles.
	stancesByStory = stancesCols + `articles a ON a.story_id = j.value JOIN stances st ON st.article_id = a.id ORDER BY st.article_id, st.seq`
	// stancesByArticle reads the stances of articles.
	stancesByArticle = stancesCols + `stances st ON st.article_id = j.value JOIN articles a ON a.id = st.article_id ORDER BY st.article_id, st.seq`
	// storyArticles reads what a story's summary is made of (the
	// length of the lead in ?2), its articles in id order.
	storyArticles = `SELECT a.story_id, a.title, substr(a.body, 1, ?2), a.outlet, a.published, a.duplicate_of FROM json_each(?1) j CROSS JOIN articles a ON a.story_id = j.value ORDER BY a.id`
)

// idList returns ids sorted and without repeats as a JSON array.
func idList(ids []int64) string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return jsonInts(slices.Compact(ids))
}

// textList returns names sorted and without repeats as a JSON array, and
// false when one of them is not valid UTF-8 or holds a NUL character,
// which a JSON string would not give back as it is.
func textList(names []string) (string, bool) {
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	n := 2
	for _, s := range names {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return "", false
		}
		n += len(s) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, s := range names {
		if i > 0 {
			b = append(b, ',')
		}
		q, err := json.Marshal(s)
		if err != nil {
			return "", false
		}
		b = append(b, q...)
	}
	return string(append(b, ']')), true
}
