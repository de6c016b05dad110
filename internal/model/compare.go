package model

// Precision is how exactly a date is known.
type Precision string

// Date precisions.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
	// Week, Quarter, Half, Season and Decade values are written as TimeML
	// writes them: 2024-W10 (a weekend: 2024-W10-WE), 2024-Q1, 2024-H2,
	// 2024-SU (SP, SU, FA, WI; a winter is named by the year of its
	// December), 199 (the 1990s).
	Week    Precision = "week"
	Quarter Precision = "quarter"
	Half    Precision = "half"
	Season  Precision = "season"
	Decade  Precision = "decade"
)

// DateRef is one date expression in an article ("on Sunday", "last month",
// "December 9") and the calendar date it names.
type DateRef struct {
	Span
	// Text is the expression as written.
	Text string
	// Value is YYYY-MM-DD, YYYY-MM or YYYY by Precision (or a week,
	// quarter, half, season or decade, see Week); empty when the
	// expression could not be resolved.
	Value     string
	Precision Precision
	// Note says why an expression is unresolved ("relative to an event").
	Note string
}

// Resolved reports whether the expression was given a calendar value.
func (d DateRef) Resolved() bool { return d.Value != "" }

// Coverage of a fact: by every outlet of the story, by some, or by one.
const (
	CoverageAll  = "all"
	CoverageSome = "some"
	CoverageOne  = "one"
)

// Comparison is one story told side by side by its outlets. Offsets
// (Start, End) in it are character offsets into the exported article text;
// ids are article external ids. Its JSON form is a stable contract.
type Comparison struct {
	Story    int64            `json:"story"`
	Headline string           `json:"headline"`
	Coverage Coverage         `json:"coverage"`
	Articles []CompareArticle `json:"articles"`
	// Facts are statements aligned across articles, most widely reported
	// first.
	Facts     []Fact       `json:"facts"`
	Quotes    []QuoteGroup `json:"quotes"`
	Conflicts []Conflict   `json:"conflicts"`
	Framing   []Framing    `json:"framing"`
	// ScareQuotes are short phrases articles put in quotation marks
	// without quoting anyone ("so-called" distance).
	ScareQuotes []Rendering     `json:"scare_quotes"`
	Numbers     []NumberGroup   `json:"numbers"`
	Timeline    []TimelineEntry `json:"timeline"`
	// Unique lists, per article, the facts no other outlet reports.
	Unique map[string][]string `json:"unique"`
	// Omissions lists, per article, the facts most other outlets report
	// and it leaves out.
	Omissions map[string][]string `json:"omissions"`
}

// Coverage sums up who covered a story and when.
type Coverage struct {
	Outlets []string `json:"outlets"`
	// Accounts counts the independent accounts: near-copies carried by
	// several outlets count once.
	Accounts int     `json:"accounts"`
	First    *string `json:"first"`
	Last     *string `json:"last"`
	// Registry holds the outlet registry's entries for the outlets.
	Registry []Outlet `json:"registry"`
}

// CompareArticle is one article of a compared story.
type CompareArticle struct {
	ID          string  `json:"id"`
	Outlet      string  `json:"outlet"`
	Published   *string `json:"published"`
	Title       string  `json:"title"`
	DuplicateOf *string `json:"duplicate_of"`
	// Chars is the length of the article text in characters.
	Chars int `json:"chars"`
}

// Rendering is one article's wording of a fact or a quote.
type Rendering struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Fact is one statement as the story's articles render it.
type Fact struct {
	ID string `json:"id"`
	// Text is the most representative rendering.
	Text       string      `json:"text"`
	Coverage   string      `json:"coverage"`
	Outlets    []string    `json:"outlets"`
	Renderings []Rendering `json:"renderings"`
}

// QuoteRendering is one article's rendering of a statement.
type QuoteRendering struct {
	Rendering
	Kind QuoteKind `json:"kind"`
	Cue  string    `json:"cue"`
}

// QuoteGroup is one statement by one speaker as each outlet rendered it.
type QuoteGroup struct {
	Speaker    string           `json:"speaker"`
	Renderings []QuoteRendering `json:"renderings"`
	// Changes compare each rendering with the first.
	Changes []QuoteChange `json:"changes"`
}

// DiffOp is one step of a word diff: "=" kept, "-" only in the first
// rendering, "+" only in the other.
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// MeaningChange flags a difference between renderings that can change what
// a statement means.
type MeaningChange struct {
	// Kind is "negation", "number", "hedge" or "verb".
	Kind string `json:"kind"`
	// Added and Removed are the words the other rendering adds or drops.
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// QuoteChange is the difference between a group's first rendering and
// another one, over the words both cover.
type QuoteChange struct {
	From  string          `json:"from"`
	To    string          `json:"to"`
	Diff  []DiffOp        `json:"diff"`
	Flags []MeaningChange `json:"flags"`
}

// ConflictSide is one holder's stance on a disputed claim.
type ConflictSide struct {
	Stance Stance `json:"stance"`
	Holder string `json:"holder"`
	ID     string `json:"id"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
}

// Conflict is a claim on which holders take opposite stances.
type Conflict struct {
	Claim string         `json:"claim"`
	Sides []ConflictSide `json:"sides"`
	// Within lists the articles that report opposite stances themselves.
	Within []string `json:"within"`
}

// OutletFraming is how one outlet attributes a speaker's words.
type OutletFraming struct {
	Outlet string   `json:"outlet"`
	Cues   []string `json:"cues"`
}

// Framing compares the reporting verbs outlets use for one speaker.
type Framing struct {
	Speaker string          `json:"speaker"`
	Outlets []OutletFraming `json:"outlets"`
}

// NumberMention is one article's figure for a quantity.
type NumberMention struct {
	Rendering
	Value float64 `json:"value"`
}

// NumberGroup is one quantity that articles report with different figures.
type NumberGroup struct {
	Quantity string          `json:"quantity"`
	Mentions []NumberMention `json:"mentions"`
}

// TimelineEntry is one dated event of a story.
type TimelineEntry struct {
	Date      string    `json:"date"`
	Precision Precision `json:"precision"`
	// Text is the date expression; Evidence the sentence it dates.
	Text     string `json:"text"`
	Evidence string `json:"evidence"`
	ID       string `json:"id"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Note says why an expression has no date.
	Note string `json:"note,omitempty"`
	// Fact is the fact the sentence carries.
	Fact string `json:"fact,omitempty"`
	// Disputed is set when outlets date the same fact differently.
	Disputed bool `json:"disputed,omitempty"`
}
