package report

import (
	"fmt"
	"html/template"
	"io"

	"github.com/parallax-news/parallax/internal/model"
)

// htmlPage is the template of the self-contained HTML report: inline
// style, no scripts, no external assets.
var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"day":      func(s *string) string { return day(s, "–") },
	"facts":    factsBy,
	"outlet":   outletOf,
	"fact":     func(c *model.Comparison, id string) string { return factText(c, id, 160) },
	"flags":    flagString,
	"describe": describeOutlet,
	"outlets":  outletList,
	"list":     func(s ...string) []string { return s },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Story {{.Story}}: {{.Headline}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.r{margin:.2em 0 .2em 1.5em;color:#333}.src{color:#777;font-size:85%}.all{border-left:4px solid #2a7}.some{border-left:4px solid #db3}
.fact{padding-left:.6em;margin:1em 0}.del{background:#fdd;text-decoration:line-through}.ins{background:#dfd}.flag{color:#b00;font-weight:600}
.deny{color:#b00}.assert,.admit{color:#070}
</style></head><body>
<h1>Story {{.Story}}: {{.Headline}}</h1>
<p>{{len .Articles}} articles from {{len .Coverage.Outlets}} outlets ({{.Coverage.Accounts}} independent accounts); first {{day .Coverage.First}}, last {{day .Coverage.Last}}.</p>
<h2>Coverage</h2>
<table><tr><th>article</th><th>outlet</th><th>published</th><th>length</th><th>headline</th></tr>
{{range .Articles}}<tr><td>{{.ID}}</td><td>{{outlet .}}</td><td>{{day .Published}}</td><td>{{.Chars}}</td><td>{{.Title}}{{with .DuplicateOf}} <em>(near-copy of {{.}})</em>{{end}}</td></tr>
{{end}}</table>
{{with .Coverage.Registry}}<ul>{{range .}}<li><strong>{{.Name}}</strong>: {{describe .}}</li>{{end}}</ul>{{end}}
{{$c := .}}
{{range $cov := (list "all" "some")}}{{with facts $c $cov}}
<h2>Facts reported by {{$cov}} outlets</h2>
{{range .}}<div class="fact {{$cov}}"><strong>{{.ID}}</strong> {{.Text}}{{if ne $cov "all"}} <span class="src">({{outlets $c .Outlets}})</span>{{end}}
{{range .Renderings}}<div class="r">“{{.Text}}” <span class="src">{{.ID}} {{.Start}}–{{.End}}</span></div>{{end}}</div>
{{end}}{{end}}{{end}}
<h2>Unique details and omissions</h2>
<table><tr><th>article</th><th>only this outlet</th><th>left out</th></tr>
{{range .Articles}}<tr><td>{{.ID}}</td><td>{{range index $c.Unique .ID}}<div>{{.}}: {{fact $c .}}</div>{{end}}</td><td>{{range index $c.Omissions .ID}}<div>{{.}}: {{fact $c .}}</div>{{end}}</td></tr>
{{end}}</table>
{{with .Quotes}}<h2>Quote renderings</h2>
{{range .}}<h3>{{if .Speaker}}{{.Speaker}}{{else}}(unknown speaker){{end}}</h3>
{{range .Renderings}}<div class="r">{{.Kind}}, <em>{{.Cue}}</em>: “{{.Text}}” <span class="src">{{.ID}} {{.Start}}–{{.End}}</span></div>{{end}}
{{range .Changes}}{{if .Flags}}<div class="r"><span class="flag">{{.From}} → {{.To}}: {{flags .Flags}}</span><br>{{range .Diff}}{{if eq .Op "-"}}<span class="del">{{.Text}}</span> {{else if eq .Op "+"}}<span class="ins">{{.Text}}</span> {{else}}{{.Text}} {{end}}{{end}}</div>{{end}}{{end}}
{{end}}{{end}}
{{with .Conflicts}}<h2>Conflicts</h2>
{{range .}}<h3>{{.Claim}}</h3>
{{range .Sides}}<div class="r"><span class="{{.Stance}}">{{.Stance}}</span> {{.Holder}}: “{{.Text}}” <span class="src">{{.ID}} {{.Start}}–{{.End}}</span></div>{{end}}
{{with .Within}}<div class="r">Opposite stances inside one article: {{range .}}{{.}} {{end}}</div>{{end}}
{{end}}{{end}}
{{with .Framing}}<h2>Attribution</h2><table><tr><th>speaker</th><th>outlet</th><th>reporting verbs</th></tr>
{{range $f := .}}{{range .Outlets}}<tr><td>{{$f.Speaker}}</td><td>{{.Outlet}}</td><td>{{range .Cues}}{{.}} {{end}}</td></tr>{{end}}{{end}}</table>{{end}}
{{with .ScareQuotes}}<h2>Words in quotation marks, nobody quoted</h2>
{{range .}}<div class="r">“{{.Text}}” <span class="src">{{.ID}} {{.Start}}–{{.End}}</span></div>{{end}}{{end}}
{{with .Numbers}}<h2>Numbers that differ</h2>
{{range .}}<h3>{{.Quantity}}</h3>{{range .Mentions}}<div class="r">{{.Text}} <span class="src">{{.ID}} {{.Start}}–{{.End}}</span></div>{{end}}{{end}}{{end}}
{{with .Timeline}}<h2>Timeline</h2><table><tr><th>date</th><th>expression</th><th>sentence</th><th>source</th></tr>
{{range .}}<tr><td>{{if .Date}}{{.Date}}{{else}}unresolved ({{.Note}}){{end}}{{if .Disputed}} <span class="flag">dated differently elsewhere</span>{{end}}</td><td>{{.Text}}</td><td>{{.Evidence}}</td><td class="src">{{.ID}} {{.Start}}–{{.End}}</td></tr>
{{end}}</table>{{end}}
</body></html>
`))

// HTML writes c as one self-contained HTML page.
func HTML(w io.Writer, c *model.Comparison) error {
	if err := htmlPage.Execute(w, c); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
