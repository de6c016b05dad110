package compare

import (
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/synonym"
	"github.com/parallax-news/parallax/internal/tokenize"
)

// synonymGroups are words news outlets and translations use for one
// another; every word of a group aligns as its first. Our own list of
// news wording, kept small on purpose: a broad thesaurus aligns unrelated
// statements.
var synonymGroups = []string{
	"seek await request",
	"lie lies deceit deception falsehood falsehoods",
	"baseless unfounded groundless",
	"claim claims allegation allegations accusation accusations assertion assertions",
	"illegal unlawful illicit",
	"measure measures action actions step steps",
	"cooperation collaboration",
	"america american americans",
	"conventional traditional",
	"defense defence",
	"shared common mutual joint",
	"expand expanding develop developing grow growing",
	"goal goals aim aims objective objectives purpose purposes",
	"kill killed dead died death deaths fatalities",
	"injure injured wound wounded hurt",
	"fire blaze",
	"rise rose increase increased growth climb climbed jump jumped",
	"fall fell drop dropped decline declined decrease decreased",
	"agreement deal accord pact",
	"talks negotiations",
	"attack attacks assault raid",
	"drone drones uav uavs",
	"weapon weapons arms",
	"sanction sanctions penalty penalties",
	"support backing",
	"help assist",
	"begin began start started launch launched commence",
	"buy bought purchase purchased acquire acquired",
	"ban banned prohibit prohibited",
	"permission authorization approval consent",
	"reject rejected dismiss dismissed refute refuted",
	"country countries",
	"earthquake quake temblor",
	"flood flooding floods",
	"car vehicle",
	"independent independently",
	"regulate regulating regulation",
	"continue continued continuation",
	"question questioning",
	"village villages settlement settlements hamlet hamlets",
	"breach breached burst collapse collapsed",
	"flood flooded",
	"resident residents inhabitant inhabitants",
	"people persons person individuals",
	"money funds funding",
	"allocate allocated provide provided earmark earmarked",
	"responsible responsibility accountable",
	"repair repairs",
	"inspection inspector inspectors",
}

// reportingWords carry who speaks, not what is said: they do not count
// when statements are aligned.
var reportingWords = "said say says told tell added stated according stressed explained " +
	"remarked retorted declared insisted argued"

// wordnet maps the stem of a word in a WordNet synonym group (package
// synonym) to its group's representative, for stems the table above does
// not cover.
var wordnet = func() map[string]string {
	m := map[string]string{}
	for _, g := range synonym.Groups() {
		head := tokenize.StemString(g[0])
		if s, ok := synonyms[head]; ok {
			head = s
		}
		for _, w := range g {
			st := tokenize.StemString(w)
			if _, ok := synonyms[st]; ok || st == head || tokenize.IsStopword(w) {
				continue
			}
			if _, ok := m[st]; !ok {
				m[st] = head
			}
		}
	}
	return m
}()

var synonyms, reportingNoise = func() (map[string]string, map[string]bool) {
	syn := map[string]string{}
	for _, g := range synonymGroups {
		ws := strings.Fields(g)
		head := tokenize.StemString(ws[0])
		for _, w := range ws[1:] {
			if s := tokenize.StemString(w); s != head {
				syn[s] = head
			}
		}
	}
	noise := map[string]bool{}
	for _, w := range strings.Fields(reportingWords) {
		noise[tokenize.StemString(w)] = true
	}
	return syn, noise
}()
