package entity

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/model"
)

func find(text string) []model.Mention {
	return NewRecognizer().Find(text, sentence.Split(text))
}

// mentionOf returns the first mention whose text is s.
func mentionOf(ms []model.Mention, s string) (model.Mention, bool) {
	for _, m := range ms {
		if m.Text == s {
			return m, true
		}
	}
	return model.Mention{}, false
}

// wantMention is a mention a test text must hold: its surface form, and
// the type, role and key found for it.
type wantMention struct {
	text string
	typ  model.EntityType
	role string
	key  string
}

// mentionCase is a text, the mentions it must hold and the surface forms
// that must not be mentions.
type mentionCase struct {
	name string
	text string
	want []wantMention
	not  []string
}

// checkMentionCases runs find on each case's text and checks the type,
// role, key and span of each mention it must hold, that the forms it must
// not hold are no mentions, and that no two mentions overlap.
func checkMentionCases(t *testing.T, tests []mentionCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := find(tc.text)
			for _, w := range tc.want {
				m, ok := mentionOf(ms, w.text)
				if !ok {
					t.Errorf("no mention %q in %v", w.text, ms)
					continue
				}
				if m.Type != w.typ || m.Role != w.role || m.Key != w.key {
					t.Errorf("%q: got type=%s role=%q key=%q, want type=%s role=%q key=%q", w.text, m.Type, m.Role, m.Key, w.typ, w.role, w.key)
				}
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("%q: span %d:%d is %q", w.text, m.Start, m.End, tc.text[m.Start:m.End])
				}
			}
			for _, n := range tc.not {
				if _, ok := mentionOf(ms, n); ok {
					t.Errorf("unexpected mention %q", n)
				}
			}
			for i := 1; i < len(ms); i++ {
				if ms[i].Start < ms[i-1].End {
					t.Errorf("overlap %v %v", ms[i-1], ms[i])
				}
			}
		})
	}
}

