package analyze

import "testing"

// TestSpeakersRegionalStyles checks speakers in forms of regional and
// house styles: an Australian councillor's "Cr", Nigerian and Indian
// honorifics, a firm ending in "Limited", "X quoted the governor as
// saying", a titled name before "of the Y Unit", "the group" and "the
// club" after a parent group and a club the recogniser took for a person,
// a pronoun after a sentence that opens with it, a first name before a
// participle between commas, a capitalised office before its holder, a
// live blog's "From X in Y again:", a spokeswoman's pronoun after "A
// spokeswoman for X said" and an orchestra's former leader; with the
// forms that must keep their speaker (a person named after the
// spokeswoman, a firm named after the club); a partial quotation after
// "remembered her as" and "the secretary said she agreed “…”".
func TestSpeakersRegionalStyles(t *testing.T) {
	tests := []articleCase{
		{name: "a councillor's Cr",
			text: "Cr Lachlan Ferris moved an amendment on Tuesday night.\n\n" +
				"\"We are talking about families,\" Cr Ferris said. \"They are part of this town.\"\n",
			quotes: []wantQuote{{"talking about families", "Lachlan Ferris"}, {"part of this town", "Lachlan Ferris"}}},
		{name: "honorifics of Nigerian copy",
			text: "Alhaji Sanusi Bello, a transporter, said drivers now took a longer road. \"The road has finished our vehicles,\" he said.\n\n" +
				"Hon. Yemi Oduya told journalists: \"We are for our people.\"\n",
			quotes: []wantQuote{{"finished our vehicles", "Sanusi Bello"}, {"for our people", "Yemi Oduya"}}},
		{name: "a firm ending in Limited",
			text: "The contractor, Pelmore Civil Works Limited, said materials were on site.\n\n" +
				"\"We have two hundred workers there,\" the company said.\n",
			quotes: []wantQuote{{"two hundred workers", "Pelmore Civil Works Limited"}}},
		{name: "quoted the governor as saying",
			text: "The state governor, Abiodun Fashanu, visited the site on Saturday with his spokesman, Kunle Adebayo-Coker.\n\n" +
				"\"The people have suffered enough,\" Adebayo-Coker quoted the governor as saying.\n",
			quotes: []wantQuote{{"suffered enough", "Abiodun Fashanu"}}},
		{name: "a titled name before of the unit",
			text:   "\"The driver made no attempt to stop,\" Detective Inspector Rhodri Vale of the Serious Collision Investigation Unit said in a statement.\n",
			quotes: []wantQuote{{"no attempt to stop", "Rhodri Vale"}}},
		{name: "the group after its unit",
			text: "Tarrow Foods, a unit of the Dutch group Oosterhuis Consumer Brands, will close a plant.\n\n" +
				"Oosterhuis said in a statement that it remained committed to the brands. \"They are among our most important brands,\" the group said.\n",
			quotes: []wantQuote{{"most important brands", "Oosterhuis Consumer Brands"}}},
		{name: "the club after a firm",
			text: "Shares in Harwell Foods fell on Monday. Dunmoor Rovers lost again on Saturday.\n\n" +
				"The club said it had \"full confidence\" in its manager.\n",
			quotes: []wantQuote{{"full confidence", "Dunmoor Rovers"}}},
		{name: "a firm after the club keeps the company",
			text: "Dunmoor Rovers lost again on Saturday. Harwell Foods, the club's sponsor, said it was reviewing the deal.\n\n" +
				"\"We have supported the club for ten years,\" the company said.\n",
			quotes: []wantQuote{{"supported the club", "Harwell Foods"}}},
		{name: "a pronoun after a sentence it opens",
			text:   "Torvald Ekren has skippered the ferry for nineteen years. He is a large, quiet man. \"People think this is a boat,\" he says.\n",
			quotes: []wantQuote{{"this is a boat", "Torvald Ekren"}}},
		{name: "a first name before a participle between commas",
			text: "Back on board, Torvald Ekren tells the story of the long winter. His niece, Sigrid Ekren-Dahl, is the first mate.\n\n" +
				"\"We ran out of milk,\" he says.\n\nSigrid, overhearing, rolls her eyes.\n\n\"He tells that story to every journalist,\" she says.\n",
			quotes: []wantQuote{{"every journalist", "Sigrid Ekren-Dahl"}}},
		{name: "a capitalised office before its holder",
			text: "The health secretary, Ann Roe, answered questions. Bryn Tallis, the shadow spokesman, pressed her.\n\n" +
				"The Presiding Officer, Dilwyn Hale-Rees, intervened to call for order. \"Members will hear the answer,\" he said.\n",
			quotes: []wantQuote{{"hear the answer", "Dilwyn Hale-Rees"}}},
		{name: "a live blog's lead with a place and again",
			text:   "11:30 From Morwenna Kitto in Ashby Mill again:\n\n\"The rain has eased here for the first time this morning.\"\n",
			quotes: []wantQuote{{"rain has eased", "Morwenna Kitto"}}},
		{name: "a spokeswoman's pronoun",
			text: "A spokeswoman for Harlow Parish Council said councillors would raise the road at their next meeting.\n\n" +
				"\"We will be writing to the highways authority again,\" she said.\n",
			quotes: []wantQuote{{"writing to the highways", "Harlow Parish Council"}}},
		{name: "a woman named after the spokeswoman keeps her words",
			text: "A spokeswoman for Harlow Parish Council said the road would be discussed. Pauline Ashcroft-Moyes, who lives on the road, was not impressed.\n\n" +
				"\"We have heard it all before,\" she said.\n",
			quotes: []wantQuote{{"heard it all before", "Pauline Ashcroft-Moyes"}}},
		{name: "an orchestra's former leader",
			text: "In 1968 she founded the Coalfields Sinfonia. The concert in the colliery made her name.\n\n" +
				"\"You could hear the water dripping,\" recalled the Sinfonia's former leader, Idris Mabey.\n",
			quotes: []wantQuote{{"water dripping", "Idris Mabey"}}},
		{name: "remembered as",
			text: "Her teacher there, the pianist Emeric Vorlat, remembered her as \"terrifyingly certain\". " +
				"\"She was the only student who ever corrected me,\" he wrote in his memoirs.\n",
			quotes: []wantQuote{{"terrifyingly certain", "Emeric Vorlat"}, {"ever corrected me", "Emeric Vorlat"}}},
		{name: "the role that says she agreed",
			text: "The health secretary, Mared Owens-Price, answered first. The member for Glanmor, Ceri Hopwood, said the delays began at the door. " +
				"\"You cannot fix the front door,\" she said.\n\nResponding, the secretary said she agreed \"with much of what the member said\".\n",
			quotes: []wantQuote{{"front door", "Ceri Hopwood"}, {"with much of what", "Mared Owens-Price"}}},
	}
	checkArticleCases(t, tests)
}
