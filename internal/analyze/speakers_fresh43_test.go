package analyze

import "testing"

// TestSpeakersConflictNews checks forms of conflict and diplomacy news:
// "official" as an adjective before a platform's name, an aside set off
// by dashes between a subject and its verb, "According to X, Premier Y
// said …", a pronoun after a sentence whose victims an attribution at its
// end reports, "the self-styled defence ministry", letters standing for a
// body spelled out before ("the ISMD statement said", "the MEA said"),
// with controls.
func TestSpeakersConflictNews(t *testing.T) {
	tests := []articleCase{
		{name: "official as an adjective before a platform",
			text: "Sarhadistan's Ministry of Defence said it had struck hideouts in the district.\n\n" +
				"“The operation was conducted with precision,” the ministry said in a statement posted on its official Telegram channel.\n\n" +
				"A security official, speaking on condition of anonymity, said the targets had been watched for weeks. “We know who was in those compounds,” the official said.\n",
			quotes: []wantQuote{{"conducted with precision", "Ministry of Defence"}, {"We know who", ""}}},
		{name: "control: a title before a name",
			text:   "“The border is calm,” said senior official Ruslan Tashenov.\n",
			quotes: []wantQuote{{"The border is calm", "Ruslan Tashenov"}}},
		{name: "an aside set off by dashes",
			text: "Its spokesman, Hamdan Saleh al-Sufi, wrote that the seas were not safe.\n\n" +
				"In a separate post, al-Sufi — whose name is also spelt Hamdan Al Soufi in its English statements — said the group would “continue until the siege is lifted”.\n\n" +
				"Later, Marta Okonkwo — who chairs the committee — said the plan was “a disgrace to this city and to everyone in it”.\n",
			quotes: []wantQuote{{"continue until", "Hamdan Saleh al-Sufi"}, {"a disgrace", "Marta Okonkwo"}}},
		{name: "according to a broadcaster, a premier said",
			text: "The two leaders met in the capital on Sunday.\n\n" +
				"According to Huaxin state television, Premier Feng Wenjie said his country “firmly supports Turanistan in safeguarding its sovereignty”.\n",
			quotes: []wantQuote{{"firmly supports", "Feng Wenjie"}}},
		{name: "control: according to an agency, no other speaker",
			text:   "According to the Turan News Agency, the talks were held “in a warm and friendly atmosphere”.\n",
			quotes: []wantQuote{{"warm and friendly", "Turan News Agency"}}},
		{name: "victims in a clause an attribution reports",
			text: "At least two people were killed in the attack, regional governor Oleksandr Prytula said.\n\n" +
				"A man aged 64 and a woman aged 71 were killed when debris fell on a house, the governor said. “My condolences to the families,” he wrote.\n",
			quotes: []wantQuote{{"My condolences", "Oleksandr Prytula"}}},
		{name: "a self-styled ministry",
			text:   "The Eastern Command's self-styled defence ministry said its forces had struck “military targets and the infrastructure supporting them”.\n",
			quotes: []wantQuote{{"military targets", "the defence ministry"}}},
		{name: "letters of a body spelled out before",
			text: "Two soldiers were killed, according to a press release issued by the Inter-Services Media Directorate (ISMD), Sarhadi troops having responded.\n\n" +
				"“The armed forces are fully prepared to defend every inch of the motherland,” the ISMD statement said.\n\n" +
				"In a weekly briefing, Ministry of External Affairs spokesperson Kavita Raghunathan rejected the claims. “They are baseless,” Raghunathan said.\n\n" +
				"The MEA later said in a statement that the “onus is on the other side to stop infiltration”.\n",
			quotes: []wantQuote{{"fully prepared", "Inter-Services Media Directorate"}, {"They are baseless", "Kavita Raghunathan"},
				{"onus is on", "Ministry of External Affairs"}}},
		{name: "control: letters of a title",
			text: "Deputy Superintendent of Police (DSP) Harpreet Kaur Sandhu said the youth had been detained.\n\n" +
				"Asked about the delay, Ms Sandhu said an inquiry had been marked. “Action will be taken against the staff on duty,” the DSP said.\n",
			quotes: []wantQuote{{"Action will be taken", "Harpreet Kaur Sandhu"}}},
	}
	checkArticleCases(t, tests)
}