func TestFindRolesAndKeys(t *testing.T) {
	tests := []mentionCase{
		{"an age or a relative pronoun in apposition makes a person",
			"Maelis Corvandt, 72, was carried out. Bryony Tallish, who has died aged 88, led the strike.",
			[]wantMention{{"Maelis Corvandt", model.Person, "", "Maelis Corvandt"}, {"Bryony Tallish", model.Person, "", "Bryony Tallish"}},
			nil},
		{"a plural possessive before an organisation word stays in the name",
			"A spokesman for the Millers' Union spoke. The Vardon Pensioners' Association met.",
			[]wantMention{{"Millers' Union", model.Organization, "", "Millers' Union"}, {"Vardon Pensioners' Association", model.Organization, "", "Vardon Pensioners' Association"}},
			nil},
		{"a given name after Dame or Sir joins the full name; whose and a relative make a person",
			"Dame Orla Penhallow led the inquiry. \"The signs were there,\" Dame Orla said. Among them was Kerrin Ashdale, whose son died.",
			[]wantMention{{"Orla", model.Person, "", "Orla Penhallow"}, {"Kerrin Ashdale", model.Person, "", "Kerrin Ashdale"}},
			nil},
		{"a capitalised scope word opens a name rather than a person's",
			"National Trackways said the line was shut. Officials at the Northern Ferry Partnership agreed.",
			[]wantMention{{"National Trackways", model.Other, "", "National Trackways"}, {"Northern Ferry Partnership", model.Other, "", "Northern Ferry Partnership"}},
			[]string{"Trackways", "Ferry Partnership"}},
		{"a hyphenated given name after a family name",
			"\"Rates will fall,\" said Quan Mei-ling, an analyst. The Tory-led council and Kyiv-based group met.",
			[]wantMention{{"Quan Mei-ling", model.Person, "analyst", "Quan Mei-ling"}},
			[]string{"Tory-led", "Kyiv-based"}},
		{"a given name set off by commas after a relative named with a possessive is a person's",
			"Rep. Annabel Halloway spoke. Halloway's husband, Grant, did not speak. Her son, Everett, waved.",
			[]wantMention{{"Grant", model.Person, "", "Grant"}, {"Everett", model.Person, "", "Everett"}},
			nil},
		{"the first words of a business named in full stand for it later",
			"Wexcombe Electronics Corp. said profit fell. Wexcombe shares slid. Dunmore Sachs & Co. advised it. Later Dunmore Sachs declined.",
			[]wantMention{{"Wexcombe", model.Organization, "", "Wexcombe Electronics Corp"}, {"Dunmore Sachs", model.Organization, "", "Dunmore Sachs & Co"}},
			nil},
		{"a surname shared with a business stays the person's",
			"Corliss Mills Inc. rejected the bid. Its chairman, Lucius Corliss, called it low. Mr. Corliss said no.",
			[]wantMention{{"Corliss", model.Person, "", "Lucius Corliss"}},
			nil},
		{"a government body's name goes on over and",
			"The Department for Energy and Climate Security rejects that. The Ministry of Housing and Local Government agreed.",
			[]wantMention{{"Department for Energy and Climate Security", model.Organization, "", "Department for Energy and Climate Security"},
				{"Ministry of Housing and Local Government", model.Organization, "", "Ministry of Housing and Local Government"}},
			[]string{"Department for Energy", "Climate Security"}},
		{"a body and another name stay apart",
			"The Department of Justice and Vantrell Corp reached a deal. Ministry of Defence and Navy officials met.",
			nil,
			[]string{"Department of Justice and Vantrell Corp"}},
		{"a firm's name goes on over and before an organisation or firm word",
			"The Tariffs and Trade Authority ruled. Quenby and Lusk Associates objected, as did Dorley and Sons.",
			[]wantMention{{"Tariffs and Trade Authority", model.Organization, "", "Tariffs and Trade Authority"},
				{"Quenby and Lusk Associates", model.Organization, "", "Quenby and Lusk Associates"},
				{"Dorley and Sons", model.Organization, "", "Dorley and Sons"}},
			[]string{"Trade Authority", "Lusk Associates"}},
		{"names over and stay apart without an organisation word, or with a known name or a person",
			"Marta Quenby and Tobias Lusk Associates met. Tessala and Vorn agreed. France and Britain Council met. Halsey Group and Varn Bank merged.",
			nil,
			[]string{"Marta Quenby and Tobias Lusk Associates", "Tessala and Vorn", "France and Britain Council", "Halsey Group and Varn Bank"}},
		{"a name over a spaced ampersand is a firm's",
			"Shares in Pellow & Marsh fell. A spokesperson for the Pellow & Marsh Pension Trust spoke. AT&T rose.",
			[]wantMention{{"Pellow & Marsh", model.Organization, "", "Pellow & Marsh"},
				{"Pellow & Marsh Pension Trust", model.Organization, "", "Pellow & Marsh Pension Trust"}},
			[]string{"Marsh", "Marsh Pension Trust"}},
		{"a noun of nationality before a full name is not part of it",
			"He was floored by unheralded Pole Tadeusz Wiernik. Welshman Owen Prydderch won. Finn Ravel Olsen lost.",
			[]wantMention{{"Tadeusz Wiernik", model.Other, "", "Tadeusz Wiernik"}, {"Owen Prydderch", model.Person, "", "Owen Prydderch"}},
			[]string{"Pole Tadeusz Wiernik", "Welshman Owen Prydderch", "Ravel Olsen"}},
		{"an office named by its holder's title",
			"The Data Protection Commissioner's Office confirmed it. The mayor's office declined to comment.",
			[]wantMention{{"Data Protection Commissioner's Office", model.Organization, "", "Data Protection Commissioner's Office"}},
			nil},
		{"councillor is a role",
			"Councillor Nadra Faskill said so. Cllr Faskill added more.",
			[]wantMention{{"Nadra Faskill", model.Person, "Councillor", "Nadra Faskill"}},
			[]string{"Councillor Nadra Faskill", "Cllr Faskill"}},
		{"an occupation or a council seat written before a name is a role, not part of the name",
			"Shopkeeper Tavin Olroyd saw it. Council Member Brisa Quellane voted no. Substitute Jory Pellandine scored late.",
			[]wantMention{{"Tavin Olroyd", model.Person, "Shopkeeper", "Tavin Olroyd"}, {"Brisa Quellane", model.Person, "Council Member", "Brisa Quellane"},
				{"Jory Pellandine", model.Person, "Substitute", "Jory Pellandine"}},
			[]string{"Shopkeeper Tavin Olroyd", "Member Brisa Quellane", "Substitute Jory Pellandine"}},
		{"role before name, lower-case role word",
			"Foreign Ministry spokesman Dariush Farahani said the talks would resume. Farahani added that nothing was agreed.",
			[]wantMention{{"Dariush Farahani", model.Person, "Foreign Ministry spokesman", "Dariush Farahani"}, {"Farahani", model.Person, "", "Dariush Farahani"}},
			[]string{"Foreign Ministry spokesman Dariush Farahani"}},
		{"organisation acronym inside role",
			"CIA Director Margaret Olsen warned on Monday that the deal was fragile.",
			[]wantMention{{"CIA", model.Organization, "", "Central Intelligence Agency"}, {"Margaret Olsen", model.Person, "CIA Director", "Margaret Olsen"}},
			[]string{"Monday"}},
		{"role with place and connector",
			"US Special Envoy for Iran Thomas Greaves told reporters the offer stood.",
			[]wantMention{{"Thomas Greaves", model.Person, "US Special Envoy for Iran", "Thomas Greaves"}, {"US", model.Place, "", "United States"}, {"Iran", model.Place, "", "Iran"}},
			nil},
		{"organisation and role before lower-case spokesman",
			"White House National Security Council spokesman Peter Lindqvist declined to comment.",
			[]wantMention{{"Peter Lindqvist", model.Person, "White House National Security Council spokesman", "Peter Lindqvist"},
				{"White House", model.Organization, "", "White House"}, {"National Security Council", model.Organization, "", "National Security Council"}},
			nil},
		{"former and title",
			"The decision was taken by former President Alma Verhoeven in 2019.",
			[]wantMention{{"Alma Verhoeven", model.Person, "former President", "Alma Verhoeven"}},
			[]string{"The"}},
		{"transliteration variants in one article",
			"Nasser Kan’ani spoke first. Later Kan’ani said more.",
			[]wantMention{{"Nasser Kan’ani", model.Person, "", "Nasser Kan’ani"}, {"Kan’ani", model.Person, "", "Nasser Kan’ani"}},
			[]string{"Later"}},
		{"acronym learned from brackets",
			"The Northern Fisheries Authority (NFA) published quotas. The NFA said stocks were low.",
			[]wantMention{{"Northern Fisheries Authority", model.Organization, "", "Northern Fisheries Authority"}, {"NFA", model.Organization, "", "Northern Fisheries Authority"}},
			[]string{"The"}},
		{"acronym learned from initials",
			"The National Grain Board cut its forecast, and officials at the NGB blamed drought.",
			[]wantMention{{"National Grain Board", model.Organization, "", "National Grain Board"}, {"NGB", model.Organization, "", "National Grain Board"}},
			nil},
		{"lower-case scraping damage",
			"kyiv and its allies rejected the plan.\nThe talks moved to kyiv later.",
			[]wantMention{{"kyiv", model.Place, "", "Kyiv"}},
			nil},
		{"sentence-initial common words",
			"But the minister disagreed. Speaking to reporters, she said prices would fall. However, Moscow objected. Meanwhile the Kremlin was silent.",
			[]wantMention{{"Moscow", model.Place, "", "Moscow"}, {"Kremlin", model.Organization, "", "Kremlin"}},
			[]string{"But", "Speaking", "However", "Meanwhile"}},
		{"official names fold to the country",
			"Officials of the Islamic Republic of Iran met envoys of the Russian Federation. The Islamic Republic said talks with the United States were over.",
			[]wantMention{{"Islamic Republic of Iran", model.Place, "", "Iran"}, {"Russian Federation", model.Place, "", "Russia"}, {"Islamic Republic", model.Place, "", "Iran"}, {"United States", model.Place, "", "United States"}},
			nil},
		{"two people sharing a surname stay apart",
			"Joe Halvorsen met Anna Halvorsen. Anna Halvorsen said later that Halvorsen was right.",
			[]wantMention{{"Joe Halvorsen", model.Person, "", "Joe Halvorsen"}, {"Anna Halvorsen", model.Person, "", "Anna Halvorsen"}},
			nil},
		{"demonyms are not entities",
			"Iranian and Russian officials met Western diplomats.",
			nil,
			[]string{"Iranian", "Russian", "Western"}},
		{"title-case headline keeps only known names",
			"Spokesman Says Talks With Russia Will Resume Soon\nThe foreign ministry spokesman Leila Morad said talks with Russia would resume.",
			[]wantMention{{"Russia", model.Place, "", "Russia"}, {"Leila Morad", model.Person, "foreign ministry spokesman", "Leila Morad"}},
			[]string{"Spokesman", "Says", "Talks", "Resume", "Soon", "Will"}},
		{"possessive and hyphenated names",
			"Iran’s Supreme Leader Ali Khamenei met Hossein Amir-Abdollahian. Amir-Abdollahian’s aides left for Moscow-Tehran talks.",
			[]wantMention{{"Iran", model.Place, "", "Iran"}, {"Ali Khamenei", model.Person, "Supreme Leader", "Ali Khamenei"},
				{"Amir-Abdollahian", model.Person, "", "Hossein Amir-Abdollahian"}, {"Moscow", model.Place, "", "Moscow"}, {"Tehran", model.Place, "", "Tehran"}},
			nil},
		{"role with connector and honorific",
			"Secretary of State Antony Blinken said Washington would not back down. Mr. Blinken later flew to Beirut.",
			[]wantMention{{"Antony Blinken", model.Person, "Secretary of State", "Antony Blinken"}, {"Blinken", model.Person, "", "Antony Blinken"}, {"Beirut", model.Place, "", "Beirut"}},
			[]string{"Mr.", "Mr. Blinken"}},
		{"appositive role after the name",
			"“We will not accept this,” said Dmitry Peskov, the Kremlin spokesman. Peskov did not elaborate.",
			[]wantMention{{"Dmitry Peskov", model.Person, "Kremlin spokesman", "Dmitry Peskov"}, {"Peskov", model.Person, "", "Dmitry Peskov"}},
			nil},
		{"organisation of a place",
			"The Federal Reserve Bank of New York raised rates, but the Bank of Japan held.",
			[]wantMention{{"Federal Reserve Bank of New York", model.Organization, "", "Federal Reserve Bank of New York"}, {"Bank of Japan", model.Organization, "", "Bank of Japan"}},
			nil},
		{"middle initial and role before organisation",
			"Superior Court Judge James R. Dabney ordered a hearing. Dabney said the case was urgent.",
			[]wantMention{{"James R. Dabney", model.Person, "Superior Court Judge", "James R. Dabney"}, {"Dabney", model.Person, "", "James R. Dabney"}},
			nil},
		{"name after a courtesy title is a person",
			"The minister, Mr. Tomas Berglund, denied it. Dr Lena Holmqvist said the bridge was safe.",
			[]wantMention{{"Tomas Berglund", model.Person, "minister", "Tomas Berglund"}, {"Lena Holmqvist", model.Person, "", "Lena Holmqvist"}},
			[]string{"Mr.", "Dr"}},
		{"name in apposition after a lower-case role is a person with that role",
			"But the disaster management minister, Anisur Rahmatullah, promised an inquiry.",
			[]wantMention{{"Anisur Rahmatullah", model.Person, "disaster management minister", "Anisur Rahmatullah"}},
			nil},
		{"name in apposition after a capitalised role with a title",
			"The Peruvian Minister of Foreign Trade, Mr. Jorge Salvatierra, dismissed the complaint.",
			[]wantMention{{"Jorge Salvatierra", model.Person, "Peruvian Minister of Foreign Trade", "Jorge Salvatierra"}},
			[]string{"Trade", "Foreign Trade"}},
		{"hyphenated titles are roles, also in apposition after an article",
			"Auditor-General Kwame Asantewaa spoke first. Later the Auditor-General, Yaw Boatengson, said more.",
			[]wantMention{{"Kwame Asantewaa", model.Person, "Auditor-General", "Kwame Asantewaa"}, {"Yaw Boatengson", model.Person, "Auditor-General", "Yaw Boatengson"}},
			[]string{"Auditor-General Kwame Asantewaa"}},
		{"a portfolio after a role is not a person",
			"The Minister of Foreign Trade of Chile spoke first.",
			[]wantMention{{"Chile", model.Place, "", "Chile"}},
			[]string{"Trade", "Foreign Trade"}},
		{"official names with a possessive fold to the country",
			"The People's Republic of Bangladesh filed a complaint against the People’s Republic of China.",
			[]wantMention{{"People's Republic of Bangladesh", model.Place, "", "Bangladesh"}, {"People’s Republic of China", model.Place, "", "China"}},
			[]string{"Republic of China"}},
		{"unknown two-word name becomes a person when its surname recurs",
			"Critics included Ilse Varnhagen of the Berlin Institute. Varnhagen called the plan reckless.",
			[]wantMention{{"Ilse Varnhagen", model.Person, "", "Ilse Varnhagen"}, {"Varnhagen", model.Person, "", "Ilse Varnhagen"}},
			nil},
	}
	checkMentionCases(t, tests)
}

