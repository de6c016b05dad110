package analyze

import "testing"

// TestSpeakersNavalAndClergyTitles checks "the admiral" for one named
// with "Adm." or "Rear Adm." and "the cleric" for one named with a
// clergy title ("Hojatoleslam"), with the ranks and clergy that must keep
// their speaker.
func TestSpeakersNavalAndClergyTitles(t *testing.T) {
	tests := []articleCase{
		{name: "rear admiral",
			text: "Rear Adm. Soltan Vaziri-Far, the navy commander, told state television that the tanker had ignored warnings.\n\n" +
				"\"Our forces acted with full professionalism,\" the admiral said in the interview.\n",
			quotes: []wantQuote{{"Our forces acted with full professionalism", "Soltan Vaziri-Far"}}},
		{name: "control: an admiral described by a relative clause",
			text: "Adm. Halvor Brekke-Lund, who commands the task force, said the boats came close.\n\n" +
				"\"Our crew showed great restraint,\" the admiral said at a briefing.\n",
			quotes: []wantQuote{{"Our crew showed great restraint", "Halvor Brekke-Lund"}}},
		{name: "the cleric",
			text: "Hojatoleslam Kazem Roshanzadeh, a senior cleric who heads the maritime court, told the agency that the case would take time.\n\n" +
				"\"Nobody should expect us to hand over a ship,\" the cleric was quoted as saying.\n",
			quotes: []wantQuote{{"Nobody should expect us", "Kazem Roshanzadeh"}}},
		{name: "control: a general",
			text:   "Brig. Gen. Rostam Parvizi said the ship had left.\n\n\"This is a lesson,\" the general said.\n",
			quotes: []wantQuote{{"This is a lesson", "Rostam Parvizi"}}},
		{name: "control: the vicar",
			text:   "The Rev. Ann Holloway led the service.\n\n\"We are all neighbours,\" the vicar said.\n",
			quotes: []wantQuote{{"We are all neighbours", "Ann Holloway"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDeputySpokes checks "the spokeswoman" for a deputy
// spokeswoman named before, and a spokesman named since who is not "the
// spokeswoman", with the deputy minister who is still not "the minister".
func TestSpeakersDeputySpokes(t *testing.T) {
	tests := []articleCase{
		{name: "a deputy spokeswoman",
			text: "Fenella Aubrac-Dene, deputy spokeswoman for the Secretary-General, told the noon briefing that a convoy had been stopped.\n\n" +
				"The spokeswoman said the organization was \"deeply concerned\" about two detained staff members.\n",
			quotes: []wantQuote{{"deeply concerned", "Fenella Aubrac-Dene"}}},
		{name: "a spokesman named since",
			text: "Marit Solheim-Vik, the spokeswoman for the agency, said the convoy would try again.\n\n" +
				"Olav Brandt, the spokesman for the assembly president, said the week would go ahead \"as planned.\"\n\n" +
				"Asked whether the names would be published, \"Not today,\" the spokeswoman said.\n",
			quotes: []wantQuote{{"Not today", "Marit Solheim-Vik"}}},
		{name: "control: a spokesman for the spokesman",
			text: "Olav Brandt, the spokesman for the assembly president, said the week would go ahead.\n\n" +
				"\"Not today,\" the spokesman said.\n",
			quotes: []wantQuote{{"Not today", "Olav Brandt"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUntypedRoleHolder checks "the spokesman" for a name the
// recogniser left untyped but gave that role in apposition.
func TestSpeakersUntypedRoleHolder(t *testing.T) {
	tests := []articleCase{
		{name: "a spokesman in apposition",
			text: "Asked about the editorial at a regular briefing, a foreign ministry spokesman in Tahrabad, Kuanysh Rakhimzhanov, said the position was \"well known.\"\n\n" +
				"\"Newspapers in our country are free to write what they want,\" the spokesman said.\n",
			quotes: []wantQuote{{"Newspapers in our country are free", "Kuanysh Rakhimzhanov"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCounterpartByCountry checks "the Valmark minister" for a
// minister's counterpart named with that country, with the minister of the
// other country as control.
func TestSpeakersCounterpartByCountry(t *testing.T) {
	text := "Lethovian Foreign Minister Anzhela Rudenko-Vass, hosting her Valmark counterpart Teodor Ostrowiecki, opened the news conference.\n\n" +
		"\"The drivers will be home for the holidays,\" the Lethovian minister said.\n\n" +
		"\"I hope my colleague is right,\" the Valmark minister replied.\n"
	tests := []articleCase{
		{name: "the counterpart's country",
			text:   text,
			quotes: []wantQuote{{"I hope my colleague is right", "Teodor Ostrowiecki"}}},
		{name: "control: the host's nationality",
			text:   text,
			quotes: []wantQuote{{"The drivers will be home", "Anzhela Rudenko-Vass"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersQuotedHimAs checks "the agency quoted him as saying" for
// the man the pronoun stands for, not the agency.
func TestSpeakersQuotedHimAs(t *testing.T) {
	tests := []articleCase{
		{name: "quoted him as saying",
			text: "Aidos Temirov, the director of the aviation group, spoke to the state news agency Tahr Press on Thursday.\n\n" +
				"\"I take it as an award,\" the agency quoted him as saying.\n",
			quotes: []wantQuote{{"I take it as an award", "Aidos Temirov"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCoordinatorRole checks "the coordinator" for the person
// named before with that role.
func TestSpeakersCoordinatorRole(t *testing.T) {
	tests := []articleCase{
		{name: "the coordinator",
			text: "Rashida Mwenye, the UN humanitarian coordinator for Cassaria, joined by video link.\n\n" +
				"Asked about air drops, the coordinator said they were \"possible but hugely expensive.\"\n",
			quotes: []wantQuote{{"possible but hugely expensive", "Rashida Mwenye"}}},
	}
	checkArticleCases(t, tests)
}
