package entity

import "strings"

// genericPronouns are indefinite pronouns and irregular plurals for people
// in general. Capitalised at the start of a sentence ("Nobody was hurt",
// "Others said") they look like a name; they are none.
var genericPronouns = setOf(`nobody somebody someone anyone anybody everyone everybody noone none
others neither either whoever whichever many several
children women men gunmen fishermen policemen firemen firefighters chairmen congressmen
businessmen servicemen tradesmen folk folks`)

// genericNouns are nouns of trade, office, station or kind for people or
// bodies. Their plurals open many news sentences ("Residents said",
// "Broadcasters cut into programming", "Geologists warned"), where,
// capitalised, they look like a name. Only the plural of a listed word is
// taken as generic (isGenericWord), and no listed word has a plural that is
// a common surname: "bank", "river", "field", "seller" or "farmer"'s
// surname-like forms are left out or singular only.
var genericNouns = setOf(`resident villager local citizen neighbour neighbor onlooker bystander witness
survivor victim commuter passenger driver motorist cyclist pedestrian traveller traveler tourist visitor
shopper customer consumer user viewer listener reader subscriber fan spectator supporter opponent critic
skeptic sceptic observer watcher insider outsider source
broadcaster forecaster meteorologist geologist seismologist volcanologist hydrologist climatologist
biologist ecologist epidemiologist virologist psychologist sociologist historian economist strategist
statistician pollster analyst commentator pundit columnist journalist reporter correspondent blogger
investor trader shareholder stakeholder stockholder bondholder creditor lender borrower depositor
taxpayer ratepayer homeowner landlord tenant renter buyer retailer wholesaler supplier exporter
importer manufacturer producer distributor grower farmer miner logger rancher
employer employee worker labourer laborer staffer striker union unionist organiser organizer campaigner
protester protestor demonstrator marcher rioter looter
regulator inspector auditor investigator prosecutor lawyer attorney defender plaintiff defendant
juror magistrate official authority administrator bureaucrat lawmaker legislator
politician minister senator councillor councilor delegate negotiator mediator diplomat envoy
engineer builder contractor architect surveyor planner scientist researcher
academic scholar professor teacher student pupil parent relative friend family volunteer
doctor physician surgeon nurse paramedic medic clinician patient carer caregiver
rescuer firefighter lifeguard soldier troop trooper officer guard commander militant rebel insurgent
fighter attacker assailant suspect voter candidate activist advocate expert specialist consultant
adviser advisor executive manager director owner operator member leader spokesperson
company firm business insurer airline carrier utility market
`)

// genericSuffixes end plurals that name people by trade or creed and are
// hardly ever surnames ("Geologists", "Physicians").
var genericSuffixes = [...]string{"ists", "ians"}

// isGenericWord reports whether lower-case word w is an indefinite pronoun
// or generic plural (genericPronouns), the plural of a generic noun
// (genericNouns) or role word ("Analysts", "Diplomats"), or a plural with
// a trade suffix ("Geologists").
func isGenericWord(w string) bool {
	if genericPronouns[w] {
		return true
	}
	if len(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	for _, suf := range genericSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	for _, s := range singulars(w) {
		if genericNouns[s] || roleHeads[s] {
			return true
		}
	}
	return false
}

// singulars returns the possible singulars of an English plural w ending
// in "s": "analysts" → "analyst"; "authorities" → "authority";
// "witnesses" → "witness".
func singulars(w string) []string {
	out := []string{w[:len(w)-1]}
	if b, ok := strings.CutSuffix(w, "ies"); ok {
		out = append(out, b+"y")
	}
	if b, ok := strings.CutSuffix(w, "es"); ok {
		out = append(out, b)
	}
	return out
}

// GenericWord reports whether word, in any case, is a generic noun for
// people or bodies or an indefinite pronoun ("Residents", "Geologists",
// "Nobody"): a word that may open a sentence as its subject and speaker but
// names no one. The quote finder uses it for capitalised words the
// recogniser did not take as names.
func GenericWord(word string) bool {
	return isGenericWord(strings.ToLower(word))
}
