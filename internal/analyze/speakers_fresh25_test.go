package analyze

import "testing"

// TestSpeakersTranscriptNamedTurns checks a press conference transcript
// whose labels name who asks and who answers in brackets ("Q (Amina
// Rostami, Keshvan Daily):", "A (Sotoudeh):"), with the forms that must
// keep their speaker.
func TestSpeakersTranscriptNamedTurns(t *testing.T) {
	tests := []articleCase{
		{name: "questions and answers named in brackets",
			text: "Foreign Minister Javed Sartipi and his guest, Sheikh Rashid bin Hamad Al-Kaabi, met reporters in Keshvan on Sunday.\n\n" +
				"Q (Leyla Mirzaei, Keshvan Daily): Minister, will you let the engineers inspect the dam?\n\n" +
				"A (Sartipi): Our doors are open to any neutral expert.\n\n" +
				"Q (Mirzaei): So they can come next week?\n\n" +
				"A (Sheikh Rashid): You will have to ask Marand. (Laughter.)\n\n" +
				"A (Sartipi): Let me add one thing on the talks.\n",
			quotes: []wantQuote{{"will you let the engineers inspect", "Leyla Mirzaei"}, {"Our doors are open", "Javed Sartipi"},
				{"So they can come next week?", "Leyla Mirzaei"}, {"You will have to ask Marand", "Rashid bin Hamad Al-Kaabi"},
				{"Let me add one thing", "Javed Sartipi"}}},
		{name: "a reporter named once",
			text: "Foreign Minister Javed Sartipi met reporters in Keshvan on Sunday.\n\n" +
				"Q (Farid Nourbakhsh, Tavran Daily): Minister, is the recall of the ambassador permanent?\n\n" +
				"A (Sartipi): Nothing in diplomacy is permanent.\n",
			quotes: []wantQuote{{"is the recall of the ambassador permanent?", "Farid Nourbakhsh"}, {"Nothing in diplomacy is permanent", "Javed Sartipi"}}},
		{name: "control: plain labels go to the interviewee",
			text: "Kellan Marbury, chief executive of Ostrow Foods, spoke to us at the company's headquarters.\n\n" +
				"Q: Is the company for sale?\n\n" +
				"A: No. We have no interest in selling.\n",
			quotes: []wantQuote{{"We have no interest in selling", "Kellan Marbury"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyByCountry checks a country's body named by a phrase
// after a dateline that ends with a hyphen after the agency ("ZORAK, June
// 13 (Meridian Wire) - Halvaria's defence ministry on Thursday denied …,
// calling reports “…”"), which "the ministry" and "the statement" then
// stand for, with the forms that must keep their speaker.
func TestSpeakersBodyByCountry(t *testing.T) {
	tests := []articleCase{
		{name: "a country's ministry after a hyphenated dateline",
			text: "ZORAK, June 13 (Meridian Wire) - Halvaria's defence ministry on Thursday denied that its aircraft had struck a market, calling reports of the attack \"a crude provocation.\"\n\n" +
				"\"No aircraft carried out any mission in the area,\" the ministry said in a statement.\n\n" +
				"\"The claims are designed to mislead,\" the statement said.\n",
			quotes: []wantQuote{{"a crude provocation", "the defence ministry"}, {"No aircraft carried out", "the defence ministry"},
				{"The claims are designed to mislead", "the defence ministry"}}},
		{name: "a one-word partial quote of such a body",
			text:   "KESHVAN, March 14 (Meridian Wire) - Qedaria's foreign ministry on Monday rejected the accusations, calling them \"fabricated\".\n",
			quotes: []wantQuote{{"fabricated", "the foreign ministry"}}},
		{name: "control: a scare quote of nobody",
			text: "KESHVAN, March 14 (Meridian Wire) - The river has fallen to its lowest level, and farmers call the season \"dead\".\n\n" +
				"Ana Moradi, a farmer, said: \"We have never seen it like this.\"\n",
			quotes: []wantQuote{{"We have never seen it like this", "Ana Moradi"}}},
		{name: "control: the dateline's place is no speaker",
			text: "ZORAK, June 13 (Meridian Wire) - Halvaria's defence ministry said on Thursday its aircraft had not struck the market.\n\n" +
				"\"No aircraft carried out any mission in the area,\" the ministry said.\n",
			quotes: []wantQuote{{"No aircraft carried out", "the defence ministry"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersWrittenText checks a text's noun as the subject ("the
// readout said", "the message said") and "It added" after it: the body the
// text came from ("a readout from the Kaslani foreign ministry") or whom
// the sentence before quoted, with the forms that must keep their
// speaker.
func TestSpeakersWrittenText(t *testing.T) {
	tests := []articleCase{
		{name: "a readout from a ministry",
			text: "Kaslan's foreign minister, Marius Oltean, and his Belgorian counterpart spoke by telephone on Tuesday.\n\n" +
				"According to a readout from the Kaslani foreign ministry, Oltean pressed for naval escorts.\n\n" +
				"\"Minister Oltean underlined that food security cannot be held hostage,\" the readout said. It added that the two ministers had \"agreed to instruct their deputies to meet.\"\n",
			quotes: []wantQuote{{"food security cannot be held hostage", "Kaslani foreign ministry"},
				{"agreed to instruct their deputies", "Kaslani foreign ministry"}}},
		{name: "a message after its writer in the same paragraph",
			text: "The army's channel posted several warnings on Saturday.\n\n" +
				"Army spokesman Col. Tarek Haddadin urged residents to \"report any suspicious object\" and not to approach debris. \"Do not touch, do not film, call the hotline,\" the message said.\n",
			quotes: []wantQuote{{"report any suspicious object", "Tarek Haddadin"}, {"Do not touch", "Tarek Haddadin"}}},
		{name: "control: a message opening a paragraph",
			text: "Army spokesman Col. Tarek Haddadin urged residents to stay indoors.\n\n" +
				"\"Do not touch, do not film, call the hotline,\" the message said.\n",
			quotes: []wantQuote{{"Do not touch", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersTheOfficial checks "the official" (and "the Tarsian
// minister") standing for the person just named with a public office, as
// translated agency copy writes it ("the official was quoted as saying"),
// "the deputy minister" for the nearest one whose role has "deputy" even
// with a minister named since, and an official introduced unnamed ("A
// Kelmari official …, the official said"), who stays unnamed, with the
// forms that must keep their speaker.
func TestSpeakersTheOfficial(t *testing.T) {
	tests := []articleCase{
		{name: "the official after a titled name",
			text: "Meanwhile, Deputy Foreign Minister for Political Affairs Dr. Khalifa Saeed Al-Nuaimi told the agency that the two countries would sign four memoranda.\n\n" +
				"\"The memoranda cover visa facilitation and investment protection,\" the official was quoted as saying.\n",
			quotes: []wantQuote{{"The memoranda cover visa facilitation", "Khalifa Saeed Al-Nuaimi"}}},
		{name: "a nationality before the role",
			text: "Foreign Minister Sheikh Hamdan bin Rashed Al-Marzouqi received his Kaslani counterpart, Mr. Aurel Vintescu, on Wednesday.\n\n" +
				"Sheikh Hamdan underlined the need for a ceasefire. \"There can be no military solution to the crisis,\" the Tarsian minister was quoted as saying.\n",
			quotes: []wantQuote{{"There can be no military solution", "Hamdan bin Rashed Al-Marzouqi"}}},
		{name: "a deputy minister after a minister named since",
			text: "Sulmar's deputy foreign minister, Idris Fallahan, said on Sunday that flows had fallen by 40 percent.\n\n" +
				"The spokesman declined to comment on reports that Foreign Minister Javad Sotoudeh would travel to Marand.\n\n" +
				"Later, Fallahan said his country would go to the water commission. \"We will use every legal avenue available to us,\" the deputy minister said.\n",
			quotes: []wantQuote{{"We will use every legal avenue", "Idris Fallahan"}}},
		{name: "control: the minister named since",
			text: "Sulmar's deputy foreign minister, Idris Fallahan, said on Sunday that flows had fallen by 40 percent.\n\n" +
				"Foreign Minister Javad Sotoudeh rejected the figures. \"These are not measurements,\" the minister said.\n",
			quotes: []wantQuote{{"These are not measurements", "Javad Sotoudeh"}}},
		{name: "control: an official introduced unnamed",
			text: "Foreign ministry spokeswoman Ilse Damrova told a briefing that the talks would go on.\n\n" +
				"A Kelmari official close to the talks, who spoke on condition of anonymity, said the delegation would not walk out. \"We will stay at the table,\" the official said.\n",
			quotes: []wantQuote{{"We will stay at the table", ""}}},
		{name: "control: a Western diplomat",
			text: "Spokesman Bahram Nazari said the ambassador had been recalled for consultations.\n\n" +
				"A Western diplomat said the recall was \"a warning shot, not a break.\" \"They want to show anger without burning bridges,\" the diplomat said.\n",
			quotes: []wantQuote{{"They want to show anger", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersArabicNames checks Arabic names of given name, father's
// name and family name ("Saqr Mohammed Al-Dhaheri", "Noura bint Khalid
// Al-Mansoori"), "Abu" inside a name ("Karim Abu Laban"), a given name
// spelt without its final h ("Sheikh Abdulla" after "Sheikh Abdullah bin
// Hamad Al-Sulaiti") and a role before abbreviated ranks ("army spokesman
// Brig. Gen. X"), with the forms that must keep their speaker.
func TestSpeakersArabicNames(t *testing.T) {
	tests := []articleCase{
		{name: "a father's name that is a given name",
			text: "The Speaker of the council, Saqr Mohammed Al-Dhaheri, received the minister.\n\n" +
				"\"Parliamentary diplomacy is an essential pillar,\" Al-Dhaheri said.\n",
			quotes: []wantQuote{{"Parliamentary diplomacy", "Saqr Mohammed Al-Dhaheri"}}},
		{name: "Sheikha and bint",
			text:   "Tarsia's envoy, Sheikha Noura bint Khalid Al-Mansoori, said the council had \"failed the people of Bir Salem twice.\"\n",
			quotes: []wantQuote{{"failed the people of Bir Salem", "Noura bint Khalid Al-Mansoori"}}},
		{name: "Abu inside a name",
			text:   "The president's spokesman, Karim Abu Laban, replied on social media. \"The vice-president is welcome to count the dry wells himself,\" he wrote.\n",
			quotes: []wantQuote{{"welcome to count the dry wells", "Karim Abu Laban"}}},
		{name: "a given name without its final h",
			text: "\"We have made progress on the humanitarian file,\" the chief mediator, Sheikh Abdullah bin Hamad Al-Sulaiti, told reporters.\n\n" +
				"Sheikh Abdulla said the talks would resume on Saturday. \"Each delegation needs to go home,\" he said.\n",
			quotes: []wantQuote{{"Each delegation needs to go home", "Abdullah bin Hamad Al-Sulaiti"}}},
		{name: "a role before abbreviated ranks",
			text: "\"Our air defence units intercepted six drones,\" army spokesman Brig. Gen. Samir Al-Khatib wrote.\n\n" +
				"Residents of Tel Hamra described a sleepless night. The spokesman urged them to \"report any suspicious object\".\n",
			quotes: []wantQuote{{"report any suspicious object", "Samir Al-Khatib"}}},
		{name: "ranks in an appositive",
			text:   "The ministry's spokesman, Maj. Gen. Arsen Tevosyan, told a briefing later on Thursday that radar data showed \"no Halvarian presence within 40 kilometres\" of the town.\n",
			quotes: []wantQuote{{"no Halvarian presence", "Arsen Tevosyan"}}},
		{name: "a portfolio before the name",
			text:   "Under-Secretary-General for Political Affairs Adaeze Okonkwo-Berg told the council that 31 people had been killed. \"I urge the council to speak with one voice,\" she said.\n",
			quotes: []wantQuote{{"I urge the council", "Adaeze Okonkwo-Berg"}}},
		{name: "control: a given name before a family name without the article",
			text:   "Minister of Defence Sarah Okafor said the base would stay open. \"We are not leaving,\" Okafor said.\n",
			quotes: []wantQuote{{"We are not leaving", "Sarah Okafor"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNameGivenAfterNoun checks "a student who gave her name only
// as Farah, said", the name an unnamed person gave after a noun with no
// comma before "who", with the forms that must keep their speaker.
func TestSpeakersNameGivenAfterNoun(t *testing.T) {
	tests := []articleCase{
		{name: "after an indefinite noun",
			text: "Several hundred young people gathered outside the conference centre.\n\n" +
				"One of them, a student who gave her name only as Farah, said: \"We want our leaders to talk about jobs.\"\n",
			quotes: []wantQuote{{"We want our leaders to talk about jobs", "Farah"}}},
		{name: "control: after a comma",
			text:   "A clerk at the store, who gave her name only as Yesenia, said: \"We close at nine.\"\n",
			quotes: []wantQuote{{"We close at nine", "Yesenia"}}},
	}
	checkArticleCases(t, tests)
}
