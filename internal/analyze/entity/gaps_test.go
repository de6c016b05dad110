package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// TestBodiesParticlesAndWhich checks the name of a body "of" something
// whose last word would otherwise be cut off as a person, the Arabic
// article written with a capital and the Welsh "ap" inside a person's
// name, a name that ", which" follows, names after "the", post-nominal
// letters, the honorifics Madam, Puan and Opanin, a local municipality, a
// surname that is a common word and Justice before a name; and that a
// role before a person's name, lower-case particles, a person before ",
// who" and a surname modifying a noun after "the" stay as they were.
func TestBodiesParticlesAndWhich(t *testing.T) {
	tests := []mentionCase{
		{"a body of something keeps its last word",
			"A report by the Office of Public Works found cracks. The Office of Health Service Standards agreed.",
			[]wantMention{{"Office of Public Works", model.Organization, "", "Office of Public Works"},
				{"Office of Health Service Standards", model.Organization, "", "Office of Health Service Standards"}},
			[]string{"Office of Public", "Works", "Office of Health Service", "Standards"}},
		{"a body of something whose name ends in a name word stays whole as before",
			"The Office of Road Freight Standards confirmed the rule.",
			[]wantMention{{"Office of Road Freight Standards", model.Organization, "", "Office of Road Freight Standards"}},
			nil},
		{"a surname after the title of a body of something is still a person's",
			"Chief Executive of the Harbour Authority Renn agreed.",
			[]wantMention{{"Renn", model.Person, "Chief Executive of the Harbour Authority", "Renn"}},
			nil},
		{"a capitalised Al inside a name and before a surname",
			"Khalid Saeed Al Marri spoke first. \"We act on every report,\" Mr Al Marri said. Dr Nadia Al Suwaidi, a consultant, agreed.",
			[]wantMention{{"Khalid Saeed Al Marri", model.Person, "", "Khalid Saeed Al Marri"},
				{"Al Marri", model.Person, "", "Khalid Saeed Al Marri"},
				{"Nadia Al Suwaidi", model.Person, "", "Nadia Al Suwaidi"}},
			[]string{"Khalid Saeed", "Marri", "Suwaidi"}},
		{"a lower-case al joins a name as before",
			"Officials met Omar al Hakim in Sharjah.",
			[]wantMention{{"Omar al Hakim", model.Person, "", "Omar al Hakim"}},
			nil},
		{"the Welsh ap inside a name",
			"Another board member, Cllr Rhiannon ap Dafydd, said the school had room.",
			[]wantMention{{"Rhiannon ap Dafydd", model.Person, "Another board member", "Rhiannon ap Dafydd"}},
			[]string{"Rhiannon", "Dafydd"}},
		{"a name before which is a body's",
			"Teifi Valley Coaches, which holds the contract, said it would add a bus.",
			[]wantMention{{"Teifi Valley Coaches", model.Organization, "", "Teifi Valley Coaches"}},
			nil},
		{"a name whose last word is written alone after the is a body's",
			"The Brackenford Independents won 19 seats. \"We will talk to the Independents about the budget,\" Ann Roe said.",
			[]wantMention{{"Brackenford Independents", model.Other, "", "Brackenford Independents"},
				{"Independents", model.Other, "", "Brackenford Independents"}},
			nil},
		{"a name after the before said is no person's",
			"\"We are disappointed,\" the Harland Rovers said in a statement.",
			[]wantMention{{"Harland Rovers", model.Other, "", "Harland Rovers"}},
			nil},
		{"a surname after the before a noun still confirms a person",
			"A protester was removed from a rally for Hector Ruvalcaba. Ruvalcaba was first to post, and the Ruvalcaba campaign said more.",
			[]wantMention{{"Hector Ruvalcaba", model.Person, "", "Hector Ruvalcaba"}, {"Ruvalcaba", model.Person, "", "Hector Ruvalcaba"}},
			nil},
		{"post-nominal letters stay out of a person's name",
			"The Member of the Senedd for the area, Elin Gwatkin MS, said the code was clear. Counsel to the inquiry, Jonathan Adebayo-Knight KC, asked what happened.",
			[]wantMention{{"Elin Gwatkin", model.Person, "", "Elin Gwatkin"}, {"Jonathan Adebayo-Knight", model.Person, "", "Jonathan Adebayo-Knight"}},
			[]string{"Elin Gwatkin MS", "Jonathan Adebayo-Knight KC"}},
		{"Madam, Puan and Opanin before a name are honorifics",
			"The chief executive, Madam Abena Owusu-Sarpong, spoke first. Puan Norhayati Ismail, 44, agreed, and so did Opanin Kwabena Amoako.",
			[]wantMention{{"Abena Owusu-Sarpong", model.Person, "chief executive", "Abena Owusu-Sarpong"}, {"Norhayati Ismail", model.Person, "", "Norhayati Ismail"},
				{"Kwabena Amoako", model.Person, "", "Kwabena Amoako"}},
			[]string{"Madam Abena Owusu-Sarpong", "Puan Norhayati Ismail", "Opanin Kwabena Amoako"}},
		{"Madam before an office names no one",
			"Madam Speaker, I rise to object. Patients with MS were seen by Ann Roe.",
			[]wantMention{{"Ann Roe", model.Person, "", "Ann Roe"}},
			[]string{"Madam Speaker", "Speaker"}},
		{"a local municipality is a body",
			"The Nqabeni Local Municipality said supply would gradually improve.",
			[]wantMention{{"Nqabeni Local Municipality", model.Organization, "", "Nqabeni Local Municipality"}},
			[]string{"Nqabeni"}},
		{"a common word with a capital after a name inside a sentence is a surname",
			"After the vote, Senator Daniel Otieno Were said he would ask the committee.",
			[]wantMention{{"Daniel Otieno Were", model.Person, "Senator", "Daniel Otieno Were"}},
			[]string{"Senator Daniel Otieno"}},
		{"a capitalised word after an initial or a pronoun is no surname",
			"Q. But what did you see?\nA. Ann Roe said I would be told.",
			[]wantMention{{"Ann Roe", model.Person, "", "Ann Roe"}},
			[]string{"Q. But", "I"}},
		{"Justice before a name is a judge's title",
			"Justice Kwek Hui Lin questioned counsel. Mr Justice Harold Penhaligon agreed. The Justice Department said nothing.",
			[]wantMention{{"Kwek Hui Lin", model.Person, "Justice", "Kwek Hui Lin"}, {"Harold Penhaligon", model.Person, "Mr Justice", "Harold Penhaligon"},
				{"Justice Department", model.Organization, "", "Justice Department"}},
			[]string{"Justice Kwek Hui Lin"}},
		{"a name before who is still a person's",
			"Maelis Corvandt, who holds the lease, said she would stay.",
			[]wantMention{{"Maelis Corvandt", model.Person, "", "Maelis Corvandt"}},
			nil},
	}
	checkMentionCases(t, tests)
}
