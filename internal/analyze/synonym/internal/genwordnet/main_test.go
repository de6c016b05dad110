package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestGeneratedIsCurrent regenerates the synonym table from the installed
// WordNet and compares it with the committed synonyms.txt, so a hand edit
// or a stale table fails. It skips when WordNet is not installed
// (apt-get install wordnet-base).
func TestGeneratedIsCurrent(t *testing.T) {
	const dict = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dict, "index.verb")); err != nil {
		t.Skipf("%s not installed: generated table not checked", dict)
	}
	out := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := run(dict, out, 1); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../synonyms.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("synonyms.txt differs from what the generator makes of the installed WordNet: run go generate ./internal/analyze/synonym")
	}
}

func TestPrimary(t *testing.T) {
	l := &lemma{
		tagged: map[string]int{"n": 3, "v": 3, "a": 1},
		senses: map[string][]string{"n": {"100", "101"}, "v": {"200"}, "a": {"300"}},
	}
	if got := primary(l); got != "v200" {
		t.Errorf("primary = %q, want the verb sense on a tie (v200)", got)
	}
	l.tagged["n"] = 4
	if got := primary(l); got != "n100" {
		t.Errorf("primary = %q, want the first noun sense (n100)", got)
	}
}

// TestMoneyUnits checks the money rule on a small dictionary: a noun whose
// primary sense descends from "monetary unit" is a unit, however rare; a
// word whose primary sense is a verb, a word naming the monetary unit
// itself and an irregular form of another word are not.
func TestMoneyUnits(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "cedi n 1 1 @ 1 0 00000010  \n" +
			"dollar n 1 1 @ 1 5 00000011  \n" +
			"mark n 2 1 @ 2 1 00000012 00000013  \n" +
			"won n 1 1 @ 1 0 00000014  \n" +
			"dam n 1 1 @ 1 3 00000015  \n" +
			"monetary_unit n 1 1 @ 1 0 " + monetaryUnit + "  \n",
		"index.verb": "mark v 1 1 @ 1 9 00000020  \n",
		"index.adj":  "",
		"data.noun": "  1 licence header\n" +
			monetaryUnit + " 23 n 01 monetary_unit 0 000 | a unit of money  \n" +
			"00000009 23 n 01 currency_unit 0 001 @ " + monetaryUnit + " n 0000 | a unit of a currency  \n" +
			"00000010 23 n 01 cedi 0 001 @ 00000009 n 0000 | the unit of money in Ghana  \n" +
			"00000011 23 n 01 dollar 0 001 @ " + monetaryUnit + " n 0000 | a unit of money  \n" +
			"00000012 23 n 01 mark 0 001 @ " + monetaryUnit + " n 0000 | a former unit of money  \n" +
			"00000013 23 n 01 mark 0 000 | a sign  \n" +
			"00000014 23 n 01 won 0 001 @ " + monetaryUnit + " n 0000 | the unit of money in Korea  \n" +
			"00000015 06 n 01 dam 0 000 | a barrier  \n",
		"noun.exc": "",
		"verb.exc": "won win\n",
		"adj.exc":  "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lemmas := map[string]*lemma{}
	for _, p := range posFiles {
		if err := readIndex(filepath.Join(dir, "index."+p.name), p.pos, lemmas); err != nil {
			t.Fatal(err)
		}
	}
	exc, err := readExcForms(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := moneyUnits(dir, lemmas, exc)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"cedi", "dollar"}; !slices.Equal(got, want) {
		t.Errorf("moneyUnits = %q, want %q", got, want)
	}
}
