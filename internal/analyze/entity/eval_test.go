package entity

import (
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// evalText is invented news-style text (not from any source) with
// hand-labelled gold mentions, used to measure precision and recall.
const evalText = `Brazil Rejects IMF Advice on Fuel Taxes
Brazilian Finance Minister Rafael Duarte said on Tuesday that the government would not raise fuel taxes, rejecting a proposal from the International Monetary Fund (IMF). Duarte told reporters in Brasilia that the IMF had “misread the situation”.
The remarks came a day after Kenyan President Wanjiru Kamau met German Chancellor Olaf Brandt in Berlin. Kamau and Brandt discussed debt relief, according to a statement from the Kenyan presidency.
In Geneva, World Health Organization spokeswoman Ines Moreau warned that cholera cases were rising in Sudan and South Sudan. “We are deeply concerned,” Moreau said. The WHO has asked donors for $40 million.
Meanwhile, shares of Northwind Logistics fell 8 percent after the company’s chief executive, Tomasz Wielki, resigned. Analysts at Goldman Sachs said the move was unexpected. Wielki had led the firm since 2015.
Speaking at the United Nations in New York, Pakistani Foreign Minister Ayesha Qureshi urged India to resume talks over Kashmir. But Indian officials in New Delhi dismissed the call. Qureshi later met UN Secretary-General Antonio Reyes.
moscow has denied the report. Russian Foreign Ministry spokeswoman Maria Zakharova said the claims were “absurd”. Zakharova also criticised the European Union and the Pentagon.
Opposition leader Carlos Mendes, a former mayor of Porto Alegre, said the Workers’ Party would fight the plan. Mendes spoke after a rally in Sao Paulo organised by the National Union of Students.`

// evalGold lists the gold mentions of evalText in order: surface form and
// type.
var evalGold = []struct {
	text string
	typ  model.EntityType
}{
	{"Brazil", model.Place}, {"IMF", model.Organization},
	{"Rafael Duarte", model.Person}, {"International Monetary Fund", model.Organization}, {"IMF", model.Organization},
	{"Duarte", model.Person}, {"Brasilia", model.Place}, {"IMF", model.Organization},
	{"Wanjiru Kamau", model.Person}, {"Olaf Brandt", model.Person}, {"Berlin", model.Place}, {"Kamau", model.Person}, {"Brandt", model.Person},
	{"Geneva", model.Place}, {"World Health Organization", model.Organization}, {"Ines Moreau", model.Person}, {"Sudan", model.Place},
	{"South Sudan", model.Place}, {"Moreau", model.Person}, {"WHO", model.Organization},
	{"Northwind Logistics", model.Organization}, {"Tomasz Wielki", model.Person}, {"Goldman Sachs", model.Organization}, {"Wielki", model.Person},
	{"United Nations", model.Organization}, {"New York", model.Place}, {"Ayesha Qureshi", model.Person}, {"India", model.Place},
	{"Kashmir", model.Place}, {"New Delhi", model.Place}, {"Qureshi", model.Person}, {"UN", model.Organization}, {"Antonio Reyes", model.Person},
	{"moscow", model.Place}, {"Russian Foreign Ministry", model.Organization}, {"Maria Zakharova", model.Person}, {"Zakharova", model.Person},
	{"European Union", model.Organization}, {"Pentagon", model.Organization},
	{"Carlos Mendes", model.Person}, {"Porto Alegre", model.Place}, {"Workers’ Party", model.Organization}, {"Mendes", model.Person},
	{"Sao Paulo", model.Place}, {"National Union of Students", model.Organization},
}

// TestPrecisionRecall measures mention precision and recall on evalText: a
// found mention is right when its text and type equal an unused gold
// mention's (in order of appearance).
func TestPrecisionRecall(t *testing.T) {
	t.Run("tuned", func(t *testing.T) { precisionRecall(t, evalText, evalGold, 0.8) })
	t.Run("held-out", func(t *testing.T) { precisionRecall(t, evalText2, evalGold2, 0.7) })
	t.Run("held-out-2", func(t *testing.T) { precisionRecall(t, evalText3, evalGold3, 0.5) })
}

func precisionRecall(t *testing.T, text string, gold []struct {
	text string
	typ  model.EntityType
}, floor float64) {
	ms := find(text)
	used := make([]bool, len(gold))
	right, rightSpan := 0, 0
	for _, m := range ms {
		hit := false
		for i, g := range gold {
			if !used[i] && g.text == m.Text {
				used[i] = true
				rightSpan++
				if g.typ == m.Type {
					right++
				} else {
					t.Logf("wrong type: %q %s (gold %s)", m.Text, m.Type, g.typ)
				}
				hit = true
				break
			}
		}
		if !hit {
			t.Logf("false positive: %q %s", m.Text, m.Type)
		}
	}
	for i, g := range gold {
		if !used[i] {
			t.Logf("missed: %q %s", g.text, g.typ)
		}
	}
	p := float64(right) / float64(len(ms))
	r := float64(right) / float64(len(gold))
	t.Logf("typed: precision %.2f (%d/%d), recall %.2f (%d/%d); untyped: precision %.2f, recall %.2f",
		p, right, len(ms), r, right, len(gold), float64(rightSpan)/float64(len(ms)), float64(rightSpan)/float64(len(gold)))
	if p < floor || r < floor {
		t.Errorf("precision %.2f / recall %.2f below %.2f", p, r, floor)
	}
}
