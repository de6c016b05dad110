package analyze

import "testing"

// TestSpeakersPostNominalSetOff checks a counsel's rank or an honour set
// off by commas after a name ("Kelechi Amodu, SAN, said"): the person
// speaks, not the letters.
func TestSpeakersPostNominalSetOff(t *testing.T) {
	tests := []articleCase{
		{name: "senior advocate",
			text:   "His lead counsel, Kelechi Amodu, SAN, said the tribunal had \"set the bar too high.\"\n",
			quotes: []wantQuote{{"set the bar", "Kelechi Amodu"}}},
		{name: "king's counsel",
			text:   "Counsel for the council, Moira Pendlebury-Hart, KC, told the hearing the plan was \"lawful in every respect.\"\n",
			quotes: []wantQuote{{"lawful in every", "Moira Pendlebury-Hart"}}},
		{name: "control: an organisation set off",
			text:   "Oriel Banda, a member of the group, said PCAN, which filed the case, had been \"vindicated.\"\n",
			quotes: []wantQuote{{"vindicated", "Oriel Banda"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyByNoun checks a body named again by a common noun its
// name lacks: the noun it was introduced with ("the charity Tide Line …
// the charity said"), the body the sentence before opens with ("The LPD
// responded … the party said"), and a phrase whose words all name it
// though its head is a role ("the coast guard said"), with controls.
func TestSpeakersBodyByNoun(t *testing.T) {
	tests := []articleCase{
		{name: "the charity introduced",
			text: "The boat was met by the Sea Lantern, a rescue ship run by the charity Tide Line.\n\n" +
				"Tide Line said the authorities had not replied. \"Every hour of waiting puts people at risk,\" the charity said.\n",
			quotes: []wantQuote{{"Every hour", "Tide Line"}}},
		{name: "the party after its lead",
			text: "Ms Orvane's Lok Pragati Dal (LPD) had filed the complaint.\n\n" +
				"The LPD responded within the hour. \"The minister should tell us why,\" the party said.\n",
			quotes: []wantQuote{{"should tell us", "Lok Pragati Dal"}}},
		{name: "control: a ministry leads",
			text:   "The Foreign Ministry of Tessaly responded within the hour. \"We reject this,\" the party said.\n",
			quotes: []wantQuote{{"We reject", ""}}},
		{name: "the coast guard",
			text: "The Kaishan Coast Guard later released a video of the collision.\n\n" +
				"\"Our ship sounded its horn five times,\" the coast guard said.\n",
			quotes: []wantQuote{{"sounded its horn", "Kaishan Coast Guard"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPalace checks a palace the recogniser leaves untyped named
// again as "the palace", and "the statement" it issued, with a control
// where no palace is named.
func TestSpeakersPalace(t *testing.T) {
	tests := []articleCase{
		{name: "the palace and its statement",
			text: "The Sultan of Kerapang has been admitted to hospital for what the Royal Palace described as a \"routine and planned\" procedure, the palace said in a statement on Monday.\n\n" +
				"\"His Majesty is in good spirits,\" the statement said.\n",
			quotes: []wantQuote{{"routine and planned", "Royal Palace"}, {"good spirits", "Royal Palace"}}},
		{name: "control: no palace named",
			text:   "The Sultan of Kerapang has been admitted to hospital.\n\n\"His Majesty is in good spirits,\" the palace said.\n",
			quotes: []wantQuote{{"good spirits", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersQuotedBySource checks "X was quoted by Y as saying" and "was
// quoted in the statement as saying": the subject speaks, not the outlet
// or the text, with the plain passive as a control.
func TestSpeakersQuotedBySource(t *testing.T) {
	tests := []articleCase{
		{name: "quoted by an agency",
			text:   "The lead negotiator, Rustam Velikhanov, was quoted by the state news agency as saying progress depended on \"the realism of the other side.\"\n",
			quotes: []wantQuote{{"realism", "Rustam Velikhanov"}}},
		{name: "quoted in the statement",
			text:   "The ship's commanding officer, Captain Kenji Oyamada, was quoted in the statement as saying his crew had \"acted calmly.\"\n",
			quotes: []wantQuote{{"acted calmly", "Kenji Oyamada"}}},
		{name: "control: quoted as saying",
			text:   "The lead negotiator, Rustam Velikhanov, was quoted as saying progress depended on \"the realism of the other side.\"\n",
			quotes: []wantQuote{{"realism", "Rustam Velikhanov"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSetOffBeforeVerb checks phrases set off between a speaker's
// name and the verb: a participle ("seen as close to …"), a long
// prepositional phrase ("in a broadcast on state radio"), a role and a
// relative clause ("the director of …, who has opposed …"), with the
// object of a preposition as a control.
func TestSpeakersSetOffBeforeVerb(t *testing.T) {
	lead := "The government survived the vote on Thursday.\n\n"
	tests := []articleCase{
		{name: "seen as close to",
			text:   lead + "Revenue Minister Tarun Bagheria, seen as close to the chief minister, accused Ms Orvane of \"insulting the officers.\"\n",
			quotes: []wantQuote{{"insulting", "Tarun Bagheria"}}},
		{name: "in a broadcast",
			text:   lead + "Governor Baba Gwandari, in a broadcast on state radio, called on his opponent to \"join hands.\"\n",
			quotes: []wantQuote{{"join hands", "Baba Gwandari"}}},
		{name: "a role and a relative clause",
			text:   lead + "Zoran Petrovik, the director of the public broadcaster, who has opposed the merger, told reporters that the vote \"changes nothing.\"\n",
			quotes: []wantQuote{{"changes nothing", "Zoran Petrovik"}}},
		{name: "control: speaking to an outlet",
			text:   lead + "Speaking to The Ledger, the diplomat involved in the talks, who asked not to be named, said: \"The talks are stuck on the same two points.\"\n",
			quotes: []wantQuote{{"stuck on the same", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersFamilyNameFirst checks a name written family name first
// ("Liang Weiren") repeated by the family name alone at the start of a
// sentence, past a set-off participle ("Liang, asked …, said"), with a
// place's name in a dateline as a control.
func TestSpeakersFamilyNameFirst(t *testing.T) {
	tests := []articleCase{
		{name: "family name alone",
			text: "Foreign ministry spokesman Liang Weishan spoke in Jinhe.\n\n" +
				"Liang, asked the same question about the patrols, said only that \"the patrols will continue.\"\n",
			quotes: []wantQuote{{"patrols will continue", "Liang Weishan"}}},
		{name: "control: a dateline",
			text:   "HAOLAN CITY, March 12 (Meridian Press) - Haolan on Wednesday rejected the criticism, saying the men had been held \"in accordance with the law\" and would be treated fairly.\n",
			quotes: []wantQuote{{"in accordance", "Haolan"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRelativeAndAge checks a name that ends a relative clause set
// off after the subject ("X, who was visiting Vellmark, called"), and an
// age given with "now" after a given name ("Zhanar, now 26, said"), with a
// name set off by a comma alone as a control.
func TestSpeakersRelativeAndAge(t *testing.T) {
	tests := []articleCase{
		{name: "name ending a relative clause",
			text:   "The ships collided on Wednesday.\n\nForeign Minister Tomoko Hasegawara, who was visiting Vellmark, called the explanation \"unacceptable.\"\n",
			quotes: []wantQuote{{"unacceptable", "Tomoko Hasegawara"}}},
		{name: "an age with now",
			text: "In 2022, his daughter Zhanara, who was studying medicine, was expelled.\n\n" +
				"\"They called me into the dean's office,\" Zhanara, now 26, said by video link.\n",
			quotes: []wantQuote{{"dean's office", "Zhanara"}}},
		{name: "control: a name set off",
			text:   "The ships collided on Wednesday.\n\nThe minister's deputy, Ivo Marrant, called the explanation \"unacceptable.\"\n",
			quotes: []wantQuote{{"unacceptable", "Ivo Marrant"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersAcronymOverKnownWord checks a party's name the recogniser
// splits at a known body's word ("Progressive Unity" and "Congress") before
// its acronym in brackets: the acronym names the whole party, with an
// acronym of a name read whole as a control.
func TestSpeakersAcronymOverKnownWord(t *testing.T) {
	tests := []articleCase{
		{name: "split at Congress",
			text: "The petitioner, Dr Emeka Arunadike of the Progressive Unity Congress (PUC), came second.\n\n" +
				"In a separate statement, the PUC said the judgment had \"left many questions unanswered.\"\n",
			quotes: []wantQuote{{"left many questions", "Progressive Unity Congress"}}},
		{name: "control: a name read whole",
			text: "The petition was filed by the Kanuwa Farmers Alliance (KFA) last month.\n\n" +
				"In a separate statement, the KFA said the judgment had \"left many questions unanswered.\"\n",
			quotes: []wantQuote{{"left many questions", "Kanuwa Farmers Alliance"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBlamedAndAskedWhy checks blame put in the speaker's words
// ("the president blamed “…”") and a question put by a named interviewer
// with "why" ("Asked by X why families were “…”"), with the interviewer's
// word and the president's kept apart.
func TestSpeakersBlamedAndAskedWhy(t *testing.T) {
	tests := []articleCase{
		{name: "asked why, then blamed",
			text: "President Oskar Belyavek gave a three-hour interview to the presenter Galina Tsvetkina on Sunday.\n\n" +
				"Asked by Tsvetkina why some families were \"worried about the future\", the president blamed \"foreign speculators and their agents.\"\n",
			quotes: []wantQuote{{"worried about", "Galina Tsvetkina"}, {"foreign speculators", "Oskar Belyavek"}}},
		{name: "control: asked whether by someone unnamed",
			text: "President Oskar Belyavek spoke in the capital on Sunday.\n\n" +
				"Asked by a reporter whether families were \"worried about the future\", the president blamed \"foreign speculators and their agents.\"\n",
			quotes: []wantQuote{{"worried about", ""}, {"foreign speculators", "Oskar Belyavek"}}},
	}
	checkArticleCases(t, tests)
}