func TestFindNoPanic(t *testing.T) {
	for _, s := range []string{"", "\n\n", "A", "’s", "U.S.", "(CIA)", "Mr. ", "-Iran-", "\xff\xfe Iran", "Al-", "kyiv", "THE END"} {
		_ = find(s)
	}
}

func TestPhoneticKey(t *testing.T) {
	same := [][]string{
		{"Nasser Kan’ani", "Nasser Kanani", "Nasser Kanaani", "Naser Kanaani", "NASSER KANAANI"},
		{"Erdoğan", "Erdogan"},
		{"Mohammad", "Mohammad"},
	}
	for _, g := range same {
		for _, s := range g[1:] {
			if phoneticKey(s) != phoneticKey(g[0]) {
				t.Errorf("phoneticKey(%q)=%q != phoneticKey(%q)=%q", s, phoneticKey(s), g[0], phoneticKey(g[0]))
			}
		}
	}
	diff := [][2]string{{"Kanaani", "Khamenei"}, {"Burns", "Kirby"}, {"Raisi", "Rais"}}
	for _, p := range diff {
		if phoneticKey(p[0]) == phoneticKey(p[1]) {
			t.Errorf("phoneticKey(%q) == phoneticKey(%q)", p[0], p[1])
		}
	}
}

func TestRegistry(t *testing.T) {
	reg := NewRegistry()
	texts := map[string]string{
		"a1": "Foreign Ministry spokesman Nasser Kan’ani said the claims were baseless. Kan’ani added more. Supreme Leader Ali Khamenei agreed.",
		"a2": "Spokesman Naser Kanaani spoke on Sunday. Kanaani said the CIA was wrong. Khamenei was silent.",
		"a3": "Kanaani repeated the claim. Officials in kyiv disagreed.",
		"a4": "CIA Director William Burns met John Kirby. Burns said the Central Intelligence Agency was worried. Kirby said nothing. John Smith said Kirby was away.",
		"a5": "Joe Halvorsen met Anna Halvorsen in Kiev. Halvorsen said nothing.",
		"a6": "Anna Halvorsen wrote to Joe Halvorsen.",
	}
	for _, id := range []string{"a1", "a2", "a3", "a4", "a5", "a6"} {
		reg.Add(id, find(texts[id]))
	}
	canon := func(k string) string { return reg.Canonical(k) }
	for _, k := range []string{"Nasser Kan’ani", "Naser Kanaani", "Kanaani"} {
		if c := canon(k); c != canon("Nasser Kan’ani") || c == "" {
			t.Errorf("Canonical(%q)=%q, want the same as Nasser Kan’ani (%q)", k, c, canon("Nasser Kan’ani"))
		}
	}
	if canon("Ali Khamenei") == canon("Nasser Kan’ani") {
		t.Error("Khamenei folded with Kanaani")
	}
	if canon("William Burns") == canon("John Kirby") || canon("William Burns") == "" {
		t.Error("Burns folded with Kirby")
	}
	if canon("John Kirby") == canon("John Smith") {
		t.Error("people sharing a first name folded")
	}
	if canon("Joe Halvorsen") == canon("Anna Halvorsen") {
		t.Error("people sharing a surname folded")
	}
	if canon("CIA") != "Central Intelligence Agency" {
		t.Errorf("Canonical(CIA)=%q", canon("CIA"))
	}
	if canon("Kyiv") != "Kyiv" {
		t.Errorf("Canonical(Kyiv)=%q", canon("Kyiv"))
	}
	if canon("nobody at all") != "" {
		t.Error("unknown key has a canonical name")
	}
	var kan *model.Entity
	es := reg.Entities()
	for i := range es {
		if es[i].Canonical == canon("Kanaani") {
			kan = &es[i]
		}
	}
	if kan == nil {
		t.Fatal("no Kanaani entity")
	}
	if kan.Type != model.Person || len(kan.Articles) != 3 || kan.Mentions < 5 || len(kan.Roles) == 0 {
		t.Errorf("Kanaani entity = %+v", *kan)
	}
	if !strings.HasSuffix(kan.Canonical, "Kanaani") && !strings.HasSuffix(kan.Canonical, "Kan’ani") {
		t.Errorf("canonical %q", kan.Canonical)
	}
}

