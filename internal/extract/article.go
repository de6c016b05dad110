package extract

import (
	"context"
	"errors"
	"strings"
	"unsafe"

	"github.com/parallax-news/parallax/internal/model"
)

// Article turns one raw input into a cleaned article: a copy of a with its
// Text, and whatever the body tells that a leaves empty (title, author,
// outlet, language, URL, publication time). An HTML body goes through
// HTMLContext; plain text through c.
//
// The string returned is a warning ("" for none): the page was extracted
// short of a full extraction (see Result.Warning), or the text was cut
// after MaxLines lines (see CapLines). The error says why no article is
// left.
func Article(ctx context.Context, c *Cleaner, a model.Article, body string, isHTML bool) (*model.Article, string, error) {
	if !isHTML {
		return TextArticle(c, a, SplitText(body))
	}
	// HTMLContext only reads the page: it is given body's bytes
	// rather than a copy of a page of some hundred kilobytes.
	res, err := HTMLContext(ctx, unsafe.Slice(unsafe.StringData(body), len(body)), a.URL)
	if err != nil {
		return nil, "", err
	}
	warning := res.Warning
	var capped string
	a.Text, capped = CapLines(res.Text)
	a.Removed = res.Removed
	a.Title = firstNonEmpty(a.Title, res.Title)
	a.Author = firstNonEmpty(a.Author, res.Author)
	a.Outlet = firstNonEmpty(a.Outlet, res.SiteName)
	a.Language = firstNonEmpty(a.Language, res.Language)
	a.URL = firstNonEmpty(a.URL, res.URL)
	if a.Published.IsZero() {
		a.Published = res.Published
	}
	switch {
	case warning == "":
		warning = capped
	case capped != "":
		warning += "; " + capped
	}
	return finish(a, warning)
}

// TextArticle is Article for a plain-text body already split by SplitText
// (which a caller may have read first, for its Hashes).
func TextArticle(c *Cleaner, a model.Article, t *Text) (*model.Article, string, error) {
	res := c.cleanLines(newLines(t.lines), len(t.text))
	a.Text = res.Text
	a.Removed = res.Removed
	a.Author = firstNonEmpty(a.Author, res.Author)
	a.Outlet = firstNonEmpty(a.Outlet, res.Outlet)
	if a.Title == "" {
		a.Title = res.Title
	} else if res.Title != "" && !sameTitle(res.Title, a.Title) {
		// The cleaner took the body's first line for a title, but the
		// input names another: keep that line as body text.
		a.Text = res.Title + "\n" + a.Text
	}
	if a.Published.IsZero() {
		a.Published = res.Published
	}
	return finish(a, t.warning)
}

// finish completes an extracted article: the outlet from the URL when
// nothing named one, and an error when no text or title is left.
func finish(a model.Article, warning string) (*model.Article, string, error) {
	if a.Outlet == "" && a.URL != "" {
		a.Outlet = hostOf(a.URL)
	}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "" {
		return nil, warning, errors.New("no article text left after extraction")
	}
	return &a, warning, nil
}

// sameTitle reports whether two headlines differ only in case, spacing and
// punctuation.
func sameTitle(a, b string) bool {
	norm := func(s string) string {
		var sb strings.Builder
		for _, r := range strings.ToLower(s) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '’' && r != '‘' && r != '“' && r != '”' {
				sb.WriteRune(r)
			}
		}
		return sb.String()
	}
	return norm(a) == norm(b)
}

// hostOf returns the host of a URL without "www.", as an outlet's name of
// last resort.
func hostOf(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimPrefix(strings.ToLower(s), "www.")
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
