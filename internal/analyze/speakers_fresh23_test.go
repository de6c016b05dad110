package analyze

import "testing"

// TestSpeakersAcronymTitle checks "the SHO said", "the DSP said", "the
// MLA said" and "the CFO said" after the person was named with that
// acronym as a rank in the role, in brackets or in apposition before the
// name, or with a role whose initials it is, with the forms that must keep
// their speaker.
func TestSpeakersAcronymTitle(t *testing.T) {
	tests := []articleCase{
		{name: "a rank inside the role",
			text: "Rampur Kotwali SHO Inspector Vinod Kumar Bhardwaj denied the allegation.\n\n" +
				"\"Two teams have been formed to trace the boy,\" said the SHO.\n",
			quotes: []wantQuote{{"Two teams have been formed", "Vinod Kumar Bhardwaj"}}},
		{name: "the acronym in brackets before the name",
			text: "Deputy Superintendent of Police (DSP) Harpreet Kaur Bajwa, who is supervising the case, spoke to the family.\n\n" +
				"Asked about the delay, she said an inquiry had been marked. \"Action will follow if the staff were negligent,\" the DSP said.\n",
			quotes: []wantQuote{{"Action will follow", "Harpreet Kaur Bajwa"}}},
		{name: "the acronym in apposition with an honorific",
			text: "The local MLA, Shri Devendra Nath Tiwari, reached the police station at noon.\n\n" +
				"He later spoke to reporters. \"Law and order here has collapsed,\" the MLA said.\n",
			quotes: []wantQuote{{"Law and order here has collapsed", "Devendra Nath Tiwari"}}},
		{name: "a role's initials the recogniser left unnamed",
			text: "Chief Financial Officer Arvind Kessler-Moye told analysts the cuts would cost $50 million.\n\n" +
				"\"We have no intention of touching the dividend,\" the CFO said.\n",
			quotes: []wantQuote{{"We have no intention", "Arvind Kessler-Moye"}}},
		{name: "control: a body the role belongs to",
			text: "KHB chief executive Dr Imogen Farrell-Wade said waiting lists were falling.\n\n" +
				"Later the KHB said in a statement that it was \"confident of meeting the target\".\n",
			quotes: []wantQuote{{"confident of meeting the target", "KHB"}}},
		{name: "control: nobody holds the acronym",
			text: "Chief Executive Arvind Kessler-Moye said demand was weak.\n\n" +
				"\"We will be conservative,\" the CFO said.\n",
			quotes: []wantQuote{{"We will be conservative", "CFO"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersClubNotHis checks that a club the recogniser takes for a
// person ("his Inverlach Thistle side", "The Thistle boss did, though,
// praise his players") is never who "he" means, and that "Thistle" ends a
// club's name as "Rovers" does, with the forms that must keep their
// speaker.
func TestSpeakersClubNotHis(t *testing.T) {
	tests := []articleCase{
		{name: "the boss after his club",
			text: "Stephen Carnegie insisted his Inverlach Thistle side had been unlucky.\n\n" +
				"\"I've seen it back three times,\" said Carnegie.\n\n" +
				"The Thistle boss did, though, praise his players. \"The character was different class,\" he said.\n",
			quotes: []wantQuote{{"The character was different class", "Stephen Carnegie"}}},
		{name: "the club as a speaker",
			text:   "Inverlach Thistle said on Sunday that the stand would reopen. \"Safety comes first,\" the club said.\n",
			quotes: []wantQuote{{"Safety comes first", "Inverlach Thistle"}}},
		{name: "control: a surname that only begins like a club's",
			text:   "Callum Thistlewood praised his players after the draw. \"The character was different class,\" he said.\n",
			quotes: []wantQuote{{"The character was different class", "Callum Thistlewood"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPhilippineTitles checks "Usec." and "ASec." before a name,
// which end no sentence, with the forms that must keep their speaker.
func TestSpeakersPhilippineTitles(t *testing.T) {
	tests := []articleCase{
		{name: "Usec.",
			text: "Undersecretary Ma. Teresa Dumlao-Reyes said payouts had begun.\n\n" +
				"\"Priority is given to families whose houses were destroyed,\" Usec. Dumlao-Reyes said.\n",
			quotes: []wantQuote{{"Priority is given", "Teresa Dumlao-Reyes"}}},
		{name: "ASec.",
			text: "Assistant Secretary Ramil Pangilinan said the toll had risen.\n\n" +
				"\"We expect the number to rise,\" ASec. Pangilinan said.\n",
			quotes: []wantQuote{{"We expect the number to rise", "Ramil Pangilinan"}}},
		{name: "control: Sec.",
			text: "Secretary Ramil Pangilinan visited the shelter.\n\n" +
				"\"We did not wait for the storm to pass,\" Sec. Pangilinan said.\n",
			quotes: []wantQuote{{"We did not wait", "Ramil Pangilinan"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersLowerRank checks that "the secretary" is not an Assistant
// Secretary named since the Secretary, nor "the mayor" a Deputy Mayor,
// with the forms that must keep their speaker.
func TestSpeakersLowerRank(t *testing.T) {
	tests := []articleCase{
		{name: "an assistant secretary named since",
			text: "Social Welfare Secretary Teodulo Marasigan flew in on Friday.\n\n" +
				"Assistant Secretary Joel Dimaano said the toll had risen to 27.\n\n" +
				"\"All our packs carry only the department's logo,\" the secretary said.\n",
			quotes: []wantQuote{{"All our packs carry", "Teodulo Marasigan"}}},
		{name: "a deputy mayor named since",
			text: "Mayor Lorna Castelar-Yu opened the shelter.\n\n" +
				"Deputy Mayor Ben Aquino-Sta said classes were suspended.\n\n" +
				"\"We will reopen when the water goes down,\" the mayor said.\n",
			quotes: []wantQuote{{"We will reopen", "Lorna Castelar-Yu"}}},
		{name: "control: the assistant secretary",
			text: "Assistant Secretary Joel Dimaano said the toll had risen.\n\n" +
				"\"We expect more,\" the assistant secretary said.\n",
			quotes: []wantQuote{{"We expect more", "Joel Dimaano"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNameGivenWithTitle checks "who gave his name only as Mr
// Tay. … “…,” he said", a courtesy title before the name given, with the
// forms that must keep their speaker.
func TestSpeakersNameGivenWithTitle(t *testing.T) {
	tests := []articleCase{
		{name: "Mr before the name",
			text: "Outside court, Mr Harjit Singh Bains said his client was disappointed.\n\n" +
				"One of the victims' sons, who gave his name only as Mr Tay, said the family had attended every hearing. \"At least today the court listened,\" he said.\n",
			quotes: []wantQuote{{"At least today the court listened", "Tay"}}},
		{name: "control: Ms. with a full stop before the name",
			text: "Mr Harjit Singh Bains said his client was disappointed.\n\n" +
				"A neighbour, who gave her name only as Ms. Lim, watched from the gate. \"He was always polite,\" she said.\n",
			quotes: []wantQuote{{"He was always polite", "Lim"}}},
		{name: "control: a person named since",
			text: "A neighbour, who gave his name only as Mr Tay, watched from the gate.\n\n" +
				"His lawyer, Harjit Singh Bains, was more guarded. \"My client is disappointed,\" he said.\n",
			quotes: []wantQuote{{"My client is disappointed", "Harjit Singh Bains"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersGivenNameAfterTitle checks a name whose first word the
// lexicon does not know as a given name, after a courtesy title and
// before one it knows ("Dr Salim Rashid Mbaruk"), with the forms that
// must keep their speaker.
func TestSpeakersGivenNameAfterTitle(t *testing.T) {
	tests := []articleCase{
		{name: "Dr before an unknown given name",
			text: "The county health chief, Dr Salim Rashid Mbaruk, admitted the situation was dire.\n\n" +
				"\"We have paid for an emergency order,\" said Dr Mbaruk.\n",
			quotes: []wantQuote{{"We have paid for an emergency order", "Salim Rashid Mbaruk"}}},
		{name: "control: a role before the given name",
			text: "Minister of Defence Sarah Okonjo-Reed said the troops would stay.\n\n" +
				"\"They stay until the job is done,\" Okonjo-Reed said.\n",
			quotes: []wantQuote{{"They stay until the job is done", "Sarah Okonjo-Reed"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersDeclinedToGiveName checks a pronoun after someone who
// "declined to give his name" or "would not give her name", who is
// unnamed rather than the person named before, with the forms that must
// keep their speaker.
func TestSpeakersDeclinedToGiveName(t *testing.T) {
	tests := []articleCase{
		{name: "declined to give his name",
			text: "Governor Joseph Mwenda Kiprop blamed the assembly for the shortage.\n\n" +
				"Another patient, who declined to give his name, said nurses were buying drugs. \"They are good people,\" he said.\n",
			quotes: []wantQuote{{"They are good people", ""}}},
		{name: "would not give her name",
			text: "Governor Mary Wanjiku Kiprop blamed the assembly for the shortage.\n\n" +
				"A trader, who would not give her name, had waited all morning. \"There is no medicine,\" she said.\n",
			quotes: []wantQuote{{"There is no medicine", ""}}},
		{name: "control: a name given",
			text: "Governor Joseph Mwenda Kiprop blamed the assembly.\n\n" +
				"A patient, who gave his name as Otieno, had waited all morning. \"There is no medicine,\" he said.\n",
			quotes: []wantQuote{{"There is no medicine", "Otieno"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersCompanyNamedAsObject checks "the company said" after a
// sentence naming one business by a company form as an object ("The
// building is owned by Cedar Run Property Group.") when the nearest body
// in subject position is a dateline's, with the forms that must keep
// their speaker.
func TestSpeakersCompanyNamedAsObject(t *testing.T) {
	tests := []articleCase{
		{name: "the firm the sentence before names",
			text: "GRANTHAM FALLS (WKXT) — Dozens are out of their homes after a fire on Tuesday.\n\n" +
				"The building is owned by Larchmont Property Group. In a statement, the company said it was \"devastated\" by the fire.\n",
			quotes: []wantQuote{{"devastated", "Larchmont Property Group"}}},
		{name: "control: two firms in the sentence before",
			text: "GRANTHAM FALLS (WKXT) — Dozens are out of their homes after a fire on Tuesday.\n\n" +
				"The building is owned by Larchmont Property Group and managed by Ostley Holdings. In a statement, the company said it was \"devastated\".\n",
			quotes: []wantQuote{{"devastated", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyInApposition checks a name in apposition after a
// group's noun ("A local relief group, Bantay Alcaraz, described …"),
// which is a body's, so that "he" after it means the person named before,
// with the forms that must keep their speaker.
func TestSpeakersBodyInApposition(t *testing.T) {
	tests := []articleCase{
		{name: "a body named after the group's noun",
			text: "Food packs rushed to typhoon-hit Alcaraz\n\n" +
				"MALAYOG, Alcaraz — The department on Saturday began distributing food packs in this province.\n\n" +
				"Social Welfare Secretary Teodulo Marasigan said the department had prepositioned packs. \"We did not wait for the storm to pass,\" Sec. Marasigan told reporters.\n\n" +
				"He added: \"We have enough for two more weeks.\"\n\n" +
				"A local relief group, Bantay Alcaraz, described the response as \"slow\".\n",
			quotes: []wantQuote{{"We have enough for two more weeks", "Teodulo Marasigan"}, {"slow", "Bantay Alcaraz"}}},
		{name: "control: a spokesman for the company",
			text: "A spokesman for the company, Florian Osterkamp-Ndlovu, said the site had been chosen carefully.\n\n" +
				"\"We have done two years of counting,\" he said.\n",
			quotes: []wantQuote{{"We have done two years of counting", "Florian Osterkamp-Ndlovu"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSurnameByTitleSex checks a surname shared by two people
// named with courtesy titles of each sex ("Smt. Sunita Rawal … Shri
// Mahesh Rawal … Smt. Rawal said"), which is the one of the title's sex,
// with the forms that must keep their speaker.
func TestSpeakersSurnameByTitleSex(t *testing.T) {
	tests := []articleCase{
		{name: "Smt. after Shri",
			text: "\"We went to the police station on Sunday,\" the girl's mother, Smt. Sunita Devi Rawal, told this newspaper.\n\n" +
				"The girl's uncle, Shri Mahesh Chand Rawal, a retired schoolteacher, said the family had given the police a name.\n\n" +
				"\"We have called it off for today, not forever,\" Smt. Rawal said as she left.\n",
			quotes: []wantQuote{{"We have called it off", "Sunita Devi Rawal"}}},
		{name: "control: Shri after Smt.",
			text: "\"We went to the police station on Sunday,\" the girl's mother, Smt. Sunita Devi Rawal, told this newspaper.\n\n" +
				"The girl's uncle, Shri Mahesh Chand Rawal, a retired schoolteacher, said the family had given the police a name.\n\n" +
				"\"What more do they want?\" Shri Rawal asked.\n",
			quotes: []wantQuote{{"What more do they want?", "Mahesh Chand Rawal"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyByIts checks a business the recogniser took for a
// person that speaks "in its earnings release", which "the company" then
// stands for, with the forms that must keep their speaker.
func TestSpeakersBodyByIts(t *testing.T) {
	tests := []articleCase{
		{name: "said in its release",
			text: "Rachel Obi-Castellanos, who covers the company for Denholm Partners, said the sensor business was being overlooked.\n\n" +
				"Halvorsen Brightline said in its earnings release that its board had approved a buyback. \"We believe our shares are undervalued,\" the company said.\n",
			quotes: []wantQuote{{"We believe our shares are undervalued", "Halvorsen Brightline"}}},
		{name: "control: said in his",
			text: "Halvorsen Brightline shares fell on Thursday.\n\n" +
				"Rachel Obi-Castellanos said in her note that the sensor business was overlooked. \"It is a different animal,\" she said.\n",
			quotes: []wantQuote{{"It is a different animal", "Rachel Obi-Castellanos"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersGivenNameFrom checks a given name alone opening a sentence
// before ", from" ("Shirley, from Yarrabin, said"), a caller's, with the
// forms that must keep their speaker.
func TestSpeakersGivenNameFrom(t *testing.T) {
	tests := []articleCase{
		{name: "a caller from a place",
			text: "The local member, Greg Tillotson-Hayes, said the money was too late.\n\n" +
				"Listeners shared their tips. Shirley, from Yarrabin, said she had been reusing water. \"The lemon tree has never looked better,\" she said.\n",
			quotes: []wantQuote{{"The lemon tree has never looked better", "Shirley"}}},
		{name: "control: a caller in apposition",
			text: "The local member, Greg Tillotson-Hayes, said the money was too late.\n\n" +
				"Another caller, Mick, who farms near Pellan, was less cheerful. \"There's no water to save,\" he said.\n",
			quotes: []wantQuote{{"There's no water to save", "Mick"}}},
	}
	checkArticleCases(t, tests)
}