func TestRegistryVariants(t *testing.T) {
	reg := NewRegistry()
	reg.Add("x1", find("Ukrainian President Volodymyr Zelenskyy met President Joe Biden. Zelenskyy thanked Biden."))
	reg.Add("x2", find("Volodymyr Zelensky spoke in Kyiv. President Biden said aid would continue."))
	reg.Add("x3", find("The Detroit Lions lost again. Michelle Lyons, a fan, said it was painful."))
	if a, b := reg.Canonical("Volodymyr Zelensky"), reg.Canonical("Volodymyr Zelenskyy"); a == "" || a != b {
		t.Errorf("Zelensky variants: %q vs %q", a, b)
	}
	if c := reg.Canonical("Biden"); c != "Joe Biden" {
		t.Errorf("Canonical(Biden) = %q", c)
	}
	for _, e := range reg.Entities() {
		if e.Canonical == "Michelle Lyons" {
			for _, a := range e.Aliases {
				if a == "Lions" || a == "Detroit Lions" {
					t.Errorf("Lions folded into Michelle Lyons: %q", e.Aliases)
				}
			}
		}
	}
}

// benchText is an invented article of about 4 KB.
var benchText = strings.Repeat(`Talks Resume in Geneva as Envoys Trade Blame
Foreign Ministry spokesman Dariush Farahani said on Monday that the talks in Geneva would resume next week, after US Special Envoy for Iran Thomas Greaves accused Tehran of stalling.
“We are ready, but the other side must show good faith,” Farahani told reporters, adding that the International Atomic Energy Agency (IAEA) had been informed.
CIA Director Margaret Olsen warned that cooperation between Moscow and Tehran was deepening. The IAEA declined to comment, while the European Union urged calm.
Speaking in Brussels, EU foreign policy chief Helena Marsh said Olsen’s remarks were “unhelpful”. Marsh added that the Kremlin had not responded.
`, 6)

