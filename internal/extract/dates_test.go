package extract

import (
	"testing"
	"time"
)

func TestParseDateRow(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		line string
		ok   bool
		want time.Time
	}{
		{"Published: March 22, 2023", true, day(2023, 3, 22)},
		{"Letzte Änderung 14.02.2019", true, day(2019, 2, 14)},
		{"Aktualisiert am 17.01.2021.", true, day(2021, 1, 17)},
		{"Dienstag, 24. März 2004", true, day(2004, 3, 24)},
		{"Publicado el 3 de mayo de 2022", true, day(2022, 5, 3)},
		{"Mis à jour le 5 février 2020", true, day(2020, 2, 5)},
		{"Am 24. März 2004 begann der Umbau des Hafens", false, time.Time{}},
		{"El 3 de mayo de 2022 cerró el puerto", false, time.Time{}},
		{"1 of them 2019", false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, ok := parseDateRow(tt.line)
			if ok != tt.ok || (ok && !got.Equal(tt.want)) {
				t.Errorf("parseDateRow(%q) = %v, %v; want %v, %v", tt.line, got, ok, tt.want, tt.ok)
			}
		})
	}
}
