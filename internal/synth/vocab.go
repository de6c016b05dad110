package synth

// Template language used by the lists below (expanded by gen.expand):
//
//	{SLOT}      an event fact or generated word (see gen.slot)
//	[a|b|c]     one alternative, chosen per article; may nest and hold slots
//
// All wording is invented for this generator.

// eventType describes one kind of news event and the sentences outlets use
// to tell it.
type eventType struct {
	name       string
	section    string
	roles1     []string // title-case role of the main person
	roles2     []string // title-case role of the second person
	orgForms   []string // % is replaced by an invented stem
	topicForms [2]string
	nums       [3][2]int // ranges of N1..N3
	headlines  []string
	leads      []string
	facts      []string
	quotes     []string // direct-quote content, no final punctuation
	claims     []string // indirect-speech content ("that ...")
	background []string
	witness    []string // what a bystander says, no final punctuation
	// templated types are written from one fixed template: every fact in
	// order, at most one quote, no filler (see templatedTypes).
	templated bool
}

var eventTypes = []eventType{
	{
		name: "earthquake", section: "world",
		roles1:     []string{"Emergency Services Minister", "Regional Governor", "Civil Protection Chief"},
		roles2:     []string{"Seismologist", "Rescue Coordinator", "Red Crescent Spokesperson"},
		orgForms:   []string{"% Seismological Institute", "National Geophysical Service of %", "% Civil Protection Agency"},
		topicForms: [2]string{"the % Fault", "the village of %"},
		nums:       [3][2]int{{5, 7}, {3, 240}, {40, 2600}},
		headlines: []string{
			"Magnitude {N1}.{N3D} [earthquake|quake] [strikes|hits|shakes] {PLACE}",
			"[At least|More than] {N2} [dead|killed] as [earthquake|strong quake] [rocks|hits] {REGION}",
			"{PLACE} [earthquake|quake]: [rescuers search rubble|search for survivors continues] as toll [rises|climbs] to {N2}",
			"[Strong|Powerful] quake near {PLACE} [leaves|kills] {N2} [dead|people dead], {N3} injured",
			"[Survivors|Residents] describe [terror|panic] as {REGION} [earthquake|tremor] [flattens|destroys] homes",
		},
		leads: []string{
			"A magnitude {N1}.{N3D} earthquake [struck|hit|shook] {PLACE} in {REGION} on {DAY}, killing at least {N2} people[ and injuring {N3} others|], [officials|authorities] said.",
			"[At least|No fewer than] {N2} people were killed and {N3} injured when a [powerful|strong|shallow] earthquake [hit|struck] {REGION} of {COUNTRY} early on {DAY}.",
			"[Rescue teams|Emergency crews] [dug through|searched] the rubble of collapsed buildings in {PLACE} on {DAY} after an earthquake [measuring|of magnitude] {N1}.{N3D} [killed {N2} people|left {N2} people dead].",
		},
		facts: []string{
			"The {ORG} said the quake's epicentre was [about|roughly|some] {N3D}0 kilometres [from|north of|south-east of] {PLACE}, at a depth of {N1}0 kilometres.",
			"[Aftershocks|Several aftershocks] [rattled|shook] the area [throughout the night|for hours], [sending residents into the streets|forcing families to sleep outdoors].",
			"[Hospitals|Clinics] in {PLACE} were [overwhelmed|struggling to cope] with {N3} [injured|wounded] people, [according to|said] the health ministry.",
			"{P1} [declared|announced] a state of emergency in {REGION} and [ordered|sent] army units to [help with|join] the rescue.",
			"Power and water [supplies|lines] were cut [across|in much of] {PLACE}, and [the main road|the highway] to {T2} was blocked by [landslides|fallen rock].",
			"The [quake|tremor] was [felt|reported] as far away as the capital of {COUNTRY}, where [windows shook|buildings swayed].",
			"[Schools|Government offices] in {REGION} will remain closed [until further notice|for at least a week], the {R1L} said.",
			"[Geologists|Experts] [said|noted] the [area|region] sits on {T1}, which last [produced|caused] a [major|large] quake [decades ago|in the last century].",
			"[Neighbouring countries|Aid groups] [offered|pledged] [search teams|tents and medical supplies] [within hours|by {DAY} evening].",
		},
		quotes: []string{
			"We are racing against time to reach people still trapped under the rubble",
			"Every available team has been sent to {PLACE}",
			"The shaking lasted almost a minute and the old buildings could not withstand it",
			"We expect the number of victims to rise as we reach the more remote villages",
			"Nobody should go back into damaged houses until engineers have checked them",
		},
		claims: []string{
			"more than {N3D}00 buildings had collapsed or been badly damaged",
			"the death toll was likely to rise as rescuers reached {T2}",
			"strong aftershocks could continue for several days",
			"temporary shelters had been set up for thousands of displaced families",
		},
		background: []string{
			"{COUNTRY} lies in one of the most seismically active zones in the region.",
			"Building codes in {REGION} were tightened after a deadly quake, but many older homes were never reinforced.",
			"Critics have long argued that the government did too little to prepare {PLACE} for a major earthquake.",
		},
		witness: []string{
			"The whole house was shaking and we ran outside in our night clothes",
			"I heard a terrible noise and then the wall of the school came down",
			"We have no water, no electricity and nobody has told us what to do",
		},
	},
	{
		name: "election", section: "politics",
		roles1:     []string{"Prime Minister", "Opposition Leader", "President"},
		roles2:     []string{"Electoral Commission Chair", "Challenger", "Party Secretary"},
		orgForms:   []string{"% Electoral Commission", "Central Election Board of %", "% Independent Election Authority"},
		topicForms: [2]string{"the % Party", "the % Alliance"},
		nums:       [3][2]int{{38, 61}, {51, 82}, {120, 400}},
		headlines: []string{
			"{P1s} [claims victory|declares win] in {COUNTRY} [election|vote]",
			"{T1} [wins|takes] {N1}% [in|of the vote in] {COUNTRY} [election|parliamentary poll]",
			"{COUNTRY} [election|vote]: [turnout reaches|turnout at] {N2}% as {T2} [concedes|admits defeat]",
			"[Preliminary|Early] results [show|put] {T1} ahead in {COUNTRY}",
			"{P2s} [calls for recount|disputes result] after {COUNTRY} [vote|election]",
		},
		leads: []string{
			"{P1} [claimed victory|declared victory] in {COUNTRY}'s [parliamentary|general] election on {DAY}, with {T1} [winning|taking] {N1}% of the vote, [according to|based on] preliminary results.",
			"Voters in {COUNTRY} [handed|gave] {T1} [a clear win|the largest share of seats] in {DAY}'s election, [preliminary|early] results from the {ORG} showed.",
			"{T1} led by {P1} [won|secured] {N1}% [of the vote|of ballots cast] in {COUNTRY}, [setting up|opening the way for] a new government, the {ORG} said on {DAY}.",
		},
		facts: []string{
			"Turnout [was|stood at] {N2}%, [the highest|higher than] in [more than a decade|the previous vote], the {ORG} said.",
			"{T2} [finished|came] second [and conceded defeat|but did not immediately concede] on {DAY} night.",
			"The new parliament will have {N3} seats, and {T1} [will need|may need] a coalition partner to [govern|pass legislation].",
			"[Observers|International monitors] [said the vote was|described the election as] [largely orderly|generally free], [though|but] they [noted|reported] problems in {REGION}.",
			"[Counting|The count] in {PLACE} was [delayed|held up] for several hours after [a power cut|complaints about ballot boxes].",
			"[Campaigning|The campaign] [focused on|was dominated by] the cost of living, housing and [the future of|plans for] {T2}'s [pension reform|tax plan].",
			"{P2} [said|told supporters] [the party|they] would [examine|challenge] the results in {PLACE}, [where|after] the margin was [narrow|only a few hundred votes].",
			"Final results are expected [within|in about] {N1D} days, the {ORG} said.",
		},
		quotes: []string{
			"The people of {COUNTRY} have chosen change and we will not let them down",
			"This is a victory for every family that struggled over the past years",
			"We accept the will of the voters, but our work does not end tonight",
			"Every vote will be counted and every complaint will be investigated",
		},
		claims: []string{
			"the new government would be formed within weeks",
			"irregularities in {PLACE} had not affected the overall result",
			"the party would stay in opposition rather than join a coalition",
			"turnout among young voters had risen sharply",
		},
		background: []string{
			"The election was called early after the previous coalition collapsed over the budget.",
			"{COUNTRY} has had {N1D} governments in the past decade.",
			"Polls before the vote had suggested a much closer race.",
		},
		witness: []string{
			"I voted for change because prices keep going up and nobody listens",
			"The queue was long but everyone was patient, it felt important",
			"I am not sure any of them will keep their promises",
		},
	},
	{
		name: "flood", section: "world",
		roles1:     []string{"Regional Governor", "Mayor", "Environment Minister"},
		roles2:     []string{"Hydrologist", "Fire Chief", "Relief Coordinator"},
		orgForms:   []string{"% Weather Service", "% Flood Agency", "National Hydrological Office of %"},
		topicForms: [2]string{"the % River", "the % dam"},
		nums:       [3][2]int{{2, 40}, {300, 9000}, {80, 420}},
		headlines: []string{
			"Floods [kill|leave] {N1} [dead|people dead] in {REGION}",
			"{T1} bursts [its banks|banks] as {PLACE} [evacuates|orders evacuations]",
			"[Thousands|{N2} people] [flee|evacuated] as [floodwaters rise|flooding hits] {PLACE}",
			"[Heavy rain|Torrential rain] [floods|swamps] {PLACE}; {N1} [dead|killed]",
		},
		leads: []string{
			"[Flooding|Floods] [caused by|after] days of heavy rain killed at least {N1} people in {REGION} and forced {N2} [residents|people] from their homes, officials said on {DAY}.",
			"{T1} [burst its banks|overflowed] on {DAY}, [inundating|flooding] {PLACE} and [cutting off|isolating] villages across {REGION}.",
			"Authorities in {PLACE} [ordered|began] the evacuation of {N2} people on {DAY} as {T1} rose to its highest level [in decades|on record].",
		},
		facts: []string{
			"The {ORG} said [more than|nearly] {N3} millimetres of rain had fallen in [48 hours|two days], [more than|about] the usual amount for a whole month.",
			"[Soldiers|Rescue crews] used boats[ and helicopters|] to reach [residents|families] [stranded|trapped] on rooftops.",
			"Engineers were [monitoring|inspecting] {T2} [amid fears|because of concern] that it could [fail|be overwhelmed].",
			"[Railway lines|Several roads] [between|linking] {PLACE} and the capital were [closed|under water].",
			"{P1} [said|told reporters] emergency funds would be released [immediately|this week] to [help|compensate] [farmers|households].",
			"[Forecasters|The {ORG}] [warned|said] more rain was expected [over the weekend|in the coming days].",
			"[About|Some] {N2} homes [lost power|were without electricity] [on {DAY}|overnight].",
		},
		quotes: []string{
			"The water came up so fast that people had no time to save anything",
			"We have never seen {T1} this high",
			"Our priority is to get everyone out safely, the damage can be counted later",
		},
		claims: []string{
			"the water level was expected to peak on {DAY}",
			"the flood defences in {PLACE} had not been upgraded for years",
			"emergency shelters were full",
		},
		background: []string{
			"Scientists say heavier downpours are becoming more frequent in {REGION}.",
			"{PLACE} was badly flooded once before, and residents complain that promised defences were never built.",
		},
		witness: []string{
			"The water was up to my chest in the kitchen within an hour",
			"We lost everything, the car, the furniture, the animals",
			"Nobody warned us until it was too late",
		},
	},
	{
		name: "strike", section: "business",
		roles1:     []string{"Union Leader", "Transport Minister", "Labour Minister"},
		roles2:     []string{"Chief Executive", "Employers' Federation Head", "Company Spokesperson"},
		orgForms:   []string{"% Transport Workers' Union", "% Federation of Labour", "United % Workers"},
		topicForms: [2]string{"% Rail", "% Logistics"},
		nums:       [3][2]int{{2, 14}, {4000, 90000}, {3, 12}},
		headlines: []string{
			"[Workers|Staff] at {T1} [walk out|strike] over pay",
			"{N2} [workers|employees] [begin|launch] {N1}-day strike in {COUNTRY}",
			"{T1} strike [halts|disrupts] [trains|services] across {REGION}",
			"[Talks fail|Talks collapse] as {ORGA} [announces|confirms] strike at {T1}",
		},
		leads: []string{
			"[Some|About] {N2} workers at {T1} [walked out|went on strike] on {DAY}, [halting|disrupting] services across {REGION} in a dispute over pay, the {ORG} said.",
			"A {N1}-day strike by {T1} staff [began|started] on {DAY} after talks between the {ORG} and management [broke down|collapsed] [overnight|late on the previous day].",
			"[Commuters|Travellers] in {PLACE} faced [chaos|long delays] on {DAY} as {N2} {T1} employees [began|started] a strike [demanding|to demand] a {N3}% pay rise.",
		},
		facts: []string{
			"The union is [demanding|seeking] a {N3}% pay increase, [while|whereas] management has offered [about|roughly] half that.",
			"{P2} [said|called] the strike [unjustified|irresponsible] and [urged|asked] the union to return to [talks|the negotiating table].",
			"[Only|Just] a [skeleton|minimal] service [was running|operated] between {PLACE} and the capital.",
			"{P1} [said|told a rally] the workers had [waited|been patient] for [too long|more than a year] for a fair offer.",
			"[Businesses|Shops] in {PLACE} [reported|said they saw] [fewer customers|a sharp fall in trade] [on the first day|as the strike began].",
			"The government [said|has said] it [would not|will not] intervene [directly|in the dispute] but [urged|encouraged] both sides to compromise.",
			"[It is|This is] the [third|second] strike at {T1} [this year|in six months].",
		},
		quotes: []string{
			"Nobody wants to strike, but the company has left us no choice",
			"We have made a fair offer and the door remains open",
			"Our members cannot live on promises",
		},
		claims: []string{
			"the strike was costing the company millions every day",
			"further walkouts would follow if no deal was reached",
			"the pay offer was the best the company could afford",
		},
		background: []string{
			"Inflation in {COUNTRY} has eroded wages for the past two years, fuelling a wave of industrial action.",
			"{T1} was partly privatised and has cut staff several times since.",
		},
		witness: []string{
			"I support the workers, but I have no way to get to work today",
			"It took me three hours to get here instead of forty minutes",
		},
	},
	{
		name: "trial", section: "justice",
		roles1:     []string{"Former Minister", "Businessman", "Former Mayor"},
		roles2:     []string{"Judge", "Chief Prosecutor", "Defence Lawyer"},
		orgForms:   []string{"% District Court", "Supreme Court of %", "% Anti-Corruption Court"},
		topicForms: [2]string{"the % contract", "% Holdings"},
		nums:       [3][2]int{{2, 15}, {1, 90}, {3, 40}},
		headlines: []string{
			"{P1s} [sentenced|jailed] to {N1} years [for corruption|in bribery case]",
			"Court [convicts|finds guilty] {R1} {P1s} over {T1}",
			"{P1s} [found guilty|convicted] in {T2} [case|fraud trial]",
			"[Verdict|Ruling] in {T1} [case|trial]: {N1} years for {P1s}",
		},
		leads: []string{
			"A court in {PLACE} [sentenced|jailed] {P1} to {N1} years in prison on {DAY} [after finding {HIM}|for being found] guilty of [taking bribes|corruption] over {T1}.",
			"{P1} was [convicted|found guilty] on {DAY} of [accepting|taking] [millions|{N2} million] in [bribes|kickbacks] linked to {T1}, [in a case that|a verdict that] [gripped|divided] {COUNTRY}.",
			"The {ORG} on {DAY} [found|declared] {P1} guilty of fraud and [ordered|imposed] a prison term of {N1} years, [ending|concluding] a trial that lasted {N3} months.",
		},
		facts: []string{
			"Prosecutors said {T2} [received|was awarded] the contract [after|in return for] payments worth {N2} million.",
			"{P2} [said|told the court] the evidence [was overwhelming|left no doubt].",
			"[Lawyers for|The defence team of] {P1s} said they would appeal [the verdict|the ruling].",
			"{P1s} [denied|has denied] all the charges and [called|described] the case [politically motivated|a political vendetta].",
			"[Supporters|A small crowd] gathered outside the court in {PLACE} [as the verdict was read|during the hearing].",
			"The court also [banned|barred] {P1s} from holding public office for {N3} years.",
			"[Three|Two] other [defendants|former officials] [received|were given] [shorter|suspended] sentences.",
		},
		quotes: []string{
			"No one is above the law, however powerful they once were",
			"This verdict was written long before the trial began",
			"The money was taken from the people of {PLACE}",
		},
		claims: []string{
			"the appeal would be heard within months",
			"the verdict sent a strong signal to public officials",
			"key witnesses had been pressured",
		},
		background: []string{
			"The case began when auditors found irregularities in the accounts of {T2}.",
			"{COUNTRY} has promised to fight corruption as part of its bid for closer ties with its neighbours.",
		},
		witness: []string{
			"Finally someone is paying for what happened",
			"I think the trial was unfair, the judges were under pressure",
		},
	},
	{
		name: "merger", section: "business",
		roles1:     []string{"Chief Executive", "Chairman", "Chief Financial Officer"},
		roles2:     []string{"Analyst", "Competition Commissioner", "Rival Chief Executive"},
		orgForms:   []string{"% Competition Authority", "% Securities Commission", "% Markets Regulator"},
		topicForms: [2]string{"% Group", "% Industries"},
		nums:       [3][2]int{{2, 60}, {5, 45}, {500, 9000}},
		headlines: []string{
			"{T1} [agrees|strikes deal] to buy {T2} for {N1} billion",
			"{T1}-{T2} [merger|deal] [creates|would create] [sector giant|industry leader]",
			"{T2} shares [jump|soar] {N2}% on {T1} [takeover bid|offer]",
			"{T1} [to cut|could cut] {N3} jobs after {T2} [deal|takeover]",
		},
		leads: []string{
			"{T1} [agreed|has agreed] to buy {T2} for {N1} billion in [cash and shares|cash], [the companies said|it said] on {DAY}, [creating|in a deal that would create] one of the largest firms in {COUNTRY}.",
			"Shares in {T2} [jumped|rose] {N2}% on {DAY} after {T1} [announced|unveiled] a {N1} billion takeover offer.",
			"{T1} and {T2} [announced|confirmed] plans to merge on {DAY}, in a {N1} billion deal [that still needs|subject to] approval from the {ORG}.",
		},
		facts: []string{
			"{P1} said the [combined company|merged group] would [save|cut costs by] about {N2}0 million a year.",
			"The companies [said|expect] the deal [would close|to close] [next year|within twelve months].",
			"[Unions|Worker representatives] [warned|fear] that up to {N3} jobs could be lost, [mainly|especially] in {PLACE}.",
			"The {ORG} [said|confirmed] it would [review|examine] the deal [closely|in detail].",
			"{T2} [rejected|turned down] a lower offer [earlier this year|last year].",
			"[Analysts|Investors] said the price [looked|seemed] [generous|full], [valuing|putting a value on] {T2} at [a premium|a {N2}% premium].",
			"The headquarters of the [new|combined] group [will be|would remain] in {PLACE}.",
		},
		quotes: []string{
			"Together we will be stronger, faster and better placed to compete",
			"This deal makes sense for shareholders and for customers",
			"We will look very carefully at what this means for prices",
		},
		claims: []string{
			"the deal would lead to higher prices for consumers",
			"no factories would close in the first two years",
			"the offer undervalued the company",
		},
		background: []string{
			"{T1} has grown through a series of acquisitions in recent years.",
			"The sector has been consolidating as firms struggle with rising costs.",
		},
		witness: []string{
			"Everyone at the plant is worried about what this means for us",
			"We have heard promises about jobs before",
		},
	},
	{
		name: "wildfire", section: "world",
		roles1:     []string{"Fire Service Chief", "Regional Governor", "Interior Minister"},
		roles2:     []string{"Forestry Official", "Fire Commander", "Meteorologist"},
		orgForms:   []string{"% Fire and Rescue Service", "% Forestry Agency", "% Meteorological Office"},
		topicForms: [2]string{"the % forest", "the % national park"},
		nums:       [3][2]int{{2, 30}, {2000, 60000}, {100, 1500}},
		headlines: []string{
			"Wildfire [forces|prompts] evacuations near {PLACE}",
			"[Fire|Wildfire] in {T1} [burns|destroys] {N2} hectares",
			"{N3} firefighters [battle|fight] [blaze|wildfire] in {REGION}",
			"[Blaze|Fire] near {PLACE} [kills|claims] {N1}, [homes destroyed|destroys homes]",
		},
		leads: []string{
			"A wildfire [raging|burning] in {T1} [forced|prompted] the evacuation of several villages near {PLACE} on {DAY}, [as|while] {N3} firefighters [battled|fought] the flames.",
			"[Firefighters|Crews] were struggling on {DAY} to contain a [huge|fast-moving] wildfire in {REGION} that has [burned|destroyed] {N2} hectares[ of forest|] and killed {N1} people.",
			"[Strong winds|Gusting winds] [fanned|spread] a wildfire across {T1} on {DAY}, [destroying|burning down] homes on the edge of {PLACE}.",
		},
		facts: []string{
			"The {ORG} said [water-bombing planes|helicopters] had been [deployed|sent] [from across {COUNTRY}|from neighbouring regions].",
			"[Temperatures|The temperature] [reached|topped] {N1D}0 degrees [and|while] humidity [was|fell] very low, [feeding|fuelling] the fire.",
			"{P1} [said|warned] the fire [was not under control|remained out of control] [on {DAY} evening|by nightfall].",
			"[Smoke|Thick smoke] [covered|drifted over] {PLACE}, and [residents were told|people were advised] to stay indoors.",
			"[Police|Investigators] [are investigating|were looking into] whether the fire was started deliberately.",
			"[A motorway|The main road] near {T2} was closed [in both directions|to traffic].",
		},
		quotes: []string{
			"The wind changes direction every hour and that makes this fire extremely dangerous",
			"We are asking people to leave when we tell them, not to wait",
			"The forest has not been this dry in years",
		},
		claims: []string{
			"the fire had been started by a discarded cigarette",
			"the flames had reached the outskirts of {PLACE}",
			"more resources were on the way",
		},
		background: []string{
			"{REGION} has suffered a prolonged drought this year.",
			"Wildfires have become larger and more frequent in {COUNTRY} over the past decade.",
		},
		witness: []string{
			"The sky turned orange and we could feel the heat from the road",
			"We took the children and the dog and just drove",
		},
	},
	{
		name: "resignation", section: "politics",
		roles1:     []string{"Finance Minister", "Health Minister", "Defence Minister"},
		roles2:     []string{"Opposition Leader", "Government Spokesperson", "Parliamentary Speaker"},
		orgForms:   []string{"% Audit Office", "% Ethics Commission", "National Audit Office of %"},
		topicForms: [2]string{"the % report", "% Consulting"},
		nums:       [3][2]int{{2, 9}, {10, 200}, {1, 30}},
		headlines: []string{
			"{COUNTRY} [{R1}|minister] {P1s} [resigns|quits] [over|amid] {T1}",
			"{P1s} [steps down|resigns] after [scandal|audit] [over|involving] {T2}",
			"[Pressure mounts|Calls grow] for {P1s} to [quit|resign] over {T2} [payments|contracts]",
			"{R1} {P1s} [quits|resigns]; [opposition demands|calls for] inquiry",
		},
		leads: []string{
			"{P1} [resigned|stepped down] on {DAY} [after|following] {T1} [found|revealed] that [the ministry|{HIS} department] had paid {N2} million to {T2} without a tender.",
			"{COUNTRY}'s {R1L}, {P1n}, [announced|submitted] [{HIS}|a] resignation on {DAY}, [days after|shortly after] the {ORG} [published|released] {T1}.",
			"[In a|A] [surprise|dramatic] announcement on {DAY}, {P1} said {HE} would [leave|step down from] the government [over|because of] {T2} [affair|contracts].",
		},
		facts: []string{
			"{T1} [said|found] contracts worth {N2} million had been awarded to {T2} [without|with no] competitive bidding.",
			"{P2} [called|described] the resignation [long overdue|too little, too late] and [demanded|called for] a full inquiry.",
			"The prime minister [accepted|has accepted] the resignation and [will name|is expected to name] a successor [within days|this week].",
			"{T2} [denied|rejects] any wrongdoing and said it [had|has] [delivered|fulfilled] [everything|all its obligations] [under the contracts|on time].",
			"[It is|This is] the [latest|fourth|third] [ministerial resignation|departure from the cabinet] [since the government took office|in {N3} months].",
			"[Prosecutors|The prosecutor's office] [said|confirmed] [they were|it was] [reviewing|studying] the audit findings.",
		},
		quotes: []string{
			"I have done nothing wrong, but I will not let this affect the government's work",
			"The public deserves to know where the money went",
			"This is about accountability, not about one person",
		},
		claims: []string{
			"the minister had been aware of the payments for months",
			"the contracts had been signed by officials without authorisation",
			"an independent inquiry would be set up",
		},
		background: []string{
			"The government has struggled in polls since a series of scandals last year.",
			"{T2} was founded by a former adviser to the ruling party.",
		},
		witness: []string{
			"They all resign only when they are caught",
			"It is a shame, I thought this minister was one of the honest ones",
		},
	},
}

