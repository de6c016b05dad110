package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/cputime"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage"
)

// TestEntityNamesReplaced commits entity rows in turn and checks the
// lookup names stored after each: set Names replace an entity's names
// (those kept, those gone and those added), nil Names keep them, and an
// entity listed twice in a batch keeps the names of both lists.
func TestEntityNamesReplaced(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	row := func(id int64, names ...string) storage.EntityRow {
		r := storage.EntityRow{Entity: model.Entity{ID: id, Canonical: "Entity", Type: model.Organization}}
		if names != nil {
			r.Names = names
		}
		return r
	}
	for _, step := range []struct {
		name string
		rows []storage.EntityRow
		want []string // "id name", sorted
	}{
		{"new", []storage.EntityRow{row(1, "a", "b"), row(2, "b")}, []string{"1 a", "1 b", "2 b"}},
		{"one kept, one gone, one added", []storage.EntityRow{row(1, "b", "c")}, []string{"1 b", "1 c", "2 b"}},
		{"nil names kept", []storage.EntityRow{row(1), row(2)}, []string{"1 b", "1 c", "2 b"}},
		{"listed twice", []storage.EntityRow{row(2, "d"), row(2, "b", "e")}, []string{"1 b", "1 c", "2 b", "2 d", "2 e"}},
		{"all gone", []storage.EntityRow{row(1, []string{}...)}, []string{"2 b", "2 d", "2 e"}},
		{"same again", []storage.EntityRow{row(2, "e", "d", "b")}, []string{"2 b", "2 d", "2 e"}},
	} {
		if err := s.Commit(ctx, &storage.Batch{ReadModel: storage.ReadModel{Entities: step.rows}}); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT entity_id || ' ' || name FROM entity_names ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			got = append(got, v)
		}
		rows.Close()
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: names %q, want %q", step.name, got, step.want)
		}
	}
}

// BenchmarkCommitEntityNames commits batches rewriting 1,000 stored
// entities of six lookup names each whose names change by one, as when
// an entity gains an alias; it reports the process's CPU time an
// operation besides the time.
func BenchmarkCommitEntityNames(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const entities, names = 1000, 6
	batch := func(round int) *storage.Batch {
		rows := make([]storage.EntityRow, entities)
		for i := range rows {
			ns := make([]string, names)
			for j := range ns {
				ns[j] = fmt.Sprintf("name %d of entity %d", round+j, i)
			}
			rows[i] = storage.EntityRow{Entity: model.Entity{ID: int64(i + 1), Canonical: fmt.Sprintf("Entity %d", i), Type: model.Person}, Names: ns}
		}
		return &storage.Batch{ReadModel: storage.ReadModel{Entities: rows}}
	}
	if err := s.Commit(ctx, batch(0)); err != nil {
		b.Fatal(err)
	}
	cpu0 := cputime.Process()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		next := batch(i + 1)
		b.StartTimer()
		if err := s.Commit(ctx, next); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Process(); cpu > 0 {
		b.ReportMetric(float64(cpu-cpu0)/float64(b.N), "cpu-ns/op")
	}
}
