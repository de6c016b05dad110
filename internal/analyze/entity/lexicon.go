package entity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/analyze/geo"
	"github.com/parallax-news/parallax/internal/model"
)

// The tables below are general knowledge: countries, their capitals and
// nationality words come from the generated table of package geo, the rest
// is hand-written. They are built once at package initialisation and only
// read afterwards.

// gazetteerSrc lists well-known places and organisations, one entry a line:
// "type|Canonical|alias|alias...". Type is l (place) or o (organisation).
// An alias written in capitals only (e.g. "US") matches only in capitals;
// other aliases match case-insensitively.
const gazetteerSrc = `
l|United States|US|U.S.|U.S.A.|America
l|United Kingdom|UK|U.K.|Britain
l|Iran|Islamic Republic|Persia
l|China|PRC
l|Kyiv|Kiev
l|Ukraine|the Ukraine
l|Belarus|Byelorussia
l|Mumbai|Bombay
l|Beijing|Peking
l|Turkey|Türkiye
l|United Arab Emirates|U.A.E.
l|Vatican|Vatican City|Holy See
l|Gaza|Gaza Strip
l|West Bank
l|Middle East
l|Persian Gulf
l|Crimea|Crimean Peninsula
l|Donbas|Donbass
l|Washington|Washington DC|Washington D.C.
l|California|Calif
l|Florida|Fla
l|Massachusetts
l|Pennsylvania
l|Michigan|Mich
l|Arizona|Ariz
l|Colorado|Colo
l|New York|New York City|NYC|N.Y.
l|New Jersey|N.J.
l|New Hampshire|N.H.
l|New Mexico|N.M.
l|North Carolina|N.C.
l|South Carolina|S.C.
l|North Dakota|N.D.|N.Dak.
l|South Dakota|S.D.|S.Dak.
l|Rhode Island|R.I.
l|West Virginia|W.Va.
l|Los Angeles
l|San Francisco
l|Tel Aviv
l|Rio de Janeiro
l|Sao Paulo|São Paulo
l|Cape Town
l|Bosnia and Herzegovina|Bosnia
l|Strait of Hormuz
l|Red Sea
l|Black Sea
l|South China Sea
l|Taiwan Strait
l|Latin America
l|North America
l|South America
l|Southeast Asia
l|Eastern Europe
l|Western Europe
l|Central Asia
l|Horn of Africa
l|Sahel
l|Midwest
l|Mediterranean
l|Caribbean
l|Pacific
l|Atlantic
l|Balkans
l|Baltics
o|United Nations|UN|U.N.
o|UN Security Council|United Nations Security Council|U.N. Security Council|UNSC
o|UN General Assembly|United Nations General Assembly|UNGA
o|European Union|EU|E.U.
o|European Commission
o|European Parliament
o|North Atlantic Treaty Organization|NATO|Nato|North Atlantic Treaty Organisation
o|Central Intelligence Agency|CIA
o|Federal Bureau of Investigation|FBI
o|National Security Agency|NSA
o|National Security Council|NSC
o|International Atomic Energy Agency|IAEA
o|World Health Organization|WHO|World Health Organisation
o|International Monetary Fund|IMF
o|World Bank
o|World Trade Organization|WTO|World Trade Organisation
o|Organization of the Petroleum Exporting Countries|OPEC|Opec
o|International Criminal Court|ICC
o|International Court of Justice|ICJ
o|Group of Seven|G7|G-7
o|Group of 20|G20|G-20
o|African Union|AU
o|Arab League
o|Association of Southeast Asian Nations|ASEAN|Asean
o|Shanghai Cooperation Organisation|SCO|Shanghai Cooperation Organization
o|Organization for Security and Co-operation in Europe|OSCE
o|White House
o|Pentagon
o|Kremlin
o|State Department|US State Department|U.S. State Department|Department of State
o|Department of Defense|Defense Department|DoD
o|Justice Department|Department of Justice|DOJ
o|Department of Homeland Security|Homeland Security|DHS
o|Federal Reserve|Fed
o|US Congress|Congress|U.S. Congress
o|US Senate|Senate|U.S. Senate
o|House of Representatives
o|Supreme Court
o|European Central Bank|ECB
o|Bank of England
o|British Broadcasting Corporation|BBC
o|CNN
o|PBS
o|NPR
o|Reuters
o|Associated Press|AP
o|Agence France-Presse|AFP
o|Al Jazeera|Al-Jazeera
o|New York Times|The New York Times
o|Washington Post|The Washington Post
o|Wall Street Journal|WSJ
o|Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guards|Revolutionary Guard|Islamic Revolutionary Guards Corps
o|Hamas
o|Hezbollah|Hizbollah|Hizbullah
o|Taliban
o|Islamic State|ISIS|ISIL|Daesh
o|al-Qaeda|Al Qaeda|al Qaeda|Al-Qaeda
o|Houthis|Houthi|Ansarullah
o|Wagner Group|Wagner
o|Joint Comprehensive Plan of Action|JCPOA
o|Red Cross|International Committee of the Red Cross|ICRC
o|Amnesty International
o|Human Rights Watch
o|Google
o|Apple
o|Microsoft
o|Amazon
o|Meta
o|Tesla
o|Gazprom
o|Rosneft
o|IRNA
o|TASS|Tass
o|Xinhua
o|Press TV
o|Downing Street
o|Goldman Sachs
o|JPMorgan Chase|JPMorgan|JP Morgan
o|Morgan Stanley
o|BlackRock
o|Citigroup|Citi
o|Deutsche Bank
o|HSBC
o|Barclays
o|Bloomberg
o|Boeing
o|Airbus
o|Samsung
o|Toyota
o|Volkswagen
o|BP
o|ExxonMobil|Exxon Mobil|Exxon
o|Saudi Aramco|Aramco
o|Huawei
o|OpenAI
o|Nvidia
o|Facebook
o|Twitter
o|Alphabet
`

