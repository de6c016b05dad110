package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// errorsByBase maps the base name of each failing path to its message.
func errorsByBase(errs []*Error) map[string]string {
	m := map[string]string{}
	for _, e := range errs {
		m[filepath.Base(e.Path)] = e.Err.Error()
	}
	return m
}

func ids(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.ID)
	}
	slices.Sort(out)
	return out
}

func TestFilesFollowsLinks(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"in/a.txt":          []byte("A."),
		"in/sub/b.txt":      []byte("B."),
		"elsewhere/c.txt":   []byte("C."),
		"elsewhere/d/e.txt": []byte("E."),
	})
	links := map[string]string{
		"in/c.txt":     "../elsewhere/c.txt", // a linked file
		"in/linked":    "../elsewhere/d",     // a linked folder
		"in/sub/up":    "..",                 // back to an enclosing folder
		"in/self.txt":  "self.txt",           // a link to itself
		"in/gone.txt":  "nowhere.txt",        // a broken link
		"in/again.txt": "a.txt",              // a second name for a listed file
		"folder-link":  "in",                 // a linked folder named as the argument
		"in/sub/wider": "../../elsewhere",    // a folder whose parts are listed already
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	files, errs := Files([]string{filepath.Join(dir, "folder-link")})
	if got, want := ids(files), []string{"a", "b", "c", "e"}; !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	msgs := errorsByBase(errs)
	for name, want := range map[string]string{
		"up":       "loop",
		"self.txt": "loop",
		"gone.txt": "broken symbolic link",
	} {
		if !strings.Contains(msgs[name], want) {
			t.Errorf("error for %s = %q, want it to say %q", name, msgs[name], want)
		}
	}
	if len(errs) != 3 {
		t.Errorf("got %d errors, want 3: %v", len(errs), errs)
	}
}

func TestFilesGoesOnAfterBadArguments(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"good/a.txt": []byte("A."),
		"x.pdf":      []byte("%PDF"),
		"b.txt":      []byte("B."),
	})
	files, errs := Files([]string{
		filepath.Join(dir, "missing"),
		filepath.Join(dir, "x.pdf"),
		filepath.Join(dir, "good"),
		filepath.Join(dir, "b.txt"),
	})
	if got, want := ids(files), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	msgs := errorsByBase(errs)
	if !strings.Contains(msgs["missing"], "no such file") || !strings.Contains(msgs["x.pdf"], "unsupported file type") {
		t.Errorf("errors = %v", msgs)
	}
	for _, e := range errs {
		if strings.Count(e.Error(), e.Path) != 1 {
			t.Errorf("%q names its path more or less than once", e.Error())
		}
	}
}

func TestFilesGoesOnAfterUnreadableFolder(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"in/a.txt":        []byte("A."),
		"in/locked/b.txt": []byte("B."),
		"in/z/c.txt":      []byte("C."),
	})
	locked := filepath.Join(dir, "in", "locked")
	l := &lister{seen: map[string]bool{}, open: map[string]bool{}, readDir: func(p string) ([]fs.DirEntry, error) {
		if p == locked {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return os.ReadDir(p)
	}}
	l.arg(filepath.Join(dir, "in"))
	assignIDs(l.files)
	if got, want := ids(l.files), []string{"a", "c"}; !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	if len(l.errs) != 1 || l.errs[0].Path != locked || !errors.Is(l.errs[0], fs.ErrPermission) {
		t.Errorf("errors = %v, want one naming %s", l.errs, locked)
	}

	// The same with real permissions, where they apply.
	if os.Geteuid() == 0 {
		return // root reads any folder
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	files, errs := Files([]string{filepath.Join(dir, "in")})
	if got, want := ids(files), []string{"a", "c"}; !slices.Equal(got, want) || len(errs) != 1 {
		t.Errorf("ids = %v, errors %v", got, errs)
	}
}
