package cli

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/storage"
)

// loadOutlets reads the outlet registry stored in st (empty when none).
func (a *app) loadOutlets(st storage.Store) (*outlet.Registry, error) {
	reg := outlet.New(nil)
	_, err := st.ReadState(a.ctx, outlet.StateName, func(data []byte) error {
		r, err := outlet.Decode(data)
		if err == nil {
			reg = r
		}
		return err
	})
	return reg, err
}

func (a *app) outletsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "outlets",
		Short: "List the outlet registry: domains, country, language, owner, state affiliation",
		Long: `List the outlet registry the comparison uses to name outlets and describe them.

Articles map to an outlet by the domain of their URL (or a parent domain), or
by their outlet name. Fill the registry with "parallax outlets import FILE.csv".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openReader()
			if err != nil {
				return err
			}
			defer st.Close()
			reg, err := a.loadOutlets(st)
			if err != nil {
				return err
			}
			if reg.Len() == 0 {
				fmt.Fprintln(a.stdout, "no outlets yet: parallax outlets import FILE.csv")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "OUTLET\tDOMAINS\tCOUNTRY\tLANGUAGE\tOWNER\tSTATE\tNOTES")
			for _, o := range reg.Outlets() {
				state := "no"
				if o.StateAffiliated {
					state = "yes"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Name, strings.Join(o.Domains, " "), orDash(o.Country), orDash(o.Language),
					orDash(o.Owner), state, clip(o.Notes, 60))
			}
			return tw.Flush()
		},
	}
	imp := &cobra.Command{
		Use:   "import FILE.csv...",
		Short: "Add outlets from CSV (name, domains, country, language, owner, state_affiliated, notes)",
		Long: `Add outlets to the registry from CSV files with a header row naming the
columns name, domains (separated by ";"), country, language, owner,
state_affiliated (yes or no) and notes; only name is required. An outlet
already in the registry under the same name is replaced. A bad row is reported
with its file and line and skipped, and the exit code is 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.importOutlets(args) },
	}
	a.dbFlag(imp)
	cmd.AddCommand(imp)
	return cmd
}

// importOutlets merges the outlets of CSV files into the stored registry.
func (a *app) importOutlets(paths []string) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := a.loadOutlets(st)
	if err != nil {
		return err
	}
	n := 0
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(a.stderr, "parallax:", err)
			a.partial = true
			continue
		}
		outs, errs := outlet.ReadCSV(f, path)
		f.Close()
		for _, e := range errs {
			fmt.Fprintln(a.stderr, "parallax:", e)
			a.partial = true
		}
		reg.Merge(outs)
		n += len(outs)
	}
	blob, err := reg.Encode()
	if err != nil {
		return err
	}
	if err := st.Commit(a.ctx, &storage.Batch{State: map[string][]byte{outlet.StateName: blob}}); err != nil {
		return fmt.Errorf("save outlet registry: %w", err)
	}
	fmt.Fprintf(a.stdout, "imported %d outlets; %d in the registry\n", n, reg.Len())
	return nil
}
