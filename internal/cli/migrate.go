package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/storage/migrate"
	"github.com/parallax-news/parallax/internal/storage/open"
)

func (a *app) migrateCmd() *cobra.Command {
	var from, to string
	cmd := &cobra.Command{
		Use:   "migrate --from STORE --to STORE",
		Short: "Copy a whole store into a new, empty store (SQLite to PostgreSQL and back)",
		Long: `Copy every article, story, thread, analysis, read-model row and learned state
of one store into an empty store of any kind, e.g.

  parallax migrate --from parallax.db --to postgres://user@host/dbname

The source is only read; the target is created and migrated if needed and
must hold nothing yet. After the copy the row counts of every table are
compared. Ingesting into the copy goes on where the source stopped.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from == "" || to == "" {
				return usage(fmt.Errorf("migrate needs --from and --to"))
			}
			if from == to {
				return usage(fmt.Errorf("--from and --to name the same store"))
			}
			src, err := open.Open(a.ctx, from, open.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer src.Close()
			a.dbPath = to
			dst, err := a.open(open.Options{})
			if err != nil {
				return err
			}
			defer dst.Close()
			s, ok1 := src.(migrate.Store)
			d, ok2 := dst.(migrate.Store)
			if !ok1 || !ok2 {
				return fmt.Errorf("these stores cannot be copied (%T to %T)", src, dst)
			}
			t := time.Now()
			copied, err := migrate.Copy(a.ctx, s, d, func(table string, n int) {
				if !a.quiet {
					fmt.Fprintf(a.stderr, "\r%s: %d rows ", table, n)
				}
			})
			if !a.quiet {
				fmt.Fprintln(a.stderr)
			}
			if err != nil {
				return err
			}
			if err := migrate.Verify(a.ctx, s, d); err != nil {
				return fmt.Errorf("the copy differs from the source: %w", err)
			}
			c, err := d.Counts(a.ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "copied %d articles, %d stories, %d threads, %d entities, %d claims and %d state blobs in %.1fs\n",
				c.Articles, c.Stories, c.Threads, copied["entities"], copied["claims"], copied["state"], time.Since(t).Seconds())
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the store to copy (a SQLite file or a postgres:// URL)")
	cmd.Flags().StringVar(&to, "to", "", "the empty store to copy into (a SQLite file or a postgres:// URL)")
	cmd.Flags().BoolVar(&a.noWait, "no-wait", false, "fail at once when another parallax process is writing to the target")
	return cmd
}