// placeNames lists single-word places whose name is also their only alias
// (major cities, regions and states). Countries and capitals come from the
// generated table of package geo.
const placeNames = `Scotland Wales England Kashmir Tibet Xinjiang Chechnya Dubai Istanbul Karachi Lahore Delhi Shanghai
Taipei Sydney Melbourne Toronto Montreal Vancouver Chicago Boston Houston Miami Atlanta Dallas
Seattle Geneva Zurich Kharkiv Odesa Odessa Mariupol Bakhmut Kherson Lviv Donetsk Luhansk
Zaporizhzhia Sevastopol Almaty Lagos Casablanca Johannesburg Sanaa Aden Basra Mosul Aleppo Idlib
Homs Rafah Ramallah Haifa Isfahan Mashhad Tabriz Shiraz Natanz Fordow Bushehr Kandahar Herat
Peshawar Europe Asia Africa Arctic Caucasus Scandinavia Siberia Levant Sinai Golan Kurdistan
California Texas Florida Virginia Ohio Michigan Pennsylvania Arizona Alaska Hawaii Iowa`

// ambiguousLower lists place names that are also common lower-case words;
// they are never recognised from lower-case text.
var ambiguousLower = setOf(`chad georgia guinea jordan niger turkey china chile cuba nice mobile reading bath
split sale orange victoria florence mali lima aden gulf fed meta apple amazon`)

// demonyms are adjectives and plurals of regions, peoples and faiths: not
// entities on their own, but part of roles and organisation names. The
// nationality words of every country are added from package geo.
var demonyms = setOf(`western westerner westerners eastern european europeans arab arabs soviet saudi korean north south
african africans asian asians english scottish welsh persian kurdish kurds shiite shia sunni sunnis
shiites muslim muslims christian christians jewish jews catholic islamic zionist semitic
anti-semitic kazakh uzbek yankee latin gulf baltic nordic`)

// roleHeads are nouns that name an office, title or function and may stand
// right before a person's name.
var roleHeads = setOf(`spokesman spokeswoman spokesperson minister president director envoy adviser advisor
secretary leader chief chairman chairwoman chair governor mayor senator ambassador general commander ceo
chancellor premier king queen prince princess pope representative counterpart deputy lawmaker judge
prosecutor speaker correspondent analyst professor sheikh sheikha ayatollah emir founder editor reporter coordinator
negotiator diplomat aide colonel lieutenant admiral sergeant captain officer official head candidate
congressman congresswoman mp legislator attorney economist researcher expert activist lawyer cleric
archbishop bishop cardinal rabbi imam marshal major commissioner inspector superintendent sultan
vice-president vp cfo coo cto manager owner partner executive spokespeople secretary-general
director-general commander-in-chief actor actress singer rapper star comedian musician
model designer author writer novelist filmmaker producer player coach striker goalkeeper quarterback pitcher
athlete champion chef businessman businesswoman billionaire entrepreneur investor banker astronaut
scientist doctor nurse detective sheriff trooper pilot boxer golfer rep publicist spokesmen attorney-general chief-of-staff under-secretary undersecretary under-secretary-general
auditor administrator neighbour neighbor comptroller ombudsman registrar solicitor councillor councilor councilman councilwoman councilmember alderman
member shopkeeper substitute teacher farmer pensioner landlord firefighter paramedic midfielder defender winger
whip constable treasurer dean magistrate warden chaplain curator headteacher headmaster headmistress
reader caller listener viewer brigadier commodore coroner collector forecaster organizer organiser
meteorologist advocate broadcaster`)

