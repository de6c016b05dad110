package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/model"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/storage"
	"github.com/parallax-news/parallax/internal/storage/sqlite"
)

func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score Parallax against gold data",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "clusters FILE.jsonl",
		Short: "Cluster a gold JSONL file in a throw-away store and print BCubed and pairwise scores as JSON",
		Long: `Ingest FILE.jsonl into a temporary store, cluster it with default settings and
score the story assignments against the file's "story" field, which is read
only for scoring.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := evalClusters(a, args[0])
			if err != nil {
				return err
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(res)
		},
	})
	return cmd
}

type clusterScores struct {
	Articles    int         `json:"articles"`
	Stories     int         `json:"stories"`
	GoldStories int         `json:"gold_stories"`
	BCubed      eval.Scores `json:"bcubed"`
	Pairwise    eval.Scores `json:"pairwise"`
	Seconds     float64     `json:"seconds"`
}

func evalClusters(a *app, path string) (clusterScores, error) {
	var res clusterScores
	gold, err := readGold(path)
	if err != nil {
		return res, err
	}
	dir, err := os.MkdirTemp("", "parallax-eval-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(a.ctx, filepath.Join(dir, "eval.db"))
	if err != nil {
		return res, err
	}
	defer st.Close()
	p, err := pipeline.Open(a.ctx, st, pipeline.Options{Logger: a.log, Analyzer: newAnalyzer()})
	if err != nil {
		return res, err
	}
	rep, err := p.Ingest(a.ctx, []string{path})
	if err != nil {
		return res, err
	}
	printProblems(a.stderr, rep)
	pred := map[string]string{}
	if err := st.Articles(a.ctx, storage.ArticleFilter{}, func(ar *model.Article) error {
		if _, ok := gold[ar.ExternalID]; ok {
			pred[ar.ExternalID] = strconv.FormatInt(ar.StoryID, 10)
		}
		return nil
	}); err != nil {
		return res, err
	}
	g := map[string]string{}
	stories, goldStories := map[string]bool{}, map[string]bool{}
	for id, s := range pred {
		g[id] = gold[id]
		stories[s] = true
		goldStories[gold[id]] = true
	}
	res.Articles, res.Stories, res.GoldStories = len(pred), len(stories), len(goldStories)
	res.BCubed = eval.BCubed(g, pred)
	res.Pairwise = eval.Pairwise(g, pred)
	res.Seconds = rep.Elapsed.Seconds()
	return res, nil
}

// readGold reads the gold "story" of every record of a JSONL file. This is
// the only place Parallax reads that field, and only to score.
func readGold(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			ID    json.RawMessage `json:"id"`
			Story json.RawMessage `json:"story"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		id, story := rawString(rec.ID), rawString(rec.Story)
		if id == "" || story == "" {
			return nil, fmt.Errorf("%s:%d: gold record needs \"id\" and \"story\"", path, line)
		}
		gold[id] = story
	}
	return gold, sc.Err()
}

func rawString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
