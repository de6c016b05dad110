package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersFirmsAndBodies checks, on invented articles analysed whole,
// the speakers of quotations whose body is named over "and" or "&", known
// by a role's office, typed as a place, or spoken for by a spokesman or
// by "it" and "the company" after it spoke; and the cases that must stay
// unnamed or go to someone else.
func TestSpeakersFirmsAndBodies(t *testing.T) {
	tests := []articleCase{
		{name: "a firm named over an ampersand",
			text:   "Shares in Pellow & Marsh fell. Pellow & Marsh said its plan stood. \"We have a clear plan,\" it said.\n",
			quotes: []wantQuote{{"clear plan", "Pellow & Marsh"}}},
		{name: "a trust named after a firm over an ampersand",
			text:   "A spokesperson for the Pellow & Marsh Pension Trust said trustees would be \"asking hard questions\" of the board.\n",
			quotes: []wantQuote{{"asking hard questions", "Pellow & Marsh Pension Trust"}}},
		{name: "a body named over and",
			text:   "The Tariffs and Trade Authority said the offer fell short. \"Prices would rise,\" the authority said.\n",
			quotes: []wantQuote{{"Prices would rise", "Tariffs and Trade Authority"}}},
		{name: "a partnership named over and",
			text:   "Quenby and Lusk Associates said the survey was \"wholly inadequate\".\n",
			quotes: []wantQuote{{"wholly inadequate", "Quenby and Lusk Associates"}}},
		{name: "two people over and stay two",
			text:   "Marta Quenby and Tobias Lusk said the survey was \"wholly inadequate\".\n",
			quotes: []wantQuote{{"wholly inadequate", "Tobias Lusk"}}},
		{name: "an office named by its holder's title",
			text:   "The Data Protection Commissioner's Office confirmed it had been told. A spokesman said: \"We will be making enquiries.\"\n",
			quotes: []wantQuote{{"making enquiries", "Data Protection Commissioner's Office"}}},
		{name: "a spokesman for the body of the sentence before",
			text:   "The Department for Coastal Affairs insisted the pledge still stood. A spokesman said: \"Our commitment is unchanged.\"\n",
			quotes: []wantQuote{{"commitment is unchanged", "Department for Coastal Affairs"}}},
		{name: "a spokesman after a body named in passing stays unnamed",
			text:   "Fishermen blamed the Department for Coastal Affairs for the delay. A spokesman said: \"Our commitment is unchanged.\"\n",
			quotes: []wantQuote{{"commitment is unchanged", ""}}},
		{name: "it after a body confirmed something",
			text: "Trains were cancelled. The operator, Dunmore Rail Services, has confirmed that one train an hour will run. " +
				"\"We are very sorry for the disruption,\" it said in a post.\n",
			quotes: []wantQuote{{"very sorry", "Dunmore Rail Services"}}},
		{name: "it after a person spoke stays unnamed",
			text: "The operator, Dunmore Rail Services, has confirmed that one train an hour will run. Commuter Ailsa Brent said the queues were long. " +
				"\"We are very sorry for the disruption,\" it said in a post.\n",
			quotes: []wantQuote{{"very sorry", ""}}},
		{name: "the letter of a body named before by its noun",
			text:   "The Flood Standards Agency did not object. But the agency's own letter, which I have read, says the site is at \"high risk\" today.\n",
			quotes: []wantQuote{{"high risk", "Flood Standards Agency"}}},
		{name: "the letter of a body never named stays unnamed",
			text:   "Planners approved the homes. But the agency's own letter says the site is at \"high risk\" today.\n",
			quotes: []wantQuote{{"high risk", ""}}},
		{name: "the company after a firm the recogniser typed as a place",
			text: "The Tariffs and Trade Authority blocked the deal on Tuesday.\n" +
				"Shares in Velmora rose. Velmora, which had argued that the merger would cut prices, said it was \"disappointed\" by the ruling.\n" +
				"\"The authority has taken a narrow view,\" the company said.\n",
			quotes: []wantQuote{{"disappointed", "Velmora"}, {"narrow view", "Velmora"}}},
		{name: "the company is not an authority",
			text:   "The Tariffs and Trade Authority blocked the deal on Tuesday. \"We will appeal,\" the company said.\n",
			quotes: []wantQuote{{"We will appeal", ""}}},
		{name: "the company after a firm typed as an organisation",
			text:   "Corvel Holdings said profits fell. \"Demand was weak,\" the company said.\n",
			quotes: []wantQuote{{"Demand was weak", "Corvel Holdings"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReadersAndHomes checks readers' messages in live blogs and
// speakers given with where they live ("Colm in Harwood writes:"), and
// that a body or an unnamed group so placed stays what it was.
func TestSpeakersReadersAndHomes(t *testing.T) {
	tests := []speakerCase{
		{"a reader's email opening the entry", "08:10 Some reaction from readers. Priti in Lowerbridge emails: \"The cat has taken my chair.\"\n",
			"cat has taken", "Priti"},
		{"a reader who writes", "08:12 And Colm in Harwood writes: \"I support the strikers, but not today.\"\n",
			"support the strikers", "Colm"},
		{"a reader in apposition", "11:20 A reader, Jenny in St Austin, emails: \"Our fence is in next door's garden.\"\n",
			"Our fence", "Jenny"},
		{"a reader titled so", "Reader Tomasz writes: \"The buses are full too.\"\n",
			"buses are full", "Tomasz"},
		{"a named person placed so", "Mayor Odile Ferrant in Lisbon said: \"The roads are shut.\"\n",
			"roads are shut", "Odile Ferrant"},
		{"residents placed so stay unnamed", "Residents in Lisbon said: \"The roads are shut.\"\n",
			"roads are shut", ""},
		{"police placed so stay a body", "Police in Lisbon said: \"The roads are shut.\"\n",
			"roads are shut", "police"},
	}
	checkSpeakerCases(t, tests)
}

// TestSpeakersIntroducedAndRepeated checks a quotation running over
// paragraphs after a paragraph that names one person in passing, a
// speaker whose given name is also a city's, and "repeats" as a verb of
// saying; and that a paragraph naming two people, or none, leaves the
// quotation unnamed.
func TestSpeakersIntroducedAndRepeated(t *testing.T) {
	tests := []speakerCase{
		{"one person named in the paragraph before",
			"The kiln has not gone out since 1990.\nThat someone, most days, is Orla Vantreight, sixty, who bought the workshop.\n" +
				"\u201cPeople ask me why I never switch it off.\n\u201cIf you let it go cold, you lose a week.\u201d\n",
			"switch it off", "Orla Vantreight"},
		{"two people named in the paragraph before",
			"That someone is Orla Vantreight, whose partner Callum Dunmarsh left in May.\n" +
				"\u201cPeople ask me why I never switch it off.\n\u201cIf you let it go cold, you lose a week.\u201d\n",
			"switch it off", ""},
		{"nobody named in the paragraph before",
			"The kiln has not gone out since 1990.\n" +
				"\u201cPeople ask me why I never switch it off.\n\u201cIf you let it go cold, you lose a week.\u201d\n",
			"switch it off", ""},
		{"a given name that is also a city's",
			"Vail's lawyer, Sofia Marrandt, asked for leniency. \"He has told investigators everything,\" she said.\n",
			"told investigators", "Sofia Marrandt"},
		{"a headline quotation before a colon",
			"''HE RUINED MY SHOW'': feud erupts at village fete\nA fete descended into chaos on Friday.\n" +
				"Her marrow was smashed. ''I just stood there and cried,'' sobbed Maisie Tolland, 74.\n",
			"HE RUINED MY SHOW", "Maisie Tolland"},
		{"a headline quotation when a body speaks first",
			"''HE RUINED MY SHOW'': feud erupts at village fete\nA fete descended into chaos on Friday.\n" +
				"Brackley Police said: ''We are investigating the damage.'' Gran Maisie Tolland, 74, said: ''I just stood there and cried.''\n",
			"HE RUINED MY SHOW", ""},
		{"repeats as a verb of saying",
			"Orla Vantreight is unimpressed.\n\u201cVibrancy,\u201d she repeats. \u201cThey want flats.\u201d\n",
			"They want flats", "Orla Vantreight"},
	}
	checkSpeakerCases(t, tests)
}

// TestPronounsAfterUnnamed checks "he" and "she" after the writer meets
// someone unnamed ("I met a woman …", "One of them, who …,"), and that a
// relation ("who has a son") or a person named after the unnamed one
// keeps the named.
func TestPronounsAfterUnnamed(t *testing.T) {
	tests := []speakerCase{
		{"a woman the writer meets",
			"Councillor Bram Ottery said the closures were needed.\n" +
				"At the branch I met a woman in her seventies who reads the papers there. \"This is the only place I talk to anybody,\" she told me.\n",
			"only place I talk", ""},
		{"a boy the writer meets in the same sentence",
			"Councillor Bram Ottery said the closures were needed.\nI met a boy doing his homework, because, he said, \"it's warm here and it's quiet.\"\n",
			"warm here", ""},
		{"one of a group opening the sentence",
			"Councillor Bram Ottery said the closures were needed.\nThe librarians know this. One of them, who asked me not to use her name, put it starkly. \"We are not just lending books,\" she said.\n",
			"lending books", ""},
		{"a relation keeps the one named",
			"Liam Coster, who has a two-year-old son of his own, shrugged off the praise.\n\"Anyone would have done the same,\" he insisted.\n",
			"done the same", "Liam Coster"},
		{"a person named after the unnamed one",
			"Dov Gaines spoke for an hour.\nA man near the front shouted \"Tell them, Dov!\" and Gaines pointed at him. \"I'll tell them,\" he said.\n",
			"tell them", "Dov Gaines"},
	}
	checkSpeakerCases(t, tests)
}

// TestPronounsOfTheSubject checks that in a paragraph opening with "She"
// (or "Her") and naming nobody, "she" is the person the text is about
// rather than someone quoted last whom the text never gave a gender,
// and that a speaker the text already called "she" keeps the pronoun.
func TestPronounsOfTheSubject(t *testing.T) {
	obituary := "Nessa Caddow, lighthouse keeper and author, dies aged 93\n" +
		"Nessa Caddow, who kept the Polwenna light for years, has died. Caddow was 93.\n" +
		"Caddow left school at fourteen and later wrote books for children.\n" +
		"Her editor, Jory Pentreath, said the books were hard. \"She would not soften a word,\" he recalled.\n" +
		"She was fiercely private. Asked what readers should take from the books, she replied: \"That the sea is bigger than you.\"\n" +
		"Her final book will be published in spring. In its last paragraph, she writes: \"I have been lucky.\"\n"
	profile := "The last ferryman of Orrin Sound\n" +
		"For forty years, Abel Thorsby has carried passengers across the sound. Thorsby does not think of himself as a relic.\n" +
		"Thorsby says the road will come. \"People say I'm the last,\" Thorsby said.\n" +
		"The chief engineer, Priya Ramaswamy, is unsentimental. \"Infrastructure is a trade,\" she said.\n" +
		"She paused. \"Abel is the only person who never complained to me.\"\n"
	tests := []speakerCase{
		{"the subject after a speaker called he", obituary, "sea is bigger", "Nessa Caddow"},
		{"the subject in a paragraph opening with her", obituary, "I have been lucky", "Nessa Caddow"},
		{"the speaker quoted last keeps his quote", obituary, "would not soften", "Jory Pentreath"},
		{"a speaker already called she keeps the pronoun", profile, "never complained", "Priya Ramaswamy"},
	}
	checkSpeakerCases(t, tests)
}

// speakerCase is an invented article and the speaker one of its
// quotations must be given.
type speakerCase struct {
	name    string
	text    string
	quote   string // a part of the quote text
	speaker string // "" for an unnamed speaker
}

// checkSpeakerCases analyses each case's text whole and checks the speaker
// of every quotation containing the case's quote part.
func checkSpeakerCases(t *testing.T, tests []speakerCase) {
	t.Helper()
	an := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := an.Document(&model.Article{ID: 1, Text: tc.text})
			for _, q := range quotesContaining(t, d, tc.quote) {
				if q.Speaker != tc.speaker {
					t.Errorf("quote %q: speaker %q (mention %q), want %q", tc.quote, q.Speaker, q.SpeakerMention, tc.speaker)
				}
			}
		})
	}
}

// wantQuote is a quotation of an invented article and its speaker.
type wantQuote struct {
	quote   string // a part of the quote text
	speaker string // "" for an unnamed speaker
}

// articleCase is an invented article and the speakers of its quotations.
type articleCase struct {
	name   string
	text   string
	quotes []wantQuote
}

// checkArticleCases analyses each case's text whole and checks the speaker
// of every quotation containing one of its quote parts.
func checkArticleCases(t *testing.T, tests []articleCase) {
	t.Helper()
	an := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := an.Document(&model.Article{ID: 1, Text: tc.text})
			for _, w := range tc.quotes {
				for _, q := range quotesContaining(t, d, w.quote) {
					if q.Speaker != w.speaker {
						t.Errorf("quote %q: speaker %q (mention %q), want %q", w.quote, q.Speaker, q.SpeakerMention, w.speaker)
					}
				}
			}
		})
	}
}