// honorifics precede names and are dropped from roles when alone.
var honorifics = setOf(`mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady gen gen. col col. lt lt. sgt sgt.
capt capt. sen sen. rep rep. gov gov. prof prof. pres pres. adm adm. maj maj. st. messrs cllr cllr. cr
hon hon. engr engr. alhaji alhaja hajiya hajia mallam shri smt smt. oba madam puan encik datuk dato datin opanin justice brig brig. det det. supt supt. insp insp. gda gda.`)

// roleModifiers may precede a role head in lower case ("former foreign
// ministry spokesman").
var roleModifiers = setOf(`former foreign ministry deputy vice prime special national security senior top
defense defence interior finance economy economic state acting interim assistant executive supreme press
chief first ex- health justice trade energy intelligence military army navy air force foreign-ministry
general attorney opposition presidential parliamentary regional local federal white house department
agency council committee party government cabinet education environment culture agriculture transport
labour labor treasury commerce oil petroleum spy police science technology human rights affairs of for
the u.s. us un majority minority sporting managing founding presiding outgoing incoming technical creative
artistic medical legal financial operating commercial rear`)

// orgSuffixes end organisation names.
var orgSuffixes = setOf(`ministry agency council party university inc inc. corp corp. corporation company co
co. ltd ltd. limited llc plc group bank association organization organisation institute foundation committee
commission department office court army forces force navy guard guards corps union federation assembly
parliament congress senate authority service services fund board bureau times post news tv television
radio network press journal daily club church school college hospital center centre airlines airways motors
technologies systems holdings reserve cabinet administration police front movement alliance coalition
brigade brigades academy society league tribunal house agency's command mission embassy consulate
government regime media broadcasting telegraph herald tribune gazette monitor express observer guardian
channel studios labs laboratories industries enterprises partners capital securities exchange logistics
energy pharmaceuticals pharma foods airline shipping petroleum oil gas mining resources insurance telecom
communications solutions software robotics biotech ventures investments trust council's desk
review ledger courier dispatch chronicle sentinel bulletin wire inquirer examiner register registry unit squad
orchestra sinfonia philharmonic choir ensemble municipality project initiative`)

// foreignOrgHeads open the names of bodies in languages that put the head
// first ("Banco Central de …", "Ministère de …", "Universidad de …").
var foreignOrgHeads = setOf(`banco banca banque ministerio ministère ministério ministero ministerium
universidad université universidade università universität instituto institut istituto comisión
comissão commissione consejo conseil conselho consiglio agencia agence agência agenzia tribunal
tribunale corte cour policía polícia polizia polizei secretaría secretaria`)

// connectors may join capitalised words inside a name ("Islamic Republic
// of Iran", "Envoy for Iran", "Osama bin Laden").
var connectors = setOf(`of for de del della di da dos das du la le van von der den al al- bin binti bint ibn abu ap y e the`)

// speechVerbs follow a speaker's name.
var speechVerbs = setOf(`said says told added noted stated warned argued insisted stressed explained claimed
denied asked wrote tweeted replied responded urged declared announced acknowledged admitted confirmed
reiterated underlined emphasised emphasized rejected dismissed alleged accused retorted continued
recalled repeated reaffirmed suggested believes believed thinks thought wants wanted called criticised criticized praised
vowed pledged promised threatened met visited spoke speaks has had is was who`)

