package analyze

import "testing"

// TestSpeakersPassiveAgent checks a quotation put to someone or said to
// them by an unnamed agent ("Asked by a voter whether ...", "warned by a
// supervisor not to ..."): the words are the agent's, not the subject's,
// with a named agent and the active verb as controls.
func TestSpeakersPassiveAgent(t *testing.T) {
	tests := []articleCase{
		{name: "asked by a voter",
			text: "Governor Ada Pellworth-Vance spoke at a town hall in Cresthaven on Wednesday.\n\n" +
				"Asked by a voter whether her campaign was \"in trouble,\" Pellworth-Vance laughed.\n",
			quotes: []wantQuote{{"in trouble", ""}}},
		{name: "warned by a supervisor",
			text: "Inez Marlowe-Quist worked in the scheduling office until last spring.\n\n" +
				"Marlowe-Quist said she had been warned by a supervisor not to \"make trouble\" when investigators first contacted her.\n\n" +
				"\"I thought about it for a day,\" she said.\n",
			quotes: []wantQuote{{"make trouble", ""}, {"thought about it", "Inez Marlowe-Quist"}}},
		{name: "control: a named agent",
			text: "Inez Marlowe-Quist worked in the scheduling office until last spring.\n\n" +
				"She said she had been warned by Oren Tallis, her supervisor, not to \"make trouble\" with the auditors.\n",
			quotes: []wantQuote{{"make trouble", "Oren Tallis"}}},
		{name: "control: the active verb",
			text: "Inez Marlowe-Quist worked in the scheduling office until last spring.\n\n" +
				"Marlowe-Quist said she had warned a supervisor not to \"make trouble\" for the auditors.\n",
			quotes: []wantQuote{{"make trouble", "Inez Marlowe-Quist"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersBodyTitleName checks a person named after a body and a
// title of more than one word ("Ambulance Employees Association state
// secretary Gary Moncrieff said"): the person speaks, not the body.
func TestSpeakersBodyTitleName(t *testing.T) {
	tests := []articleCase{
		{name: "association state secretary",
			text:   "Ambulance Employees Association state secretary Gary Tollemache welcomed the funding but said it was \"years overdue.\"\n",
			quotes: []wantQuote{{"years overdue", "Gary Tollemache"}}},
		{name: "union branch secretary",
			text:   "Transport Workers Union branch secretary Lena Vasquez-Orr said the deal was \"a good start.\"\n",
			quotes: []wantQuote{{"a good start", "Lena Vasquez-Orr"}}},
		{name: "control: the body alone",
			text:   "The Ambulance Employees Association said the funding was \"years overdue.\"\n",
			quotes: []wantQuote{{"years overdue", "Ambulance Employees Association"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersSportsRole checks a player named again by how he bats or
// bowls ("the left-hander said", "the paceman said") as the player quoted
// before.
func TestSpeakersSportsRole(t *testing.T) {
	text := "Tarun Bhosale-Kerr's unbeaten 104 took the Harbour Hawks to a five-wicket win on Tuesday.\n\n" +
		"\"I just tried to bat time,\" Bhosale-Kerr told reporters after the match.\n\n" +
		"\"Honestly, I was more nervous in the nineties than ever,\" the left-hander said, smiling. \"My partner kept me calm.\"\n"
	tests := []articleCase{
		{name: "the left-hander", text: text,
			quotes: []wantQuote{{"bat time", "Tarun Bhosale-Kerr"}, {"more nervous", "Tarun Bhosale-Kerr"}, {"kept me calm", "Tarun Bhosale-Kerr"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPlatformNamedLikeVerb checks a platform whose name is spelt
// like a verb of saying ("mocked the governor on Spoke, and his
// spokesman, X, told reporters"): the name is no verb, and the one who
// told reporters speaks; the verb itself as control.
func TestSpeakersPlatformNamedLikeVerb(t *testing.T) {
	tests := []articleCase{
		{name: "on Spoke",
			text: "Governor Ada Pellworth-Vance fired her campaign manager, Owen Radcliffe-Moss, on Tuesday.\n\n" +
				"The president mocked the governor on Spoke, and his spokesman, Kyle Ambrose-Teller, told reporters she had \"fired the one guy who knew what he was doing.\"\n",
			quotes: []wantQuote{{"fired the one guy", "Kyle Ambrose-Teller"}}},
		{name: "control: the verb",
			text:   "Governor Ada Pellworth-Vance spoke on Tuesday about the \"long road ahead.\"\n",
			quotes: []wantQuote{{"long road ahead", "Ada Pellworth-Vance"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersRoleAfterPossessive checks the role a name set off by a
// comma stands in apposition to: it opens at a possessive determiner
// ("fired her campaign manager, Owen Radcliffe-Moss"), so "the governor"
// later is the governor, not the manager.
func TestSpeakersRoleAfterPossessive(t *testing.T) {
	tests := []articleCase{
		{name: "her campaign manager",
			text: "Governor Ada Pellworth-Vance fired her campaign manager, Owen Radcliffe-Moss, on Tuesday.\n\n" +
				"People who have worked with the governor say the move was overdue. The governor called it \"a fresh start.\"\n",
			quotes: []wantQuote{{"a fresh start", "Ada Pellworth-Vance"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersReportFinds checks what a report "found" and "recommended"
// as its author's words when the report is given with "by" and her name,
// and "the report said" and "It recommended" after it; a finding without
// "that" next to another speaker's verb as control.
func TestSpeakersReportFinds(t *testing.T) {
	tests := []articleCase{
		{name: "report by an inspector general",
			text: "The report, by Inspector General Harriet Okafor-Lind, found that the secretary's conduct \"created an environment of fear.\"\n\n" +
				"\"Several witnesses described these requests as routine,\" the report said. It recommended that the White House \"consider appropriate action.\"\n",
			quotes: []wantQuote{{"environment of fear", "Harriet Okafor-Lind"}, {"Several witnesses", "Harriet Okafor-Lind"}, {"appropriate action", "Harriet Okafor-Lind"}}},
		{name: "control: found without that",
			text:   "Officers found the back door \"wide open,\" Sgt. Dale Pruitt-Yates said.\n",
			quotes: []wantQuote{{"wide open", "Dale Pruitt-Yates"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersUnnamedRelative checks a short quotation in the relative
// clause of someone unnamed ("according to one of the attendees, who
// described the secretary as “…”"): not the words of the one who said
// the sentence's first quotation; a named antecedent as control.
func TestSpeakersUnnamedRelative(t *testing.T) {
	tests := []articleCase{
		{name: "one of the attendees",
			text: "Raymond Tolliver-Pike told senior staff on Tuesday that he would stay.\n\n" +
				"\"I am not going anywhere,\" Tolliver-Pike said at the start of the meeting, according to one of the attendees, who described the secretary as \"calm, almost cheerful.\"\n",
			quotes: []wantQuote{{"not going anywhere", "Raymond Tolliver-Pike"}, {"calm, almost cheerful", ""}}},
		{name: "control: a named antecedent",
			text: "Raymond Tolliver-Pike told senior staff on Tuesday that he would stay.\n\n" +
				"\"I am not going anywhere,\" Tolliver-Pike said at the start of the meeting, according to his deputy, Ada Fenwick-Lowe, who described the secretary as \"calm, almost cheerful.\"\n",
			quotes: []wantQuote{{"not going anywhere", "Raymond Tolliver-Pike"}, {"calm, almost cheerful", "Ada Fenwick-Lowe"}}},
		{name: "control: a name's apposition",
			text:   "Dale Renshaw-Kidd was introduced by his wife, Jolene, a former teacher, who told the crowd her husband \"doesn't know how to quit.\"\n",
			quotes: []wantQuote{{"know how to quit", "Jolene"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersPartyAide checks "A Senate Democratic aide disputed that,
// calling it “…”": the party's name between the body and the role keeps
// the aide unnamed, as before "said"; the same sentence with "said" as
// control.
func TestSpeakersPartyAide(t *testing.T) {
	tests := []articleCase{
		{name: "participle",
			text: "Senate Majority Leader Theresa Galloway-Burke spoke on Thursday.\n\n" +
				"A Senate Democratic aide disputed that account, calling it \"spin from people who were not in the room.\"\n",
			quotes: []wantQuote{{"spin from people", ""}}},
		{name: "control: said",
			text: "Senate Majority Leader Theresa Galloway-Burke spoke on Thursday.\n\n" +
				"A Senate Democratic aide said it was \"spin from people who were not in the room.\"\n",
			quotes: []wantQuote{{"spin from people", ""}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersTheAttendee checks "the attendee said" after "according to
// a Republican who attended": one of many at an event, not the person
// named before; "the campaigner" for the one named as control.
func TestSpeakersTheAttendee(t *testing.T) {
	tests := []articleCase{
		{name: "the attendee",
			text: "Franklin Osterhaus-Bell has told donors privately that the seat \"should be the last thing we worry about,\" according to a Republican who attended a fundraiser with him.\n\n" +
				"\"Frank was pretty clear about it,\" the attendee said.\n",
			quotes: []wantQuote{{"last thing we worry", "Franklin Osterhaus-Bell"}, {"Frank was pretty clear", ""}}},
		{name: "control: the campaigner",
			text: "Franklin Osterhaus-Bell, a veteran campaigner, spoke to donors on Tuesday.\n\n" +
				"\"We are going to win this seat,\" the campaigner said.\n",
			quotes: []wantQuote{{"going to win", "Franklin Osterhaus-Bell"}}},
	}
	checkArticleCases(t, tests)
}

// TestSpeakersNameOpensReportedClause checks a name after a verb of
// saying that a modal or an auxiliary follows ("a memo ... that warned
// Delahunt would “…”"): the name opens the clause reported and does not
// speak; the inverted "warned X." as control.
func TestSpeakersNameOpensReportedClause(t *testing.T) {
	tests := []articleCase{
		{name: "warned X would",
			text: "Brock Delahurst is a former radio host.\n\n" +
				"Two of them described a memo circulated among senior staff last month that warned Delahurst would \"put a safe seat in play for the first time since 1994.\"\n",
			quotes: []wantQuote{{"safe seat in play", ""}}},
		{name: "control: inverted",
			text: "Brock Delahurst is a former radio host.\n\n" +
				"\"The swamp is scared,\" warned Brock Delahurst.\n",
			quotes: []wantQuote{{"swamp is scared", "Brock Delahurst"}}},
	}
	checkArticleCases(t, tests)
}
