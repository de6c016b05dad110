package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/model"
)

// quoteDevGold is the gold of testdata/quotes-dev: invented news in several
// house styles (wire, broadsheet, tabloid, magazine, translated with dash
// dialogue, police, court and sports reports, Q&A interviews, treebank and
// British marks) with every direct or partial quotation and its speaker (""
// for an unnamed source); speakers lists the other names of each speaker.
// The articles named fresh-* were written after the finder was tuned on the
// others, in two batches (at their first run: recall 1.00 for both, right
// speaker 0.68 for the first five and 0.88 for the next two); fresh3-* and
// fresh4-* are two later batches (at their first run: precision 0.977 and
// 1.000, recall 0.866 and 0.924, right speaker 0.649 and 0.758), and
// fresh5-* a fourth (at its first run: precision 1.000, recall 0.984, right
// speaker 0.820); fresh6-* a fifth, twelve articles in house styles and
// desks not used before (health, science, flood, council budget, theatre
// review, obituary, an interview whose answers open with the minister's
// name, a live blog, opinion, a Polish regional translated, a press
// release rewritten, election night), annotated before its first run
// (precision 1.000, recall 0.929, right speaker 0.619); fresh7-* a sixth,
// fourteen articles (145 quotes) in newspaper styles not used before
// (1980s financial pages with Mr./Ms. and "said X, an analyst at Y", bond
// market and Heard-on-the-Street columns, wire politics and diplomacy,
// court, sports, a business feature of alternating speakers, headline
// quotations, named spokeswomen, a speaker named after the quotation),
// annotated before its first run (precision 1.000, recall 0.986, right
// speaker 0.848 with analyze-15; 0.855 once the gold also accepted
// company names without their final point, "Corbin Industries Inc");
// fresh8-* a seventh, twelve articles (101 quotes) of US campaign and
// congressional news (rallies, debates, television and newspaper
// interviews, posts on invented social networks, a speech with applause
// notes, a fact check, "Sen. X (R-State)" and "Rep. X, D-State,",
// anonymous officials, several speakers in one paragraph), annotated
// before its first run (precision 0.971, recall 1.000, right speaker
// 0.832 with analyze-16; 0.842 once the gold gave "strongly supports"
// to the alliance named as saying it, as the text does; 1.000, 1.000,
// 0.921 with analyze-17 and 0.931 with analyze-18, tuned on; gold
// changed in a later round to the set's convention: "the Ruvalcaba
// campaign said" in social-01 (two quotes) is credited to the campaign,
// as fresh47's campaign statements and the set's company statements are,
// no longer left unnamed: right speaker 0.980 with analyze-75 against
// the old gold, 0.960 against the new, 0.980 with analyze-76); fresh9-* an eighth, eight articles
// (90 quotes) in everyday newspaper styles (a regional daily, an
// international wire report, quarterly results with analysts, a health
// alert, a crime report, schools, a council vote, a long feature of many
// speakers with "she said" and "he added" chains across paragraphs and a
// spokeswoman named before), annotated before its first run (precision
// 1.000, recall 0.989, right speaker 0.967 with analyze-17; 1.000,
// 0.989, 0.978 with analyze-18, tuned on); fresh10-* a ninth, eleven
// articles (148 quotes) in the styles covered least (translated news with
// «guillemets» and „German“ marks, a tabloid, a broadsheet analysis of
// many voices, a long Q&A, a press conference of several officials, a
// court report, post-match quotes, a feature whose quote runs over three
// paragraphs and whose speakers are named after their quotes, a speech
// transcript with an audience shout and a panel, a parliamentary wire
// report with ministries as speakers), annotated before its first run
// (precision 0.993, recall 0.973, right speaker 0.696 with analyze-18;
// 0.993, 0.973, 0.845 with analyze-19, 0.993, 0.993, 0.905 with
// analyze-20, 0.993, 1.000, 0.912 with analyze-21, 0.993, 1.000, 0.986
// with analyze-22 and 0.993, 1.000, 0.993 with analyze-23, tuned on); dev11-* a tenth, eight articles (115
// quotes) written to find what the finder still gets wrong (a wire report
// of talks, a tabloid of descriptors and nicknames, post-match quotes with
// "the skipper" and "the Ashdown boss", a court report with a victim's
// statement, quarterly results with analysts and "a fund spokesman", a
// translated feature with «guillemets», dash dialogue and inverted
// trades ("laughs the baker"), a council budget meeting, a broadsheet
// feature in the present tense), annotated before its first run
// (precision 1.000, recall 0.991, right speaker 0.739 with analyze-21,
// and the same with the first fixes for fresh10-*; 1.000, 0.991, 0.939
// with analyze-22 and 0.965 with analyze-23, tuned on); fresh11-* an eleventh, twelve articles (153
// quotes) of the desks most common in news streams (wire politics with
// Gov., Sen. and Rep., a conflict wire report with a ministry, anonymous
// officials and diplomats, markets in doubled apostrophes with a split
// quote, a British broadsheet in single marks, a US metro council hearing,
// a tabloid whose quotes run over paragraphs, a translated report in
// «guillemets», a sentencing, post-match quotes, an earnings call, a
// health study, an explainer of several experts), annotated before its
// first run (precision 1.000, recall 0.993, right speaker 0.889 with
// analyze-22 and with analyze-23; 1.000, 0.993, 0.961 with analyze-24,
// tuned on); fresh12-* a twelfth, twelve articles (148 quotes) of desks
// not covered before (wire politics with long titles, a crown court fraud
// report, a factory closure with a chamber of commerce and a union, a
// science paper, a celebrity split, a translated foreign-ministry protest
// note, a transfer, a landslide, a Q&A, a letters roundup, a police appeal,
// an island feature of many speakers), annotated before its first run
// (precision 1.000, recall 0.993, right speaker 0.872 with analyze-24;
// 1.000, 1.000, 0.980 with analyze-25, tuned on); fresh13-* a thirteenth,
// twelve articles (245 quotes) in house styles not covered before (a
// local radio phone-in with a transcript of capitalised name labels, a
// parliamentary sketch with interjections and a Deputy Speaker, a
// long-form feature whose quotes run over paragraphs in curly marks, a
// tabloid in doubled apostrophes, post-match quotes of many speakers, a
// wire report with split quotes and long appositions after the name, a
// care-home theft sentencing with "told the court" and a victim's
// statement, a regulator blocking a takeover with companies, a trust and
// federations as speakers, a translated interview in «guillemets» with
// unlabelled questions, a quote-heavy obituary, an op-ed quoting others
// and a live blog with readers' emails), annotated before its first run
// (precision 0.987, recall 0.979, right speaker 0.704 with analyze-25;
// 0.996, 0.980, 0.706 once the gold added the two quotations of the
// radio piece its annotation missed, a partial quote before the
// transcript and the presenter's first question; 0.996, 0.980, 0.784
// with analyze-26, tuned on; 0.996, 0.988, 0.890 with analyze-27);
// fresh14-* a fourteenth, twelve articles
// (243 quotes) mostly in the style of late-1980s US business and general
// news (a takeover battle, a credit-markets column, a House budget fight,
// quarterly earnings, a product-liability trial, an airline strike, two
// in treebank marks of doubled backquotes and apostrophes, with Mr./Ms.
// and long appositions),
// plus two modern wire reports, a British broadsheet in curly single
// marks and a school-board hearing, paragraphs separated by blank lines,
// annotated before its first run (precision 0.996, recall 0.996, right
// speaker 0.905 with analyze-26; 0.996, 0.996, 0.897 with analyze-27,
// whose rules were written without it; 0.996, 0.996, 0.909 with
// analyze-28, tuned on; 0.996, 0.996, 0.955 with analyze-29); fresh15-*
// a fifteenth, twelve articles (233 quotes), eight in the style of late-1980s US newspapers (a House
// hearing on failed savings institutions with "Rep. X (D., Mo.)", an
// insider-trading trial with cross-examination, a chief executive's Q&A
// in "Q." and "A." paragraphs, a stock column of analysts in runs, a
// chemical-site cleanup order with a regional administrator, a primary
// race in "Rep. X, D-Mo.," form, a hurricane and a fare war in treebank
// marks with a quote over two paragraphs) and four modern (post-game
// quotes, an ice-storm live blog with readers' messages signed by first
// name, a county board hearing, a state parliament's question time with
// interjections), annotated before its first run (precision 1.000,
// recall 0.991, right speaker 0.880 with analyze-28; 1.000, 1.000, 0.974
// with analyze-29, tuned on); fresh16-* a sixteenth, twelve articles (189
// quotes) in everyday house styles (a wire report of a utility named once
// and then "the utility said", a broadsheet island feature in curly marks
// whose speakers are later called by first name, a tabloid with
// interjections and questions quoted without a question mark, a local
// council report, a translated report in «guillemets», post-match quotes
// with "he" after the team, markets copy in doubled apostrophes with "a
// unit of", a fraud sentencing with a victim statement over two
// paragraphs, a wildfire live blog with "From X, on the scene in Y:"
// leads, a diplomacy wire with long appositions and split quotes, a
// bakery feature and a drug-trial report), annotated before its first run
// (precision 1.000, recall 0.979, right speaker 0.788 with analyze-29;
// 0.804 once the gold also accepted "the foreign ministry" for
// Karelbad's, as it does for the ministries of earlier batches; 1.000,
// 0.989, 0.984 with analyze-30, tuned on); fresh17-* a seventeenth,
// twelve articles (153 quotes) in the styles covered least (Indian and
// Nigerian press with Shri, Smt., Oba, Chief Mrs. and "X quoted the
// governor as saying", an Australian shire council with "Cr" and a
// heckler in the gallery, an obituary, a factory closure from a press
// release with "the company said" and "a unit of", an opinion column
// quoting others, a magazine feature in the present tense whose speakers
// are later called by first name, an assembly question session with a
// Presiding Officer and shouts, a police appeal with speakers named after
// their quotes, post-match quotes with "the club said", a flood live
// blog with "From X, on the scene in Y:" leads, and a regulator's case in
// doubled apostrophes with a witness statement over two paragraphs and
// nested single marks), annotated before its first run (precision 1.000,
// recall 0.993, right speaker 0.824 with analyze-30; 1.000, 0.993, 0.941
// with analyze-31 and 1.000, 1.000, 0.967 with analyze-32, tuned on);
// fresh18-* an eighteenth, twelve articles (278 quotes) in the styles
// covered least (an Irish council planning row with Cllr and a TD, a
// Scottish island ferry breakdown, a South African township water march
// with a placard and a tanker driver who asked not to be named, a Kenyan
// county audit with Sh figures and an MCA, a state visit with "the
// monarch said" and "the Governor of Velmora State, Prince Reza
// Halloran", an obituary of remembered sayings ("Asked once why …, she
// replied:", "as she once put it"), a Canadian profile with partial
// quotes inside sentences, a Singapore trial with a Senior Counsel, a
// DPP and a judge, a Philippine transport strike with a nickname inside a
// name, an "according to" investigation of a care-home chain, a press
// conference with named reporters' questions, post-match quotes with a
// chairman's statement), annotated before its first run (precision
// 1.000, recall 0.993, right speaker 0.791 with analyze-32; 1.000, 0.993,
// 0.845 with analyze-33, 0.871 with analyze-34, 0.881 with analyze-35,
// 0.899 with analyze-36 and 0.903 with analyze-37, tuned on; 0.910 with
// analyze-38 and 0.924 with analyze-41, whose recogniser rules fixed
// gaps it showed); fresh19-* a nineteenth, twelve articles (172 quotes)
// in the styles covered least (US local TV web copy, a freight trade
// weekly with a regulator's office and firms named from a place and a
// noun, a Malaysian daily with Datuk, Puan and surname-first names, a
// Ghanaian road protest with an MCE, Madam and a chief's linguist, a
// Welsh village school consultation with Cllr, "ap" and an MS, an Indian
// business daily with "said X, Managing Director, Y", a cup tie of many
// players, a soil-fungus study of several researchers, a warehouse robot
// launch with executives, a council election night, a maternity inquiry
// with a KC, a Gulf midday-break rule with "Al" inside names), annotated
// before its first run (precision 1.000, recall 1.000, right speaker
// 0.878 with analyze-37; 0.924 with analyze-38, 0.930 with analyze-39
// and 0.942 with analyze-40 and analyze-41, whose entity rules were
// written after seeing it); fresh20-* a twentieth, eleven articles (159
// quotes) in mainstream newspaper and wire styles (a late-1980s takeover
// with "a company spokesman", a 1990s transit strike, a Senate bill with
// "his spokeswoman said", a city council hearing, a game report, retail
// earnings with analysts, wire border talks and an election count, a UK
// hospital trust, a Crown Court sentencing, a Westminster rebellion),
// annotated before its first run (precision 1.000, recall 0.994, right
// speaker 0.943 with analyze-41; 0.956 with analyze-42, where a person
// "of" a body set off by a relative clause before "said" is read as the
// subject, a rule written after seeing it); fresh21-* a twenty-first,
// twelve articles (196 quotes) in the styles covered least (a New
// Zealand rugby report with a two-word surname and a fan "who gave his
// name only as", a Nigerian daily with Chief, Engr., Comrade, Hajiya and
// "the statement quoted the governor as saying", a US crime desk with
// "declined to comment, saying only", "a spokesman for X, Y," and an
// unnamed mother, a mining wire of analysts with "a company spokesman"
// after a rival, county cricket with "the skipper", a parliamentary
// sketch with "One senior Conservative said" and "She is said to have
// answered:", a translated Spanish report in «guillemets» and dash
// dialogue, an interview feature in curly marks, a tech launch with the
// company's statement, a cyclone live report with time stamps, a fire
// trial with cross-examination, a tabloid split with "His spokeswoman
// said"), annotated before its first run (precision 1.000, recall 0.990,
// right speaker 0.816 with analyze-42; 1.000, 0.990, 0.949 with
// analyze-43, tuned on: given names of one gender, "His spokeswoman
// said", "who gave her name only as", a lower-case role before an
// appositive name, a dateline before the subject, Hajiya and Mallam,
// "a company spokesman" after a firm's statement, turns in an exchange
// of questions and answers; with it fresh18-* went from 0.924 to 0.935,
// fresh19-* from 0.942 to 0.959 and fresh20-* from 0.956 to 0.962);
// fresh22-* a twenty-second, twelve articles (212 quotes) in the styles
// covered least (a Pakistani court and eviction report with a Justice
// called by surname and "replied Assistant Advocate General X", a US
// statehouse committee hearing with "Up rose Rep. X" and "a spokeswoman
// for Gov. X, Y, said", a Canadian business daily plant closing with "a
// company spokesman" and analysts, a film review with characters' lines
// and a sung lyric, an Olympic swimming report through interpreters, an
// Irish farm weekly with a father called by given name, a Venice strike
// translated from Italian in guillemets and dash dialogue, a Bavarian
// wind-turbine dispute in „low-high“ marks, a police press conference
// with a family statement, a radio phone-in of callers named by given
// name, a children's ward night feature in the present tense with "she is
// said to have answered:", a Bangladeshi garment blockade with Md and
// "the DC said"), annotated before its first run (precision 1.000,
// recall 1.000, right speaker 0.807 with analyze-43; 1.000, 1.000, 0.844
// with analyze-44, tuned on: a pronoun after "who gave his name only as
// X" in the sentence before, "the Australian said" after someone "of
// Australia", "a company spokesman" after a sentence naming a firm by
// "Ltd" or a trade; with it fresh13-* went from 0.898 to 0.906);
// fresh23-* a twenty-third, twelve articles (200 quotes) in the styles
// covered least (a Kenyan county health row with Sh figures, a CEC and
// "the MCA said", an Indian regional daily with Smt., Shri, an SHO, a
// DSP and "told this newspaper", a Singapore appeal with "Justice X" after
// "Justice Full Name" and three judges, an Australian local radio story
// with "Uncle Reg" and callers by given name, a Scottish post-match of two
// managers called "the Thistle boss" and "the Dunmore manager", a US local
// TV fire story with a company statement, a South African municipal budget
// with an MMC and "Van der" opening a sentence, an earnings call with a
// CEO, a CFO and analysts by firm, a Philippine typhoon report with Sec.,
// Usec. and ASec., a wire obituary with family, a partner and remembered
// sayings, a science news piece in the present tense with several
// researchers, a readers' panel), annotated before its first run
// (precision 1.000, recall 1.000, right speaker 0.815 with analyze-45;
// 1.000, 1.000, 0.950 with analyze-46, tuned on: an acronym standing for
// the person who holds it as a rank, in brackets or in apposition before
// the name ("the SHO", "the DSP", "the MLA", "the CFO"), Usec., ASec. and
// Smt. ending no sentence, "Thistle" ending a club's name and a club never
// "he" or "his", "who gave his name only as Mr Tay", "the secretary" not an
// Assistant Secretary, a courtesy title keeping an unknown given name in
// the name ("Dr Salim Rashid Mbaruk"), "declined to give his name", "the
// company" after a firm named as an object, a name in apposition after a
// group's noun a body's, a surname shared by two people read by the sex of
// its title, "X said in its release" a body, a given name alone before
// ", from"; with it fresh14-* went from 0.955 to 0.963); fresh24-* a
// twenty-fourth, twelve articles (266 quotes), six in the style of
// late-1980s US financial pages in treebank marks (a takeover bid rejected
// in text tokenized into words, "are n't", "Hallworth 's board", quotation
// marks spaced off the words; a thrift seizure in the raw ".START" form
// without headline or dateline; a proxy fight with a letter to shareholders over two
// paragraphs and "he says"; a commodities column of analysts "at Y
// Securities" and an unnamed floor trader; a management-changes column
// with "said X, president and chief executive officer" and company
// entries; a securities suit with a judge's opinion "she wrote" split
// around the verb) and six of 2016 US campaign news (a wire rally report
// with a nickname for the rival and "said in a statement", a broadsheet
// debate story with Mr. and a nickname traded across the stage, a
// partisan right-wing site with crowd chants and tweets, a partisan
// left-wing site with "Grifter Graham" and a tweet signed with initials, a
// politics trade site of anonymous aides and officials, a cable-news
// write-up with programme titles in quotation marks and a short
// transcript), annotated before its first run (precision 0.996, recall
// 0.932, right speaker 0.876 with analyze-45 and with analyze-46; 1.000,
// 0.962, 0.940 with analyze-47, tuned on: a company form's point ending a
// name before the verb or a comma ("Y Inc. said", "Y Corp., which …,
// said", "Y Securities Inc., called"), a possessive written apart from
// the name ("Inc.'s board", "Industries' board", "Inc. 's board"), a role
// without an article in apposition ("X, chemicals analyst for Y,"),
// tokenized clitics (" 's", " 've") opening no quotation, "Project" and
// "Initiative" ending a body's name ("the Fair Ballot Justice Project" no
// Justice), a reflexive after an untyped name before a colon ("Tanager
// herself weighed in on Twitter:"), "City, State," in a sentence's opening
// phrase, "closed by urging", programme titles with lower-case joining
// words, a speaker resuming after a crowd's chant ("“…!” X thundered as
// the crowd chanted “…” “…”"); with it fresh14-* went from 0.963 to
// 0.967); fresh25-* a twenty-fifth, twelve articles (208 quotes) of
// international news (a foreign ministry's weekly briefing written up by a
// wire with the spokesman named once, a state news agency report in
// translated style with "the official was quoted as saying", a report
// built on other outlets' interviews, a readout of two ministers' phone
// call, an army spokesman's posts on a messaging channel, a Security
// Council session of several ambassadors, a defence ministry denying a
// strike, a think-tank explainer, ceasefire talks with mediators and
// unnamed diplomats, a summit live page, a press conference transcript
// with "Q (name, outlet):" and "A (name):" turns, a rights report with
// witnesses named by first name; transliterated names spelt two ways,
// Sheikh, Sheikha, Brig. Gen., Maj. Gen.), annotated before its first run
// (precision 1.000, recall 0.909, right speaker 0.736 with analyze-46 and
// 1.000, 0.913, 0.740 with analyze-47; 1.000, 0.995, 0.938 with
// analyze-48, tuned on: transcript labels naming who asks and who answers
// in brackets, a dateline ending in a hyphen after the agency, a country's
// body named by a phrase ("Halvaria's defence ministry on Thursday
// denied") that "the ministry", "the statement" and a one-word partial
// quote then go to, "the readout said" after "a readout from the X
// ministry" and "It added" after it, "the message said" after its writer,
// "the official" for one named with a public office, a nationality before
// a role, "the deputy minister" with a minister named since, Arabic names
// of three parts, "Abu" inside a name, a given name without its final h, a
// role before abbreviated ranks and ranks in an appositive, "a student who
// gave her name only as X"); fresh26-* a twenty-sixth, twelve articles
// (228 quotes, a third of them a few words long) in the style of
// late-1980s US financial pages in treebank marks (a Fed chairman's
// testimony with a congressman "(D., Minn.)", an SEC rule proposal with a
// dissenting commissioner, a toxic-tort verdict with a juror and a judge's
// earlier ruling, a workstation maker's job cuts with "vice president,
// finance" and an anonymous holder, an airline grounding with a pilots'
// union captain, a market wrap of traders and a specialist, a Heard on the
// Street column in the present tense with "Says another analyst, who …:",
// a West German hostile bid with "Dr." and a Pentagon spokesman, a Who's
// News column of company entries with "Said X, chairman:", a paper-mill
// strike, an A-hed about a rural auctioneer and his family, a briefs
// roundup headed by company names in capitals), annotated before its
// first run (precision 1.000, recall 0.956, right speaker 0.864 with
// analyze-47 and with analyze-48; 1.000, 0.974, 0.904 with analyze-49,
// tuned on: a sentence adverb set off by commas between subject and verb
// ("Analysts, however, called"), an age in full before a relative clause
// and a courtesy title's point before an appositive ("Mr. X, 67 years
// old, whose …, said"), a two-word quotation right after a naming cue of
// an unnamed group ("officials described as “wildly optimistic”"), "the
// company" and "a company spokesman" in a briefs entry headed by a name
// in capitals before a place in brackets, "Said X, chairman:", "on
// condition that he not be identified", a man named only in a possessive
// no longer outranking the sentence's subject for a pronoun; with it
// fresh11-* gained a partial quotation); fresh27-* a twenty-seventh,
// twelve articles (245 quotes) of international news again (a wire's
// rewrite of several state media with "said in a statement carried by the
// official news agency", "told state television" and "the agency quoted
// him as saying", a joint news conference of two foreign ministers
// answering in turn, a UN noon briefing with several questions, an
// embassy's posts quoted "according to a translation by", a news analysis
// naming officials by title after first mention, a sanctions announcement
// and the target country's reply, a prisoner exchange with family members,
// a parliament speaker's opening speech, a leaked memo, an evening TV
// interview transcript with labels in capitals, a regional paper's
// editorial quoted by a wire, a naval standoff; transliterated names spelt
// two or three ways, Hojatoleslam, Rear Adm., Brig. Gen., Cmdr., Deputy
// Foreign Minister), annotated before its first run (precision 0.996,
// recall 0.992, right speaker 0.763 with analyze-49; 0.996, 0.992, 0.824
// with analyze-50, tuned on: "Adm." and "Cmdr." standing for admiral and
// commander, "the cleric" for one named with "Hojatoleslam", a deputy
// spokeswoman as "the spokeswoman" and a spokesman named since not being
// her, a name left untyped with a role in apposition, "the Valmark
// minister" for the minister's "Valmark counterpart", "quoted him as
// saying", "the coordinator"; no earlier quote changed its speaker);
// fresh28-* a twenty-eighth, twelve articles (206 quotes) of international
// and translated news (a foreign ministry's regular briefing written up
// by a wire, a state agency's report with "a source in the ministry", a
// royal audience readout with "His Highness" and "Her Excellency", a
// presidential news conference answered through an interpreter, a
// continental summit of several heads of state, a human rights council
// session, a presidential speech quoted over several paragraphs, a lower
// house debate with members by surname and "the member", a strike told
// from both sides with statements from leaders' offices, newspapers'
// editorials quoted by a wire ("the daily wrote"), an ambassador's
// translated Q/A, a ceasefire with unnamed officials and armed groups'
// spokesmen; names spelt two ways, "al-" and "Bin"), annotated before its
// first run (precision 1.000, recall 0.990, right speaker 0.796 with
// analyze-50; 1.000, 1.000, 0.981 with analyze-51, tuned on; the four
// left: "a source in the ministry" and "an official at the port
// authority" credited to the body where the gold leaves them unnamed, a
// communique with no issuer named, "the Brigades' spokesman" named only
// in a clause "who gave his name as");
// fresh29-* a twenty-ninth, thirteen articles (225 quotes): late-1980s
// financial pages in treebank and straight marks (a hostile bid that
// splits a founding family, with a sister and her son named by given
// name, a bond market wrap with "what traders described as", quarterly
// earnings with "a spokesman for the company", a Senate hearing with a
// prepared statement over two paragraphs, a Chancery ruling on a merger
// with "A Delaware judge … ruling that" and "the judge wrote" for a vice
// chancellor, a chief executive's profile in the present tense with his
// wife and son, a drought and the farm economy) and short US political
// items (a Senate vote, a governor's veto, a rally in curly marks, a
// White House briefing with "she replied" past a man named after her
// pronoun, a Supreme Court ruling, a denial with "did not respond to a
// request for comment" and a husband by given name), annotated before
// its first run (precision 1.000, recall 0.978, right speaker 0.876 with
// analyze-50 and with analyze-51; 1.000, 0.991, 0.969 with analyze-52, tuned on: a given name
// after a relative, a business by the first words of its name or by the
// surname it shares with its chairman when "it" follows, "a spokesman for
// the company", "a Halvorsen spokeswoman", "another analyst … the analyst
// said", "what traders described as", a court's "ruling that", "the
// judge" for a vice chancellor, "Kestria's embassy", a body "in
// Washington", "welcomed … as", "X, a former teacher, who told", a role
// leading the sentence before a pronoun, a headline's second verb, unnamed
// groups such as "Lawyers for the investors", "He thinks");
// fresh30-* a thirtieth, thirteen articles (214 quotes): US campaign and
// administration coverage in seven outlet styles, two events told twice
// (a partisan site and a left-leaning site on a campaign manager fired, a
// cable-news site and a short-paragraph daily on a shutdown, with a call
// "according to a transcript", a broadsheet and a Washington paper on an
// inspector general's report, a politics trade site on a primary with a
// memo, tweets and "Frank ... said, '…'" inside a quote), and everyday
// news from British, Australian, Canadian and Indian papers (a tabloid
// crime story, a magistrates' court report with a victim's statement, a
// state health announcement, a regional flood, a Ranji Trophy report
// with coaches and players, a council planning row), annotated before
// its first run (precision 1.000, recall 0.995, right speaker 0.925 with
// analyze-51, 0.930 with analyze-52; 1.000, 1.000, 0.972 with analyze-53
// and 1.000, 1.000, 0.986 with analyze-54, tuned on: the agent of "Asked
// by a voter whether" and "warned by a supervisor not to", a body, a
// lowercase title and a name ("Ambulance Employees Association state
// secretary X"), "the left-hander", a role set off before a name opening
// at "her", a platform named like a verb ("on Spoke"), what a report
// "found" and "recommended", "one of the attendees, who described", "A
// Senate Democratic aide", "the attendee", a memo "that warned X would";
// the three left: a headline's unnamed "Commerce secretary", "A
// spokeswoman for Ms X" credited to X where the gold leaves her unnamed,
// a witness's words quoted by a prosecutor;
// fresh31-* a thirty-first, twelve articles (222 quotes) of agency and
// magazine journalism (a markets wire quoting analysts by firm, a
// product launch with executives and a critic, a science paper's
// write-up with "the study's lead author" and researchers "not involved",
// a health agency's outbreak update with a school's letter, a magazine
// profile with verbless alternating dialogue, a post-match news
// conference, an obituary quoting family and a memoir, a trial with
// "Q."/"A." testimony and "the witness replied", a port strike with union
// and company statements, a translated interview "told the newspaper",
// an earthquake live-blog with timestamps, a novel's review quoting its
// characters), annotated before its first run (precision 1.000, recall
// 0.968, right speaker 0.676 with analyze-52, the same with analyze-54;
// 1.000, 0.973, 0.766 with analyze-55, tuned on: bare lines of dialogue
// alternating between two people, "the witness" as the one testifying,
// "That student, X,", "Asked whether …, she rejected the
// suggestion. “…”", "the update said", a name after "the worker's
// mother," or before a role appositive running into "who"; left: the
// lawyer's "Q." lines of a transcript, a product that takes its maker's
// name ("A Nimbra spokeswoman"), a pronoun after "Her counterpart",
// named characters of a novel, bodies behind "the note", "In a
// bulletin, it said" and "the publisher's description", a canon's words
// recalled in a memoir);
// fresh32-* a thirty-second, twelve articles (211 quotes) of international
// news (an election commission row in a national daily with "the chief
// minister" and "the opposition leader", a coast-guard collision with
// both governments' spokesmen, a central bank decision through a
// translated news conference, an election tribunal with senior advocates
// for both sides, a no-confidence vote, a sea rescue told by a captain
// and survivors through interpreters, a finance ministers' communique, peace
// talks with "two people familiar with the talks", a state TV interview
// rewritten by an opposition site, a mining-town protest with police and
// company statements, a palace statement, an exiled dissident and his
// daughter; names given family name first, titles Datuk and Tengku),
// annotated before its first run (precision 0.990, recall 0.986, right
// speaker 0.785 with analyze-53 as annotated; 1.000, 0.986, 0.834 once
// the gold took the bodies' names as the text spells them and two
// headline quotations, the same with analyze-55; 1.000, 0.986, 0.938
// with analyze-56, tuned on: ", SAN," after a name, "the charity X …
// the charity said", "The LPD responded … the party said", "the coast
// guard", "the palace" and its statement, "was quoted by the agency as
// saying", set-off "seen as close to" and "in a broadcast on state
// radio", "X, the director of Y, who …, told", a family name alone
// ("Liang Weiren … Liang"), a name ending a relative clause, "Zhanar, now
// 26,", "Progressive Unity Congress (PUC)", "blamed", "Asked by X why";
// left: a communique with no issuer, "It said" and "the bank" for an
// untyped "Banco Central", "It asked" for a statement, a long relative
// clause holding its own "it said", a headline's "palace says");
// fresh36-* a thirty-sixth, twelve articles (187 quotes) of crime,
// courts, emergencies and local news in British, US, Irish, Australian,
// Indian and South African house styles (a police press conference with a
// family statement read by an officer and "a force spokesman", an Irish
// sentencing with a victim impact statement and "Counsel said", a US
// trial day in "Q." and "A." paragraphs after "Under questioning by X,
// Y" and "X spent an hour on cross-examination", an apartment fire with a
// resident "who asked not to be named", a missing-teen appeal whose
// mother is later called by first name, a road-crash inquest with a
// Senior Coroner, a school board meeting of parents in turn, a hospital
// critical incident in single curly marks with an anonymous nurse, a
// flood with a minister and a farmer, a storm live blog of timestamped
// entries, a district collector and police commissioner who "told
// reporters", a water protest with a ward councillor and a Brigadier),
// annotated before its first run (precision 1.000, recall 0.963, right
// speaker 0.749 with analyze-61; 1.000, 0.995, 0.893 with analyze-62,
// tuned on; left: the headline's partial quote, a family statement "read
// by" an officer, "a force spokesman", the coroner after a "that" clause
// naming the dead woman, "Counsel said", a long Irish title before
// "Seán Ó …", "a spokeswoman said" after the body's entry);
// fresh34-* a thirty-fourth, twelve articles (244 quotes) of the feature
// genres where speakers were most often wrong (a US magazine feature and a
// British newspaper feature with runs of bare dialogue, a speaker called
// by first name and lines addressed by name, an Australian trial with a
// witness examined and cross-examined in bare questions and answers and a
// judge interjecting, an Australian profile in the present tense, a US
// book review quoting its author, her characters, the publisher and a
// blurb, a local paper's rewrite of a company's release, a council's letter
// and bulletin and a tenants' newsletter, a US high-school sports feature,
// a science feature of researchers from two universities, an Australian
// politics story of relative clauses holding their own speech verbs
// ("X, who said last year that …", "whose department warned"), a Q&A whose
// answers open with the given names of two sisters, a festival's release),
// annotated before its first run (precision 1.000, recall 0.918, right
// speaker 0.725 with analyze-58; 1.000, 0.992, 0.926 with analyze-59,
// tuned on: answers labelled by a given name named before, a bare line
// answering one called by name ("“Mrs. X,” he says. “What …?”"), a run of
// bare questions and answers after a paragraph quoting no one in full
// (asked by the first person it names), a dialogue's other party who last
// traded lines with the anchor's speaker, a possessive in a relative
// clause after a name giving it no gender when the sentence before opens
// with that pronoun, "A spokeswoman for the council" for a council named
// before, "The statement described" a few sentences after a body said in a
// statement, "whose department warned", "whose report described", "His
// wife is more direct. “…,” she says" left unnamed, "as X puts it", "as she
// put it" after a quotation, "Then, after a pause:", "X, cabinet member
// for housing, said", "Councilmember", "she whispers"; no earlier quote
// changed; left: characters of a novel named only in narrative and "the
// author" and "the publisher" of a review, "the senior" for a player, a
// witness's words reported by counsel, "she" after "X objected …, and
// Justice Y agreed", a festival's programme and newsletter as speakers);
// fresh33-* a thirty-third, twelve articles (204 quotes) of international
// and diplomatic news in agency and broadsheet styles (a foreign ministry
// briefing with a spokesperson named once, then "the spokesperson" and
// "she"; a summit's "joint statement said" before its leaders; the head of
// the UN refugee agency and a speaker of parliament introduced by role
// before name, in curly single marks; a Gulf agency's audience with "For
// his part, X expressed" and names joined by bin and bint; names spelt with
// and without hyphens in one report; translated speeches "according to a
// translation by"; a ceasefire with an army spokesman and a rebel
// commander; a letter to the Security Council and a defence ministry's
// bulletin in straight single marks, traced to their issuers; an election
// abroad with party leaders and observers; state media "quoted X as
// saying"; a foreign minister's interview with a daily in „low-high“
// marks; a sanctions vote with anonymous diplomats and named ambassadors),
// annotated before its first run (precision 1.000, recall 0.980, right
// speaker 0.799 with analyze-58 and with analyze-59; 1.000, 0.995, 0.971
// with analyze-60, tuned on: "quoted a role, Name, as saying", "quoted an
// unnamed source as saying" before "a claim the company called", "X News
// Agency (XNA) said", "Rear Admiral", "Maritime" ending a firm's name, a
// single mark closing at its weak closer when another opens ("on 'full
// readiness' in … 'Units …'"), "issued a bulletin saying", "the letter
// said" after "signed by X", "the Brantian mission", a body after a
// dateline or "In the X capital, Y," standing for "it", a summit's joint
// statement as the body whose leaders met, "Observers from X",
// "Organisation for Security and Democratic Cooperation", "The head of
// the X Federation, Ann Roe,", "X of the Social Left", "The minister, a
// Christian Democrat who …, said", "expressed", "the Darvanian minister",
// "the minister added" after "he said", "one council diplomat", "A second
// diplomat … the diplomat said", "X, the ambassador of Y, one of the
// members …, said", "has written to the council accusing", "identified
// only as Sergeant X"; five more right speakers in fresh13, fresh14 and
// fresh25, no dev quote lost; fresh28-ausummit's "final communique",
// which its gold names as the speaker, is now the union whose leaders met;
// left: a one-word headline quotation, "The head of the UN refugee agency
// has warned" in the lede named in the next sentence by another title,
// "It set a target of", a draft resolution's words, "he" after a
// participial phrase two paragraphs from a named woman). The gold of
// fresh33-refugees-01 first spelt "Tarsine's government" with a straight
// apostrophe where the text has a curly one (corrected).
// fresh35-* a thirty-fifth, twelve articles (248 quotes) of business,
// markets and economy news (a wire markets report with analysts "at X"
// and a statistics bureau quoted as a body, quarterly results with a
// chief executive, a chief financial officer on a call and a filing, a
// central bank decision with the governor's press conference and the
// bank's statement, a merger with both companies' spokespeople and a
// competition regulator, a factory strike with a union and management, a
// retail feature of shop owners, an energy price story with a minister
// and a consumer group, a startup profile calling its founders by given
// name, a column quoting research notes, a property piece in single
// marks with an agent and a buyer, a customs agency's trade data, a
// personal finance column in the present tense), annotated before its
// first run (precision 1.000, recall 1.000, right speaker 0.859 with
// analyze-61, 1.000, 1.000, 0.859 with analyze-62; 1.000, 1.000, 0.919 with
// analyze-63, tuned on: "the X
// analysts wrote", "“…,” analysts at X wrote", "A bureau official", "a
// customs official" and "the official" after them, ", speaking at a
// briefing," after a role, "the bureau", "the registry", "Workers' Union
// of Metal and Machinery"; one more right speaker in fresh19, no dev
// quote lost; left: a merged group's new name ("to be called Calder
// Northgate") taken for either company, "its statement said", "X of Y
// said the guidance was “…”", "Kasimir, now …, remembers … “…,” he says",
// "His advice: “…”", "a clerk … said … “…,” she said" given to a man
// named before, "One investor … “…,” he said"). The gold of
// fresh35-centralbank-01 first left out its headline quotation and
// credited the governor's first quotation to the bank, and named
// fresh35-earnings-01's company "Quillon Systems" where the text has
// "Quillon Systems Inc." (corrected).
// fresh37-* a thirty-seventh, twelve articles (208 quotes) of late-1980s
// US financial and political pages in a business daily's house style (a
// hostile tender offer fought by a father and son of one surname, an
// offering quoted from its prospectus, budget talks and a trade bill with
// senators and representatives, an insider-trading trial with testimony
// running over paragraphs that each open and only the last closes, a
// regulators' order to a savings bank, a market report of analysts "at
// X", a pilots' strike vote with an owner quoted through a spokeswoman,
// a campaign with a governor and his wife, a junk-bond default, an
// executive profile with a split quotation resumed after "said X, a
// former …" and a namesake, quarterly results with a chairman quoted
// through a spokesman and two analysts who are married), annotated before
// its first run (precision 1.000, recall 0.986, right speaker 0.851 with
// analyze-63; 1.000, 0.990, 0.976 with analyze-64, tuned on: a party word
// after a determiner set off after a name, "X of Ohio, who …, said",
// "former Rep. X of Tennessee", "Mr." and "Mrs." before a surname two
// people share, "the elder Mr. X", a role read from "Under questioning by
// …", "he" after "Asked …, he paused", "the lobbyist", "defended … as",
// "Waverly, in a statement, said", "the prospectus says", "according to
// the prospectus", "The document", ", which claims", a run-on quotation
// after a phrase holding "U.S."; sixteen more right speakers in earlier
// batches, ten of them from an unknown name typed as a person's by the
// next "she says" it alone can mean; no dev quote lost; left: "Union
// officials described", "the offering memorandum said" naming the
// document first, one-word items of a list ("“impatient,” “abrasive”"),
// "told reporters the White House had offered “substantial” savings").
// fresh38-* a thirty-eighth, twelve articles (213 quotes) of general news
// in British, Irish and Australian tabloid and regional styles and a
// translated European wire (a striker's transfer with his nickname, a
// source close to the player and a club spokesman, a post-match press
// conference of both managers, a reality star's drink-driving case with
// prosecutor, defence and the chair of the bench, a storm flood with
// residents quoted by age and street ("the 67-year-old said", "the
// mother-of-two added"), a school inspection whose report speaks for the
// inspectorate, a hospital waiting-list row with a nurses' union, a
// health board and a TD, a smart-glasses launch with an analyst and a
// reviewer, a diet study with independent experts, a shire council
// planning vote, a translated interview in dash dialogue with an unnamed
// interviewer and mother, a scaffolder's inquest with a family statement,
// a forest fire wire report), annotated before its first run (precision
// 0.995, recall 0.944, right speaker 0.728 with analyze-63 and with
// analyze-64; 0.995, 0.972, 0.915 with analyze-65, tuned on: bare dash
// lines after dialogue, a dateline's place as no surname, "“…,” a
// spokeswoman said" opening the paragraph after a body's statement, "a
// fire service spokeswoman", "X Fire and Rescue Service", "The X
// Alliance, an industry group, welcomed … “…,” it said", "Its report,
// published …, said" after "The X (XYZ) visited", "Coroner warns" and "A
// CORONER has warned" for the one Senior Coroner named later, "Mr X's
// family described him as", "the X Safety Executive", "Ann Roe, 29, a
// nurse at …", bylines, common given names, "Two doors down, X was
// woken", "said the retired postman", "City boss X", "Pressed on whether
// he needed a new striker, X smiled", a tabloid lede's first word in
// capitals, "the Rovers boss" for the one with "his Kelham Rovers
// side", "A bureau spokesman said … “…,” he said", "A source close to
// the player", "A spokesman for X, the local authority, said",
// "Season-ticket holder X", "another parent, who asked not to be named";
// two more right speakers in fresh18 and fresh36, no dev quote lost;
// left: the school report's "inspectors" and "Inspectors also found", a
// nurses' union named only later, a headline's "told: '…'" and a lede's
// "was told she had", "the authors wrote", "She added:" for an expert
// whose given name has no known gender, an unnamed mother's "she says" in
// dash dialogue, one- and two-word partial quotations ("bullying", "let
// down"), a slogan on T-shirts taken for a quotation). The gold of
// fresh38-tech-01 first gave the lede's "the end of the phrasebook" to
// the chief executive, where the text makes the firm the subject of
// "calling them" (corrected).
// fresh39-* a thirty-ninth, thirteen articles (194 quotes) of
// international news as wire agencies and translated state media write it
// (one foreign ministry briefing told by three agencies with the
// spokesman's name spelt two ways, a drone strike with a defence ministry
// statement and a denial, a Security Council session with several envoys,
// a prisoner exchange with mediators, sanctions with reactions, a
// translated presidential interview, a disputed African election, a coast
// guard standoff, a summit declaration, a refugee agency field report, a
// state media report on a ship seizure), annotated before its first run
// (precision 0.989, recall 0.985, right speaker 0.830 with analyze-65;
// 0.989, 0.995, 0.892 with analyze-66, tuned on: short partial
// quotations after a set-off note of another spelling (", also spelt X in
// some outlets,") or a participle of place after a body's common noun
// ("X's government, based in Y,"), "Commodore X", a hyphenated given
// name written first ("Min-jun Park"), "the diplomat" for one named with
// a post in foreign affairs, "the spokesman" for "the official
// representative of the ministry", ", quoted by state radio,", "quoted
// the spokesman, whose name it spells X, as saying", "quoted the foreign
// ministry as saying"; no dev quote lost; left: a lede's country as the
// subject ("Veskara warned … of “…”"), "the Lindholm customs service
// said" and "a customs service spokesman" after it, "he" for a name set
// off after "The head of X" the sentence before, "he said" after "the
// spokesman said" taking a journalist named in between, "described … as
// “…,” the ministry's press service reported", a draft resolution and a
// declaration as sources, bodies named with "of" and "for" ("Regional
// Community of Eastern States", "United Nations Agency for Displaced
// Persons") and "Rivers Without Borders" cut short, "Observers from X
// said", an interviewer's unquoted questions in "Name: …" lines taken as
// quotations, "the envoy said" after a reporter's question).
// fresh40-* a fortieth, thirteen articles (143 quotes) of US local news
// as television-station web copy and regional papers write it (a house
// fire with neighbours described before they are named, "the homeowner's
// sister", and its follow-up, a police chief's news conference with a
// sheriff and a district attorney, a sheriff's standoff briefing, a
// school board meeting and a borough council vote with public comment, a
// county fair feature with a girl and her mother sharing a surname, a
// high-school football result with coaches and players, an ice-storm
// closure with a utility's statement, a hospital strike, a bakery opened
// by two sisters, a drunken-driving sentencing with victim impact
// statements, a road crash with a state trooper), annotated before its
// first run (precision 1.000, recall 0.993, right speaker 0.909 with
// analyze-66, whole dev set then 0.999, 0.994, 0.949 on 7449 quotes;
// 1.000, 0.993, 0.944 with analyze-67, whole set 0.999, 0.994, 0.950,
// tuned on: a note of anonymity in the paragraph before a quotation that
// opens its own ("who asked that his name not be used", "declined to
// give her name"), "who identified herself only as a grandmother", a
// capitalised "Organizer" before a name; no dev quote lost; left: "A
// neighbor who lives across the street said … “…,” she said" for one
// named only later, "The Sussmans' daughter, reached by phone, said" and
// "Fontaine's older brother said" taken for the named person before, "the
// younger sister said" and "her mother said" for a relative named
// before, a one-word partial quotation after "told the board it was").
// fresh41-* a forty-first, eleven articles (158 quotes) of human-interest
// and family news where relatives and witnesses speak (an obituary with a
// son, a daughter and "the younger sister said", a missing-person appeal
// and its follow-up with a mother named once and then "her mother", a
// groom's river rescue on his wedding day, a lottery win, a centenarian's
// birthday, a soldier's homecoming, a hiker found by a mountain rescue
// team, a school reunion with twin sisters, a dog lifted from a quarry, a
// drunk driver's sentencing with victim impact statements), with
// relatives never named as unnamed sources, "reached by phone" sources and
// quotations in headlines, annotated before its first run precision 1.000, recall 0.994, right speaker 0.810 with
// analyze-67, whole dev set then 0.999, 0.994, 0.947 on 7607 quotes;
// missed: a relative named once and then "her mother said", "her brother
// said", "the younger sister said", "her son said", "her sister added"
// left unnamed or credited to another named relative, "his mother said"
// for a mother named only as "Feeney's mother, Pauline", an unnamed "the
// father", "the volunteer" or a team's "spokesperson" credited to the
// person quoted before, "his great-grandson Ollie" taken for the
// speaker, a partial quotation after "wrote on social media that his
// sister was"); with analyze-68 1.000, 0.994, 0.924, whole set 0.999,
// 0.994, 0.950 (a relation phrase is the relative the text named with
// that relation, "the younger sister" the one introduced with that age
// word, a pronoun after a sentence opening with such a relation is them,
// "Roe's brother, Vince" is Vince Roe, an unnamed relative or "a
// volunteer" introduced after the one quoted before stays unnamed), and
// 1.000, 0.994, 0.962 with analyze-69 ("June Haskett" read as a name, so
// "Mrs Haskett" is no longer the grandson; "Mrs Trethowan's great-grandson
// Ollie presented her with a cake. “…,” she said" is Mrs Trethowan);
// left: "her daughter" when two daughters were named, "her sister added"
// for one of twin sisters, a mother described before she is named, "A
// spokesperson for the team", and "Okonjo said he" read as the wife of
// the same name.
// fresh42-* a forty-second, twelve articles (217 quotes) of everyday
// general news as a US metro daily and a British broadsheet print it (a
// council vote on bus lanes, a fraud trial, A&E waits, school closures, a
// factory closure, weekend rail shutdowns, a stabbing appeal, a refused
// housing scheme, a care home manager's sentencing, a measles outbreak, a
// department store closing, a school in special measures), long pieces
// where many speakers alternate, attribution carried by pronouns and
// surnames across paragraphs, titles ("Dr.", "Det Sgt", "Cllr", "Supt"),
// speakers introduced after their quote, some described first and named
// later, annotated before its first run: precision 0.995, recall 1.000,
// right speaker 0.889 with analyze-68, whole dev set then 0.999, 0.994,
// 0.948 on 7824 quotes (the one extra was a headline's quotation in
// single marks the gold had left out, added since); missed: speakers
// described first and named later ("A woman who lives above the shop …
// “…,” she said. ¶ The woman, Ann Roe, 58, said"), "Another mother" and
// "a fifth-grader … on her toes" left for the one quoted before, "Miss
// Roe", "Det Con Ann Roe", "the statement said" after "praised the vote
// in a statement", "A Department of Health and Social Care
// spokesperson", "X, in a letter … dated Oct. 3, said", "inspectors
// found what they called"; with analyze-69 1.000, 1.000, 0.977, whole
// set 0.999, 0.994, 0.951 on 7825 (two more right in fresh40); left:
// "inspectors" for Ofsted, "The witness, Ann Roe," after "the woman
// said", and "in which she called" read as the sentence's subject.
// fresh43-* a forty-third, twelve articles (180 quotes) of international
// conflict and diplomacy news as open-source analysts read it (wire copy
// from ceasefire talks, a Gulf paper on drone boats, a South Asian
// military media wing and a foreign ministry briefing, a regional
// governor on Telegram, a junta communiqué read on state television,
// translated state media, a joint press conference of two ministers
// answering in turn, a televised address, a Security Council session, an
// open-source analysis of competing claims, a prisoner exchange, a
// spokeswoman's weekly briefing), with names transliterated in two or
// three spellings across outlets, "the official said" for officials
// speaking on condition of anonymity, "according to", "the agency quoted
// X as saying" and posts on X, Telegram and Facebook, annotated before
// its first run: precision 0.994, recall 0.967, right speaker 0.844 with
// analyze-69, whole dev set then 0.999, 0.993, 0.949 on 8005 quotes (the
// one extra was a subheading's quotation in straight single marks the
// gold had left out, added since, and "Ministry of Defence", the text's
// own name for a ministry, added to its other names); missed: "X — whose
// name is also spelt Y — said", "According to X television, Premier Y
// said his country “…”" credited to X, "the official said" read as
// "its official Telegram channel", "he wrote" after "A man aged 64 …
// were killed …, the governor said", "the self-styled defence ministry",
// "the ISMD statement said" and "the MEA said" given to a person whose
// title has those initials, "she said" in a press conference where two
// ministers answer in turn, "the air force said", "it said" after a body
// named only by lower-case words, "The junta said", an envoy described
// before she is named, short partial quotations of unnamed speakers
// ("historic", "at length", "not ruled out"); with analyze-70 1.000,
// 0.972, 0.895 on 181, whole set 0.999, 0.993, 0.950 on 8006, no earlier
// dev quote lost (an aside set off by dashes is skipped back to its
// subject, an opening "According to X," yields to a person the clause
// names as the subject of its own verb of saying, "official" after a
// possessive or an article is no title, one described in a clause a
// short attribution after a comma reports is no antecedent, "self-styled"
// dropped, "the X statement" is body X's, letters the recogniser tied to
// a body's name are that body's, "X said in her …" gives X's sex); left:
// the press conference's "she said", "the air force", "it said" for a
// lower-case body, the junta, "The Economic Community of Sahelian States
// (ECOSAS)" split by the recogniser, the envoy named after, "quoted him
// as telling the premier", a headline's "Sverdan … says", short partial
// quotations of unnamed speakers.
// fresh44-* a forty-fourth, thirteen articles (155 quotes) of British and
// Australian tabloid sport and celebrity news (a post-match rant, a
// reality star's split, a rugby league thrashing, a striker pushing for a
// move, a former player on a podcast, an Ashes Test, a celebrity wedding,
// an AFL coach on the umpires, a darts final, a jungle exit interview, a
// manager's press conference, a tennis upset, a boxing face-off), with
// managers and players by nickname and surname, "the 29-year-old", "the
// Reds boss", quotes from podcasts and Instagram posts, "a source close
// to the couple told The X" and headline quotations in single marks,
// annotated before its first run: precision 1.000, recall 0.987, right
// speaker 0.761 with analyze-70, whole dev set then 0.999, 0.993, 0.946
// on 8161 quotes; missed: "the Icelander" and "the Gibraltarian" read as
// names, "Another said" as a person, "the 33-year-old quick said", "The
// 31-year-old, who played his 250th game, added:", "a pal of the
// defender said" credited to the defender, "the centre-back wrote", "the
// podcast host said", "Declan “Decky” Farrelly" called "Decky Farrelly"
// as the headline calls him (the gold had not listed that name; added
// since), "Wrecking Ball Doggart" in a headline read as "Ball Doggart",
// "SAINTS boss Phil Gethin" in a capitalised opening losing its role, so
// that "the Saints boss said" is another, "came the reply", "The Hammer
// … he laughed", an Instagram caption of "The 27-year-old" when another
// person was named last, "A spokesperson for Jade"; with analyze-71
// 1.000, 0.987, 0.871 (0.839 before "Decky Farrelly" was added to the
// gold), whole set 0.999, 0.993, 0.949 on 8161, no earlier dev quote lost
// (one more right in tabloid-02); left: the nickname and capitalised-lead
// misses, "came the reply", "the new champ" after his opponent spoke, the
// caption, a spokesperson for a person.
//
// fresh45-* a forty-fifth, thirteen articles (150 quotes) of business and
// technology news as wires and business sites write it (an earnings call
// with analysts' questions, a headset launch, a layoff memo, a
// regulator's fine, an authors' lawsuit, a founder profile, merger talks
// from people familiar with the matter, surge pricing and posts on X and
// LinkedIn, a chip plant delayed in a filing, a bank's results call, EU
// antitrust charges, an EV recall, a network outage), annotated before
// its first run: precision 1.000, recall 1.000, right speaker 0.920 with
// analyze-71, whole dev set then 0.999, 0.993, 0.948 on 8311 quotes;
// missed: "a Brightwater spokesperson" and "a Halden spokeswoman" read as
// the company, as the set's gold reads "a Westgrid spokesman" (the gold
// had them unnamed; changed to the company after the first run), "X said
// in a statement (to the stock exchange) that it … “…,” the company
// said" given to another company named before or to none, "Kessington"
// after "Her father, Femi Kessington" read as the father (so "she said"
// went to the last woman named), "one user who said they worked at the
// company wrote" read as the company, "she told staff, according to one
// of them" after "two people", "She said the company would save “…”"
// after "said Beatrix Holloway-Quinn of Y", and "The proposed class
// action … says" quoting the complaint; with analyze-72 (a body that
// speaks "in a statement" or "in a filing" "that it" will do something
// is a body, whatever the recogniser typed it) 1.000, 1.000, 0.947,
// whole set 0.999, 0.993, 0.949 on 8311, no earlier dev quote lost (one
// more right in fresh19-launch-01); left: the shared surname, the user
// of the company, the two people, Holloway-Quinn, the complaint. (Reading
// a bare surname as the one named before a relative introduced by
// kinship was tried and dropped: it lost nine earlier quotes where the
// relative is the one who goes on speaking.)
// fresh46-* a forty-sixth, fourteen articles (150 quotes) of police and
// court reporting as US, British and Irish papers write it (an
// arraignment, a murder trial with a 999 call and cross-examination, a
// sentencing for death by dangerous driving, a Garda appeal for
// witnesses, testimony as question and answer, a police naming with a
// family tribute, a charity fraud, an accused giving evidence, a
// harassment hearing, a federal bribery indictment, a tabloid jailing, a
// Central Criminal Court life sentence, a bodycam release, a detective
// cross-examined on his notes), annotated before its first run:
// precision 1.000, recall 0.993, right speaker 0.807 with analyze-72,
// whole dev set then 0.999, 0.993, 0.946 on 8461 quotes; missed: "X KC
// told" read as the rank, questions in cross-examination ("…?" asked X
// KC, for the defence; bare questions and answers that alternate) given
// to the witness or to none, "A Garda spokesperson" and "A spokesman for
// the N.Y.P.D." read as the force (the gold had them unnamed; gold
// changed in a later round to the set's convention, the four quotes
// credited to the force as the set credits a company's or a ministry's
// spokesperson: right speaker with analyze-75 0.813 against the old gold,
// 0.840 against the new), "Detective Garda X" keeping "Garda" in the name, "the family
// said" after a family tribute, the union's statement, "Mr Lynch, for
// the defence … counsel said", "Mr Fitzmaurice" after "Mrs
// Fitzmaurice", "her husband, Peter, said", "Detective Constable X of
// Y's unit said:", "the family described" a statement read by a sister,
// the accused's evidence after his barrister's question,
// the scream "pop, pop, pop"; with analyze-73 (a counsel's rank or an
// honour right after a name without commas, "X KC told", "X SC said",
// "X OBE said", is skipped to the name) 1.000, 0.993, 0.813, whole set
// 0.999, 0.993, 0.946 on 8461, no earlier dev quote lost; left: the
// rest above. (Reading "garda" as a rank before a name was tried and
// dropped: it split "Galway Garda Division" and "Tallaght Garda Station"
// and lost an earlier quote in fresh36-liveblog-01.)
// fresh47-* a forty-seventh, twelve articles (219 quotes) of US political
// news in a presidential election year as papers, wires and partisan
// sites write it (a stump speech in Iowa with voters by age and town, a
// primary night, a Senate debate with a lightning round, a hearing with
// a transcript excerpt, a House floor fight, a White House rule and its
// briefing, a fact check, a right-leaning site on a viral clip, a
// left-leaning site on a voting law, an agency rule, a town hall, a
// running-mate search with a day-ahead list), annotated before its first
// run; its gold credits "the campaign said in a statement" and an
// unnamed "campaign spokesperson" to the campaign, as the set credits a
// company's spokesman to the company, and "a spokesman for the
// congresswoman" to her, as fresh44 does "A spokesperson for Jade":
// precision 0.981, recall 0.991, right speaker 0.817 with analyze-73,
// whole dev set then 0.999, 0.993, 0.943 on 8680 quotes; missed:
// "Republican Mitchell Oakley-Darrow" keeping the party's word in his
// name (eleven quotes), "The Tennessee Republican, who …" and "the
// California Democrat answered:" read as names, a transcript label of a
// surname in two words ("VAN TONGEREN:") with "Sen. Priscilla Van
// Tongeren" not recognised, "THE FACTS:" headings of a fact check read
// as an unnamed speaker's answers (three extra quotations, and two
// quotes of the claim's speaker lost to them), "EPA Administrator X"
// keeping "Administrator", "…, and at one point conceding that “…”", "A
// Halloway campaign spokesman, X, declined …, saying only that …" given
// to the candidate, "a spokesman for the congresswoman" given to the
// last "Rep." named, a man's "she replied" when the text gave neither
// debater a gender, campaign statements and "his office said" left
// unnamed, a committee with commas in its name ("a member of the
// Health, Education, Labor and Pensions Committee, called"), "in which,
// according to two people in the room, X stood up and told", an unnamed
// daughter's "she said", a bullet of a day-ahead list, an ad's narrator;
// with analyze-74 (a party's member before a name or after a place is no
// name, "the Ohio Republican" is the one the text described so or the
// one just named, a family particle with a capital inside a name,
// "administrator" a title, a label of capitals that ends a person's name,
// a plural heading no label, a participle after ", and at one point", a
// person's name as a modifier before a role, a role in "-woman" for a
// woman titled before, a possessive before the verb of saying giving a
// gender though another is named after it) 0.995, 0.995, 0.936, whole
// set 0.999, 0.993, 0.946 on 8680, no earlier dev quote lost or gained;
// left: the campaign statements and "his office" (the set's fresh8-social
// gold leaves "the Ruvalcaba campaign said" unnamed, so crediting a
// campaign was not tried), the committee, "in which …", the daughter,
// the bullet, the narrator, "chose “recovering.”"; with analyze-76, once
// fresh8's gold credited campaigns as this batch does (a candidate's
// campaign speaks as a company does, under the candidate's surname:
// "the X campaign said", "X’s campaign said", "her campaign said", "a
// campaign spokesperson said" in a story of a campaign, "“…,” it said"
// after the campaign; "his office said" after "Gov. X" is the
// governor's office) 0.995, 0.995, 0.973, whole set 0.999, 0.993, 0.946
// on 8838, no earlier dev quote lost; left: the committee, "in which
// …", the daughter, the bullet, the narrator, "recovering.".
// fresh48-* a forty-eighth, twelve articles (158 quotes) of tabloid sport
// and police and court reporting (a defendant cross-examined on a
// hit-and-run, a police chief's news conference on a shooting, a
// manager's rant at the referee, a rugby league judiciary hearing, a
// murder trial's testimony as "Q." and "A.", a Garda appeal, a boxing
// weigh-in, a drink-driving sentencing with a victim's statement read in
// court, a sledging row at a Test, an inquest, a bail hearing, a striker
// who wants to leave), annotated before its first run; as in fresh46 a
// police force's unnamed spokesperson was left unnamed (changed later,
// see below), a nickname in
// quotation marks ("Kieran “The Kilkenny Cat” Doyle") is no quotation,
// and a headline's quotation is its speaker's: precision 1.000, recall
// 0.981, right speaker 0.810 with analyze-74, whole dev set then 0.999,
// 0.993, 0.944 on 8838 quotes; missed: "Q." and "A." testimony whose
// examiner's title the recogniser cut in two ("Assistant District" of
// "Assistant District Attorney X"), so that the questions went to the
// title and the answers to the examiner, "the Londoner said",
// "Neighbour X" keeping "Neighbour" in the name, "A Cricket Australia
// spokesman" with the body unrecognised, a nickname in quotation marks
// inside a capitalised first name ("KIERAN “The Kilkenny Cat” Doyle"),
// so that "Doyle" went to his father Pat Doyle, "JAMAL X" opening a
// tabloid story and "the Rovers chief" for "boss Kenny Odunsi", one-word
// headline quotations in single marks ("‘panicked’", "‘let down’"), leads
// that describe a speaker first and name them later ("A van driver …
// told a jury he “…”", "a judge called him “…”"), "told her he had “…”"
// for the defendant, a trust whose name holds "and", "the Garda
// spokesperson" read as the force (the gold left it unnamed, as
// fresh46's; gold changed in a later round to the set's convention, the
// one quote credited to the force: right speaker with analyze-75 0.886
// against the old gold, 0.892 against the new), a fan after "Tigers" in
// a long paragraph; with analyze-75
// (a title's head the recogniser cut from the examiner's name is no
// examiner, "Londoner", "Dubliner", "Berliner", "Glaswegian",
// "Northerner", "Southerner" stand for the one just named, "neighbour" a
// role, a sport's word before a country's name that sport's governing
// body) 1.000, 0.981, 0.886, whole set 0.999, 0.993, 0.945 on 8838, no
// earlier dev quote lost or gained; with analyze-77 (a nickname of one
// to four capitalised words in quotation marks between a capitalised
// given name and surname joins them into one person named without it,
// a given name in capitals written as a name, and the nickname written
// alone later, "the Hammer", is that person's) 1.000, 0.981, 0.918,
// fresh44 right speaker 0.871 -> 0.910 ("Wes “The Wrecking Ball”
// Doggart", "The Hammer … he laughed"), whole set 0.999, 0.993, 0.948
// on 8838, no earlier dev quote lost or given another speaker; left: the
// rest above.
// fresh49-* a forty-ninth, twelve articles (196 quotes) of the genres the
// set had least of (a magazine profile in the present tense with "says",
// a science report of a reef study with researchers "not involved", an
// Australian country doctor's obituary quoting her children, a classmate
// and her successor, a novel's review quoting its author, its characters
// and a river that narrates, an Indian Q&A on a heat plan with "Q:" and
// "A:", a US local television report of a tornado, a British regional
// business page rewriting a bakery's release in single marks, a
// translated Italian report in «guillemets» on wolves, an Indian city
// report on dengue, an Australian painter's survey with her husband and
// the gallery's director, a British local radio report of bus cuts with
// "Greenline boss X" and "the Greenline chief", a wire report of wildfire
// smoke whose lead describes the agency's head before naming her),
// annotated before its first run; a publisher's catalogue speaks for
// the publisher, a critic named by nothing but "a reviewer", a pensioner
// who gave no name and a river narrating a chapter are left unnamed, a
// term in quotation marks ("hazardous" of an index) and a book's title
// are no quotations: precision 0.995, recall 0.990, right speaker 0.847
// with analyze-77, whole dev set then 0.999, 0.993, 0.945 on 9034
// quotes; missed: "the Greenline chief said" and "Its chief said" for
// "Greenline boss X", "the gallery chief says" for "Gallery director X",
// "the bakery boss added" for the managing director, "Chief
// Meteorologist X" keeping "Meteorologist", "on Sundays; his mother, he
// says," giving "Sundays" as a speaker, "the 81-year-old said" for
// "Pensioner X, 81,", "the Conservative MP said" read as "Conservative",
// "the co-op said" for a cooperative, "the ecologist said" for a
// professor introduced as "a marine ecologist", a body described before
// it is named ("The federal environment agency … said"), "remembers him
// as", an opening that describes a man before naming him ("“Sit, sit,”
// he says" before "This is X"), a partial quote holding an apostrophe in
// single marks, "the state health department … said the plan was “…”",
// the lines of a novel's characters and its publisher's catalogue; with
// analyze-78 (a head's word, "chief", "boss" or "head", stands for one
// introduced right after a head's word, "boss X", before anyone named with
// the body, "the Greenline chief" for a one-word firm the recogniser took
// for a person, "the gallery chief" for a "Gallery director", "Its chief"
// and "the company's chief" for the head named with that body or the
// nearest with a head's role, "Meteorologist" a title) 0.995, 0.995,
// 0.893 against the gold as annotated, whole set 0.999, 0.993, 0.947;
// the headline's ‘cut off’, found now, is then given to the bus firm's
// head, whose words they are in the last paragraph: the gold, which had
// left it unnamed, now credits him, as the set credits a headline's
// quotation to whoever says it below (0.898 against it); fresh48 0.918 ->
// 0.930 ("the Rovers chief" for "boss Kenny Odunsi"), fresh18-sports-01
// one more right; no earlier dev quote lost or given another speaker;
// with analyze-79 ("the 81-year-old" is the one the text gave that age
// after or before the name, "the Conservative MP" after an article is no
// name followed by "MP", "the co-op" a cooperative, a weekday's plural,
// "Sundays", no name) 0.995, 0.995, 0.929, whole set 0.999, 0.993, 0.948
// on 9034, no earlier dev quote changed; with analyze-80 (quotations
// that open an article before anyone is named, credited to "he" or
// "she", are the one a paragraph soon after presents, "This is X" or
// "Meet X") 0.995, 0.995, 0.939, whole set 0.999, 0.993, 0.948, no
// earlier dev quote changed; left: "the ecologist said" for a professor
// introduced as "a marine ecologist", the federal agency described before
// it is named, "remembers him as", the apostrophe inside a partial
// quote in single marks, the health department's partial quotes, and
// the novel's characters and its publisher's catalogue.
// fresh50-* a fiftieth, eleven articles (149 quotes) of the genres the
// set had least of (a Nigerian Senate sitting with points of order and
// heckles from the benches, a South African metro council debate with
// the Speaker's rulings, a Canadian Commons committee hearing that
// questions a rail chief and quotes tabled emails, an Irish election
// count live blog and a Philippine typhoon live blog with timestamped
// entries, a New Zealand actor's interview quoting her last post, a
// South African lawsuit quoting texts, an affidavit and a minister's
// post, an Irish report of consultants' letter and a chief executive's
// reply, a New Zealand water hearing with "the ecologist said" for "a
// freshwater ecologist" named after, "the hydrologist", "the elder" and
// a department described before it is named, a South African singer's
// profile with "the 54-year-old" and her producer's nickname, a wire
// report of Nigerian floods), annotated before its first run; heckles
// from unnamed members, an unnamed tallyman, the signatories of a letter
// signed by many, an unnamed manager, the president's office and a
// newspaper's unnamed reviewer are left unnamed; a song's title in
// single marks and a nickname in quotation marks are no quotations:
// precision 1.000, recall 0.960, right speaker 0.745 with analyze-80,
// whole dev set then 0.999, 0.993, 0.944 on 9183 quotes; missed: texts
// and posts quoted from a filing ("the engineer wrote", "the filing
// says:"), a company's statement in the next sentence ("… said in a
// statement … “…,” it said"), a committee chairman and an MMC credited
// by their role ("the committee chairman said", "the MMC said"),
// alternating question and answer in a hearing, a quotation opening a
// live blog entry after "From our reporter in X, Y:", a party's post and
// a candidate's speech in a later entry, "Advocate X" keeping its title,
// a body whose name ends in a place ("Rail Users Canada West"), "the
// veteran broadcaster says", "the singer says" and "the farmer said"
// after another spoke, a point of order quoted with no verb, partial
// quotes in a headline and lead ("‘robbery’", "“daylight robbery”"),
// heckles ("“Sit down!” someone shouted"). Gold changed after the first
// run where it broke the set's own conventions: "the president’s office
// said" is credited to the office, as "the governor's office" is, not
// left unnamed, and "The federal Ministry of Water Resources" to the
// ministry by its capitalised name (right speaker 0.758 with analyze-80
// against the corrected gold); with analyze-81 (a phrase after a name
// that opens with "to", "with", "by" or "against" is no role of that
// name's, so "the mine's chief engineer, X, to the chief executive, Y"
// gives X the role before it and "the engineer wrote" is X's; "Advocate"
// a title; "It adds" opening a sentence soon after "The letter, signed
// by X, says" is X's) 1.000, 0.960, 0.779, whole set 0.999, 0.993,
// 0.945; no earlier dev quote lost its right speaker; changed: two
// quotes of fresh22-pakistani-01 now credited to "Shamaila Bukhtiar"
// without "Advocate" (right both ways), and fresh41-rescue-01's "But not
// alone" pair, wrong before and after (the team leader then, the team
// member now, who is typed a person once her role before the comma is
// read; the gold's speaker is the walker), and two indirect quotes;
// with analyze-82 ("broadcaster" a role word, so "the broadcaster X" is a
// person and "the veteran broadcaster says" hers) 1.000, 0.960, 0.792,
// whole set 0.999, 0.993, 0.945, no earlier dev quote changed ("producer",
// "ecologist" and "hydrologist" as role words were tried and dropped: they
// took fresh49-science-02's two quotes and a fresh49-wire-12 partial from
// the scientists named, and gave "the producer says" to a late husband
// called "the producer" before the one introduced as the album's
// producer); left: "the ecologist said" for "a freshwater ecologist" is
// right by the nearest name, not by the role, "the committee chairman"
// and "the MMC" (an acronym of "member of the mayoral committee"),
// question and answer alternating in a hearing, the company's statement
// and "it said" for a firm the recogniser leaves untyped ("Umvoti
// Platinum"), "the filing says:" and "reads:" for messages, a live blog
// entry's "From our reporter in X, Y:", "the singer says" after her
// daughter and "she says" after her label, heckles and a headline's
// partial quotation.
// The gold of tabloid-01 credits "a council
// spokesman" to the council the sentence before names, as the later
// batches do for "a ministry spokesman" and "a board spokeswoman".
type quoteDevGold struct {
	Quotes []struct {
		Article string `json:"article"`
		Quote   string `json:"quote"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
	Speakers map[string][]string `json:"speakers"`
}

// Floors of the dev figures (written by us, so optimistic; measured
// precision 1.000, recall 0.996, right speaker 0.964 with analyze-18 on
// the 104 articles, fresh9-* included; 0.999, 0.996, 0.966 with analyze-21
// on the 115, fresh10-* included; 0.999, 0.996, 0.973 with analyze-22 on
// the 123, dev11-* included, and 0.999, 0.996, 0.977 with analyze-23;
// 0.999, 0.996, 0.964 with analyze-22 on the 135, fresh11-* included, and
// 0.999, 0.996, 0.975 with analyze-24; 0.999, 0.995, 0.965 with analyze-24
// on the 147, fresh12-* included, and 0.999, 0.996, 0.976 with analyze-25;
// 0.999, 0.994, 0.938 with analyze-25 on the 159, fresh13-* included, and
// 0.999, 0.994, 0.949 with analyze-26; 0.999, 0.995, 0.969 with
// analyze-27; 0.999, 0.995, 0.953 with analyze-28 on the 171, fresh15-*
// included, and 0.999, 0.996, 0.969 with analyze-29; 0.999, 0.994, 0.956
// with analyze-29 on the 195, fresh16-* included, and 0.999, 0.995, 0.970
// with analyze-30; 0.999, 0.995, 0.961 with analyze-30 on the 207,
// fresh17-* included, 0.999, 0.995, 0.968 with analyze-31 and 0.999,
// 0.995, 0.970 with analyze-32; 0.999, 0.995, 0.952 with analyze-32 on
// the 219, fresh18-* included, 0.999, 0.995, 0.959 with analyze-33,
// 0.961 with analyze-34, 0.962 with analyze-35 and 0.964 with analyze-36
// and analyze-37; 0.999, 0.996, 0.960 with analyze-37 on the 231,
// fresh19-* included, 0.963 with analyze-38 and analyze-39, 0.964 with
// analyze-40 and 0.965 with analyze-41; 0.999, 0.996, 0.964 with
// analyze-41 on the 242, fresh20-* included, and 0.965 with analyze-42;
// 0.999, 0.995, 0.956 with analyze-42 on the 254, fresh21-* included, and
// 0.999, 0.996, 0.966 with analyze-43; 0.999, 0.996, 0.957 with
// analyze-43 on the 266, fresh22-* included, and 0.999, 0.996, 0.960
// with analyze-44; 0.999, 0.996, 0.952 with analyze-45 on the 278,
// fresh23-* included, and 0.999, 0.996, 0.960 with analyze-46; 0.999,
// 0.992, 0.954 with analyze-46 on the 290, fresh24-* included, and 0.999,
// 0.994, 0.959 with analyze-47; 0.999, 0.990, 0.948 with analyze-47 on the
// 302, fresh25-* included, and 0.999, 0.994, 0.957 with analyze-48;
// 0.999, 0.992, 0.953 with analyze-48 on the 314, fresh26-* included, and
// 0.999, 0.993, 0.955 with analyze-49; 0.999, 0.993, 0.945 with
// analyze-49 on the 326, fresh27-* included, and 0.999, 0.993, 0.948 with
// analyze-50; 0.999, 0.993, 0.942 with analyze-50 on the 338, fresh28-*
// included, and 0.999, 0.994, 0.953 with analyze-51; 0.999, 0.993, 0.950
// with analyze-51 on the 351, fresh29-* included, and 0.999, 0.994, 0.956
// with analyze-52; 0.999, 0.994, 0.955 with analyze-52 on the 364,
// fresh30-* included, 0.999, 0.994, 0.956 with analyze-53 and 0.999,
// 0.994, 0.957 with analyze-54; 0.999, 0.993, 0.946 with analyze-54 on
// the 376, fresh31-* included, and 0.999, 0.994, 0.949 with analyze-55;
// 0.999, 0.993, 0.945 with analyze-55 on the 388, fresh32-* included, and
// 0.999, 0.993, 0.950 with analyze-56; 0.999, 0.990, 0.942 with
// analyze-58 on the 400, fresh34-* included, and 0.999, 0.993, 0.950 with
// analyze-59; 0.999, 0.993, 0.945 with analyze-59 on the 412, fresh33-*
// included, and 0.999, 0.994, 0.951 with analyze-60; 0.999, 0.993, 0.945
// with analyze-61 on the 424, fresh36-* included, and 0.999, 0.994, 0.950
// with analyze-62, no dev quote lost and three fresh31-* questions found;
// 0.999, 0.994, 0.947 with analyze-62 on the 436, fresh35-* included, and
// 0.999, 0.994, 0.949 with analyze-63; 0.999, 0.994, 0.946 with analyze-63
// on the 448, fresh37-* included, and 0.999, 0.994, 0.952 with
// analyze-64; 0.999, 0.993, 0.946 with analyze-64 on the 460, fresh38-*
// included, and 0.999, 0.994, 0.951 with analyze-65; 0.999, 0.993, 0.948
// with analyze-65 on the 473, fresh39-* included, and 0.999, 0.994, 0.950
// with analyze-66).
const (
	quoteDevMinPrecision = 0.95
	quoteDevMinRecall    = 0.95
	quoteDevMinSpeaker   = 0.90
)

// TestQuotesDev reports direct-quote precision, recall and right-speaker
// rate of the full analyzer on the dev texts and asserts floors.
func TestQuotesDev(t *testing.T) {
	gb, err := os.ReadFile("testdata/quotes-dev/gold.json")
	if err != nil {
		t.Fatalf("dev gold: %v", err)
	}
	var g quoteDevGold
	if err := json.Unmarshal(gb, &g); err != nil {
		t.Fatalf("dev gold: %v", err)
	}
	byArt := map[string][]int{}
	for i, q := range g.Quotes {
		byArt[q.Article] = append(byArt[q.Article], i)
	}
	a := New()
	var gold, found, tp, recalled, right int
	// The fresh batches, written after the tuning: counts per batch
	// (gold, found, true positives, recalled, right speaker).
	type tally struct{ gold, found, tp, recalled, right int }
	batches := map[string]*tally{"fresh-": {}, "fresh3-": {}, "fresh4-": {}, "fresh5-": {}, "fresh6-": {}, "fresh7-": {}, "fresh8-": {}, "fresh9-": {}, "fresh10-": {}, "dev11-": {}, "fresh11-": {}, "fresh12-": {}, "fresh13-": {}, "fresh14-": {}, "fresh15-": {}, "fresh16-": {}, "fresh17-": {}, "fresh18-": {}, "fresh19-": {}, "fresh20-": {}, "fresh21-": {}, "fresh22-": {}, "fresh23-": {}, "fresh24-": {}, "fresh25-": {}, "fresh26-": {}, "fresh27-": {}, "fresh28-": {}, "fresh29-": {}, "fresh30-": {}, "fresh31-": {}, "fresh32-": {}, "fresh33-": {}, "fresh34-": {}, "fresh36-": {}, "fresh35-": {}, "fresh37-": {}, "fresh38-": {}, "fresh39-": {}, "fresh40-": {}, "fresh41-": {}, "fresh42-": {}, "fresh43-": {}, "fresh44-": {}, "fresh45-": {}, "fresh46-": {}, "fresh47-": {}, "fresh48-": {}, "fresh49-": {}, "fresh50-": {}}
	for id, idx := range byArt {
		var bt *tally
		for pre, b := range batches {
			if strings.HasPrefix(id, pre) {
				bt = b
			}
		}
		b, err := os.ReadFile(filepath.Join("testdata/quotes-dev", id+".txt"))
		if err != nil {
			t.Fatalf("dev text: %v", err)
		}
		text := string(b)
		an := a.Analyze(&model.Article{ID: 1, Text: text})
		type span struct{ s, e int }
		spans := make([]span, len(idx))
		for k, i := range idx {
			s := strings.Index(text, g.Quotes[i].Quote)
			if s < 0 {
				t.Fatalf("%s: gold %q not in text", id, g.Quotes[i].Quote)
			}
			spans[k] = span{s, s + len(g.Quotes[i].Quote)}
		}
		gold += len(idx)
		for _, q := range an.Quotes {
			if q.Kind == model.Indirect {
				continue
			}
			found++
			if bt != nil {
				bt.found++
			}
			hit := false
			for _, sp := range spans {
				if 2*quoteGoldOverlap(sp.s, sp.e, q.Start, q.End) >= min(sp.e-sp.s, q.End-q.Start) {
					hit = true
				}
			}
			if hit {
				tp++
				if bt != nil {
					bt.tp++
				}
			} else {
				t.Logf("%s: extra [%s] %q (%q)", id, q.Kind, q.Text, q.Speaker)
			}
		}
		for k, i := range idx {
			gq := g.Quotes[i]
			names := map[string]bool{strings.ToLower(gq.Speaker): true}
			for _, al := range g.Speakers[gq.Speaker] {
				names[strings.ToLower(al)] = true
			}
			hit, ok := false, false
			var got []string
			for _, q := range an.Quotes {
				if q.Kind == model.Indirect || 2*quoteGoldOverlap(spans[k].s, spans[k].e, q.Start, q.End) < spans[k].e-spans[k].s {
					continue
				}
				hit = true
				got = append(got, q.Speaker)
				ok = ok || names[strings.ToLower(q.Speaker)]
			}
			if hit {
				recalled++
			}
			if ok {
				right++
			}
			if bt != nil {
				bt.gold++
				if hit {
					bt.recalled++
				}
				if ok {
					bt.right++
				}
			}
			if !ok {
				t.Logf("%s: %q found=%v speakers=%q, want %q", id, gq.Quote, hit, got, gq.Speaker)
			}
		}
	}
	p := float64(tp) / float64(max(found, 1))
	r := float64(recalled) / float64(max(gold, 1))
	s := float64(right) / float64(max(gold, 1))
	t.Logf("dev direct quotes: gold %d, found %d, precision %.3f, recall %.3f, right speaker %.3f", gold, found, p, r, s)
	for _, pre := range []string{"fresh-", "fresh3-", "fresh4-", "fresh5-", "fresh6-", "fresh7-", "fresh8-", "fresh9-", "fresh10-", "dev11-", "fresh11-", "fresh12-", "fresh13-", "fresh14-", "fresh15-", "fresh16-", "fresh17-", "fresh18-", "fresh19-", "fresh20-", "fresh21-", "fresh22-", "fresh23-", "fresh24-", "fresh25-", "fresh26-", "fresh27-", "fresh28-", "fresh29-", "fresh30-", "fresh31-", "fresh32-", "fresh33-", "fresh34-", "fresh36-", "fresh35-", "fresh37-", "fresh38-", "fresh39-", "fresh40-", "fresh41-", "fresh42-", "fresh43-", "fresh44-", "fresh45-", "fresh46-", "fresh47-", "fresh48-", "fresh49-", "fresh50-"} {
		b := batches[pre]
		t.Logf("of which %s*: gold %d, found %d, precision %.3f, recall %.3f, right speaker %.3f", pre, b.gold, b.found,
			float64(b.tp)/float64(max(b.found, 1)), float64(b.recalled)/float64(max(b.gold, 1)), float64(b.right)/float64(max(b.gold, 1)))
	}
	if p < quoteDevMinPrecision || r < quoteDevMinRecall || s < quoteDevMinSpeaker {
		t.Errorf("dev quotes below floor: precision %.3f (≥ %.2f), recall %.3f (≥ %.2f), right speaker %.3f (≥ %.2f)",
			p, quoteDevMinPrecision, r, quoteDevMinRecall, s, quoteDevMinSpeaker)
	}
}
