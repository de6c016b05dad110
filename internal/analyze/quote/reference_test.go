package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// referenceEnts are the entities of TestReferences.
var referenceEnts = []ent{
	person("", "Maren Olk", "Olk"), person("", "Petra Vann", "Vann"), person("Federal Transport Minister", "Hella Brost", "Brost"),
	person("", "Ivo Rask", "Rask"), person("", "Kit Ambery", "Ambery"), person("promoter", "Gwen Tollis", "Tollis"),
	{model.Other, "", []string{"Donna"}}, {model.Other, "", []string{"Ada Querne"}}, org("Dock Workers' Federation"), org("Castellan Terminals"),
	org("Department for Culture"), org("Rovers"), person("manager", "Sam Holm", "Holm"), person("", "Luc Ferrand", "Ferrand"),
}

// TestReferences covers speakers named by a description rather than a
// name, by a kinship word, an age, a role nobody else holds, an agent of an
// organization or a pronoun after "according to", and interview answers
// whose interviewee the recogniser left untyped.
func TestReferences(t *testing.T) {
	checkFindCases(t, []findCase{
		{name: "kinship word before a given name", text: "Rask is back in the ring. But his long-suffering wife Donna is less than thrilled. “I’ve told him he’s mad,” she says.",
			want: []wantQ{{"I’ve told him he’s mad,", model.Direct, "Donna"}}},
		{name: "role nobody holds is the person just quoted", text: "Maren Olk said the backlog was “harder to shift than expected”. “We will not hit the target,” the minister told MPs.",
			want: []wantQ{{"We will not hit the target,", model.Direct, "Maren Olk"}}},
		{name: "a role held by another is not the person just quoted", text: "Maren Olk said the backlog was “harder to shift than expected”. “We will not hit the target,” the insider told us.",
			want: []wantQ{{"We will not hit the target,", model.Direct, ""}}},
		{name: "an age stands for the subject of the sentence before",
			text: "Vann spoke of a „bureaucracy monster“. Brost also defended herself. „I spoke with all groups“, the 54-year-old emphasised.",
			want: []wantQ{{"bureaucracy monster", model.Mixed, "Petra Vann"}, {"I spoke with all groups", model.Direct, "Hella Brost"}}},
		{name: "title of an outlet is no quotation", text: "„The toll is fair“, said the conservative politician Brost to the newspaper „Morgenbote“.",
			want: []wantQ{{"The toll is fair", model.Direct, "Hella Brost"}}, exact: true},
		{name: "colon before a quotation ending its sentence", text: "Brost was firm. The minister replied: „Our figures are sound.“ The money goes to bridges.",
			want: []wantQ{{"Our figures are sound.", model.Direct, "Hella Brost"}}},
		{name: "with X saying", text: "Talks collapsed, with the Dock Workers' Federation saying the operator had \"walked away from the table\".",
			want: []wantQ{{"the operator had \"walked away from the table\"", model.Mixed, "Dock Workers' Federation"}}},
		{name: "cue word used as a noun", text: "Castellan Terminals said in a statement that the union's latest demands \"would make the terminal unviable.\"",
			want: []wantQ{{"the union's latest demands \"would make the terminal unviable.\"", model.Mixed, "Castellan Terminals"}}},
		{name: "spokesman for an organization", text: "A spokesman for the Department for Culture said the government “welcomed” the decision.",
			want: []wantQ{{"the government “welcomed” the decision", model.Mixed, "Department for Culture"}}},
		{name: "source close to a person is unnamed", text: "A source close to promoter Gwen Tollis insists the fight is “90 per cent done” and could happen in May.",
			want: []wantQ{{"90 per cent done", model.Mixed, ""}}},
		{name: "according to a pronoun", text: "Petra Vann leads the parents. According to her, the children will spend « more than an hour on the bus ».",
			want: []wantQ{{"the children will spend « more than an hour on the bus »", model.Mixed, "Petra Vann"}}},
		{name: "parenthetical after the subject", text: "Mr Rask, for his part, assures that he has « explored every option ».",
			want: []wantQ{{"he has « explored every option »", model.Mixed, "Ivo Rask"}}},
		{name: "team before a role before a name", text: "\"He is a machine,\" said Rovers manager Sam Holm.",
			want: []wantQ{{"He is a machine,", model.Direct, "Sam Holm"}}},
		{name: "role with an age", text: "Rask is 44. The former world champ, 44, told pals he was “bored stiff” of retirement.",
			want: []wantQ{{"bored stiff", model.Mixed, "Ivo Rask"}}},
		{name: "interviewee named only untyped",
			text: "‘Wood forgives’ — an interview with Ada Querne\nThe architect Ada Querne spoke to us.\nQ: Why wood?\nA: Because it forgives mistakes.",
			want: []wantQ{{"Wood forgives", model.Direct, "Ada Querne"}, {"Because it forgives mistakes.", model.Direct, "Ada Querne"}}},
	}, referenceEnts)
}
