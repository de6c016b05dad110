package analyze

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestSpeakersPartyWordAfterName checks a lone party word set off after a
// name with a determiner ("X, the subcommittee's ranking Republican,
// called"): the one named before it speaks; with a control where the
// appositive names a person after a determiner and a role.
func TestSpeakersPartyWordAfterName(t *testing.T) {
	tests := []articleCase{
		{name: "ranking Republican",
			text:   "Rep. Ada Farrowby (R., Ill.), the subcommittee's ranking Republican, called the bill \"protectionism with a new paint job.\"\n",
			quotes: []wantQuote{{"new paint job", "Ada Farrowby"}}},
		{name: "control: the pianist named after the teacher",
			text:   "Her teacher there, the pianist Emeric Valdrun, remembered her as \"terrifyingly certain\".\n",
			quotes: []wantQuote{{"terrifyingly", "Emeric Valdrun"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPersonOfPlace checks a person given with the state they
// come from, before a relative clause ("Sen. X of Ohio, who …, said") or
// after "former" and a title in an appositive ("Another rival, former
// Rep. X of Tennessee, called").
func TestSpeakersPersonOfPlace(t *testing.T) {
	tests := []articleCase{
		{name: "of a state, who",
			text:   "Sen. Howard Pellworth of Ohio, who is running second to the governor in the polls, said the plan would \"drive jobs overseas.\"\n",
			quotes: []wantQuote{{"drive jobs", "Howard Pellworth"}}},
		{name: "former Rep. in an appositive",
			text: "Another rival, former Rep. Claudia Winsmore of Tennessee, called the proposal \"a tax plan dressed up as a jobs plan.\"\n\n" +
				"Ms. Winsmore has campaigned in every county.\n",
			quotes: []wantQuote{{"tax plan", "Claudia Winsmore"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSharedSurname checks two people of one surname named later
// by courtesy title and surname alone: the title's sex picks the one with
// a given name of that sex, "the elder" the first named and "the younger"
// the other.
func TestSpeakersSharedSurname(t *testing.T) {
	tests := []articleCase{
		{name: "Mr. and Mrs. by given name",
			text: "\"The cycle has turned,\" said Marvin Tedbury, an analyst at Quinlan & Co.\n\n" +
				"Sylvia Tedbury, who follows the industry for Bridgewater Capital and is Mr. Tedbury's wife, disagreed. \"People are looking at the wrong part of this company,\" Mrs. Tedbury said.\n\n" +
				"Asked about their views, Mr. Tedbury laughed. \"We don't talk about it at dinner,\" he said.\n",
			quotes: []wantQuote{{"cycle has turned", "Marvin Tedbury"}, {"wrong part", "Sylvia Tedbury"}, {"at dinner", "Marvin Tedbury"}}},
		{name: "the elder and the younger",
			text: "\"This offer does not come close,\" said Harlan Vossmer, the company's chairman.\n\n" +
				"His son, Curtis Vossmer, the president, was more guarded. \"Everything is on the table,\" the younger Mr. Vossmer said.\n\n" +
				"The elder Mr. Vossmer dismissed the threat. \"Let him sue,\" he said.\n",
			quotes: []wantQuote{{"does not come close", "Harlan Vossmer"}, {"on the table", "Curtis Vossmer"}, {"Let him sue", "Harlan Vossmer"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleNotFromAdverbial checks that an adverbial phrase before
// a name set off by a comma ("Under questioning by Assistant U.S.
// Attorney X, Mr. Y described") gives Y no role: "the lawyer" later is
// the lawyer named, not Y.
func TestSpeakersRoleNotFromAdverbial(t *testing.T) {
	tests := []articleCase{
		{name: "under questioning by an attorney",
			text: "The banker, Douglas Whitmere, is the chief witness in the trial of Frank Iannone.\n\n" +
				"Under questioning by Assistant U.S. Attorney Margaret Keohane, Mr. Whitmere described their first meeting.\n\n" +
				"Mr. Iannone's lawyer, Bernard Solvang, attacked Mr. Whitmere's credibility. \"You'd say anything, wouldn't you?\" Mr. Solvang asked.\n\n" +
				"\"No, sir,\" Mr. Whitmere replied.\n\n" +
				"Mr. Solvang pressed him on the dates, which Mr. Whitmere said he could not remember. \"You remember the envelopes, but you don't remember the days,\" the lawyer said.\n",
			quotes: []wantQuote{{"remember the envelopes", "Bernard Solvang"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPronounAfterParticiplePhrase checks "he" in a paragraph
// opening with a quotation after a paragraph whose last sentence opens
// with a participle's phrase and the same pronoun ("Asked by X why he
// had taken the risk, he paused"): the subject of the sentence before
// that, not a man it names after its subject; with a control where the
// pronoun leads no sentence.
func TestSpeakersPronounAfterParticiplePhrase(t *testing.T) {
	tests := []articleCase{
		{name: "asked by, he paused",
			text: "Mr. Whitmere testified that he received about $185,000 from Mr. Iannone, usually in $100 bills. Asked by Ms. Keohane why he had taken the risk, he paused for several seconds.\n\n" +
				"\"I told myself it was a way of catching up,\" he said.\n",
			quotes: []wantQuote{{"catching up", "Whitmere"}}},
		{name: "a pronoun-led sentence ends the paragraph before",
			text: "In bay three, Karen Obonyo-Marr is sitting beside her son, Tobi, who is four. She has been here for three nights.\n\n" +
				"\"You don't sleep, you just switch off for ten minutes at a time,\" she says.\n",
			quotes: []wantQuote{{"switch off", "Karen Obonyo-Marr"}}},
		{name: "control: the pronoun leads no sentence",
			text: "Mr. Whitmere testified that he received about $185,000 from Mr. Iannone. Later that year, the trader moved to Florida.\n\n" +
				"\"I told myself it was a way of catching up,\" he said.\n",
			quotes: []wantQuote{{"catching up", "Iannone"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUnnamedLobbyist checks "the lobbyist said" after a lobbyist
// the text keeps unnamed: nobody is named, not the person quoted before.
func TestSpeakersUnnamedLobbyist(t *testing.T) {
	tests := []articleCase{
		{name: "the lobbyist",
			text: "\"We sell more wheat to Asia than anywhere else,\" said Dale Hargrove, a wheat grower who is president of the Plains Grain Growers Association.\n\n" +
				"A lobbyist for a group of electronics importers, who asked not to be identified, called the vote \"pure politics in an election year.\" \"They just want to be on record,\" the lobbyist said.\n",
			quotes: []wantQuote{{"pure politics", ""}, {"on record", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDefendedAs checks "defended X as “…”", a naming cue, after
// a role set off by a participle's phrase.
func TestSpeakersDefendedAs(t *testing.T) {
	tests := []articleCase{
		{name: "the governor defended the plan as",
			text: "Gov. Michael Castlereagh's plan to raise taxes drew criticism from his rivals.\n\n" +
				"The governor, speaking to a breakfast meeting of farm and labor leaders here, defended the plan as \"the only honest budget anybody in this race has put on the table.\"\n",
			quotes: []wantQuote{{"only honest budget", "Michael Castlereagh"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersFirmShortName checks a business named in full without a
// corporate form but with a business word ("Waverly Data Systems") and
// later by its first word alone, before a phrase set off by commas or
// before "said"; with a control where a person holds that word as a
// surname.
func TestSpeakersFirmShortName(t *testing.T) {
	tests := []articleCase{
		{name: "in a statement, set off",
			text: "Waverby Data Systems fell 3 1/8 to 41 1/4 after an analyst lowered his estimate.\n\n" +
				"Waverby, in a statement, said its business \"remains fundamentally sound\" and that it saw \"no reason to revise\" its outlook.\n\n" +
				"Waverby said it \"will report on schedule.\"\n",
			quotes: []wantQuote{{"fundamentally sound", "Waverby Data Systems"}, {"on schedule", "Waverby Data Systems"}}},
		{name: "control: a person of that surname",
			text: "Waverby Data Systems fell sharply. Its founder, Ann Waverby, sold shares last month.\n\n" +
				"Waverby said she \"had no regrets.\"\n",
			quotes: []wantQuote{{"no regrets", "Ann Waverby"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersProspectus checks a prospectus quoted as a speaker ("the
// prospectus says", "according to the prospectus", "The document also
// warns"): the business named as the subject of the sentence that first
// names it; with a control where that sentence names two businesses.
func TestSpeakersProspectus(t *testing.T) {
	lead := "Brannoch Stores Inc., the discount retailer, filed to sell eight million shares to the public, according to a preliminary prospectus.\n\n"
	tests := []articleCase{
		{name: "the prospectus says",
			text:   lead + "The prospectus says management's holdings \"may give them the ability to exert significant influence\" over the board.\n",
			quotes: []wantQuote{{"significant influence", "Brannoch Stores Inc"}}},
		{name: "according to the prospectus",
			text:   lead + "The retailer \"has incurred substantial indebtedness,\" according to the prospectus.\n",
			quotes: []wantQuote{{"substantial indebtedness", "Brannoch Stores Inc"}}},
		{name: "the document",
			text:   lead + "The document also warns that results \"may continue to be adversely affected by competition.\"\n",
			quotes: []wantQuote{{"adversely affected", "Brannoch Stores Inc"}}},
		{name: "control: two businesses before the word",
			text: "Brannoch Stores Inc. and Delwood Housewares Co. filed to sell shares, according to a joint prospectus.\n\n" +
				"The prospectus says the companies \"may merge their distribution networks\" next year.\n",
			quotes: []wantQuote{{"may merge", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWhichClaims checks a body named before ", which claims" or
// ", which says" and a reported clause holding a quotation: the body the
// relative pronoun stands for.
func TestSpeakersWhichClaims(t *testing.T) {
	tests := []articleCase{
		{name: "which claims",
			text:   "Brannoch is a defendant in a lawsuit brought by a former supplier, Delwood Housewares Co., which claims the retailer canceled orders \"without cause and in bad faith.\"\n",
			quotes: []wantQuote{{"without cause", "Delwood Housewares Co"}}},
		{name: "which says",
			text:   "Brannoch faces a suit from Delwood Housewares Co., which says the retailer owes it money \"for goods already shipped.\"\n",
			quotes: []wantQuote{{"already shipped", "Delwood Housewares Co"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRunOnAfterTitledPhrase checks a quotation running over
// paragraphs after a sentence that opens with a phrase holding a title
// with points ("Under questioning by Assistant U.S. Attorney X, Mr. Y
// described …"): Y, the subject after the phrase.
func TestSpeakersRunOnAfterTitledPhrase(t *testing.T) {
	tests := []articleCase{
		{name: "under questioning by",
			text: "Under questioning by Assistant U.S. Attorney Margaret Keohane, Mr. Whitmere described the first time he met Mr. Iannone, at a restaurant in midtown Manhattan.\n\n" +
				"\"He asked me what I was working on. I told him I couldn't say.\n\n" +
				"\"Then he said he could make it worth my while. I believed him.\"\n",
			quotes: []wantQuote{{"what I was working on", "Whitmere"}, {"worth my while", "Whitmere"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNameTypedByPronoun checks an unknown name of two words that
// the next "she" or "he" before a speech verb can only mean: it is a
// person's and speaks; controls where that pronoun is inside a quotation,
// where another person is named between, where the name is a byline's,
// where the pronoun has no speech verb after it and where a person is
// named before it in its paragraph (the last three in
// TestNameTypedByPronoun).
func TestSpeakersNameTypedByPronoun(t *testing.T) {
	tests := []articleCase{
		{name: "she says in the next paragraph",
			text:   "Kezia Obonyo-Marr runs the stall by the station.\n\n\"We open at six,\" she says.\n",
			quotes: []wantQuote{{"open at six", "Kezia Obonyo-Marr"}}},
		{name: "control: the pronoun inside a quotation",
			text:   "Kezia Obonyo-Marr runs the stall by the station.\n\n\"We open at six, she says, and close at ten, he says,\" a neighbour remarked.\n",
			quotes: []wantQuote{{"open at six", ""}}},
		{name: "control: a byline",
			text:   "By Kezia Obonyo-Marr\n\n\"We open at six,\" she says.\n",
			quotes: []wantQuote{{"open at six", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestNameTypedByPronoun checks the type the recogniser gives an unknown
// name of two words before "she says": a person's when the pronoun can
// only mean it, unknown when another person is named between, when the
// pronoun has no speech verb after it or when a person is named before
// the name in its paragraph.
func TestNameTypedByPronoun(t *testing.T) {
	tests := []struct {
		name, text string
		want       model.EntityType
	}{
		{"she says", "Kezia Obonyo-Marr runs the stall by the station.\n\n\"We open at six,\" she says.\n", model.Person},
		{"another person named between", "Kezia Obonyo-Marr runs the stall with Ann Roe.\n\n\"We open at six,\" she says.\n", model.Other},
		{"no speech verb", "Kezia Obonyo-Marr runs the stall by the station.\n\nShe opens at six.\n", model.Other},
		{"a person before it", "Council member Ann Roe, whose ward includes Kezia Obonyo-Marr, spoke.\n\n\"We open at six,\" she said.\n", model.Other},
	}
	an := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := model.EntityType("")
			for _, m := range an.Document(&model.Article{ID: 1, Text: tc.text}).Analysis().Mentions {
				if m.Text == "Kezia Obonyo-Marr" {
					got = m.Type
				}
			}
			if got != tc.want {
				t.Errorf("type %q, want %q", got, tc.want)
			}
		})
	}
}