// Generic sentences that any outlet may add to any story; they give every
// article its own sentences and a realistic spread of common vocabulary.
var fillerForms = []string{
	"[Officials|Analysts|Residents|Local leaders] in {PLACE} [said|noted|stressed|warned] that the {ADJ} {NOUN} [could|would|might] {VERB} the {NOUN} [in the coming weeks|before the end of the year|for some time|for months].",
	"[the {ADJ}|{AADJ}] {NOUN} [has|had] [become|emerged as] {AADJ} [issue|concern|question] for [many|some|most] {NOUNS} in {REGION}.",
	"[Some|Many|Several] {NOUNS} [say|argue|believe] the {NOUN} [will|could] {VERB} [the|a] {ADJ} {NOUN}, [although|while] others [remain|are] [sceptical|unconvinced|cautious].",
	"[On|Near] {LOC}, [shops|cafes|offices] [stayed|remained] [open|closed] [as usual|for most of the day], [according to|said] {WITE}.",
	"[It was not immediately clear|It remains unclear|It is not yet known] [how|whether] the {NOUN} [would|will] {VERB} the {ADJ} {NOUN}.",
	"[Last year|In the spring|Two years ago], {AADJ} {NOUN} in {REGION} [prompted|led to] [a similar|a long] [debate|dispute] [among|between] {NOUNS} and {NOUNS}.",
	"[Traffic|Life] in [central|parts of] {PLACE} [returned to normal|remained disrupted] [by the afternoon|later in the day|on {DAY} evening], [police said|witnesses said|according to local radio].",
	"The {NOUN} [is expected to|could] [cost|absorb] [millions|a large share of the budget], [according to|said] [estimates by|a report from] {ADJ} {NOUNS}.",
	"[Opposition|Regional] [politicians|lawmakers] [called for|demanded] {AADJ} {NOUN} [into|of] the [handling|response] [in|around] {PLACE}.",
	"[Prices|Rents] [near|around] {LOC} have [risen|climbed] [steadily|sharply] [this year|since the spring], [adding to|fuelling] {ADJ} [pressure|frustration] among {NOUNS}.",
	"{WIT} [who runs a small business|who works nearby] [on|near] {LOC}, said {WHE} [was|felt] [worried|uncertain|angry] about the {ADJ} {NOUN}.",
	"[the {ADJ}|{AADJ}] {NOUN} [scheduled|planned] for [next week|later this month] [was|has been] [postponed|moved] [to a later date|indefinitely].",
	"[Schools|Several shops|Two banks] [near|on] {LOC} [opened late|stayed shut|closed early] on {DAY}.",
	"[Television|Radio] [footage|reports] [showed|described] [crowds|queues|people] [gathering|waiting] [near|outside] {LOC}.",
	"[Economists|Analysts] [at|from] {ADJ} [institutes|banks] [estimate|say] the {NOUN} [will|could] [shave|take] [a fraction of a point|up to one percentage point] off growth [in|across] {REGION}.",
	"[Many|Some] {NOUNS} [turned to|took to] social media [to share|to post] [photos|videos|accounts] of the {NOUN}.",
	"[A|The] [spokesman|spokeswoman] for the [city|regional] [council|administration] [declined to comment|did not respond to requests for comment].",
	"The [news|development] [drew|prompted] [reactions|statements] from {NOUNS} [across|in] {COUNTRY} and [beyond|abroad].",
	"[Until recently|For years], the {NOUN} [had been|was] [seen|regarded] as [a model|an example] for {NOUNS} [elsewhere|across the region].",
	"[In|Across] {REGION}, [the mood|public opinion] [was|remained] [mixed|divided|subdued], [with|as] {NOUNS} [weighing|debating] the {ADJ} {NOUN}.",
	"[The|This] {NOUN} [comes|came] [at a time when|as] {NOUNS} [across|throughout] {COUNTRY} [face|are facing] {ADJ} {NOUNS}.",
	"[{AADJ}|one {ADJ}] [official|source|observer], who [asked|spoke on condition] not to be named, said the {NOUN} [was|had been] [discussed|raised] [at|during] {AADJ} [meeting|session] [last week|earlier this month].",
	"[Local media|Regional newspapers|Broadcasters] [reported|said] that the {NOUN} [had|has] [drawn|attracted] {ADJ} [attention|criticism|interest] from {NOUNS}.",
	"[Figures|Data] [published|released] [last month|this year] [showed|suggested] that {NOUNS} in {REGION} [had|have] [increased|fallen|changed] [sharply|slightly|steadily].",
	"{WIT} said {WHE} [had|has] [lived|worked] near {LOC} for [years|decades|most of {WHIS} life] and [had never seen|could not remember] anything like it.",
	"[The|Our] [reporter|correspondent] in {PLACE} [saw|described] {ADJ} {NOUNS} [near|outside] {LOC} [on {DAY}|that evening|in the morning].",
	"[Questions|Concerns] [remain|persist] [over|about] the {NOUN} and the {ADJ} {NOUN} [behind it|involved].",
}

