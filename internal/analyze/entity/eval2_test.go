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

// evalText3 is a third invented text (business, courts, sport). It was
// written after the rules had been tuned on the others and scored once as
// held out; rules added after seeing that score (sports
// teams, "Bank of X", regions) fit it, so its figure now is no longer a
// held-out one.
const evalText3 = `Court Blocks Merger of Two Regional Airlines
A federal judge in Chicago on Thursday blocked the planned merger of Lakeshore Air and Prairie Wings, siding with the Justice Department, which had argued the deal would raise fares across the Midwest.
Judge Miriam Ostrowski wrote that the companies had failed to show the merger would benefit travellers. Lakeshore chief executive Daniel Whitcombe said the airline was “disappointed” and would consider an appeal.
Shares of Prairie Wings fell 12 percent in New York trading. Analysts at Raymond Capital said the ruling was expected.
Elsewhere, the Toronto Raptors beat the Boston Celtics 112-104. Guard Malik Fontaine scored 31 points, and coach Darko Ilić praised his defence. Fontaine later told TSN he was “just getting started”.
In Mexico City, Finance Secretary Lucía Herrera Soto announced new bond sales, and the Bank of Mexico left rates unchanged. Herrera Soto said inflation was “under control”.
The World Bank, in a report released in Washington, warned that growth in Latin America would slow to 1.8 percent. Its chief economist, Samuel Adeyemi, said higher US interest rates were weighing on the region.`

// evalGold3 lists the gold mentions of evalText3.
var evalGold3 = []struct {
	text string
	typ  model.EntityType
}{
	{"Chicago", model.Place}, {"Lakeshore Air", model.Organization}, {"Prairie Wings", model.Organization}, {"Justice Department", model.Organization}, {"Midwest", model.Place},
	{"Miriam Ostrowski", model.Person}, {"Lakeshore", model.Organization}, {"Daniel Whitcombe", model.Person},
	{"Prairie Wings", model.Organization}, {"New York", model.Place}, {"Raymond Capital", model.Organization},
	{"Toronto Raptors", model.Organization}, {"Boston Celtics", model.Organization}, {"Malik Fontaine", model.Person}, {"Darko Ilić", model.Person}, {"Fontaine", model.Person}, {"TSN", model.Organization},
	{"Mexico City", model.Place}, {"Lucía Herrera Soto", model.Person}, {"Bank of Mexico", model.Organization}, {"Herrera Soto", model.Person},
	{"World Bank", model.Organization}, {"Washington", model.Place}, {"Latin America", model.Place}, {"Samuel Adeyemi", model.Person}, {"US", model.Place},
}
