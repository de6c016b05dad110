package entity

import "strings"

// GivenNameSex returns 'm' for a lower-case given name that is, in the
// news, almost always a man's, 'f' for one almost always a woman's, and 0
// for other words and names given to both (Alex, Jordan, Sam, Kim, Robin,
// Jamie are left out).
func GivenNameSex(low string) byte {
	return givenSexes[low]
}

var givenSexes = func() map[string]byte {
	m := map[string]byte{}
	for w := range strings.FieldsSeq(givenMale) {
		m[w] = 'm'
	}
	for w := range strings.FieldsSeq(givenFemale) {
		m[w] = 'f'
	}
	return m
}()

const givenMale = `aaron abdul abdullah adam adrian ahmed alan albert alexander alfred alistair ali andrew angus anthony
antonio arthur barry benjamin bernard bertrand boris bradley brendan brian bruce callum calvin carl carlos
charles christopher clive colin craig curtis cyril damian daniel darius darren david declan dennis derek
desmond diego dominic donald douglas duncan dylan edward edwin emeka emmanuel eric ernest eugene fergus
francis frank frederick gareth gary gavin geoffrey george gerald gideon gilbert gordon graham gregory
hamish harold harry henry herbert howard hugh hugo ian ibrahim ikechukwu imran isaac ivan jack jacob
james jason jeffrey jeremy jerome john jonathan joseph juan julian keith kenneth kevin kieran lachlan lars
lawrence leonard lionel luis luke malcolm marcus mark martin marvin matthew maurice michael miguel mohammed
muhammad murray nathan neil neville nicholas nigel nikhil norman oliver oscar owen patrick paul percy
peter philip phillip raj ralph raymond reginald richard robert rodney roger ronald roy rupert russell
samuel sebastian sergei seamus simon stanley stephen steven stuart terence theodore thomas timothy tobias
toby trevor victor vincent walter warren warrick wayne william yusuf`

const givenFemale = `abigail ada adaeze adele agnes aisha alice alison amanda amelia amina amy andrea angela angelica anita
ann anna anne annette audrey barbara beatrice begoña belinda bernadette beryl beth bethany brenda bridget
bryony carmen carol caroline catherine celeste charlotte cheryl christine claire clara colette cordelia
cynthia daphne deborah denise diana donatella doreen doris dorothy edith eileen elaine eleanor elena
elizabeth ellen emily emma esther eunice evelyn felicity fenella fiona florence frances gemma georgina
geraldine gillian gladys gloria grace gwen hannah harriet hazel heather helen helena hilary ingrid irene
isabel isabella jacinta jacqueline jane janet janice jennifer jessamy jessica jill joan joanna josephine
joyce judith julia julie karen katherine kathleen kathryn kiki laura lauren leanne linda lisa lorna
louise lucía lucy lydia madeleine margaret marguerite maria marian marie marjorie martha martina mary
maureen megan melanie melissa miriam molly monica nadia nancy natalie ngozi nicola nicole olga olivia
pamela patricia pauline penelope philippa priya rachel rebecca rhiannon rita rosalind rose roslyn ruth
sadie sally sandra sarah sharon sheila shirley sophie stephanie susan sylvia tamsin teresa theresa tracy
ursula valerie vanessa veronica victoria violet virginia wendy yvonne zoe`
