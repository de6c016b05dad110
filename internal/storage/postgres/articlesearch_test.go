package postgres_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/storage/postgres"
)

func TestSplitBySize(t *testing.T) {
	art := func(id int64, size int) *model.Article {
		return &model.Article{ID: id, Text: strings.Repeat("x", size)}
	}
	for _, c := range []struct {
		name  string
		sizes []int
		n     int
		want  [][]int64
	}{
		{"none", nil, 2, nil},
		{"one", []int{10}, 2, [][]int64{{1}}},
		{"even", []int{10, 10, 10, 10}, 2, [][]int64{{1, 2}, {3, 4}}},
		{"one large first", []int{100, 10, 10, 10}, 2, [][]int64{{1}, {2, 3, 4}}},
		{"one large last", []int{10, 10, 10, 100}, 2, [][]int64{{1, 2, 3, 4}}},
		{"three", []int{10, 10, 10, 10, 10, 10}, 3, [][]int64{{1, 2}, {3, 4}, {5, 6}}},
		{"one part", []int{10, 20}, 1, [][]int64{{1, 2}}},
		{"empty texts", []int{0, 0, 0}, 2, [][]int64{{1}, {2, 3}}},
	} {
		var arts []*model.Article
		for i, s := range c.sizes {
			arts = append(arts, art(int64(i+1), s))
		}
		var got [][]int64
		for _, p := range postgres.SplitBySize(arts, c.n) {
			var ids []int64
			for _, a := range p {
				ids = append(ids, a.ID)
			}
			got = append(got, ids)
		}
		if !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("%s: SplitBySize = %v, want %v", c.name, got, c.want)
		}
	}
}
