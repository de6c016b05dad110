package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestServeRefusesToStart(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:8080", "--db", missing}, ExitUsage, "--token"},
		{[]string{"serve", "--addr", ":8080", "--db", missing}, ExitUsage, "every interface"},
		{[]string{"serve", "--addr", "8080", "--db", missing}, ExitUsage, "host:port"},
		{[]string{"serve", "--addr", "127.0.0.1:0", "--db", missing}, ExitStore, "none.db"},
		{[]string{"serve", "--demo", "--examples", filepath.Join(t.TempDir(), "nothing"), "--addr", "127.0.0.1:0"}, ExitUsage, "example corpus"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
