package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// newsArticle is a hand-written news-style text with its gold quotations:
// every direct (quoted) statement, with its speaker ("" when the text does
// not say), and the indirect statements.
type newsArticle struct {
	text     string
	ents     []ent
	direct   [][2]string // quoted content, speaker
	indirect [][2]string // reported clause, speaker
}

var newsArticles = []newsArticle{
	{
		text: `Storm knocks out power to 200,000 in Houston
HOUSTON — A line of severe storms tore through Houston on Thursday night, knocking out power to more than 200,000 customers and toppling trees across the city.
“We have crews coming in from four states, and we will work around the clock until every customer is back,” CenterPoint Energy spokesman Alex Rivera said at a news conference Friday.
Rivera said most customers should have power restored by Sunday, but he cautioned that some neighborhoods could wait longer.
“Please stay away from downed lines,” he said. “Assume every wire is live.”
Mayor John Whitmire called the damage “staggering” and said the city had opened four cooling centers.
“I’ve lived here my whole life and I’ve never seen anything like it,” said Denise Carter, 64, whose roof was torn off. “We didn’t even have time to get to the closet.”
The National Weather Service said winds reached 90 mph in parts of the city.
Forecasters warned that more storms were possible over the weekend, according to the agency.
The city’s emergency management office urged residents to check on elderly neighbors. “If you can help, help,” the office said in a post on X.
Residents in the Heights described a “war zone” of fallen oaks and crushed cars.`,
		ents: []ent{org("CenterPoint Energy"), person("spokesman", "Alex Rivera", "Rivera"), person("Mayor", "John Whitmire", "Whitmire"),
			person("", "Denise Carter", "Carter"), org("National Weather Service"), place("Houston"), place("Heights"), org("emergency management office")},
		direct: [][2]string{
			{"We have crews coming in from four states, and we will work around the clock until every customer is back,", "Alex Rivera"},
			{"Please stay away from downed lines,", "Alex Rivera"},
			{"Assume every wire is live.", "Alex Rivera"},
			{"staggering", "John Whitmire"},
			{"I’ve lived here my whole life and I’ve never seen anything like it,", "Denise Carter"},
			{"We didn’t even have time to get to the closet.", "Denise Carter"},
			{"If you can help, help,", "emergency management office"},
		},
		indirect: [][2]string{
			{"most customers should have power restored by Sunday", "Alex Rivera"},
			{"the city had opened four cooling centers", "John Whitmire"},
			{"winds reached 90 mph in parts of the city", "National Weather Service"},
		},
	},
	{
		text: `Senate passes stopgap bill hours before shutdown deadline
WASHINGTON — The Senate on Saturday passed a short-term spending bill that keeps the government open through mid-November, sending it to President Joe Biden just hours before a shutdown would have begun.
“Tonight is a good night for the American people,” Senate Majority Leader Chuck Schumer said on the floor. “But make no mistake: this fight is not over.”
Senate Minority Leader Mitch McConnell said the bill was “the responsible thing to do,” adding that Republicans would keep pushing for spending cuts.
Biden signed the measure late Saturday. In a statement, he said the deal “prevented an unnecessary crisis that would have inflicted needless pain on millions of hardworking Americans.”
The White House budget office had warned that a shutdown would furlough hundreds of thousands of federal workers.
Rep. Matt Gaetz, a Florida Republican, said he would file a motion to remove House Speaker Kevin McCarthy. “He made a secret side deal with the Democrats,” Gaetz told reporters, “and that is a betrayal of our voters.”
McCarthy brushed off the threat. “Bring it on,” he said. “Let’s get over with it.”
Democrats ’ll need to decide quickly whether to back McCarthy, analysts said.
According to one senior aide, the speaker’s allies were already counting votes.
The vote was 88 to 9.`,
		ents: []ent{person("Senate Majority Leader", "Chuck Schumer", "Schumer"), person("Senate Minority Leader", "Mitch McConnell", "McConnell"),
			person("President", "Joe Biden", "Biden"), person("Rep.", "Matt Gaetz", "Gaetz"), person("House Speaker", "Kevin McCarthy", "McCarthy"),
			org("Senate"), org("White House"), place("WASHINGTON"), place("Florida")},
		direct: [][2]string{
			{"Tonight is a good night for the American people,", "Chuck Schumer"},
			{"But make no mistake: this fight is not over.", "Chuck Schumer"},
			{"the responsible thing to do,", "Mitch McConnell"},
			{"prevented an unnecessary crisis that would have inflicted needless pain on millions of hardworking Americans.", "Joe Biden"},
			{"He made a secret side deal with the Democrats,", "Matt Gaetz"},
			{"and that is a betrayal of our voters.", "Matt Gaetz"},
			{"Bring it on,", "Kevin McCarthy"},
			{"Let’s get over with it.", "Kevin McCarthy"},
		},
		indirect: [][2]string{
			{"Republicans would keep pushing for spending cuts", "Mitch McConnell"},
			{"he would file a motion to remove House Speaker Kevin McCarthy", "Matt Gaetz"},
			{"the speaker’s allies were already counting votes", ""},
		},
	},
	{
		text: `Chiefs rally past Bills in overtime thriller
KANSAS CITY, Mo. — Patrick Mahomes threw for 312 yards and two touchdowns as the Kansas City Chiefs rallied from 14 points down to beat the Buffalo Bills 27-24 in overtime on Sunday.
"I told the guys at halftime, 'We've been here before, and we know how to do this,'" Mahomes said. "Nobody panicked."
Coach Andy Reid praised his defense, which held Buffalo to a field goal in the second half. "Those guys were lights out," Reid said. "Steve had a great plan."
Bills quarterback Josh Allen, who was sacked five times, said the loss "stings," but that his team would learn from it.
"We've got to finish," Allen said. "Simple as that."
Fans stormed the field after Harrison Butker's 41-yard kick. The stadium's announcer shouted "Chiefs Kingdom!" over the speakers as the players' families came down from the stands.
Travis Kelce, asked about the 'Swift effect' on ratings, laughed. "You'd have to ask the network," he said.
Reid told reporters that tight end Noah Gray would have an MRI on his knee Monday.`,
		ents: []ent{person("quarterback", "Patrick Mahomes", "Mahomes"), org("Kansas City Chiefs", "Chiefs"), org("Buffalo Bills", "Bills"),
			person("Coach", "Andy Reid", "Reid"), person("quarterback", "Josh Allen", "Allen"), person("", "Harrison Butker", "Butker"),
			person("", "Travis Kelce", "Kelce"), person("tight end", "Noah Gray"), place("Buffalo"), place("KANSAS CITY"), person("", "Steve")},
		direct: [][2]string{
			{"I told the guys at halftime, 'We've been here before, and we know how to do this,'", "Patrick Mahomes"},
			{"Nobody panicked.", "Patrick Mahomes"},
			{"Those guys were lights out,", "Andy Reid"},
			{"Steve had a great plan.", "Andy Reid"},
			{"stings,", "Josh Allen"},
			{"We've got to finish,", "Josh Allen"},
			{"Simple as that.", "Josh Allen"},
			{"You'd have to ask the network,", "Travis Kelce"},
			{"Chiefs Kingdom!", ""}, // shouted by an unnamed announcer
		},
		indirect: [][2]string{
			{"tight end Noah Gray would have an MRI on his knee Monday", "Andy Reid"},
		},
	},
	{
		text: `Fed holds rates steady, signals cuts later this year
The Federal Reserve left its benchmark interest rate unchanged on Wednesday but signaled that it still expects to cut rates before the end of the year.
“We’re not yet at the point where we have the confidence we need,” Fed Chair Jerome Powell told reporters after the two-day meeting.
Inflation has eased considerably, Powell said, but it remains above the central bank’s 2% target.
Some economists were skeptical. “The Fed keeps moving the goalposts,” said Diane Swonk, chief economist at KPMG. “Markets are going to be frustrated.”
The central bank’s statement said the labor market had “remained strong” and that officials would “carefully assess incoming data.”
Treasury Secretary Janet Yellen, speaking in Chicago, said she did not see signs of a recession.
Asked whether the bank was worried about political pressure ahead of the election, Powell said: “We don’t think about politics. We just don’t.”
The so-called “dot plot” showed officials penciling in two cuts.`,
		ents: []ent{org("Federal Reserve", "Fed"), person("Fed Chair", "Jerome Powell", "Powell"), person("chief economist", "Diane Swonk", "Swonk"),
			org("KPMG"), person("Treasury Secretary", "Janet Yellen", "Yellen"), place("Chicago")},
		direct: [][2]string{
			{"We’re not yet at the point where we have the confidence we need,", "Jerome Powell"},
			{"The Fed keeps moving the goalposts,", "Diane Swonk"},
			{"Markets are going to be frustrated.", "Diane Swonk"},
			{"remained strong", ""},
			{"carefully assess incoming data.", ""},
			{"We don’t think about politics. We just don’t.", "Jerome Powell"},
		},
		indirect: [][2]string{
			{"it still expects to cut rates before the end of the year", "Federal Reserve"},
			{"it remains above the central bank’s 2% target", "Jerome Powell"},
			{"she did not see signs of a recession", "Janet Yellen"},
		},
	},
}