// timeWords are capitalised but never entities.
var timeWords = setOf(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december jan feb mar apr jun jul aug sep sept oct
nov dec today yesterday tomorrow christmas easter ramadan mon tue tues wed thu thur thurs fri sat
mondays tuesdays wednesdays thursdays fridays saturdays sundays`)

// commonWords are frequent English words that are capitalised at the start
// of sentences, in headlines or in page furniture; alone they are never
// names.
var commonWords = setOf(`a an the and but or nor so yet for of in on at to by from with without within into
onto upon about above below after before since until while during through throughout against among
between under over off out up down as if then than that this these those there here where when why how
what which who whom whose it its it's he she they we you i me him her them us our your their his my mine
ours theirs is are was were be been being am do does did done have has had having will would shall
should can could may might must not no yes all any both each every few many more most much other some
such only own same too very also just even still again ever never always often sometimes already soon
now later last next first second third new old one two three four five six seven eight nine ten eleven
twelve twenty hundred thousand million billion however meanwhile moreover furthermore nevertheless
although though because unless whether instead indeed perhaps maybe according despite amid amidst
while whereas thus therefore hence besides otherwise previously recently earlier finally initially
speaking asked asking saying adding noting following regarding including reporting writing citing
meanwhile overall elsewhere nonetheless notably separately similarly likewise additionally ultimately
article articles previous related more show check also back top button share tweet email print read
comment comments subscribe sign login log home menu search video photo photos image images getty file
advertisement sponsored continue click here source sources update updated breaking live watch listen
follow copyright rights reserved privacy policy terms contact about news latest popular trending
spread love verified editor note editors recommended see view full story stories page loading
war peace state states government officials official president minister ministry people country
countries world nation nations city cities region talks deal agreement report reports statement
sanctions military defense defence security foreign national international political economic nuclear
public local federal regional global western eastern northern southern north south east west
cooperation relations measures those these such after sunday interaction iran-russia chapter part
section figure table appendix inside opinion analysis editorial feature features column columns
mr mrs ms dr monday friday chief head leader leaders spokesman spokesperson spokeswoman director
officials authorities police prosecutors investigators witnesses residents analysts experts doctors
officers lawmakers critics protesters demonstrators soldiers troops rescuers firefighters scientists
researchers diplomats activists militants rebels fans voters workers students teachers parents
neighbors neighbours relatives friends survivors victims defenders players dozens hundreds thousands
millions minutes hours days weeks months years time record day big fire fires
published updated posted pm am a.m. p.m. et pt edt est gmt utc bst cet pst pdt cst cdt i'm i've i'll i'd ok
`)

// placeSuffixes end multi-word place names.
var placeSuffixes = setOf(`beach highway street avenue road island islands mountain mountains river lake
valley county province bay coast park square airport bridge canyon desert peninsula strait hills heights
springs falls harbor harbour port district township village city town oblast governorate prefecture region
sea ocean gulf canal border crossing camp`)

// placePrefixes start multi-word place names.
var placePrefixes = setOf(`santa san los las port fort mount lake st saint new upper lower greater cape`)

// funcWords are function words that never start or end a name.
var funcWords = setOf(`the a an and but or nor so yet if as at by in on to from with into of for than that this
these those there here when while where after before since until during about against between`)

// givenNames are common first names from many languages, used to type a
// capitalised sequence as a person. ("Raj" is left out: it is as often
// the second part of a name, "Baldev Raj Thakur".)
var givenNames = setOf(`john james robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald
edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl
harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie
elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene jake joel hunter antony
tony mike bill bob jim tom dick rick chuck ted ben dan sam nick matt chris steve andy barack hillary
kamala nancy mitch chuck lindsey marco rand ron rudy kevin marjorie liz elizabeth mary patricia jennifer
linda barbara susan jessica sarah karen lisa betty margaret sandra ashley kimberly emily donna michelle
carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley
anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine
maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice
jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana
natalie brittany charlotte marie kayla alexis lori ursula angela emmanuel francois jacques
nicolas olaf annalena friedrich helmut gerhard boris rishi keir theresa tony gordon david liam
vladimir dmitry dmitri sergei sergey alexei alexey aleksandr alexander mikhail yevgeny evgeny yevgeniy
nikolai nikolay ivan igor oleg andrei andriy andrii viktor victor volodymyr petro oleksandr oleksiy
dmytro vitali vitaliy yulia olena maria valentina ramzan ali hassan hasan hossein hussein husayn mohammad
mohammed muhammad mohamed mahmoud mahmud ahmad ahmed abbas reza mohsen mehdi mahdi javad jawad ebrahim
ibrahim ismail esmail nasser naser nasir abdullah abdul abdel omar umar osama khalid khaled yousef
yusuf youssef saeed saeid majid hamid rashid karim amir kazem qassem ghasem qasem mojtaba ruhollah
hassan akbar asghar masoud massoud hamad tamim salman faisal fahd bashar hafez recep tayyip mevlut ahmet
mehmet mustafa kemal binali benjamin yair naftali isaac yitzhak shimon ehud ariel avigdor bezalel itamar
yoav benny gadi moshe yossi mahmoud ismail yahya marwan salah mohammed narendra rahul sonia indira imran
nawaz shehbaz asif bilawal xi li wang zhang liu chen yang huang zhao wu zhou jinping keqiang qiang yi
kim jong un moon yoon shinzo fumio yoshihide kishida lula jair nicolas nicolás hugo fidel raul raúl
gustavo javier andres andrés cristina alberto mauricio evo pedro pablo carlos luis jorge miguel antonio
francisco manuel rafael fernando ricardo roberto sergio diego alejandro emmanuel angela olaf giorgia
mario matteo silvio giuseppe sebastian viktor andrzej mateusz recep jens ursula charles josep kaja
antonio rodrigo ferdinand bongbong joko prabowo anwar mahathir cyril jacob thabo nelson paul william
uhuru william abiy yoweri bola muhammadu paul emmerson lindsay tara carson shawn terry jamal
reggie pierre sean tony ashley brittany britney hugh ricky jon kim justin selena taylor kanye beyonce
rihanna oprah ellen tiger serena venus roger rafael novak andy lionel cristiano neymar kylian lebron kobe
michelle melania ivanka jared hunter beau jill laura rosalynn jimmy gerald lyndon dwight franklin
ruth sonia clarence neil amy elena merrick alejandro janet pete gina lloyd tom antony avril wendy
matthew mike ralph greg gavin gretchen kathy jb phil ned gus lou max leo luke zoe chloe mia ava ella
lily ruby freya noah oliver harry jack charlie george oscar archie arthur alfie freddie theo finn
eleanor abigail camila aria scarlett hazel luna nora riley stella maya naomi leah sofia georgia
adrian alfred alistair angus barry bernard bertrand brendan callum calvin clive colin craig curtis
damian darius darren declan derek desmond dominic duncan edwin emeka ernest fergus francis frederick
gareth geoffrey gideon gilbert graham hamish herbert howard ian ikechukwu jerome julian kieran
lachlan lars leonard malcolm marcus martin maurice murray neville nigel nikhil norman owen percy
phillip reginald rodney rupert seamus simon stanley stuart terence theodore tobias toby trevor
warren warrick ada adaeze agnes aisha alison amelia amina angelica anita anne annette audrey
beatrice begoña belinda bernadette beryl beth bethany bridget bryony carmen caroline celeste claire
clara colette cordelia daphne donatella doreen edith eileen elaine esther eunice felicity fenella
fiona florence gemma georgina geraldine gillian gladys gwen harriet helena hilary ingrid irene
isabel jacinta jane jessamy joanna josephine julia kiki leanne lorna louise lucía lucy lydia
madeleine marguerite marian martina maureen melanie miriam molly monica nadia ngozi nicola olga
pauline penelope philippa priya rhiannon rita rosalind rose roslyn sadie sally sheila sophie sylvia
tamsin tracy valerie vanessa veronica violet yvonne`)

type gazEntry struct {
	canon string
	typ   model.EntityType
	n     int  // number of tokens
	caps  bool // match only when written in capitals
}

// gazetteer maps a lower-case, space-joined token sequence to its entries.
var gazetteer, gazMaxLen = buildGazetteer()

func buildGazetteer() (map[string][]gazEntry, map[string]int) {
	g := map[string][]gazEntry{}
	maxLen := map[string]int{}
	add := func(alias, canon string, typ model.EntityType) {
		toks := strings.Fields(alias)
		if len(toks) == 0 {
			return
		}
		caps := isAllCapsWord(alias) && len(toks) == 1
		// a possessive inside a name ("People's Republic of
		// Bangladesh") is keyed as gazMatch reads it: "people's"
		key := strings.ToLower(strings.ReplaceAll(strings.Join(toks, " "), "’", "'"))
		for _, e := range g[key] {
			if e.canon == canon && e.typ == typ {
				return
			}
		}
		g[key] = append(g[key], gazEntry{canon: canon, typ: typ, n: len(toks), caps: caps})
		first := strings.ToLower(toks[0])
		if b, ok := strings.CutSuffix(strings.ReplaceAll(first, "’", "'"), "'s"); ok && len(toks) > 1 {
			first = b // the token is the word without its possessive
		}
		if l := len(toks); l > maxLen[first] {
			maxLen[first] = l
		}
	}
	type line struct {
		typ   model.EntityType
		names []string // canonical first
	}
	var lines []line
	canonOf := map[string]string{} // lower-case hand-written name → canonical
	for _, l := range strings.Split(gazetteerSrc, "\n") {
		f := strings.Split(strings.TrimSpace(l), "|")
		if len(f) < 2 {
			continue
		}
		typ := model.Place
		if f[0] == "o" {
			typ = model.Organization
		}
		lines = append(lines, line{typ, f[1:]})
		if typ == model.Place {
			for _, a := range f[1:] {
				canonOf[strings.ToLower(a)] = f[1]
			}
		}
	}
	// countries, and the capitals of sovereign ones, from the generated
	// table; a hand-written line naming one of them gives the canonical
	// name ("Turkey") and adds short forms the data lacks ("U.S.")
	for _, c := range geo.Countries() {
		canon := c.Name
		for _, a := range append([]string{c.Name}, c.Aliases...) {
			if h, ok := canonOf[strings.ToLower(a)]; ok {
				canon = h
				break
			}
		}
		add(c.Name, canon, model.Place)
		for _, a := range c.Aliases {
			if !strings.Contains(a, " ") && isDemonym(a) {
				continue // "Saudi" is an adjective first
			}
			add(a, canon, model.Place)
		}
		if !c.Sovereign {
			continue
		}
		for i, a := range c.Capitals {
			if givenNames[strings.ToLower(a)] {
				continue // a capital that is also a first name is a person first
			}
			canonCap := c.Capitals[i]
			if h, ok := canonOf[strings.ToLower(a)]; ok {
				canonCap = h
			} else if i > 0 && lightKey(c.Capitals[i-1]) == lightKey(a) {
				canonCap = c.Capitals[i-1]
			}
			add(a, canonCap, model.Place)
		}
	}
	for _, l := range lines {
		for _, a := range l.names {
			add(a, l.names[0], l.typ)
		}
	}
	for _, p := range strings.Fields(placeNames) {
		if _, ok := g[strings.ToLower(p)]; !ok {
			add(p, p, model.Place)
		}
	}
	return g, maxLen
}

// isDemonym reports whether a single word is a nationality word of any
// country.
func isDemonym(w string) bool {
	for _, r := range geo.Lookup(w) {
		if r.Kind == geo.KindDemonym {
			return true
		}
	}
	return false
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isAllCapsWord(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// Lexicon flags: which tables a lower-case word belongs to.
const (
	fRole uint32 = 1 << iota
	fOrg
	fDem
	fConn
	fHon
	fTime
	fCommon
	fGiven
	fMod
	fFunc
	fSpeech
	fAmbig
	fGazFirst
)

// lexFlags maps a lower-case word to its lexicon flags, so that one map
// look-up per token answers every table question.
var lexFlags = buildFlags()

func buildFlags() map[string]uint32 {
	m := map[string]uint32{}
	for _, t := range []struct {
		set  map[string]bool
		flag uint32
	}{{roleHeads, fRole}, {orgSuffixes, fOrg}, {demonyms, fDem}, {connectors, fConn}, {honorifics, fHon},
		{timeWords, fTime}, {commonWords, fCommon}, {givenNames, fGiven}, {roleModifiers, fMod}, {funcWords, fFunc},
		{speechVerbs, fSpeech}, {ambiguousLower, fAmbig}} {
		for w := range t.set {
			m[w] |= t.flag
		}
	}
	// every country's single-word nationality words, unless the word is
	// also the name of a place ("Djibouti")
	for _, c := range geo.Countries() {
		for _, d := range c.Demonyms {
			if l := strings.ToLower(d); !strings.Contains(l, " ") && gazetteer[l] == nil {
				m[l] |= fDem
			}
		}
	}
	for w := range gazMaxLen {
		m[w] |= fGazFirst
	}
	return m
}

// lexHas reports whether lower-case word w has any of the flags f.
func lexHas(w string, f uint32) bool { return lexFlags[w]&f != 0 }
