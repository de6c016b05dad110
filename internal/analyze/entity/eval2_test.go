package entity

import "github.com/parallax-news/parallax/internal/model"

// evalText2 is a second invented news-style text, written after the rules
// were tuned on evalText, to give a held-out figure.
const evalText2 = `Flooding Forces Thousands From Homes in Northern Italy
Rescue crews in Emilia-Romagna evacuated more than 9,000 people on Wednesday as rivers burst their banks, the Civil Protection Department said.
Prime Minister Giulia Ferraro flew to Bologna and promised emergency funds. “No family will be left alone,” Ferraro said at a briefing with regional governor Marco Bellandi.
The European Commission said it stood ready to help. Commission spokesman Pieter de Vries told reporters in Brussels that Italy could apply to the EU Solidarity Fund.
Climate scientists at the University of Padua said the rainfall was the heaviest in a century. Professor Elena Conti, who leads the university’s hydrology group, said warmer seas were to blame.
In Washington, the State Department offered condolences. Spokesman Daniel Okafor said the United States was in touch with Rome.
Meanwhile, Greek authorities reported fires near Athens, and Turkey sent two aircraft to help. Firefighters from Cyprus also arrived, Greece’s civil protection minister Nikos Papadakis said.
conti later told the Reuters news agency that the floods “will not be the last”. Bellandi said repairs would take months.`

// evalGold2 lists the gold mentions of evalText2.
var evalGold2 = []struct {
	text string
	typ  model.EntityType
}{
	{"Italy", model.Place},
	{"Emilia-Romagna", model.Place}, {"Civil Protection Department", model.Organization},
	{"Giulia Ferraro", model.Person}, {"Bologna", model.Place}, {"Ferraro", model.Person}, {"Marco Bellandi", model.Person},
	{"European Commission", model.Organization}, {"Pieter de Vries", model.Person}, {"Brussels", model.Place}, {"Italy", model.Place}, {"EU Solidarity Fund", model.Organization},
	{"University of Padua", model.Organization}, {"Elena Conti", model.Person},
	{"Washington", model.Place}, {"State Department", model.Organization}, {"Daniel Okafor", model.Person}, {"United States", model.Place}, {"Rome", model.Place},
	{"Athens", model.Place}, {"Turkey", model.Place}, {"Cyprus", model.Place}, {"Greece", model.Place}, {"Nikos Papadakis", model.Person},
	{"conti", model.Person}, {"Reuters", model.Organization}, {"Bellandi", model.Person},
}