func newsOverlap(s1, e1, s2, e2 int) int {
	lo, hi := max(s1, s2), min(e1, e2)
	if hi < lo {
		return 0
	}
	return hi - lo
}

// TestNewsAccuracy measures direct-quote precision and recall and speaker
// accuracy on the hand-written articles.
func TestNewsAccuracy(t *testing.T) {
	t.Run("tuned", func(t *testing.T) { newsAccuracy(t, newsArticles, 0.95, 0.95, 0.95) })
	t.Run("fresh", func(t *testing.T) { newsAccuracy(t, newsArticlesFresh, 0.9, 0.9, 0.9) })
	t.Run("blind", func(t *testing.T) { newsAccuracy(t, newsArticlesBlind, 0.9, 0.9, 0.9) })
	t.Run("blind2", func(t *testing.T) { newsAccuracy(t, newsArticlesBlind2, 0.9, 0.9, 0.9) })
	t.Run("blind3", func(t *testing.T) { newsAccuracy(t, newsArticlesBlind3, 0.9, 0.9, 0.9) })
}

// newsFind is the finder newsAccuracy measures (Find with test mentions).
var newsFind = findWith

func newsAccuracy(t *testing.T, newsArticles []newsArticle, minP, minR, minS float64) {
	var goldN, foundN, tp, fp, spRight, indN, indFound, indRight int
	for ai, a := range newsArticles {
		qs := newsFind(a.text, a.ents)
		checkQuotes(t, a.text, qs)
		type gspan struct{ s, e int }
		var gold []gspan
		for _, d := range a.direct {
			s := strings.Index(a.text, d[0])
			if s < 0 {
				t.Fatalf("article %d: gold %q not in text", ai, d[0])
			}
			gold = append(gold, gspan{s, s + len(d[0])})
		}
		goldN += len(gold)
		for _, q := range qs {
			if q.Kind == model.Indirect {
				continue
			}
			foundN++
			hit := false
			for _, g := range gold {
				if 2*newsOverlap(g.s, g.e, q.Start, q.End) >= min(g.e-g.s, q.End-q.Start) {
					hit = true
				}
			}
			if hit {
				tp++
			} else {
				fp++
				t.Logf("article %d: extra [%s] %q (%s)", ai, q.Kind, q.Text, q.Speaker)
			}
		}
		for i, g := range gold {
			found, right := false, false
			var got []string
			for _, q := range qs {
				if q.Kind != model.Indirect && 2*newsOverlap(g.s, g.e, q.Start, q.End) >= g.e-g.s {
					found = true
					got = append(got, q.Speaker)
					right = right || q.Speaker == a.direct[i][1]
				}
			}
			if right {
				spRight++
			}
			if !found {
				t.Logf("article %d: missed %q", ai, a.direct[i][0])
			} else if !right {
				t.Logf("article %d: %q speaker %q, want %q", ai, a.direct[i][0], got, a.direct[i][1])
			}
		}
		for _, d := range a.indirect {
			indN++
			s := strings.Index(a.text, d[0])
			e := s + len(d[0])
			f, r := false, false
			for _, q := range qs {
				if 2*newsOverlap(s, e, q.Start, q.End) >= e-s {
					f = true
					r = r || q.Speaker == d[1]
				}
			}
			if f {
				indFound++
			}
			if r {
				indRight++
			} else {
				t.Logf("article %d: indirect %q found=%v wrong/missing speaker", ai, d[0], f)
			}
		}
	}
	// Found quotes matching several gold quotes count once, so recall is
	// measured over gold quotes.
	recall := 0
	for _, a := range newsArticles {
		qs := newsFind(a.text, a.ents)
		for _, d := range a.direct {
			s := strings.Index(a.text, d[0])
			for _, q := range qs {
				if q.Kind != model.Indirect && 2*newsOverlap(s, s+len(d[0]), q.Start, q.End) >= len(d[0]) {
					recall++
					break
				}
			}
		}
	}
	p := float64(tp) / float64(max(foundN, 1))
	r := float64(recall) / float64(max(goldN, 1))
	sa := float64(spRight) / float64(max(goldN, 1))
	t.Logf("direct: gold %d, found %d, P=%.2f R=%.2f, speaker right %d/%d (%.2f); indirect: found %d/%d, right speaker %d/%d",
		goldN, foundN, p, r, spRight, goldN, sa, indFound, indN, indRight, indN)
	if p < minP || r < minR || sa < minS {
		t.Errorf("accuracy below floor: P=%.2f R=%.2f speaker=%.2f", p, r, sa)
	}
}
