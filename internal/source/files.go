package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// File is one input file found by Files.
type File struct {
	Path string
	Size int64
	// ID is the external id of a single-document file (.txt, .html): its
	// name without extension, or, when several listed files share that
	// name, its path below the input folder without extension
	// ("bbc/source"). Records of a JSON file without an id of their own
	// get ID-line ("feed-12").
	ID string

	rel string // path below the input folder (the path given, for a file)
}

// formats maps a file extension (lower case, after removing ".gz") to the
// reader of its content. Adding a format is one entry here.
var formats = map[string]readFunc{
	".txt":    (*Reader).readText,
	".text":   (*Reader).readText,
	".html":   (*Reader).readHTML,
	".htm":    (*Reader).readHTML,
	".xhtml":  (*Reader).readHTML,
	".json":   (*Reader).readJSON,
	".jsonl":  (*Reader).readJSONL,
	".ndjson": (*Reader).readJSONL,
	".warc":   (*Reader).readWARC,
}

// readFunc reads one decompressed input. id is the file's id (the base of
// its records' ids); input problems go to r.report, and only an error from
// fn is returned.
type readFunc func(r *Reader, path, id string, in io.Reader, fn func(Item) error) error

// Supported reports whether a file name has an extension Parallax reads.
func Supported(name string) bool {
	_, read := kindOf(name)
	return read != nil
}

// supportedList names the extensions Parallax reads, for messages.
func supportedList() string {
	exts := make([]string, 0, len(formats))
	for e := range formats {
		exts = append(exts, e)
	}
	slices.Sort(exts)
	return strings.Join(exts, ", ") + ", each optionally .gz"
}

// kindOf returns the file's base name without extensions and the reader of
// its format (nil when unsupported).
func kindOf(name string) (string, readFunc) {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".gz") {
		base, lower = base[:len(base)-3], lower[:len(lower)-3]
	}
	ext := filepath.Ext(lower)
	return base[:len(base)-len(ext)], formats[ext]
}

// Files expands paths (files and folders, recursively) into the supported
// input files, in lexical order within each folder. Symbolic links to files
// and folders are followed; a file or folder met twice is listed once, and
// a link back to an enclosing folder is reported as a loop. Unsupported
// files and hidden entries inside folders are skipped silently.
//
// Every path that cannot be used — missing, unreadable, an unsupported file
// named directly, a named pipe, device or socket (never opened), a broken
// or looping link — is returned as an *Error, and the other paths are still
// listed.
func Files(paths []string) ([]File, []*Error) {
	l := &lister{readDir: os.ReadDir, seen: map[string]bool{}, open: map[string]bool{}}
	for _, p := range paths {
		l.arg(p)
	}
	assignIDs(l.files)
	return l.files, l.errs
}

// lister walks the inputs for Files.
type lister struct {
	readDir func(string) ([]fs.DirEntry, error)
	files   []File
	errs    []*Error
	seen    map[string]bool // resolved paths of the files and folders listed
	open    map[string]bool // resolved paths of the folders being walked
}

func (l *lister) fail(path string, err error) {
	l.errs = append(l.errs, &Error{Path: path, Err: err})
}

// arg lists one path given by the user.
func (l *lister) arg(p string) {
	info, err := os.Stat(p)
	if err != nil {
		l.fail(p, statError(err))
		return
	}
	switch {
	case info.IsDir():
		l.dir(p, p)
	case !info.Mode().IsRegular():
		l.fail(p, specialError(info.Mode()))
	case !Supported(p):
		l.fail(p, fmt.Errorf("unsupported file type (want %s)", supportedList()))
	default:
		l.file(p, info, filepath.ToSlash(p))
	}
}

// file lists a regular file unless it was listed already.
func (l *lister) file(path string, info fs.FileInfo, rel string) {
	real := resolved(path)
	if l.seen[real] {
		return
	}
	l.seen[real] = true
	l.files = append(l.files, File{Path: path, Size: info.Size(), rel: rel})
}

// dir lists the supported files below dir, which lies in the input folder
// root.
func (l *lister) dir(root, dir string) {
	real := resolved(dir)
	switch {
	case l.open[real]:
		l.fail(dir, errors.New("symbolic link loop: the link leads back to an enclosing folder"))
		return
	case l.seen[real]:
		return
	}
	l.seen[real], l.open[real] = true, true
	defer delete(l.open, real)
	entries, err := l.readDir(dir)
	if err != nil {
		// The entries read before the failure are still listed.
		l.fail(dir, fmt.Errorf("read folder: %w", pathCause(err)))
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		mode := e.Type()
		var info fs.FileInfo
		if mode&fs.ModeSymlink != 0 || mode.IsRegular() && Supported(name) {
			if info, err = os.Stat(path); err != nil {
				l.fail(path, statError(err))
				continue
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			l.dir(root, path)
		case mode&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0:
			l.fail(path, specialError(mode))
		case Supported(name):
			rel, err := filepath.Rel(root, path)
			if err != nil {
				rel = path
			}
			l.file(path, info, filepath.ToSlash(rel))
		}
	}
}

// resolved returns the absolute path with every symbolic link resolved,
// or the cleaned path when it cannot be resolved.
func resolved(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// statError explains why a path cannot be used.
func statError(err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop (the link leads back to itself)")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder (or a broken symbolic link)")
	}
	return pathCause(err)
}

// pathCause strips the path an *fs.PathError repeats, since Error names it.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// specialError describes a file that is not a regular file.
func specialError(m fs.FileMode) error {
	what := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		what = "a device"
	}
	return fmt.Errorf("%s, not a regular file: not read", what)
}

// idBase returns the base of the ids of a file's articles.
func idBase(f File, stem string) string {
	if f.ID != "" {
		return f.ID
	}
	return stem
}

// assignIDs gives single-document files their external ids: the name
// without extension, unless another listed file has the same name; then
// the path below the input folder without extension, so that no two
// files' articles collide.
func assignIDs(files []File) {
	count := map[string]int{}
	for _, f := range files {
		stem, _ := kindOf(f.Path)
		count[stem]++
	}
	for i := range files {
		stem, _ := kindOf(files[i].Path)
		switch {
		case count[stem] == 1:
			files[i].ID = stem
		default:
			rel := files[i].rel
			files[i].ID = strings.TrimPrefix(rel[:len(rel)-(len(filepath.Base(rel))-len(stem))], "./")
		}
	}
}
