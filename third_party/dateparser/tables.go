package dateparser

import (
	"strings"
	"sync"
)

// wordTables holds the words Parse knows, keyed by their lower-case form.
type wordTables struct {
	months   map[string]int
	weekdays map[string]bool
	fillers  map[string]bool
	ordinals map[string]bool
	zones    map[string]int // offset east of UTC in seconds
}

// monthNames lists, for each month from January, its names and usual
// abbreviations in English, French, German, Spanish, Portuguese, Italian and
// Dutch. Accented words also appear without their accents, as they are often
// written on the web.
var monthNames = [12]string{
	"january jan janvier janv januar jänner jaenner enero ene janeiro gennaio gen januari",
	"february feb febr février fevrier févr fevr februar febrero fevereiro fev febbraio februari",
	"march mar mars märz maerz marz mär marzo março marco maart mrt",
	"april apr avril avr abril abr aprile",
	"may mai mayo maio maggio mag mei",
	"june jun juin juni junio jun junho giugno giu",
	"july jul juillet juil juli julio julho luglio lug",
	"august aug août aout agosto ago augustus",
	"september sep sept septembre septiembre setiembre set setembro settembre",
	"october oct octobre oktober okt octubre outubro out ottobre ott",
	"november nov novembre noviembre novembro",
	"december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre",
}

// weekdayNames lists full weekday names in the same languages, and English
// abbreviations. Abbreviations in other languages are left out: several
// collide with month abbreviations ("mar" is Tuesday in French).
const weekdayNames = `monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun
lundi mardi mercredi jeudi vendredi samedi dimanche
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
lunes martes miércoles miercoles jueves viernes sábado sabado domingo
segunda terça terca quarta quinta sexta feira
lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag`

// fillerWords may stand between the parts of a date or before its time
// ("5 de março de 2024", "the 5th of March", "am 5. März 2024 um 10:00",
// "2024-03-05T10:00").
const fillerWords = "of the on at de del do da le la el den der am um à a om alle ore t"

// ordinalSuffixes follow a day number: 5th, 1er, 2e, 1º, 1ª.
const ordinalSuffixes = "st nd rd th er re e ème eme º ª o a"

// zoneOffsets are time-zone abbreviations common in news pages, with fixed
// offsets (a page naming a summer-time zone means that offset).
var zoneOffsets = map[string]int{
	"z": 0, "utc": 0, "gmt": 0, "ut": 0,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"bst": 3600, "cet": 3600, "cest": 2 * 3600, "met": 3600, "mez": 3600, "mesz": 2 * 3600,
	"eet": 2 * 3600, "eest": 3 * 3600, "wet": 0, "west": 3600,
}

// tables returns the word tables, built once on first use so that linking
// the package costs nothing at process start.
var tables = sync.OnceValue(func() *wordTables {
	t := &wordTables{
		months:   map[string]int{},
		weekdays: map[string]bool{},
		fillers:  map[string]bool{},
		ordinals: map[string]bool{},
		zones:    zoneOffsets,
	}
	for i, names := range monthNames {
		for _, w := range strings.Fields(names) {
			t.months[w] = i + 1
		}
	}
	for _, w := range strings.Fields(weekdayNames) {
		t.weekdays[w] = true
	}
	for _, w := range strings.Fields(fillerWords) {
		t.fillers[w] = true
	}
	for _, w := range strings.Fields(ordinalSuffixes) {
		t.ordinals[w] = true
	}
	return t
})
