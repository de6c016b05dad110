// Package report renders a story comparison for people and programs: plain
// text for the terminal, Markdown with sentence provenance for memos, one
// self-contained HTML page, and JSON (the stable contract of
// model.Comparison). The command line and the web interface share it.
package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallax-news/parallax/internal/model"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "md", "html", "json"}

// Write renders c in format to w.
func Write(w io.Writer, format string, c *model.Comparison) error {
	switch format {
	case "json":
		return JSON(w, c)
	case "text", "":
		return Text(w, c)
	case "md", "markdown":
		return Markdown(w, c)
	case "html":
		return HTML(w, c)
	}
	return fmt.Errorf("report: unknown format %q (want text, md, html or json)", format)
}

// JSON writes c as one JSON object on one line.
func JSON(w io.Writer, c *model.Comparison) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// printf writes formatted output (to a buffered writer).
type printf func(format string, args ...any)