func BenchmarkFind(b *testing.B) {
	r := NewRecognizer()
	text := benchText[:strings.LastIndexByte(benchText[:4096], '\n')+1]
	sents := sentence.Split(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(text, sents)
	}
}

func TestFindConcurrent(t *testing.T) {
	r := NewRecognizer()
	text := benchText
	sents := sentence.Split(text)
	want := r.Find(text, sents)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			ok := true
			for i := 0; i < 50; i++ {
				got := r.Find(text, sents)
				if len(got) != len(want) {
					ok = false
				}
			}
			done <- ok
		}()
	}
	for g := 0; g < 4; g++ {
		if !<-done {
			t.Error("concurrent Find gave different results")
		}
	}
}

func BenchmarkRegistry(b *testing.B) {
	r := NewRecognizer()
	text := benchText
	ms := r.Find(text, sentence.Split(text))
	// vary the names so that the registry holds many keys
	first := []string{"Anna", "Boris", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hugo"}
	last := []string{"Marsh", "Olsen", "Greaves", "Farahani", "Lindqvist", "Okafor", "Conti", "Reyes"}
	b.ReportAllocs()
	for b.Loop() {
		reg := NewRegistry()
		for a := 0; a < 2000; a++ {
			v := make([]model.Mention, len(ms))
			copy(v, ms)
			for i := range v {
				if v[i].Type == model.Person {
					v[i].Key = first[a%8] + " " + last[(a/8)%8] + string(rune('a'+a%26))
				}
			}
			reg.Add(string(rune('A'+a%26))+string(rune('0'+a%10))+string(rune('a'+a/260)), v)
		}
		_ = reg.Entities()
		_ = reg.Canonical("Olsen")
	}
}

func TestFindInvariantsRandom(t *testing.T) {
	base := benchText + evalText + evalText2
	r := NewRecognizer()
	seed := uint32(7)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for it := 0; it < 500; it++ {
		a := rnd(len(base))
		b := a + rnd(len(base)-a+1)
		buf := []byte(base[a:b])
		for k := 0; k < 3 && len(buf) > 0; k++ {
			buf[rnd(len(buf))] = "A.’'- \n(x)É\xff"[rnd(14)]
		}
		text := string(buf)
		ms := r.Find(text, sentence.Split(text))
		for i, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text || m.Key == "" {
				t.Fatalf("bad mention %+v in %q", m, text)
			}
			if i > 0 && m.Start < ms[i-1].End {
				t.Fatalf("overlap %+v %+v in %q", ms[i-1], m, text)
			}
		}
	}
}

func TestRegistryNoBridging(t *testing.T) {
	reg := NewRegistry()
	reg.Add("b1", find("John Smith spoke first. Jane Smith spoke later."))
	reg.Add("b2", find("J. Smith was absent, said George W. Bush, who met George H. Bush."))
	if reg.Canonical("John Smith") == reg.Canonical("Jane Smith") {
		t.Error("John Smith and Jane Smith folded")
	}
	if reg.Canonical("George W. Bush") == reg.Canonical("George H. Bush") {
		t.Error("George W. Bush and George H. Bush folded")
	}
}

// TestShortWordsAreNotStates checks that surnames and words that look like
// state abbreviations stay what they are ("Sean Penn", "Mass" in church).
func TestShortWordsAreNotStates(t *testing.T) {
	text := "Sean Penn spoke at the festival. Penn said the film was finished. Villagers attended Mass on Sunday before the vote."
	for _, m := range find(text) {
		if m.Type == model.Place && (m.Text == "Penn" || m.Text == "Mass") {
			t.Errorf("%q at %d found as a place", m.Text, m.Start)
		}
	}
}