// Headlines of unrelated items, used in scraped "Related Articles" and
// "Read more" boilerplate.
var otherHeadlineForms = []string{
	"{ADJC} {NOUN} [plans|proposals] [spark|prompt] debate in {PLACE}",
	"[Ten|Five|Seven] things to know about the {ADJ} {NOUN}",
	"{PLACE} [council|residents] [backs|reject] {ADJ} {NOUN}",
	"[Opinion|Analysis]: why the {NOUN} [matters|still matters]",
	"{ADJC} {NOUNS} [return|are back] to {LOC}",
	"[Weekend|Weather] [outlook|forecast]: {ADJ} [skies|conditions] for {REGION}",
}

var (
	genericAdjs = []string{
		"new", "local", "national", "regional", "economic", "political", "public", "private", "major", "minor",
		"recent", "current", "former", "serious", "significant", "limited", "broad", "urgent", "difficult", "growing",
		"rising", "falling", "costly", "controversial", "long-term", "short-term", "unexpected", "official", "independent", "international",
		"rural", "urban", "financial", "social", "environmental", "legal", "technical", "practical", "temporary", "permanent",
		"wider", "key", "central", "general", "similar", "separate", "detailed", "early", "late", "strong",
		"weak", "sudden", "gradual", "modest", "massive", "fragile", "stable", "uncertain", "familiar", "rare",
		"cautious", "bold", "popular", "unpopular", "complex", "simple", "fresh", "ongoing", "planned", "proposed",
	}
	genericNouns = []string{
		"plan", "budget", "policy", "proposal", "decision", "report", "investigation", "review", "agreement", "dispute",
		"market", "economy", "sector", "industry", "company", "council", "ministry", "government", "parliament", "committee",
		"community", "neighbourhood", "district", "school", "hospital", "road", "bridge", "port", "airport", "station",
		"project", "programme", "scheme", "measure", "law", "rule", "regulation", "tax", "price", "wage",
		"debt", "loan", "investment", "fund", "contract", "deal", "partnership", "strategy", "reform", "campaign",
		"protest", "debate", "vote", "survey", "study", "forecast", "warning", "crisis", "shortage", "surplus",
		"harvest", "supply", "demand", "network", "system", "service", "infrastructure", "housing", "energy", "transport",
		"security", "safety", "health", "education", "employment", "tourism", "trade", "export", "import", "currency",
		"inflation", "growth", "decline", "recovery", "response", "approach", "process", "timetable", "deadline", "statement",
		"announcement", "meeting", "summit", "visit", "delegation", "inquiry", "audit", "complaint", "lawsuit", "appeal",
	}
	genericNounsPl = []string{
		"officials", "residents", "families", "workers", "businesses", "farmers", "students", "teachers", "doctors", "nurses",
		"drivers", "shopkeepers", "pensioners", "investors", "economists", "lawmakers", "voters", "volunteers", "engineers", "experts",
		"commuters", "tourists", "landlords", "tenants", "employers", "unions", "companies", "households", "authorities", "critics",
		"supporters", "observers", "researchers", "journalists", "diplomats", "lawyers", "police officers", "soldiers", "patients", "parents",
		"costs", "prices", "wages", "taxes", "rents", "fees", "budgets", "delays", "shortages", "concerns",
	}
	genericVerbs = []string{
		"affect", "change", "delay", "reshape", "undermine", "strengthen", "complicate", "ease", "worsen", "improve",
		"slow", "accelerate", "threaten", "support", "replace", "reduce", "increase", "limit", "expand", "restore",
		"disrupt", "transform", "weaken", "protect", "challenge", "influence", "overshadow", "revive", "stall", "boost",
	}
	locEnds     = []string{" Street", " Square", " Road", " Avenue", " Bridge", " Market", " Park", " Lane", " Quay", " Gate"}
	jobs        = []string{"resident", "shopkeeper", "teacher", "taxi driver", "nurse", "student", "retired engineer", "farmer", "cafe owner", "pensioner", "bus driver", "mechanic"}
	leaderRoles = []string{"President", "Prime Minister", "Opposition Leader"}
	reporterBy  = []string{"By ", "Reporting by ", "Written by ", ""}
)

// Boilerplate lines a scraper picks up along with the story.
var (
	shareLines   = []string{"Share on Facebook", "Share on X", "Share via Email", "Copy link", "Print", "WhatsApp", "Tweet", "Share this article", "Save"}
	topLines     = []string{"Listen to this article", "Skip to main content", "Advertisement", "Subscribe now", "Menu", "Search"}
	midLines     = []string{"Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Continue reading the main story", "Sponsored content"}
	bottomLines  = []string{"Back to top", "Sign up for our morning newsletter", "Comments are closed.", "Report an error", "Follow us on social media", "More from this section", "Terms of use | Privacy policy | Cookie settings"}
	relatedHeads = []string{"Related Articles", "Related stories", "You may also like", "More on this story", "Most read"}
	readMore     = []string{"READ MORE: ", "Read more: ", "RELATED: ", "See also: "}
)
