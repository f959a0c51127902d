package claims_test

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// English cases written for the project: one or more per form the English
// rules cover (issue 4), and negative cases that must give no claim. Each
// text is put after a title line, so that it is body text.
var englishCases = []struct {
	name string
	text string
	want []want
}{
	// subject, cue, content
	{"said-that", "The ministry said that the border would reopen on Monday.",
		[]want{{src: "The ministry", cue: "said", content: "the border would reopen on Monday", typ: claimtrail.Indirect, stance: claimtrail.Neutral, class: claimtrail.ClassSpeech, kind: claimtrail.KindGovernment}}},
	{"said-bare-clause", "The commission said the move implements the 2024 timetable.",
		[]want{{src: "The commission", content: "the move implements the 2024 timetable", typ: claimtrail.Indirect}}},
	{"says-present", "Mayor Ruth Okafor says the budget is balanced.",
		[]want{{src: "Ruth Okafor", role: "Mayor", alias: "Mayor Ruth Okafor", cue: "says", content: "the budget is balanced"}}},
	{"has-said-perfect", "The company has said it will appeal the ruling.",
		[]want{{src: "The company", cue: "said", content: "it will appeal the ruling"}}},
	{"quote-first", "“We will not leave until the job is done,” the general said.",
		[]want{{src: "the general", cue: "said", content: "We will not leave until the job is done", typ: claimtrail.Direct}}},
	{"quote-first-inverted", "“The numbers speak for themselves,” said Maria Lopez.",
		[]want{{src: "Maria Lopez", cue: "said", content: "The numbers speak for themselves", typ: claimtrail.Direct}}},
	{"quote-last-colon", "The minister said: “The talks have failed.”",
		[]want{{src: "The minister", content: "The talks have failed", typ: claimtrail.Direct}}},
	{"quote-last-comma", "Chen told the council, “We need the money now.”",
		[]want{{src: "Chen", cue: "told", content: "We need the money now", typ: claimtrail.Direct}}},
	{"mixed-fragment", "The agency said the results were “not final” and would be audited.",
		[]want{{src: "The agency", content: "the results were “not final” and would be audited", typ: claimtrail.Mixed}}},
	{"content-first-indirect", "The harvest will be the worst in a decade, the farmers' union said on Tuesday.",
		[]want{{src: "the farmers' union", content: "The harvest will be the worst in a decade"}}},
	{"content-first-quote-multi-sentence", "“Prices are rising. Wages are not,” said the economist, Ana Ruiz.",
		[]want{{src: "Ana Ruiz", role: "the economist", content: "Prices are rising. Wages are not", typ: claimtrail.Direct}}},
	// split quotes and quotes over several sentences
	{"split-quote-implicit", "“We are ready,” she said. “The rest is up to them.”",
		[]want{{src: "she", content: "We are ready"}, {content: "The rest is up to them", typ: claimtrail.Direct, implied: true}}},
	{"quote-runs-over-sentences", "The coach said: “We lost. We learned. We will be back.”",
		[]want{{src: "The coach", content: "We lost. We learned. We will be back", typ: claimtrail.Direct}}},
	{"quote-continues-next-paragraph", "“The plant is safe,” the operator said.\n\n“No radiation has escaped.”",
		[]want{{src: "the operator", content: "The plant is safe"}, {name: "the operator", content: "No radiation has escaped", implied: true}}},
	{"colon-ends-paragraph", "The governor added:\n\nIt is typical of her. She knows nothing about the state.",
		[]want{{name: "The governor", content: "It is typical of her. She knows nothing about the state", typ: claimtrail.Direct, implied: true}}},
	{"apposition-prepositional", "Clinton, at Monday's debate, cited the remarks as proof of disrespect.",
		[]want{{src: "Clinton", cue: "cited", content: "the remarks as proof of disrespect"}}},
	// according to, citing, told, in a statement
	{"according-to-after", "Twelve people were killed, according to local officials.",
		[]want{{src: "local officials", cue: "according to", content: "Twelve people were killed", typ: claimtrail.AccordingTo, class: claimtrail.ClassAccording, anon: true}}},
	{"according-to-before", "According to the report, exports fell by 8 percent.",
		[]want{{src: "the report", content: "exports fell by 8 percent", typ: claimtrail.AccordingTo, kind: claimtrail.KindDocument}}},
	{"according-to-plan-negative", "The troops withdrew according to the plan agreed in May.", nil},
	{"citing-before-cue", "The New York Times, citing two US officials, reported that the strike was planned for weeks.",
		[]want{{src: "two US officials", via: []string{"The New York Times"}, cue: "reported", content: "the strike was planned for weeks", anon: true, kind: claimtrail.KindOfficial}}},
	{"citing-after-cue", "Reuters reported, citing people familiar with the matter, that the deal was off.",
		[]want{{src: "people familiar with the matter", via: []string{"Reuters"}, content: "the deal was off", anon: true}}},
	{"told-addressee-that", "The senator told reporters that the bill would pass.",
		[]want{{src: "The senator", cue: "told", content: "the bill would pass"}}},
	{"told-outlet-interview", "Khan told Reuters in an interview that exports would recover.",
		[]want{{src: "Khan", content: "exports would recover"}}},
	{"said-in-a-statement", "The army said in a statement that two soldiers were wounded.",
		[]want{{src: "The army", content: "two soldiers were wounded"}}},
	{"statement-anaphor", "The army said in a statement that two soldiers were wounded.\n\nThe statement added that the attackers fled.",
		[]want{{src: "The army"}, {src: "The statement", name: "The army", cue: "added", content: "the attackers fled", kind: claimtrail.KindDocument}}},
	// appositions and titles
	{"apposition-role", "Hugh Hill, a doctor at the clinic, said the wounded were stable.",
		[]want{{src: "Hugh Hill", role: "a doctor at the clinic", content: "the wounded were stable"}}},
	{"title-before-name", "Lt. Gen. Yahya Rasool, spokesman for the Commander-in-Chief, said the operation had ended.",
		[]want{{src: "Lt. Gen. Yahya Rasool", name: "Yahya Rasool", role: "spokesman for the Commander-in-Chief", content: "the operation had ended"}}},
	{"title-split", "Central Bank Governor Arjuna Mahendran said rates would stay low.",
		[]want{{src: "Arjuna Mahendran", role: "Central Bank Governor", alias: "Central Bank Governor Arjuna Mahendran", content: "rates would stay low"}}},
	{"lower-case-title", "The rise was modest, said council president Rashad Ali.",
		[]want{{src: "Rashad Ali", role: "council president", content: "The rise was modest"}}},
	{"name-between-commas", "The head of the council, Dr. Rashad Ali, announced the formation of a new committee.",
		[]want{{src: "Dr. Rashad Ali", role: "The head of the council", content: "the formation of a new committee", typ: claimtrail.Nominal}}},
	{"participle-of-unknown-author-inside-content", "She says the tweets accusing him of fraud are lies.",
		[]want{{src: "She", cue: "says", content: "the tweets accusing him of fraud are lies"}}},
	{"participle-after-a-message-its-sender-sent", "Palmieri spoke after Trump sent tweets criticizing the judge.",
		[]want{{src: "Trump", cue: "criticizing", content: "the judge", typ: claimtrail.Nominal}}},
	{"aside-from-ends-the-content", "He refuses to discuss appointees, aside from saying he wants a diverse slate.",
		[]want{{src: "He", cue: "refuses", content: "to discuss appointees", class: claimtrail.ClassIntention}, {src: "he", cue: "wants", content: "a diverse slate"}}},
	{"as-stated-in-a-possessive-document", "As stated in Davis' commentary, there are conflicting accounts of the crash.",
		[]want{{src: "Davis' commentary", cue: "As stated in", content: "there are conflicting accounts of the crash"}}},
	{"narrator-clause-after-nominal-and-coordinated-cue", "The governor called her a disgrace after she attacked the police and blamed the shootings on bias.",
		[]want{{src: "The governor", cue: "called", content: "her a disgrace", typ: claimtrail.Nominal},
			{src: "she", cue: "attacked", content: "the police", typ: claimtrail.Nominal},
			{cue: "blamed", content: "the shootings on bias", typ: claimtrail.Nominal}}},
	{"asked-whether", "Lawmakers also asked whether the deals required the aides to cooperate.",
		[]want{{src: "Lawmakers", cue: "asked", content: "whether the deals required the aides to cooperate", typ: claimtrail.Indirect}}},
	{"nominal-ends-at-a-channel", "The judge rejected that argument in a ruling released Thursday.",
		[]want{{src: "The judge", cue: "rejected", content: "that argument", typ: claimtrail.Nominal, stance: claimtrail.Denial}}},
	{"party-label-inside-a-nominal", "He characterized Sen. Tim Kaine, D-Va., as “a little desperate.”",
		[]want{{src: "He", cue: "characterized", content: "Sen. Tim Kaine, D-Va., as “a little desperate.”", typ: claimtrail.Mixed}}},
	{"month-may-is-not-a-modal", "During a May interview on CNBC, the candidate said he would renegotiate the debt.",
		[]want{{src: "the candidate", cue: "said", content: "he would renegotiate the debt"}}},
	{"wh-word-ends-the-subject", "The gap between what the mayor says the plan would do and what it does is wide.",
		[]want{{src: "the mayor", cue: "says"}}},
	{"neg-plural-noun-after-a-number", "Twenty-seven states led by West Virginia are challenging the rules.", nil},
	{"neg-plural-noun-before-a-verb", "An analysis of campaign-finance reports shows that donors gave less.",
		[]want{{src: "An analysis of campaign-finance reports", cue: "shows", content: "donors gave less"}}},
	{"neg-having-said-that", "Having said that, the numbers are not final.", nil},
	{"apposition-between-dashes", "Mary Kall -- co-editor of a book, a study of the debates -- said the candidate made announcements.",
		[]want{{src: "Mary Kall", role: "co-editor of a book, a study of the debates", content: "the candidate made announcements"}}},
	{"apposition-with-a-relative-clause", "Jorge Ruiz, a former minister who is a harsh critic of the president, suggests that the argument is weak.",
		[]want{{src: "Jorge Ruiz", cue: "suggests", content: "the argument is weak", stance: claimtrail.Hedged}}},
	{"apposition-participle-phrase", "The senator, appearing after the governor at the forum, cited problems in the budget.",
		[]want{{src: "The senator", cue: "cited", content: "problems in the budget", typ: claimtrail.Nominal}}},
	{"negated-progressive-saying-if", "The attorney general isn’t saying if the foundation broke any laws.",
		[]want{{src: "The attorney general", cue: "saying", content: "if the foundation broke any laws", neg: true}}},
	{"party-state-commas", "“The veto will be overridden,” Senate leader Mitch Holt, R-Ky., said Tuesday.",
		[]want{{src: "Mitch Holt", content: "The veto will be overridden", typ: claimtrail.Direct}}},
	{"unnamed-close-to", "Those close to the governor say he would have to pick a successor.",
		[]want{{src: "Those close to the governor", anon: true, content: "he would have to pick a successor"}}},
	{"connective-before-fronted-content", "However, growth is being offset by gains in emerging economies, the fund said.",
		[]want{{src: "the fund", content: "However, growth is being offset by gains in emerging economies"}}},
	{"phrase-then-bare-clause", "The mayor said after the vote she would not run again.",
		[]want{{src: "The mayor", content: "she would not run again"}}},
	{"channel-then-bare-clause", "The firm said in its filing it expects further losses.",
		[]want{{src: "The firm", content: "it expects further losses"}}},
	{"party-state-parenthesis", "“This is a disgrace,” Sen. Jane Doe (D-Mo.) said.",
		[]want{{src: "Sen. Jane Doe (D-Mo.)", content: "This is a disgrace"}}},
	// anaphora
	{"pronoun-he", "Prime Minister Omar Haddad said the vote would go ahead.\n\nHe added that observers were welcome.",
		[]want{{src: "Prime Minister Omar Haddad"}, {src: "He", name: "Omar Haddad", cue: "added", content: "observers were welcome"}}},
	{"pronoun-it-organization", "The Higher Military Commission announced that the withdrawal was complete.\n\nIt said Iraqi forces now control the base.",
		[]want{{src: "The Higher Military Commission"}, {src: "It", name: "The Higher Military Commission", content: "Iraqi forces now control the base"}}},
	{"definite-description", "The Supreme Electoral Commission said turnout was 40 percent.\n\nThe commission added that counting would take a week.",
		[]want{{src: "The Supreme Electoral Commission"}, {src: "The commission", name: "The Supreme Electoral Commission", content: "counting would take a week"}}},
	{"surname", "Arjuna Mahendran said rates would stay low.\n\nMahendran added that inflation was falling.",
		[]want{{src: "Arjuna Mahendran"}, {src: "Mahendran", name: "Arjuna Mahendran", content: "inflation was falling"}}},
	{"relative-who", "Pat Moore, who ran the campaign, said the polls were wrong.",
		[]want{{src: "Pat Moore", content: "the polls were wrong"}}},
	// unnamed sources
	{"unnamed-anonymity", "A senior official who spoke on condition of anonymity said the talks had stalled.",
		[]want{{src: "A senior official", content: "the talks had stalled", anon: true, kind: claimtrail.KindOfficial}}},
	{"unnamed-witnesses", "Witnesses said the blast shattered windows across the street.",
		[]want{{src: "Witnesses", content: "the blast shattered windows across the street", anon: true, kind: claimtrail.KindAnonymous}}},
	{"unnamed-sources-content-first", "The president will resign next week, sources said.",
		[]want{{src: "sources", content: "The president will resign next week", anon: true}}},
	// participles and coordinated cues
	{"participle-adding", "The ministry said the dam was safe, adding that inspections would continue.",
		[]want{{src: "The ministry", content: "the dam was safe"}, {name: "The ministry", cue: "adding", content: "inspections would continue"}}},
	{"participle-stressing-assertive", "The committee said the vote was fair, stressing that no complaints were filed.",
		[]want{{src: "The committee"}, {cue: "stressing", content: "no complaints were filed", stance: claimtrail.Assertive}}},
	{"coordinated-but-said", "Election officials released partial results on Monday but said no winner could be declared.",
		[]want{{src: "Election officials", cue: "said", content: "no winner could be declared", anon: true}}},
	{"parenthetical-noted", "With the first phase complete, the commission noted, the mission will move to Syria.",
		[]want{{src: "the commission", content: "the mission will move to Syria"}}},
	{"noun-cue-possessive", "Contrary to his claim that prices would fall, they rose.",
		[]want{{src: "his", cue: "claim", content: "prices would fall", stance: claimtrail.Distancing}}},
	{"noun-cue-named", "The ministry's assertion that the border was calm was disputed by residents.",
		[]want{{src: "The ministry", cue: "assertion", stance: claimtrail.Assertive}}},
	{"participle-without-claim", "The senator spoke out on Tuesday, arguing that the bill was unfair.",
		[]want{{src: "The senator", cue: "arguing", content: "the bill was unfair"}}},
	// stance and class
	{"stance-confirmed", "The hospital confirmed that three patients had died.",
		[]want{{cue: "confirmed", stance: claimtrail.Assertive}}},
	{"stance-claimed", "The group claimed that it had downed a drone.",
		[]want{{cue: "claimed", stance: claimtrail.Distancing}}},
	{"stance-denied-nominal", "The ministry denied the reports.",
		[]want{{cue: "denied", content: "the reports", stance: claimtrail.Denial, typ: claimtrail.Nominal}}},
	{"stance-estimated-hedged", "Analysts estimated that the deficit would double.",
		[]want{{cue: "estimated", stance: claimtrail.Hedged, class: claimtrail.ClassEvidence}}},
	{"class-thought-believes", "The governor believes the plan will work.",
		[]want{{cue: "believes", class: claimtrail.ClassThought, stance: claimtrail.Hedged}}},
	{"class-writing-tweeted", "The candidate tweeted that the debate was rigged.",
		[]want{{cue: "tweeted", class: claimtrail.ClassWriting}}},
	{"class-evidence-shows", "The survey shows that most voters are undecided.",
		[]want{{src: "The survey", cue: "shows", class: claimtrail.ClassEvidence, kind: claimtrail.KindDocument}}},
	{"negated-did-not-say", "The spokesman did not say whether the talks would resume.",
		[]want{{src: "The spokesman", neg: true}}},
	{"progressive-demanding", "The union is demanding a new contract for its members.",
		[]want{{src: "The union", cue: "demanding", typ: claimtrail.Nominal}}},
	{"transcript-turns", "HOST: Will you run again?\n\nGUEST: I have not decided yet.",
		[]want{{src: "HOST", cue: ":", content: "Will you run again"}, {src: "GUEST", content: "I have not decided yet"}}},
	// infinitives: intention, refusal, requests with their object
	{"inf-wants", "The mayor wants to close the bridge next year.",
		[]want{{src: "The mayor", cue: "wants", content: "to close the bridge next year", typ: claimtrail.Indirect, class: claimtrail.ClassIntention}}},
	{"inf-plans", "The company plans to cut 500 jobs by March.",
		[]want{{src: "The company", cue: "plans", content: "to cut 500 jobs by March", class: claimtrail.ClassIntention}}},
	{"inf-declined", "A spokeswoman for the airline declined to comment.",
		[]want{{src: "A spokeswoman for the airline", cue: "declined", content: "to comment", class: claimtrail.ClassIntention}}},
	{"inf-refuses-denial", "The governor refuses to release the records.",
		[]want{{src: "The governor", cue: "refuses", content: "to release the records", stance: claimtrail.Denial}}},
	{"inf-not-negation", "The board agreed to not raise fees this year.",
		[]want{{src: "The board", cue: "agreed", content: "to not raise fees this year"}}},
	{"inf-has-vowed", "Senator Ruth Ames has vowed to fight the plan in court.",
		[]want{{src: "Senator Ruth Ames", cue: "vowed", content: "to fight the plan in court"}}},
	{"inf-fronted-adverbial", "Through a spokesman, the actor declined to comment.",
		[]want{{src: "the actor", cue: "declined", content: "to comment"}}},
	{"obj-to-urged", "The senator urged colleagues to back the bill.",
		[]want{{src: "The senator", cue: "urged", content: "colleagues to back the bill", class: claimtrail.ClassSpeech}}},
	{"obj-to-asked", "The judge asked both sides to submit new evidence.",
		[]want{{src: "The judge", cue: "asked", content: "both sides to submit new evidence"}}},
	{"obj-to-encouraged-pronoun", "The coach encouraged them to keep playing.",
		[]want{{src: "The coach", cue: "encouraged", content: "them to keep playing"}}},
	{"participle-promising-to", "The candidate toured the plant, promising to restore jobs.",
		[]want{{src: "The candidate", cue: "promising", content: "to restore jobs"}}},
	{"coordinated-clause-ends-at-comma", "The police said two men were arrested, and the mayor said the city was calm.",
		[]want{{src: "The police", content: "two men were arrested"}, {src: "the mayor", content: "the city was calm"}}},
	{"evidence-any-subject-that", "The chart shows that exports doubled in a decade.",
		[]want{{src: "The chart", cue: "shows", content: "exports doubled in a decade", class: claimtrail.ClassEvidence}}},
	{"subordinate-when-noted-that", "When the minister noted that prices had doubled, the opposition walked out.",
		[]want{{src: "the minister", cue: "noted", content: "prices had doubled"}}},
	{"subordinate-after-named", "The row began after Senator Ruth Ames attacked the budget.",
		[]want{{src: "Senator Ruth Ames", cue: "attacked", content: "the budget"}}},
	{"inf-decided-after-phrase", "The board decided after a long review not to renew the contract.",
		[]want{{src: "The board", cue: "decided", content: "not to renew the contract"}}},
	// predicate adjectives, nouns after their possessor, verbs with a preposition
	{"adj-confident-that", "The senator is confident that the bill will pass.",
		[]want{{src: "The senator", cue: "confident", content: "the bill will pass", class: claimtrail.ClassThought}}},
	{"adj-critical-of", "The mayor has been sharply critical of the police chief.",
		[]want{{src: "The mayor", cue: "critical of", content: "the police chief", typ: claimtrail.Nominal}}},
	{"adj-willing-to", "Some lawmakers were willing to accept a smaller bill.",
		[]want{{src: "Some lawmakers", cue: "willing", content: "to accept a smaller bill", class: claimtrail.ClassIntention}}},
	{"noun-plan-to", "Her plan to cut fares was welcomed.",
		[]want{{src: "Her", cue: "plan", content: "to cut fares"}}},
	{"noun-criticism-of", "The senator's criticism of the deal was sharp.",
		[]want{{src: "The senator", cue: "criticism of", content: "the deal", typ: claimtrail.Nominal}}},
	{"prep-complained-about", "Residents complained about the noise from the airport.",
		[]want{{src: "Residents", cue: "complained about", content: "the noise from the airport"}}},
	{"prep-spoke-out-against", "The bishop spoke out against the new law.",
		[]want{{src: "The bishop", cue: "spoke out against", content: "the new law"}}},
	{"nominal-one-word", "The union endorsed Ramirez.",
		[]want{{src: "The union", cue: "endorsed", content: "Ramirez", typ: claimtrail.Nominal}}},
	{"say-after-lowercase-noun", "Observers across the region say the truce will hold.",
		[]want{{src: "Observers across the region", cue: "say", content: "the truce will hold"}}},
	{"apposition-with-clause-is-content", "Prices would rise, but for some, the gains would be larger, said Jan Novak.",
		[]want{{src: "Jan Novak", content: "Prices would rise, but for some, the gains would be larger"}}},
	{"dash-aside-in-content", "The agency estimates that the poorest -- those earning least -- would pay more.",
		[]want{{src: "The agency", content: "the poorest -- those earning least -- would pay more"}}},
	{"place-commas-before-that", "The governor said in Austin, Texas, that the border was secure.",
		[]want{{src: "The governor", content: "the border was secure"}}},
	{"gerund-by-saying", "The mayor opened the meeting by saying the budget was balanced.",
		[]want{{name: "The mayor", cue: "saying", content: "the budget was balanced"}}},
	{"participle-after-message", "The group sent a letter to the council urging it to reconsider.",
		[]want{{name: "The group", cue: "urging", content: "it to reconsider"}}},
	{"participle-after-fronted-adverbial", "In late May, the union issued a statement calling the plan unfair.",
		[]want{{name: "the union", cue: "calling", content: "the plan unfair"}}},
	{"relative-who-subject", "The bill drew criticism from some who saw it as a giveaway.",
		[]want{{src: "who", cue: "saw", content: "it as a giveaway"}}},
	{"plural-document-subject", "Recent surveys in Ohio show the race tightening.",
		[]want{{src: "Recent surveys in Ohio", cue: "show", content: "the race tightening", typ: claimtrail.Nominal, class: claimtrail.ClassEvidence}}},
	{"told-object-pronoun-clause", "A source told him the deal was off.",
		[]want{{src: "A source", cue: "told", content: "the deal was off"}}},
	{"content-ends-before-although", "He claimed that the tax was fair, although he later refused to explain it.",
		[]want{{src: "He", cue: "claimed", content: "the tax was fair"}, {src: "he", cue: "refused", content: "to explain it"}}},
	{"prep-after-time", "A federal court ruled on Friday against the new map.",
		[]want{{src: "A federal court", cue: "ruled", content: "the new map", typ: claimtrail.Nominal}}},
	{"coordinated-subject-lowercase", "The governor and his aides declined to comment.",
		[]want{{src: "The governor and his aides", cue: "declined", content: "to comment"}}},
	{"apposition-age", "Jan Novak, 56, who chairs the panel, said the vote was fair.",
		[]want{{src: "Jan Novak", content: "the vote was fair"}}},
	{"subject-quantity-of", "A number of residents say the water is unsafe.",
		[]want{{src: "A number of residents", cue: "say", content: "the water is unsafe"}}},
	{"thought-despise", "Many voters despise both candidates.",
		[]want{{src: "Many voters", cue: "despise", content: "both candidates", class: claimtrail.ClassThought}}},
	{"neg-possessive-noun", "The senator's comments came after the vote.", nil},
	{"neg-noun-before-aux", "The plan is to reopen the school in May.", nil},
	{"neg-showed-up", "Thousands of fans showed up at the stadium.", nil},
	{"neg-adj-attributive", "The critical question is money.", nil},
	{"neg-to-prep-deal", "The union agreed to the deal on Friday.", nil},
	{"neg-to-prep-terms", "Both sides agreed to terms late on Friday.", nil},
	{"neg-to-prep-number", "The company agreed to 2 percent raises.", nil},
	{"neg-to-prep-name", "The minister agreed to Smith's request.", nil},
	{"neg-to-prep-pronoun", "The mayor offered to them a choice.", nil},
	{"neg-to-prep-reporters", "The mayor spoke to reporters outside the hall.", nil},
	{"neg-passive-asked-to", "Residents were asked to stay indoors.", nil},
	{"neg-sought-to", "Rescuers sought to reach the village before dark.", nil},
	{"relative-refused-ends-at-comma", "The vote came as the rival, who has refused to accept any result, left the city.",
		[]want{{src: "who", cue: "refused", content: "to accept any result"}}},
	// datelines, credits, negatives
	{"dateline-not-a-claim", "BAGHDAD (Reuters) - The army said two soldiers were wounded.",
		[]want{{src: "The army", content: "two soldiers were wounded"}}},
	{"neg-dateline-colon", "ADEN: The council announced the formation of a committee.",
		[]want{{src: "The council", content: "the formation of a committee"}}},
	{"neg-no-source", "Twelve people were killed in the blast on Sunday.", nil},
	{"neg-so-called", "The so-called peace plan was published on Friday.", nil},
	{"neg-question", "Did the minister say that the talks had failed?", nil},
	{"neg-passive-told", "Residents were told to leave their homes.", nil},
	{"neg-noun-state", "The plan aims at restoring state institutions.", nil},
	{"neg-name-state", "The United States sent aid to the region.", nil},
	{"neg-noun-rates", "The central bank left policy rates steady.", nil},
	{"neg-event-after", "Markets rose after the central bank announced its decision.", nil},
	{"neg-credit", "Soldiers at the site of the blast (Reuters)\n\nMarkets rose.", nil},
}

func TestEnglishCases(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range englishCases {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.text
			if !strings.HasPrefix(tc.name, "neg-credit") {
				body = "A headline for the story\n\n" + body
			}
			_, got := extractText(t, x, body)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d claims, want %d:\n%s", len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				checkClaim(t, i, got[i], w, got)
			}
		})
	}
}

// BenchmarkExtractEnglish extracts an article made of every English case,
// one paragraph each: about 60 paragraphs of wire copy.
func BenchmarkExtractEnglish(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("A headline for the story\n\n")
	for _, tc := range englishCases {
		sb.WriteString(tc.text)
		sb.WriteString("\n\n")
	}
	x := newExtractor(b)
	a, _ := extractText(b, x, sb.String())
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(a)
	}
}
