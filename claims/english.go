package claims

import (
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/text"
)

// English attribution, read the way a reporter writes it: a subject and a
// cue verb with the content after it (X said that ...), the content first
// and the attribution closing the sentence ("...," X said / said X), an
// attribution in the middle of the content (With ..., it noted, Iraq
// will ...), according to X before or after, citing Y inside either, and a
// participle cue after a comma (..., adding that ...) that shares the main
// clause's source. The walk from each cue stops at the first step that does
// not fit, so an unexpected shape gives no claim rather than a wrong one.

// Grammar words: closed classes of English that the rules test for. They
// are part of the grammar, not of the attribution lexicon, so a user's
// lexicon file does not extend them.
var (
	enDeterminers = setOf("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
		"some", "many", "several", "two", "three", "four", "five", "both", "all", "most", "other", "another", "one", "each", "such", "no")
	enBe           = setOf("is", "are", "was", "were", "be", "been", "being", "'s", "’s")
	enAux          = setOf("is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did", "does", "do")
	enSubordinator = setOf("when", "because", "as", "if", "while", "after", "before", "since", "although", "though", "whether", "unless", "until", "once", "where", "so", "than", "but", "and", "or", "nor", "yet", "then", "meanwhile", "however", "also")
	enPreps        = setOf("in", "on", "at", "during", "after", "before", "to", "with", "via", "through", "from", "for", "by", "about", "over", "under", "into", "of", "against", "since", "amid", "among", "following", "ahead", "late", "early")
	enFronted      = setOf("through", "with", "as", "after", "in", "despite", "if", "when", "since", "while", "for", "given", "without", "amid", "following", "before", "during", "under", "on", "at", "by")
	enPronouns     = setOf("he", "she", "it", "they", "i", "we", "you")
	enRelatives    = setOf("who", "which")
	enTime         = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow",
		"last", "this", "next", "earlier", "later", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "day",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "local", "time", "earlier", "recently")
	enTemporal = setOf("after", "before", "until", "since", "when", "once", "if", "unless", "whether")
	enTellers  = setOf("tell", "inform", "assure", "warn", "advise", "brief", "remind", "urge", "ask", "caution", "promise")
	// object pronouns and words that follow a prepositional "to", never an
	// infinitive's verb
	enInfObjects = setOf("him", "her", "them", "us", "me", "you", "it", "itself", "himself", "herself", "themselves", "whom", "what", "which",
		"date", "power", "office", "court", "trial", "war", "death", "zero", "none", "nothing", "anyone", "everyone", "someone", "nobody", "reporters")
	// cue verbs whose base form is hardly ever a noun: after any word but a
	// determiner or a preposition they are verbs (experts across the
	// country say)
	enVerbOnly = setOf("say", "tell", "think", "believe", "argue", "insist", "agree", "contend", "suggest", "acknowledge", "admit",
		"warn", "explain", "know", "want", "predict", "urge", "declare", "complain", "allege", "assert", "deny", "recall")
	// more words that open a fronted adverbial phrase (Along with ...,
	// More than ..., Unlike ...)
	// enConnectives open a sentence to tie it to the one before; they are
	// not the start of an adverbial clause.
	enConnectives = setOf("however", "meanwhile", "but", "and", "yet", "so", "also", "still", "moreover", "furthermore", "nevertheless", "nonetheless", "indeed", "instead", "thus", "hence", "now", "again")
	// enIssuing are verbs whose object is a message its subject sends.
	enIssuing     = setOf("sent", "send", "sends", "sending", "released", "release", "releases", "issued", "issue", "issues", "posted", "post", "posts", "published", "publishes", "wrote", "writes", "signed", "signs", "filed", "files", "fired", "unleashed", "tweeted", "circulated", "distributed", "delivered", "penned", "aired", "ran", "launched")
	enNumberWords = setOf("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "dozens", "hundreds", "thousands")
	enWh             = setOf("what", "how", "why", "where", "whatever", "whether")
	enBeNot          = setOf("isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t", "weren’t")
	enStateModifiers = setOf("member", "swing", "battleground", "gulf", "baltic", "border", "island", "city", "client", "neighboring", "neighbouring",
		"southern", "northern", "eastern", "western", "red", "blue", "key", "other", "many", "several", "all", "both", "these", "those", "most", "some", "few", "arab", "african")
	enConvened = setOf("meeting", "session", "vote", "election", "elections", "referendum", "strike", "summit", "conference", "news", "press", "hearing", "recess", "halt", "truce", "ceasefire")
	// enFillers open spoken sentences ("Well, look, ..."), quoted in
	// transcripts; they say nothing.
	enFillers = setOf("well", "look", "oh", "yes", "no", "okay", "ok", "listen", "see")
	// enWhTakers report a question or a wh-clause: "asked whether the deals
	// required ...", "shows what it would cost", "explained how it works".
	enWhTakers = setOf("ask", "wonder", "question", "inquire", "query", "consider", "show", "reveal", "explain", "detail", "outline",
		"illustrate", "demonstrate", "describe", "say", "tell", "know", "decide", "disclose", "indicate", "note")
	enAsides      = setOf("aside", "apart", "other")
	enFrontedMore = setOf("along", "more", "unlike", "like", "beyond", "besides", "across", "around", "throughout", "within", "upon", "toward", "towards", "aside", "apart", "instead", "rather", "regardless", "thanks")
	enCopulas     = setOf("seem", "seems", "seemed", "remain", "remains", "remained", "become", "becomes", "became", "appear", "appears", "appeared", "feel", "feels", "felt", "isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t", "weren’t", "'re", "’re", "'m", "’m")
	enDegree      = setOf("very", "so", "too", "quite", "more", "less", "most", "least", "fairly", "rather", "pretty", "not", "all", "as", "that", "much", "less", "any", "no")
	// -ing words that are prepositions, not the participle of an adjunct
	enIngPreps = setOf("including", "regarding", "concerning", "excluding", "following", "notwithstanding", "according", "during", "pending")
	// prepositions before a gerund cue whose subject is the clause's (began
	// by saying, was criticized for saying, after saying)
	enByIng = setOf("by", "after", "for", "before")
	// messages that carry what their sender says (a letter urging ...)
	enMessages = setOf("tweets", "letters", "statements", "messages", "posts", "emails", "ad", "ads", "video", "videos", "note", "notice", "speech", "op-ed", "editorial", "petition", "resolution", "motion")
	// nouns of quantity before "of" in a subject (a number of lawmakers)
	enQuantity = setOf("number", "group", "groups", "handful", "couple", "dozens", "hundreds", "thousands", "millions", "majority", "minority", "lot", "lots", "series", "coalition", "panel", "team")
	// time words that stand alone as adverbs between a subject and its cue
	enTimeAdverbs = setOf("later", "earlier", "recently")
	enClause      = setOf("is", "are", "was", "were", "will", "would", "can", "could", "has", "have", "had", "may", "might", "must", "should", "did", "does", "do", "not", "n't", "no", "never")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// englishSentence parses every cue of one English sentence, in order.
func (p *parser) englishSentence() []*raw {
	first := p.datelineSkip()
	if first >= len(p.toks) {
		return nil
	}
	p.first = first
	cands := p.enCands(first)
	limitOf := func(ci int) int {
		c := cands[ci]
		for _, n := range cands[ci+1:] {
			if n.kind == candClosing && n.def == closingDef && n.start <= c.end+1 {
				continue // "reported, citing Y, that": the cue's own reporter chain
			}
			if n.boundary {
				return p.enClauseStart(n.start)
			}
		}
		return len(p.toks)
	}
	var out []*raw
	top := -1
	// A closing attribution ("..., sources said.") holds every cue before
	// it: "Protocol called for X, sources said" is the sources' claim, and
	// "called for" is inside it. Read it first so the others nest.
	closing := -1
	for ci := len(cands) - 1; ci >= 0; ci-- {
		if cands[ci].kind == candVerb {
			if ci > 0 && !cands[ci].boundary {
				if r := p.enVerb(cands[ci], limitOf(ci), nil); r != nil && r.content.start <= first+1 && r.content.end <= cands[ci].start {
					r.nested = -1
					out = append(out, r)
					top, closing = 0, ci
				}
			}
			break
		}
	}
	for ci, c := range cands {
		if ci == closing {
			continue
		}
		limit := limitOf(ci)
		outer := p.enclosing(out, c)
		if outer == -2 {
			continue
		}
		if outer >= 0 {
			if c.kind == candVerb && !c.noun {
				if r := p.enNested(c, out[outer], limit); r != nil {
					r.nested = outer
					out = append(out, r)
				}
			}
			continue
		}
		var r *raw
		switch c.kind {
		case candVerb:
			if c.noun {
				r = p.enNounCue(c, limit)
				break
			}
			r = p.enVerb(c, limit, out)
		case candParticiple:
			r = p.enParticiple(c, limit)
			if r != nil && c.issuer > 0 {
				// "after Trump sent tweets criticizing X": the sender
				if r.src = p.enSubjectBack(c.issuer, r); r.src.empty() && top < 0 {
					r.src = p.enLeadSubject() // a subject too long to read back
				}
				if r.src.empty() || !p.enSourceLike(r.src) {
					r = nil
				}
				break
			}
			if r != nil && top < 0 {
				// "X spoke out on Tuesday, arguing that ...": no claim
				// before it; the sentence's subject is the source
				if r.src = p.enLeadSubject(); r.src.empty() {
					r = nil
				}
			}
		case candAccording:
			r = p.enAccording(c, limit, out)
		case candColon:
			r = p.colon(c)
		case candClosing:
			continue
		}
		if r == nil || p.enWords(r.content) < 2 && !r.frame && !(r.ctype == claimtrail.Nominal && r.content.end < len(p.toks) && p.enWords(r.content) == 1) {
			continue // "had announced th": an excerpt cut mid-word; "endorsed Trump." stands
		}
		r.nested = -1
		out = append(out, r)
		top = len(out) - 1
	}
	return out
}

// datelineSkip returns the first token after a dateline that opens the
// sentence (COLOMBO, Jan 27 (Reuters) -): the dateline is the article's
// source, never part of a claim.
func (p *parser) datelineSkip() int {
	if len(p.toks) == 0 {
		return 0
	}
	if t := &p.toks[0]; t.Kind != text.Word || !isCapitalized(t.Text) {
		return 0 // a dateline opens with a place in capitals
	}
	s := p.text
	if s == "" {
		s = p.slice(p.toks[0].Span.Start, p.toks[len(p.toks)-1].Span.End)
	}
	n := text.DatelineLen(s)
	if n == 0 {
		// ADEN: ..., KABUL— ...: a place in capitals and a colon or dash
		if i, k := p.speakerLabel(); k > i && i == 0 {
			return k + 1
		}
		return 0
	}
	end := p.toks[0].Span.Start + n
	for i, t := range p.toks {
		if t.Span.Start >= end {
			return i
		}
	}
	return len(p.toks)
}

// enCands lists the cues of a sentence in order.
func (p *parser) enCands(first int) []cand {
	lx, toks := p.lx, p.toks
	var out []cand
	question := p.isQuestion()
	for i := first; i < len(toks); i++ {
		t := &toks[i]
		if t.colon() && p.enHeadlineColon(i) {
			out = append(out, cand{kind: candColon, def: colonDef, start: i, end: i + 1, nounAt: -1})
			continue
		}
		if t.quoted || !t.word() || lx.notCues[t.Key] {
			continue
		}
		if n, _ := p.matchPhrase(lx.closing, i); n > 0 {
			out = append(out, cand{kind: candClosing, def: closingDef, start: i, end: i + n, boundary: true, nounAt: -1})
			i += n - 1
			continue
		}
		if n, _ := p.matchPhrase(lx.according, i); n > 0 {
			if j := i + n; j < len(toks) && lx.frames[p.skipDet(j)] {
				continue // according to the plan: not a source
			}
			c := cand{kind: candAccording, start: i, end: i + n, nounAt: -1,
				def: &cueDef{lemma: "according to", class: claimtrail.ClassAccording, stance: claimtrail.Neutral}}
			c.boundary = i > first && (toks[i-1].comma() || toks[i-1].dash())
			out = append(out, c)
			i += n - 1
			continue
		}
		prev := p.at(i - 1)
		if d := lx.nouns[t.Key]; d != nil && prev != nil && i+2 < len(toks) && (p.enPossessive(i-1) ||
			prev.Kind == text.Word && !isCapitalized(prev.Text) && !enDeterminers[prev.Key] && p.enPossessive(i-2)) {
			// his claim that ..., the ministry's assertion that ..., his own
			// plan to ..., her criticism of ...
			c := cand{kind: candVerb, def: d, start: i, end: i + 1, nounAt: -1, noun: true}
			switch next := &toks[i+1]; {
			case lx.complementizers[next.Key] && d.comps&CompThat != 0:
				c.from = i + 2
			case d.comps&CompTo != 0 && p.enInfinitive(i+1, len(toks)):
				c.from = i + 1
			case d.comps&CompPrep != 0 && d.preps[next.Key]:
				c.end, c.from = i+2, i+2
			}
			if c.from > 0 {
				out = append(out, c)
				i = c.from - 1
				continue
			}
		}
		if p.enPluralNoun(i) {
			continue // twenty-seven states, campaign-finance reports shows: a noun
		}
		if t.Key == "said" && prev != nil && prev.Key == "having" {
			continue // "Having said that, ...": a connective, not a report
		}
		if (t.Key == "know" || t.Key == "see" || t.Key == "mean" || t.Key == "guess") && prev != nil && (prev.Key == "you" || prev.Key == "i") {
			if n := p.at(i + 1); n == nil || n.comma() || n.final() || n.dash() {
				continue // "Well, look, you know, ...": a filler, not a report
			}
		}
		if t.Key == "states" && prev != nil && enStateModifiers[prev.Key] {
			continue // member states, swing states: a noun
		}
		if (t.Key == "called" || t.Key == "named" || t.Key == "dubbed") && prev != nil && prev.Kind == text.Word && !isCapitalized(prev.Text) &&
			!enPronouns[prev.Key] && !enRelatives[prev.Key] && !enAux[prev.Key] && !enSubordinator[prev.Key] && !isConj(prev.Key) && !p.lx.negators[prev.Key] && !p.enAdverb(i-1) && !lx.adverbials[prev.Key] && !lx.sourceHead(prev.Key) && lx.unnamed[prev.Key] == "" {
			continue // a stream called Bull Run: a name given, not a report
		}
		if t.Key == "called" || t.Key == "calls" || t.Key == "call" {
			if n := p.at(i + 1); n != nil && (n.Key == "a" || n.Key == "an") && p.enConvenedAhead(i+2) {
				continue // called an emergency meeting: convened, not said
			}
		}
		if d := lx.verbs[t.Key]; d != nil && d.lemma == t.Key && prev != nil && i >= first+2 && isCapitalized(prev.Text) && enDeterminers[toks[i-2].Key] && toks[i-2].Key != "that" && !isCapitalized(t.Text) {
			continue // the McKinley plan, the Trump campaign: a noun after a name used as a modifier
		}
		if prev != nil && (prev.Key == "most" || prev.Key == "widely" || prev.Key == "least" || prev.Key == "much") && strings.HasSuffix(t.Key, "ed") || prev != nil && prev.Key == "most" && (t.Key == "seen" || t.Key == "known") {
			continue // the most seen clip, widely reported: an adjective
		}
		if prev != nil && (enDeterminers[prev.Key] && prev.Key != "that" || prev.Key == "to" && !p.enAuxBefore(i-1)) {
			continue // the statement, a report, to say: a noun or an infinitive
		}
		if d := lx.participles[t.Key]; d != nil && d.relay {
			if prev != nil && prev.comma() {
				// ", citing Y": ends the content before it; the cue
				// before reads Y as its source when Y is a source
				out = append(out, cand{kind: candClosing, def: closingDef, start: i, end: i + 1, boundary: true, nounAt: -1})
			}
			continue
		}
		if d := lx.participles[t.Key]; d != nil && !p.enProgressive(i) {
			issuer := -1
			// ‘“...,” adding that’: the comma stands inside the quotation
			quotedComma := prev != nil && prev.Kind == text.Quote && prev.pair >= 0 && prev.pair < i-1 && i >= 2 && toks[i-2].comma()
			if prev != nil && !(prev.comma() || quotedComma || prev.Key == "and" || prev.Key == "while" || prev.dash() || enByIng[prev.Key]) {
				if issuer = p.enDocumentBefore(i); issuer < 0 {
					continue
				}
			}
			if prev == nil {
				continue
			}
			end := p.enParticles(i+1, d)
			out = append(out, cand{kind: candParticiple, def: d, start: i, end: end, nounAt: -1, boundary: true, issuer: issuer})
			i = end - 1
			continue
		}
		d := lx.verbs[t.Key]
		if a := lx.adjectives[t.Key]; a != nil && a != d && p.enCopulaBefore(i) {
			d = a // were worried that: the adjective, not the verb
		}
		if d == nil && p.enProgressive(i) {
			d = lx.progressive[t.Key] // is demanding, are questioning
		}
		if d == nil {
			continue
		}
		if isCapitalized(t.Text) && i > first && p.kind != claimtrail.ParagraphTitle && p.kind != claimtrail.ParagraphHeading {
			continue // United States, Islamic State: part of a name
		}
		if d.adj {
			// a predicate adjective: "is confident that", "were critical of"
			end := p.enParticles(i+1, d)
			if !p.enCopulaBefore(i) || d.comps == CompPrep && end == i+1 || question && !p.quotedQuestion() {
				continue
			}
			out = append(out, cand{kind: candVerb, def: d, start: i, end: end, nounAt: -1, neg: p.enNegated(i), boundary: p.enNewClause(i)})
			i = end - 1
			continue
		}
		if t.Key == d.lemma && !p.enBaseFormFits(i) {
			continue // restoring state institutions: a noun, not "they state"
		}
		if p.enPassive(i) {
			continue // was told, is expected: the subject is not the source
		}
		if next := p.at(i + 1); next != nil && enAux[next.Key] && (t.Key == d.lemma || strings.HasSuffix(t.Key, "s")) && !d.adj {
			continue // "worries have dogged", "the plan is": a noun before its verb
		}
		if prev != nil && (strings.HasSuffix(prev.Key, "'s") || strings.HasSuffix(prev.Key, "’s")) && !enPronouns[strings.TrimRight(prev.Key, "'’s")] &&
			prev.Key != "it's" && prev.Key != "it’s" && prev.Key != "that's" && prev.Key != "that’s" && !d.adj {
			continue // Graham's comments, Trump's plan: a noun after its possessor
		}
		if next := p.at(i + 1); next != nil && next.Key == "up" && !d.preps["up"] {
			continue // showed up, turned up
		}
		if question && !p.quotedQuestion() {
			continue
		}
		end := p.enParticles(i+1, d)
		if d.comps == CompPrep && end == i+1 {
			continue // "point" without "out" or "to"
		}
		c := cand{kind: candVerb, def: d, start: i, end: end, nounAt: -1, neg: p.enNegated(i), boundary: p.enNewClause(i)}
		out = append(out, c)
		i = end - 1
	}
	return out
}

// enCopulaBefore: a form of be (or seem, remain, become) stands before
// the adjective at i, through degree adverbs and negation (is very
// confident, were not too concerned, remains deeply critical).
func (p *parser) enCopulaBefore(i int) bool {
	for k := i - 1; k >= p.first && k >= i-4; k-- {
		key := p.toks[k].Key
		if enBe[key] || enCopulas[key] {
			return true
		}
		if !(enDegree[key] || p.lx.negators[key] || strings.HasSuffix(key, "n't") || strings.HasSuffix(key, "n’t") ||
			strings.HasSuffix(key, "ly") && len(key) > 4 || key == "also" || key == "still") {
			return false
		}
	}
	return false
}

// enDocumentBefore: a document or message noun stands a few words before
// the participle at i, in the same phrase (sent a letter urging ..., a
// series of tweets early Friday saying ...).
func (p *parser) enDocumentBefore(i int) int {
	for k := i - 1; k >= p.first && k >= i-9; k-- {
		t := &p.toks[k]
		if !t.word() && t.Kind != text.Number {
			return -1
		}
		if p.lx.nounKind[t.Key] == claimtrail.KindDocument || enMessages[t.Key] {
			// only a message its sender issues in the sentence: "sent a
			// letter urging", "issued a statement calling"; in "the
			// tweets accusing him are lies" the tweets' author is unknown
			for m := k - 1; m > p.first && m >= k-4; m-- {
				if enIssuing[p.toks[m].Key] {
					return m
				}
				if !p.toks[m].word() {
					return -1
				}
			}
			return -1
		}
	}
	return -1
}

// enProgressive: an -ing form after a form of be, through adverbs (is
// demanding, is once again questioning, was also encouraging).
func (p *parser) enProgressive(i int) bool {
	if p.lx.progressive[p.toks[i].Key] == nil {
		return false
	}
	for k := i - 1; k >= p.first && k >= i-3; k-- {
		key := p.toks[k].Key
		if key == "is" || key == "are" || key == "was" || key == "were" || key == "been" || key == "’s" || key == "'s" || enBeNot[key] {
			return true
		}
		if !(p.lx.adverbials[key] || p.enAdverb(k) || key == "once" || key == "again" || key == "not" || key == "n't" || key == "n’t") {
			return false
		}
	}
	return false
}

// enBaseFormFits: a cue in its base form (say, state, claim) is a verb only
// after an auxiliary, a negation or a plural or first-person subject
// (officials say, they claim, did not say, will state).
func (p *parser) enBaseFormFits(i int) bool {
	prev := p.at(i - 1)
	if prev == nil || i == p.first {
		return p.kind == claimtrail.ParagraphTitle || p.kind == claimtrail.ParagraphHeading
	}
	k := prev.Key
	if enAux[k] || p.lx.negators[k] || strings.HasSuffix(k, "n't") || strings.HasSuffix(k, "n’t") || k == "also" || k == "often" || k == "still" {
		return true
	}
	if k == "they" || k == "we" || k == "i" || k == "you" || k == "people" || k == "police" {
		return true
	}
	if prev.Kind != text.Word || enDeterminers[k] || enPreps[k] {
		return false
	}
	if enVerbOnly[p.toks[i].Key] {
		return true // observers around the country say: no noun reading
	}
	// officials say, Republicans say, supporters in Congress say; a capital
	// that only opens the sentence proves nothing (Logistical support will)
	return strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") && !strings.HasSuffix(k, "’s") && !strings.HasSuffix(k, "'s") ||
		isCapitalized(prev.Text) && i-1 > p.first
}

// skipDet is the key of the first word at j after a determiner.
func (p *parser) skipDet(j int) string {
	if t := p.at(j); t != nil && enDeterminers[t.Key] {
		j++
	}
	if t := p.at(j); t != nil {
		return t.Key
	}
	return ""
}

// enParticles extends a cue over its own particles (pointed out, called
// for) and returns the token after the cue.
func (p *parser) enParticles(j int, d *cueDef) int {
	if t := p.at(j); t != nil && d.preps[t.Key] {
		if n := p.at(j + 1); n != nil && d.preps[n.Key] && n.Key != t.Key {
			return j + 2 // spoke out against
		}
		return j + 1
	}
	return j
}

func (p *parser) enAuxBefore(i int) bool {
	t := p.at(i - 1)
	return t != nil && (t.Key == "going" || t.Key == "used" || t.Key == "has" || t.Key == "have" || t.Key == "had")
}

// enPassive: a be-verb before a past participle (was told, is expected,
// were found), reading through adverbs and negation.
func (p *parser) enPassive(i int) bool {
	if strings.HasSuffix(p.toks[i].Key, "ing") {
		return false // is demanding: progressive, active
	}
	for k := i - 1; k >= p.first && k >= i-3; k-- {
		key := p.toks[k].Key
		if enBe[key] || key == "get" || key == "got" {
			return !strings.HasSuffix(p.toks[i].Key, "s") && p.toks[i].Key != "say"
		}
		if !(p.lx.adverbials[key] || p.lx.negators[key]) {
			return false
		}
	}
	return false
}

func (p *parser) enNegated(i int) bool {
	for k := i - 1; k >= p.first && k >= i-3; k-- {
		key := p.toks[k].Key
		if p.lx.negators[key] || strings.HasSuffix(key, "n't") || strings.HasSuffix(key, "n’t") {
			return true
		}
		if !(p.lx.adverbials[key] || enAux[key]) {
			return false
		}
	}
	return false
}

// isQuestion: the sentence ends in a question mark outside quotation
// marks: the journalist asks; nobody is reported.
func (p *parser) isQuestion() bool {
	for k := len(p.toks) - 1; k >= 0; k-- {
		t := &p.toks[k]
		if t.Kind == text.Quote {
			continue
		}
		return t.Text == "?"
	}
	return false
}

// quotedQuestion: the question mark closes a quotation (“Why?” she asked).
func (p *parser) quotedQuestion() bool {
	n := len(p.toks)
	return n >= 2 && p.toks[n-1].Kind == text.Quote && p.toks[n-2].Text == "?"
}

// enAdverb: a manner adverb or a time phrase between a subject and its
// cue (he finally said, Wells Fargo just this month announced).
func (p *parser) enAdverb(k int) bool {
	t := &p.toks[k]
	// a time phrase: prosecutors in April charged, officials on Monday said
	if (t.Key == "in" || t.Key == "on" || t.Key == "at") && k+1 < len(p.toks) && (enTime[p.toks[k+1].Key] || p.enYear(k+1)) {
		return true
	}
	if p.enYear(k) && k > p.first && p.toks[k-1].Key == "in" {
		return true // who in 2010 said
	}
	if enTime[t.Key] && isCapitalized(t.Text) && k > p.first && (p.toks[k-1].Key == "in" || p.toks[k-1].Key == "on") {
		return true
	}
	if t.Kind != text.Word || isCapitalized(t.Text) {
		return false
	}
	if strings.HasSuffix(t.Key, "ly") && len(t.Key) > 4 && p.lx.nounKind[t.Key] == "" {
		return true
	}
	if t.Key == "just" || t.Key == "even" || t.Key == "only" || t.Key == "still" || t.Key == "now" || t.Key == "long" || t.Key == "always" || t.Key == "ever" || t.Key == "almost" {
		return true
	}
	// this month, last week, earlier this year
	prevTime := k > p.first && (enTime[p.toks[k-1].Key] || p.toks[k-1].Key == "just")
	nextTime := k+1 < len(p.toks) && enTime[p.toks[k+1].Key]
	return enTime[t.Key] && (prevTime || nextTime)
}

// enYear: the token at k is a year (2010).
func (p *parser) enYear(k int) bool {
	t := &p.toks[k]
	return t.Kind == text.Number && len(t.Text) == 4 && (strings.HasPrefix(t.Text, "19") || strings.HasPrefix(t.Text, "20"))
}

// enNewClause: the cue heads a clause of its own after a conjunction or a
// semicolon ("..., and added that", "...; the army said ..."), so it ends the
// content of the claim before it instead of nesting inside it.
func (p *parser) enNewClause(i int) bool {
	k := i
	for k-1 >= p.first && (p.lx.adverbials[p.toks[k-1].Key] && !enTime[p.toks[k-1].Key] || enAux[p.toks[k-1].Key] || p.lx.negators[p.toks[k-1].Key]) {
		k--
	}
	if k-1 >= p.first && isConj(p.toks[k-1].Key) {
		return true // a coordinated predicate: "... and said", "..., but said"
	}
	// a short subject: "and the army said"
	for n := 0; n < 6 && k-1 >= p.first && p.toks[k-1].word() && !isConj(p.toks[k-1].Key); n++ {
		k--
	}
	if k-1 < p.first {
		return false
	}
	t := &p.toks[k-1]
	if t.Text == ";" {
		return true
	}
	return isConj(t.Key) && k-2 >= p.first && p.toks[k-2].comma()
}

// enClauseStart is where the clause of a new-clause cue at i begins: the
// comma before "and the army said", so that the claim before it ends
// there rather than with the next claim's subject.
func (p *parser) enClauseStart(i int) int {
	if i <= p.first || p.toks[i].Kind != text.Word {
		return i
	}
	k := i
	for k-1 >= p.first && (p.lx.adverbials[p.toks[k-1].Key] && !enTime[p.toks[k-1].Key] || enAux[p.toks[k-1].Key] || p.lx.negators[p.toks[k-1].Key]) {
		k--
	}
	if k-1 >= p.first && isConj(p.toks[k-1].Key) {
		return k - 1 // "... and said": the claim before ends before "and"
	}
	for n := 0; n < 6 && k-1 >= p.first && p.toks[k-1].word() && !isConj(p.toks[k-1].Key); n++ {
		k--
	}
	if k-1 < p.first {
		return i
	}
	if t := &p.toks[k-1]; t.Text == ";" {
		return k - 1
	}
	if isConj(p.toks[k-1].Key) && k-2 >= p.first && p.toks[k-2].comma() {
		return k - 2
	}
	return i
}

// enSubClauseEnd is the comma that ends a fronted subordinate clause
// (When X noted that ..., Y said): the first comma, dash or semicolon
// outside quotation marks after which a clause follows; limit when none.
func (p *parser) enSubClauseEnd(from, limit int) int {
	for k := from; k < limit; k++ {
		t := &p.toks[k]
		if t.quoted || t.Kind == text.Quote {
			continue
		}
		if (t.comma() || t.dash() && !p.joined(k) || t.Text == ";") && k > from {
			return k
		}
	}
	return limit
}

func isConj(key string) bool { return key == "and" || key == "but" || key == "while" }

// enVerb parses a finite cue at the top level of a sentence.
func (p *parser) enVerb(c cand, limit int, before []*raw) *raw {
	r := p.newRaw(c)
	// the subject before the cue, through auxiliaries and adverbs
	k := c.start
	for c.def.adj && k-1 >= p.first && (enBe[p.toks[k-1].Key] || enCopulas[p.toks[k-1].Key] || enDegree[p.toks[k-1].Key] && p.toks[k-1].Key != "that") {
		k-- // they were not too concerned
	}
	for k-1 >= p.first && (p.lx.adverbials[p.toks[k-1].Key] && (!enTime[p.toks[k-1].Key] || enTimeAdverbs[p.toks[k-1].Key]) || enAux[p.toks[k-1].Key] || p.enAdverb(k-1) ||
		p.lx.negators[p.toks[k-1].Key] || strings.HasSuffix(p.toks[k-1].Key, "n't") || strings.HasSuffix(p.toks[k-1].Key, "n’t")) {
		k--
	}
	var src np
	var viaNP []np
	coordinated := k > p.first && isConj(p.toks[k-1].Key)
	if coordinated {
		// "... released results, but said ...": the subject of the sentence,
		// or of the claim before in it
		if !hasTop(before) {
			src = p.enLeadSubject()
			if src.empty() {
				return nil
			}
		}
		r.implicit = src.empty()
		j := p.enAfterCue(c.end, limit, c.def, r)
		r.src = src
		if start, typ, ok := p.enComplement(j, limit, c.def); ok {
			return p.finish(r, start, typ, limit)
		}
		return nil
	}
	dashed := k > p.first && p.toks[k-1].dash() && !p.joined(k-1)
	if dashed {
		// Kall -- co-editor of a book on the debates -- said
		src = p.enDashAppositionBack(k-1, r)
	} else if k > p.first && !p.toks[k-1].comma() && !p.isCloseQuote(k-1) {
		src = p.enSubjectBack(k, r)
		// "Another slide shows that ...", "When Clinton noted that ...": a
		// complementizer right after the cue makes it a verb of report
		that := c.end < limit && p.lx.complementizers[p.toks[c.end].Key] && c.def.comps&CompThat != 0
		if cue := p.toks[c.start].Key; !src.empty() && (strings.HasSuffix(cue, "s") || cue == c.def.lemma) && !p.enSourceLike(src) &&
			!(that && c.def.class == claimtrail.ClassEvidence) {
			return nil // "cut rates", "the bank left policy rates": a noun, not a cue
		}
		if !src.empty() && src.start > p.first && enTemporal[p.toks[src.start-1].Key] {
			if !that && !(c.def.class != claimtrail.ClassIntention && c.def.class != claimtrail.ClassEvidence && p.enSourceLike(src) && p.enHasName(src) ||
				c.def.class == claimtrail.ClassEvidence && p.enHasDocument(src) && p.enClauseAhead(c.end, limit) ||
				enPronouns[p.toks[src.start].Key] && src.end-src.start == 1) {
				return nil // after the bank announced its decision: an event, not a report
			}
			// the subordinate clause ends at its comma: "When X noted that
			// ..., Y replied"
			if e := p.enSubClauseEnd(c.end+1, limit); e < limit {
				limit = e
			}
		}
	} else if k > p.first && p.toks[k-1].comma() {
		// Hugh Hill, a doctor, said / The Times, citing officials, reported
		src, viaNP = p.enAppositionBack(k-1, r)
	}
	j := p.enAfterCue(c.end, limit, c.def, r)
	inverted := false
	if src.empty() && (k == p.first || k > p.first && (p.toks[k-1].comma() || p.isCloseQuote(k-1))) {
		// inversion: "...," said Caddell / said the official, a spokesman
		if n, next := p.enSubjectAfter(c.end, limit, r); !n.empty() {
			src, inverted = n, true
			j = p.enAfterCue(next, limit, c.def, r)
		}
	}
	if src.empty() {
		if k > p.first && p.toks[k-1].comma() && len(before) > 0 {
			return nil // ..., said X with nothing we can read as X
		}
		if k != p.first || c.start != p.first {
			return nil
		}
	}
	r.src = src
	if len(viaNP) > 0 {
		r.via = append(r.via, viaNP...)
	}
	if j+1 == len(p.toks) && p.toks[j].colon() && !src.empty() {
		// "The governor added:" closing its paragraph: the next paragraph
		// is what he added; keep the source for it
		r.src, r.frame, r.ctype = src, true, claimtrail.Direct
		return r
	}
	if v, next, ok := p.enCiting(j, limit); ok {
		// X reported, citing Y, that ...: Y is the source, X the reporter
		r.via = append(r.via, r.src)
		r.src = v
		j = next
	}
	// content after the cue; when the content stands before the
	// attribution ("...," she said several months later) only an explicit
	// complement after it counts
	front := src.start
	if inverted || src.empty() {
		front = k
	}
	roleBefore := !inverted && r.role != nil && !src.empty() && r.role.End <= p.toks[src.start].Span.Start
	quoteBefore := front > p.first && p.isCloseQuote(front-1)
	relative := !inverted && src.end-src.start == 1 && enRelatives[p.toks[src.start].Key]
	if relative && src.start > p.first && p.toks[src.start-1].comma() {
		// "the rival, who has refused to accept any result, left": the
		// relative clause ends at its comma
		if e := p.enSubClauseEnd(c.end+1, limit); e < limit {
			limit = e
		}
	}
	fronted := !roleBefore && !relative && front > p.first && (p.isCloseQuote(front-1) ||
		(p.toks[front-1].comma() || p.toks[front-1].dash()) && !p.enAdverbialBefore(p.enContentStart(front, before), front-1) &&
			(p.enProse(p.enContentStart(front, before), front-1) || p.kind == claimtrail.ParagraphTitle))
	infinitive := c.def.comps&CompTo != 0 && p.enInfinitive(j, limit) || c.def.comps&CompObjTo != 0 && p.enObjectTo(j, limit) > j
	// "Well, look, Clinton thinks this is a show": a clause after the cue
	// is its content; the words before the comma are not
	clauseAfter := fronted && !quoteBefore && !inverted && c.def.comps&CompThat != 0 && j < limit && p.toks[j].word() &&
		(enPronouns[p.toks[j].Key] || enDeterminers[p.toks[j].Key] || isCapitalized(p.toks[j].Text)) &&
		(p.enClauseAhead(j, limit) || j+1 < limit && enBe[p.toks[j+1].Key])
	if (!inverted || j < limit && !p.toks[j].final()) && (!fronted || infinitive || clauseAfter || p.enExplicit(j, limit) && !(quoteBefore && p.lx.complementizers[p.toks[j].Key])) {
		if start, typ, ok := p.enComplement(j, limit, c.def); ok {
			if rr := p.finish(r, start, typ, p.enAdjunctCut(start.start, limit, typ)); rr != nil {
				p.enStatement(r, c.end, j)
				return rr
			}
		}
	}
	if front <= p.first || !(p.toks[front-1].comma() || p.toks[front-1].dash() || p.isCloseQuote(front-1)) || roleBefore {
		return nil
	}
	cs := p.enContentStart(front, before)
	ce := front
	if p.toks[ce-1].comma() || p.toks[ce-1].dash() {
		ce--
	}
	// a parenthetical cue: "With the first phase complete, it noted, Iraq
	// will shift ...": the content is the clause after it
	if j < limit && p.toks[j].comma() && p.enClauseAfter(j+1, limit) && p.enFrontedOnly(cs, ce) {
		if rr := p.finish(r, tokRange{start: j + 1, end: limit}, claimtrail.Indirect, limit); rr != nil {
			return rr
		}
	}
	// a subject, the attribution, then its predicate: "The latest test,
	// North Korea said, was its biggest yet": the content runs round it
	if fronted && j+1 < limit && p.toks[j].comma() && (p.enClauseAfter(j+1, limit) || enAux[p.toks[j+1].Key] || p.clauseWord(j+1)) && !p.enHasVerb(cs, ce) &&
		!p.isCloseQuote(front-1) && ce > cs {
		if rr := p.finish(r, tokRange{start: cs, end: limit}, claimtrail.Indirect, limit); rr != nil {
			return rr
		}
	}
	// content before the subject: "...," X said. / ..., said X.
	if !fronted || ce <= cs {
		return nil
	}
	if c.def.comps&^CompQuote == 0 && !quoteBefore {
		return nil // "the talks will continue": continued reports only a quotation
	}
	typ := claimtrail.Indirect
	if p.toks[cs].Kind == text.Quote {
		typ = claimtrail.Direct
	}
	return p.finish(r, tokRange{start: cs, end: ce}, typ, ce)
}

func hasTop(rs []*raw) bool {
	for _, r := range rs {
		if r.nested < 0 && !r.frame {
			return true
		}
	}
	return false
}

// enLeadSubject reads the noun phrase that opens the sentence (Afghan
// officials released ..., A spokesperson for his campaign rejected ...):
// determiners, names, source nouns, and "of"/"for" inside a title; a
// lower-case word only before a capital or a source noun (senior official,
// former minister). It must end on a name or a source noun.
func (p *parser) enLeadSubject() np {
	lx := p.lx
	k := p.first
	last := -1
	if t := p.at(k); t != nil && (enPreps[t.Key] || enFronted[t.Key] || enTime[t.Key]) {
		// In late September, a group of parents sent ...: the subject
		// follows the fronted phrase
		for m := k + 1; m < len(p.toks) && m < k+9; m++ {
			if p.toks[m].comma() {
				k = m + 1
				break
			}
			if !p.toks[m].word() && p.toks[m].Kind != text.Number {
				return np{}
			}
		}
	}
	if t := p.at(k); t == nil || enPreps[t.Key] || enFronted[t.Key] || enSubordinator[t.Key] {
		return np{}
	}
	first := k
	for k < len(p.toks) && k < first+12 {
		t := &p.toks[k]
		switch {
		case t.Text == "." && k > first && isAbbrev(p.toks[k-1].Text), t.Text == "-":
		case t.Kind != text.Word && t.Kind != text.Number:
			return leadNP(first, last)
		case isCapitalized(t.Text) && !(k > first && p.lx.verbs[t.Key] != nil && !isCapitalized(p.toks[k-1].Text)):
			last = k
		case lx.sourceHead(t.Key) || lx.unnamed[t.Key] != "":
			last = k
		case enDeterminers[t.Key] && k == first:
		case (t.Key == "of" || t.Key == "for") && last == k-1:
		case enDeterminers[t.Key] && k > first && (p.toks[k-1].Key == "of" || p.toks[k-1].Key == "for"):
		default:
			next := p.at(k + 1)
			if next != nil && (isCapitalized(next.Text) || lx.sourceHead(next.Key) || lx.unnamed[next.Key] != "") && !enAux[t.Key] && lx.verbs[t.Key] == nil {
				break
			}
			return leadNP(first, last)
		}
		k++
	}
	return leadNP(first, last)
}

func leadNP(first, last int) np {
	if last < first {
		return np{}
	}
	return np{start: first, end: last + 1}
}

// enAdverbialBefore: the words [a, b) before a subject's comma are a
// fronted adverbial (In a statement, Speaking after the meeting,
// Meanwhile), not a content standing before its attribution.
func (p *parser) enAdverbialBefore(a, b int) bool {
	// "However, growth is slowing, the IMF said": a connective links the
	// sentence to the one before; what follows it is what decides
	for a < b && (enConnectives[p.toks[a].Key] || enFillers[p.toks[a].Key] || p.toks[a].Key == "you" && a+1 < b && p.toks[a+1].Key == "know") {
		if p.toks[a].Key == "you" {
			a++ // "you know,"
		}
		a++
		if a < b && p.toks[a].comma() {
			a++
		}
	}
	if b <= a {
		return true
	}
	t := &p.toks[a]
	if enSubordinator[t.Key] && !isConj(t.Key) || t.Key == "though" || t.Key == "although" || t.Key == "despite" {
		return b-a <= 40 // Though his plan would ..., one study found ...
	}
	for k := a; k < b; k++ {
		if p.clauseWord(k) {
			return false // "At least 589 people were confirmed dead": a clause
		}
	}
	if enFronted[t.Key] || enSubordinator[t.Key] || enTime[t.Key] || enPreps[t.Key] || enFrontedMore[t.Key] {
		return b-a <= 12
	}
	if t.Kind == text.Word && strings.HasSuffix(t.Key, "ly") && len(t.Key) > 4 && !isCapitalized(p.toks[min(a+1, b-1)].Text) {
		return b-a <= 12 // Deeply divided about how to keep the bloc together,
	}
	if t.Kind == text.Word && strings.HasSuffix(t.Key, "ing") && !isCapitalized(p.toks[min(a+1, b-1)].Text) {
		return b-a <= 12 // Speaking after his first meeting,
	}
	if last := &p.toks[b-1]; b-a <= 3 && last.Kind == text.Word && strings.HasSuffix(last.Key, "ly") {
		return true // More recently, / Most importantly,
	}
	return b-a <= 2 && t.Kind == text.Word && !enDeterminers[t.Key] && !p.enHasName(np{start: a, end: b}) // Meanwhile, / Earlier on, (not "The talks,")
}

// enProse: the words [a, b) read as a sentence, with lower-case words in
// it, not as a run of names and codes such as a dateline left in the text
// ("BAGHDAD, Jan 18 (KUNA) --").
func (p *parser) enProse(a, b int) bool {
	for k := a; k < b; k++ {
		t := &p.toks[k]
		if t.Kind == text.Word && !isCapitalized(t.Text) && len(t.Key) > 2 && !enDeterminers[t.Key] {
			return true
		}
	}
	return false
}

// enExplicit: a complementizer, a colon or a quotation mark opens the
// content at j.
func (p *parser) enExplicit(j, limit int) bool {
	t := p.at(j)
	if t == nil || j >= limit {
		return false
	}
	if t.comma() {
		t = p.at(j + 1)
		return t != nil && t.Kind == text.Quote
	}
	return p.lx.complementizers[t.Key] || t.colon() || t.Kind == text.Quote && t.pair > j
}

// enHasVerb: the tokens [a, b) hold an auxiliary, a modal, a negation or
// a cue verb: a clause, not a bare noun phrase.
func (p *parser) enHasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if p.clauseWord(k) || p.lx.verbs[p.toks[k].Key] != nil && !(k > a && enDeterminers[p.toks[k-1].Key]) {
			return true // "the talks": a noun after a determiner
		}
	}
	return false
}

// enWords counts the words of a content range.
func (p *parser) enWords(r tokRange) int {
	n := 0
	for k := r.start; k < r.end; k++ {
		if p.toks[k].word() {
			n++
		}
	}
	return n
}

// enStatement marks a claim whose channel was a statement, so that a later
// "the statement" resolves to its source.
func (p *parser) enStatement(r *raw, from, to int) {
	for k := from; k < to && k < len(p.toks); k++ {
		if key := p.toks[k].Key; key == "statement" || key == "statements" || key == "release" {
			r.statement = true
		}
	}
}

func (p *parser) isCloseQuote(k int) bool {
	t := p.at(k)
	return t != nil && t.Kind == text.Quote && t.pair >= 0 && t.pair < k
}

// enContentStart is where a fronted content begins: the sentence start, or
// the end of the last claim before it.
func (p *parser) enContentStart(front int, before []*raw) int {
	cs := p.first
	for _, b := range before {
		if b.nested < 0 && b.content.end <= front && b.content.end > cs {
			cs = b.content.end
			for cs < front && (p.toks[cs].Kind == text.Punct || p.toks[cs].Kind == text.Quote && p.toks[cs].pair < cs) {
				cs++
			}
		}
	}
	// a leading conjunction belongs to the narrative: "But a campaign ..."
	// stays in (the annotation keeps it); a quotation mark opens the content
	return cs
}

// enFrontedOnly: the words before a parenthetical cue are a fronted phrase
// (With ..., After ..., In ...), not a clause of their own.
func (p *parser) enFrontedOnly(cs, ce int) bool {
	return ce > cs && enFronted[p.toks[cs].Key] && ce-cs <= 12
}

// enClauseAfter: a clause of a few words follows, not a cue or a modifier.
func (p *parser) enClauseAfter(j, limit int) bool {
	n := 0
	for k := j; k < limit; k++ {
		if p.toks[k].word() {
			n++
		}
	}
	t := p.at(j)
	return n >= 4 && t != nil && !enPreps[t.Key] && p.lx.participles[t.Key] == nil && !p.lx.according.has(t.Key)
}

func (ix phraseIndex) has(key string) bool { return len(ix[key]) > 0 }

// enAfterCue skips what may stand between a cue and its content: time
// (on Tuesday, last week), a channel (in a statement, in an interview with
// CNN), an addressee (told Reuters, told reporters) and "to reporters".
func (p *parser) enAfterCue(j, limit int, d *cueDef, r *raw) int {
	for j < limit {
		t := &p.toks[j]
		if enTime[t.Key] || t.Kind == text.Number && j > 0 && enTime[p.toks[j-1].Key] || p.lx.adverbials[t.Key] && !enPreps[t.Key] && !enAux[t.Key] {
			j++
			continue
		}
		if d.comps&CompTo != 0 && (t.Key == "after" || t.Key == "before" || t.Key == "during" || t.Key == "following" || t.Key == "amid") {
			// decided after a lengthy investigation not to recommend
			if k := p.enToAhead(j+1, limit); k > j {
				j = k
				continue
			}
		}
		if t.Key == "on" || t.Key == "at" || t.Key == "in" || t.Key == "during" || t.Key == "after" || t.Key == "before" || t.Key == "late" || t.Key == "early" {
			if n, _ := p.matchPhrase(p.lx.channels, j); n > 0 {
				j = p.enChannelTail(j+n, limit)
				r.statement = r.statement || strings.Contains(p.phraseText(j-1, j), "statement") || p.hasStatement(j-n, j)
				continue
			}
			if k := j + 1; k < limit && (enTime[p.toks[k].Key] || p.toks[k].Kind == text.Number || enTime[p.skipDet(k)]) {
				j = k
				continue
			}
			if p.enThatAhead(j, limit) {
				j = p.enChannelTail(j+1, limit)
				continue
			}
			if k := p.enPhraseThenClause(j, limit); k > j {
				j = k // said after the convention he would not ...
				continue
			}
			return j
		}
		if enPreps[t.Key] && t.Key != "to" && p.enThatAhead(j, limit) {
			// says of Clinton, "..." / wrote about the plan that ...
			j = p.enChannelTail(j+1, limit)
			continue
		}
		if t.Text == "(" {
			if e := p.findClose(j, limit, func(x *tk) bool { return x.Text == ")" }, 8); e > j {
				j = e + 1
				continue
			}
		}
		if t.Key == "to" && j+1 < limit && (p.toks[j+1].Key == "reporters" || p.toks[j+1].Key == "journalists") {
			j += 2
			continue
		}
		if d.comps&CompObjTo != 0 && j == r.c.end && p.enObjectTo(j, limit) > j {
			return j // urged lawmakers to act: the object is part of the content
		}
		if enTellers[d.lemma] && j == r.c.end && p.enAddressee(j, limit) > j {
			j = p.enAddressee(j, limit)
			continue
		}
		return j
	}
	return j
}

func (p *parser) hasStatement(a, b int) bool {
	for k := a; k < b; k++ {
		if p.toks[k].Key == "statement" {
			return true
		}
	}
	return false
}

// enPhraseThenClause: a short prepositional phrase at j followed by a
// clause with no "that", its subject a pronoun and then an auxiliary or a
// finite verb ("said after the convention he would not accept"); returns
// where the clause starts, or j.
func (p *parser) enPhraseThenClause(j, limit int) int {
	for k := j + 1; k < limit && k <= j+7; k++ {
		t := &p.toks[k]
		if !t.word() || p.lx.verbs[t.Key] != nil && !enDeterminers[p.toks[k-1].Key] || enAux[t.Key] || p.lx.complementizers[t.Key] {
			return j
		}
		if k > j+1 && p.enPronounClause(k, limit) {
			return k
		}
		if enPronouns[t.Key] {
			return j
		}
	}
	return j
}

// enConvenedAhead: a meeting, vote or strike is named in the three words
// at j (called an emergency meeting, called a snap election).
func (p *parser) enConvenedAhead(j int) bool {
	for k := j; k < len(p.toks) && k < j+3; k++ {
		if !p.toks[k].word() {
			return false
		}
		if enConvened[p.toks[k].Key] {
			return true
		}
	}
	return false
}

// enPluralNoun: the -s form at i is a plural noun, not a verb: after a
// number ("27 states", "two reports") or before a finite verb ("the
// campaign-finance reports shows", "reports say").
func (p *parser) enPluralNoun(i int) bool {
	t := &p.toks[i]
	if !strings.HasSuffix(t.Key, "s") || strings.HasSuffix(t.Key, "ss") || i == p.first {
		return false
	}
	prev := &p.toks[i-1]
	if prev.Kind == text.Number || enNumberWords[prev.Key] {
		return true
	}
	if _, after, ok := strings.Cut(prev.Key, "-"); ok && enNumberWords[after] {
		return true // twenty-seven
	}
	if n := p.at(i + 1); n != nil && n.word() && !isCapitalized(n.Text) && !n.quoted {
		if d := p.lx.verbs[n.Key]; d != nil && (n.Key != d.lemma || strings.HasSuffix(n.Key, "s")) && !strings.HasSuffix(n.Key, "ing") {
			return true
		}
		if enAux[n.Key] && n.Key != "to" {
			return true
		}
		if m := p.at(i + 2); m != nil && m.Key == "by" && (strings.HasSuffix(n.Key, "ed") || n.Key == "won" || n.Key == "held" || n.Key == "led" || n.Key == "run") {
			return true // states won by Democrats: a noun and its participle
		}
	}
	return false
}

// clauseWord: the token at k is an auxiliary, a modal or a negation that
// makes a clause; "May" inside a sentence is the month (a May interview).
func (p *parser) clauseWord(k int) bool {
	t := &p.toks[k]
	return enClause[t.Key] && !(t.Text == "May" && k > p.first)
}

// enPronounClause: a subject pronoun at k with an auxiliary or a finite
// verb after it opens a clause (she was not running, it expects losses).
func (p *parser) enPronounClause(k, limit int) bool {
	t := &p.toks[k]
	if !enPronouns[t.Key] || t.Key == "you" || k+1 >= limit {
		return false
	}
	n := &p.toks[k+1]
	return enAux[n.Key] || p.clauseWord(k+1) || n.word() && (strings.HasSuffix(n.Key, "ed") || strings.HasSuffix(n.Key, "s")) && !isCapitalized(n.Text)
}

// enChannelTail reads the rest of a channel or time phrase: words up to a
// complementizer, a colon, a quotation mark or a comma.
func (p *parser) enChannelTail(j, limit int) int {
	for j < limit {
		t := &p.toks[j]
		if t.comma() && p.enPlaceComma(j, limit) {
			j += 3 // in Toledo, Ohio, that
			continue
		}
		if t.comma() || t.colon() || t.Kind == text.Quote || p.lx.complementizers[t.Key] || t.final() {
			return j
		}
		if p.lx.verbs[t.Key] != nil && !enDeterminers[p.toks[j-1].Key] || p.enPronounClause(j, limit) {
			return j
		}
		j++
	}
	return j
}

// enPlaceComma: the comma at k separates a place from its state or
// country (Toledo, Ohio,), with a comma after both.
func (p *parser) enPlaceComma(k, limit int) bool {
	q := p.at(k + 1)
	return k > p.first && isCapitalized(p.toks[k-1].Text) && q != nil && q.Kind == text.Word && isCapitalized(q.Text) &&
		k+2 < limit && p.toks[k+2].comma()
}

// enThatAhead: a complementizer follows within a short prepositional
// phrase (said in a phone interview with the Times that ...).
func (p *parser) enThatAhead(j, limit int) bool {
	for k := j; k < limit && k < j+10; k++ {
		t := &p.toks[k]
		if p.lx.complementizers[t.Key] || t.colon() {
			return true
		}
		if t.comma() {
			q := p.at(k + 1)
			if k > j && p.enPlaceComma(k, limit) {
				k += 2 // in Toledo, Ohio, that ...
				continue
			}
			return q != nil && q.Kind == text.Quote
		}
		if t.Kind == text.Quote || t.final() || enAux[t.Key] {
			return false
		}
	}
	return false
}

// enAddressee reads the object of told/warned/assured: a name, a pronoun or
// a short noun phrase (told Reuters, told CNN's Jake Tapper, told him).
func (p *parser) enAddressee(j, limit int) int {
	k := j
	for k < limit && k < j+6 {
		t := &p.toks[k]
		if !t.word() || p.lx.complementizers[t.Key] || enPreps[t.Key] && k > j || enAux[t.Key] {
			break
		}
		k++
		if k-j == 1 && (t.Key == "him" || t.Key == "them" || t.Key == "us" || t.Key == "me") && k < limit && p.toks[k].word() && !enPreps[p.toks[k].Key] {
			return k // told him the nominee had paid nothing: an object pronoun, then the clause
		}
		if k-j == 1 && (enPronouns[t.Key] || t.Key == "him" || t.Key == "her" || t.Key == "them" || t.Key == "us" || t.Key == "me" || t.Key == "reporters" || t.Key == "journalists") {
			break
		}
		if !isCapitalized(t.Text) && !enDeterminers[t.Key] && k-j >= 2 && !(k < limit && p.lx.complementizers[p.toks[k].Key]) &&
			!(k < limit && p.toks[k].word() && !isCapitalized(p.toks[k].Text) && k+1 < limit && p.lx.complementizers[p.toks[k+1].Key]) {
			break // told the debate audience that: a short noun phrase
		}
	}
	if k < limit && (p.lx.complementizers[p.toks[k].Key] || p.toks[k].colon() || p.toks[k].comma() ||
		p.toks[k].Kind == text.Quote || enPreps[p.toks[k].Key] || p.toks[k].final()) {
		return k
	}
	return j
}

// enCiting reads ", citing Y," at j: the source a reporter relays.
func (p *parser) enCiting(j, limit int) (np, int, bool) {
	k := j
	if k < limit && p.toks[k].comma() {
		k++
	}
	t := p.at(k)
	if t == nil || k >= limit {
		return np{}, j, false
	}
	d := p.lx.participles[t.Key]
	if d == nil || !d.relay {
		return np{}, j, false
	}
	n := p.enNPForward(k+1, limit)
	if n.empty() {
		return np{}, j, false
	}
	next := n.end
	if next < limit && p.toks[next].comma() {
		next++
	}
	return n, next, true
}

// enComplement finds the content after a cue: that-clause, a quotation, a
// colon, a bare clause or a noun phrase.
func (p *parser) enComplement(j, limit int, d *cueDef) (tokRange, claimtrail.ClaimType, bool) {
	t := p.at(j)
	if t == nil || j >= limit || t.final() {
		return tokRange{}, "", false
	}
	if p.lx.complementizers[t.Key] && j+1 < limit && (d.comps&CompThat != 0 || j > 0 && d.preps[p.toks[j-1].Key]) {
		return tokRange{start: j + 1, end: limit}, claimtrail.Indirect, true // pointed out that ...
	}
	if (enWh[t.Key] || t.Key == "if") && enWhTakers[d.lemma] && j+1 < limit && !t.quoted {
		// asked whether the deals required ..., the slide shows what the car would cost
		return tokRange{start: j, end: limit}, claimtrail.Indirect, true
	}
	if t.colon() || t.comma() {
		if q := p.at(j + 1); q != nil && j+1 < limit && (q.Kind == text.Quote || t.colon()) && d.comps&(CompQuote|CompThat) != 0 {
			return tokRange{start: j + 1, end: limit}, claimtrail.Direct, true
		}
		return tokRange{}, "", false
	}
	if t.Kind == text.Quote && t.pair != j-1 && (t.pair < 0 || t.pair > j) {
		return tokRange{start: j, end: limit}, claimtrail.Direct, true
	}
	// an infinitive (wants to cut taxes, declined to comment) or an object
	// and its infinitive (urged lawmakers to act): the "to" is part of the
	// content, as the object is
	if d.comps&CompPrep != 0 && d.preps[t.Key] && j > 0 && !d.preps[p.toks[j-1].Key] && j+1 < limit && p.toks[j+1].word() {
		return tokRange{start: j + 1, end: limit}, claimtrail.Nominal, true // ruled Friday against the procedure
	}
	if d.comps&CompTo != 0 && (p.enInfinitive(j, limit) || p.lx.negators[t.Key] && p.enInfinitive(j+1, limit)) {
		return tokRange{start: j, end: limit}, claimtrail.Indirect, true // decided not to appeal
	}
	if d.comps&CompObjTo != 0 && p.enObjectTo(j, limit) > j {
		return tokRange{start: j, end: limit}, claimtrail.Indirect, true
	}
	if !t.word() || p.lx.verbs[t.Key] != nil && !isCapitalized(t.Text) && strings.HasSuffix(t.Key, "ed") || p.lx.participles[t.Key] != nil {
		return tokRange{}, "", false // "after the bank announced its decision"
	}
	clause := p.enClauseAhead(j, limit)
	if d.comps&CompNominal == 0 && strings.HasSuffix(t.Key, "ed") && len(t.Key) > 4 && !isCapitalized(t.Text) {
		return tokRange{}, "", false // "policies that Trump argues allowed ...": no subject, no clause
	}
	switch {
	case d.comps&CompThat != 0 && (clause || d.comps&CompNominal == 0 && !(j > 0 && d.preps[p.toks[j-1].Key])) && !enPreps[t.Key]:
		return tokRange{start: j, end: limit}, claimtrail.Indirect, true
	case d.comps&CompNominal != 0 && !enPreps[t.Key] || d.comps&CompPrep != 0 && j > 0 && d.preps[p.toks[j-1].Key]:
		return tokRange{start: j, end: limit}, claimtrail.Nominal, true
	}
	return tokRange{}, "", false
}

// enToAhead finds, within a short phrase from j, the infinitive (to, or
// not to) that a cue's complement starts with; it returns j - 1 when none.
func (p *parser) enToAhead(j, limit int) int {
	for k := j; k < limit && k < j+8; k++ {
		t := &p.toks[k]
		if !t.word() && t.Kind != text.Number || p.lx.complementizers[t.Key] || enAux[t.Key] {
			return j - 1
		}
		if p.lx.negators[t.Key] && p.enInfinitive(k+1, limit) || p.enInfinitive(k, limit) {
			return k
		}
	}
	return j - 1
}

// enInfinitive: "to" at j opens an infinitive, not a prepositional phrase:
// a lower-case word that can be a verb follows, through a negation or an
// adverb (to cut, to not recommend, to quickly act), and not a
// determiner, a pronoun, a name, a number or a plural noun (agreed to the
// deal, spoke to reporters, agreed to terms, pointed to 2016).
func (p *parser) enInfinitive(j, limit int) bool {
	if t := p.at(j); t == nil || t.Key != "to" || t.quoted {
		return false
	}
	k := j + 1
	for k < limit && k < j+3 && (p.lx.negators[p.toks[k].Key] || p.toks[k].Key == "also" || p.toks[k].Key == "further" ||
		strings.HasSuffix(p.toks[k].Key, "ly") && len(p.toks[k].Key) > 4 && p.toks[k].Kind == text.Word && !isCapitalized(p.toks[k].Text)) {
		k++
	}
	if k+1 >= limit {
		return false // "agreed to." : nothing after the verb
	}
	t := &p.toks[k]
	w := t.Key
	if t.Kind != text.Word || isCapitalized(t.Text) || t.quoted && p.toks[k-1].Kind != text.Quote {
		return false
	}
	if enDeterminers[w] || enPronouns[w] || enInfObjects[w] || enPreps[w] || enTime[w] || enAux[w] && w != "be" && w != "have" && w != "do" ||
		p.lx.complementizers[w] || enSubordinator[w] || enRelatives[w] {
		return false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false // agreed to terms, talked to voters
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 || strings.HasSuffix(w, "ed") && len(w) > 4 && !strings.HasSuffix(w, "eed") {
		return false // committed to building, returned to power... not a base form
	}
	return true
}

// enObjectTo: an object before an infinitive at j (urged Republicans to
// join, asked him to leave, encouraged members of Congress to act); it
// returns the index of "to", or j when there is none.
func (p *parser) enObjectTo(j, limit int) int {
	k := j
	for k < limit && k < j+10 {
		t := &p.toks[k]
		if t.Key == "to" && k > j {
			if p.enInfinitive(k, limit) {
				return k
			}
			return j
		}
		if t.Text == "-" || t.Text == "." && k > j && isAbbrev(p.toks[k-1].Text) {
			k++
			continue
		}
		if t.Kind != text.Word && t.Kind != text.Number || t.quoted {
			return j
		}
		w := t.Key
		if enAux[w] || p.lx.complementizers[w] || enRelatives[w] || enSubordinator[w] && w != "and" && w != "or" ||
			w == "how" || w == "what" || w == "why" || w == "where" || enTime[w] && k == j {
			return j
		}
		if k == j && (enPreps[w] || p.lx.negators[w]) {
			return j
		}
		k++
	}
	return j
}

// enClauseAhead: an auxiliary, a modal or a negation within the next few
// words, before any comma: "confirmed the results were final" is a clause,
// "confirmed the results" a noun phrase.
func (p *parser) enClauseAhead(j, limit int) bool {
	for k := j; k < limit && k < j+10; k++ {
		t := &p.toks[k]
		if t.comma() || t.final() {
			return false
		}
		if k == j && (t.Key == "he" || t.Key == "she" || t.Key == "they" || t.Key == "we" || t.Key == "i") {
			return true // show he took a loss: a subject pronoun opens a clause
		}
		if p.clauseWord(k) || k > j && (strings.HasSuffix(t.Key, "ed") || strings.HasSuffix(t.Key, "s")) && !isCapitalized(t.Text) && k+1 < limit && !enPreps[t.Key] && p.enVerbish(k) {
			return true
		}
	}
	return false
}

// enVerbish: a lower-case word after a noun-like word and before a
// determiner or preposition, as a finite verb stands (the move implements
// the timetable).
func (p *parser) enVerbish(k int) bool {
	next := p.at(k + 1)
	return next != nil && (enDeterminers[next.Key] || enPreps[next.Key] || next.Kind == text.Number)
}

// enSubjectBack reads the subject that ends right before token k.
func (p *parser) enSubjectBack(k int, r *raw) np {
	if k-1 >= p.first && enPronouns[p.toks[k-1].Key] && p.toks[k-1].Key != "it" {
		return np{start: k - 1, end: k} // "$18 million he says": the pronoun is the subject
	}
	if k-1 > p.first && enRelatives[p.toks[k-1].Key] && !p.toks[k-2].comma() && p.toks[k-2].word() {
		return np{start: k - 1, end: k} // "some who saw the comment as": the relative is the subject
	}
	// "a senior official who spoke on condition of anonymity said": the
	// subject is the noun phrase before the relative clause
	for j := k - 2; j > p.first && j >= k-16; j-- {
		t := &p.toks[j]
		if t.Kind == text.Punct && !(t.Text == "." && isAbbrev(p.toks[j-1].Text)) || t.Kind == text.Quote {
			break
		}
		if t.Key != "who" {
			continue
		}
		if n := p.enSubjectBack(j, nil); !n.empty() && n.end == j && p.enSourceLike(n) {
			if r != nil && p.lx.withheldEn(p.slice(t.Span.Start, p.toks[k-1].Span.End)) {
				r.withheld = true
			}
			return n
		}
		break
	}
	start := k
	for j := k - 1; j >= p.first; j-- {
		t := &p.toks[j]
		if t.Text == ")" && j-1 > p.first {
			// Sen. Claire McCaskill (D-Mo.) said: the party and state
			if o := p.openParen(j); o > p.first && j-o <= 8 {
				j = o
				start = o
				continue
			}
		}
		if t.Kind == text.Punct {
			if t.Text == "." && j > 0 && isAbbrev(p.toks[j-1].Text) || t.Text == "-" && p.joined(j) || t.Text == "&" {
				start = j
				continue
			}
			break
		}
		if enRelatives[t.Key] && j < k-1 {
			if n := &p.toks[j+1]; enPronouns[n.Key] || enDeterminers[n.Key] || isCapitalized(n.Text) {
				break // in which he said: the subject is "he"
			}
		}
		if enWh[t.Key] && j < k-1 {
			break // the gap between what Trump says ...: the subject is "Trump"
		}
		if t.Kind == text.Quote && (t.Text == "'" || t.Text == "’") && j > p.first && p.toks[j-1].Span.End == t.Span.Start &&
			strings.HasSuffix(p.toks[j-1].Key, "s") && j+1 < k {
			start = j // the farmers' union
			continue
		}
		if t.Kind == text.Quote || t.quoted {
			break
		}
		if (t.Key == "and" || t.Key == "&") && j > p.first && j+1 < k && isCapitalized(p.toks[j-1].Text) && isCapitalized(p.toks[j+1].Text) {
			start = j // the Urban Institute and Brookings Institution
			continue
		}
		if t.Key == "and" && j > p.first && j+1 < k && k-j <= 4 && p.toks[j-1].word() && !isCapitalized(p.toks[j+1].Text) &&
			(p.lx.sourceHead(p.toks[j-1].Key) || isCapitalized(p.toks[j-1].Text)) && p.lx.sourceHead(p.toks[k-1].Key) {
			start = j // The nominee and his aides, World leaders and diplomats
			continue
		}
		if p.lx.complementizers[t.Key] || enSubordinator[t.Key] || enAux[t.Key] ||
			p.lx.verbs[t.Key] != nil && !isCapitalized(t.Text) && !(j > p.first && enDeterminers[p.toks[j-1].Key] && p.toks[j-1].Key != "that") &&
				!(p.lx.sourceHead(t.Key) && j+1 == k) ||
			p.lx.participles[t.Key] != nil {
			break // a verb ends the subject; "his campaign" is a noun
		}
		if enPreps[t.Key] && !p.enInsideName(j, k) {
			// "...," a narrator in the Clinton ad asks: a short phrase that a
			// quotation mark or a comma opens is the whole subject
			if b := p.enDelimitedFrom(j); b >= 0 {
				start = b
				break
			}
			// "in case the Houthis reject", "with the economy expected": the
			// words are the preposition's object, not a subject
			return np{}
		}
		start = j
		if k-start > 20 {
			return np{}
		}
	}
	// a leading "and" or "but" is not part of the name
	for start < k && (p.toks[start].Key == "and" || p.toks[start].Key == "but") {
		start++
	}
	if start >= k {
		return np{}
	}
	// a relative clause after the head: "a senior official who spoke ..."
	for m := start + 1; m < k; m++ {
		if enRelatives[p.toks[m].Key] {
			return np{start: start, end: m}
		}
	}
	return np{start: start, end: k}
}

// joined: the mark at j touches the words on both sides (D-N.Y., al-Asad),
// so it is inside a word, not a dash between phrases.
func (p *parser) joined(j int) bool {
	return j > 0 && j+1 < len(p.toks) && p.toks[j-1].Span.End == p.toks[j].Span.Start && p.toks[j].Span.End == p.toks[j+1].Span.Start
}

// enDelimitedFrom: the up to four words before the preposition at j start
// right after a closing quotation mark or a comma; it returns where.
func (p *parser) enDelimitedFrom(j int) int {
	n := 0
	for m := j - 1; m >= p.first; m-- {
		t := &p.toks[m]
		if t.Kind == text.Word || t.Kind == text.Number {
			if n++; n > 4 || p.lx.verbs[t.Key] != nil && !enDeterminers[p.skipDetBack(m)] ||
				strings.HasSuffix(t.Key, "ing") && !isCapitalized(t.Text) || t.Key == "them" || t.Key == "him" || t.Key == "her" || t.Key == "it" {
				return -1
			}
			continue
		}
		if t.comma() || p.isCloseQuote(m) {
			if n == 0 {
				return -1
			}
			return m + 1
		}
		return -1
	}
	return -1
}

func (p *parser) skipDetBack(m int) string {
	if m > p.first {
		return p.toks[m-1].Key
	}
	return ""
}

// openParen finds the "(" that the ")" at j closes, in the same sentence.
func (p *parser) openParen(j int) int {
	for k := j - 1; k >= p.first && k >= j-10; k-- {
		if p.toks[k].Text == "(" {
			return k
		}
		if p.toks[k].Text == ")" {
			return -1
		}
	}
	return -1
}

// enInsideName: a preposition inside a name or a title (Ministry of
// Defense, spokesperson for his campaign, people familiar with the matter):
// the words before it start with a capital or are a source noun.
func (p *parser) enInsideName(j, k int) bool {
	key := p.toks[j].Key
	if j == p.first {
		return false
	}
	prev := &p.toks[j-1]
	if (key == "by" || key == "from") && p.lx.nounKind[prev.Key] == claimtrail.KindDocument {
		return true // a study by Justin Levitt, documents from his tax return
	}
	if key == "of" && (prev.Kind == text.Number || enDeterminers[prev.Key] || prev.Key == "percent" || prev.Key == "most" || prev.Key == "eight" || prev.Key == "none" ||
		enQuantity[prev.Key]) {
		return true // eight of 10 voters, some of the officials
	}
	if key != "of" && key != "for" && key != "with" && key != "at" && key != "on" && key != "in" && key != "to" {
		return false
	}
	next := p.at(j + 1)
	if next == nil || j+1 >= k {
		return false
	}
	nameAfter := isCapitalized(next.Text) || enDeterminers[next.Key] || p.lx.sourceHead(next.Key)
	if key == "with" {
		return prev.Key == "familiar"
	}
	if key == "to" && prev.Key == "close" {
		return true // people close to the talks, those close to him
	}
	if isCapitalized(prev.Text) && isCapitalized(next.Text) {
		return true // Commission on Presidential Debates, Ministry of Defense
	}
	if isCapitalized(prev.Text) && next.Key == "the" && j+2 < k && isCapitalized(p.toks[j+2].Text) && j > p.first && !enTime[prev.Key] {
		return true // the Tax Policy Center at the Urban Institute
	}
	if key == "in" || key == "at" || key == "on" || key == "to" {
		// officials in Washington, the top Republican on the committee
		return (p.lx.unnamed[prev.Key] != "" || p.lx.nounKind[prev.Key] != "") && nameAfter
	}
	return isCapitalized(prev.Text) || p.lx.sourceHead(prev.Key) || p.lx.unnamed[prev.Key] != ""
}

// enAppositionBack reads "NAME, ROLE," or "REPORTER, citing SOURCE," that
// ends with the comma at index c.
func (p *parser) enAppositionBack(c int, r *raw) (np, []np) {
	// find the comma that opens the apposition
	o := -1
	for j := c - 1; j >= p.first && j >= c-40; j-- {
		t := &p.toks[j]
		if t.comma() || t.dash() && !p.joined(j) {
			o = j
			break
		}
		if t.Kind == text.Quote && (t.Text == "'" || t.Text == "’") && j > p.first && p.toks[j-1].Span.End == t.Span.Start && strings.HasSuffix(p.toks[j-1].Key, "s") {
			continue // veterans' families: a possessive, not a quotation
		}
		if t.Kind == text.Quote || t.final() && !(t.Text == "." && j > 0 && (isAbbrev(p.toks[j-1].Text) || p.stateAbbrev(j))) || t.colon() {
			return np{}, nil
		}
	}
	if o < 0 || o+1 >= c {
		return np{}, nil
	}
	name := p.enSubjectBack(o, r)
	if name.end-name.start == 1 && p.toks[name.start].Kind == text.Number && name.start-1 > p.first && p.toks[name.start-1].comma() {
		name = p.enSubjectBack(name.start-1, r) // Schiff, 56, who has served ...: the age is not the name
		if name.empty() || name.end != o-2 {
			return np{}, nil
		}
	} else if name.empty() || name.end != o {
		return np{}, nil
	}
	first := &p.toks[o+1]
	if c-o <= 7 && p.stateAbbrev(c-1) {
		return name, nil // Mitch McConnell, R-Ky., said
	}
	// "The President of the Council, Dr. Rashad Al-Alimi, announced": the
	// name stands between the commas, the title before them
	if p.enAllNameWords(o+1, c) && (!p.enHasName(name) || p.lx.honorifics[first.Key] || p.enHasTitle(name)) {
		sp := p.npSpan(name)
		r.role = &sp
		return np{start: o + 1, end: c}, nil
	}
	if d := p.lx.participles[first.Key]; d != nil && d.relay {
		src := np{start: o + 2, end: c}
		if src.empty() {
			return np{}, nil
		}
		return src, []np{name}
	}
	if enRelatives[first.Key] {
		return name, nil // Trump, who ..., said
	}
	if first.Kind == text.Word && strings.HasSuffix(first.Key, "ing") && !isCapitalized(first.Text) && p.enLooksLikeName(name) {
		return name, nil // Trump, appearing after Clinton at the forum, cited
	}
	if (enPreps[first.Key] || first.Key == "like" || first.Key == "including" || first.Key == "unlike") && p.enLooksLikeName(name) {
		return name, nil // Clinton, at Monday's debate, cited / Clinton, like Obama, has said
	}
	for k := o + 1; k < c; k++ {
		if enRelatives[p.toks[k].Key] && k > o+1 {
			break // a former minister who is a critic of ...: the clause is the role's
		}
		if p.clauseWord(k) {
			return np{}, nil // "for some, the losses would grow, said X": a clause, not a role
		}
	}
	if !(enDeterminers[first.Key] || p.lx.isTitle(first.Key) || isCapitalized(first.Text) || p.toks[o+1].Kind == text.Number ||
		p.lx.nounKind[p.toks[c-1].Key] != "" || p.lx.unnamed[p.toks[c-1].Key] != "") {
		return np{}, nil
	}
	if !p.enLooksLikeName(name) {
		return np{}, nil
	}
	sp := claimtrail.Span{Start: p.toks[o+1].Span.Start, End: p.toks[c-1].Span.End}
	r.role = &sp
	return name, nil
}

// enDashAppositionBack reads "NAME -- ROLE --" closed by the dash at c
// (one dash token or two): the role may hold commas, so the opening is the
// dash before it, not the last comma.
func (p *parser) enDashAppositionBack(c int, r *raw) np {
	e := c
	for e-1 > p.first && p.toks[e-1].dash() {
		e-- // "--" read as two marks
	}
	o := -1
	for j := e - 1; j > p.first && j >= e-40; j-- {
		t := &p.toks[j]
		if t.dash() && !p.joined(j) {
			o = j
			break
		}
		if t.final() && !(t.Text == "." && isAbbrev(p.toks[j-1].Text)) || t.Kind == text.Quote {
			return np{}
		}
	}
	if o < 0 || o+1 >= e {
		return np{}
	}
	for o-1 > p.first && p.toks[o-1].dash() {
		o--
	}
	name := p.enSubjectBack(o, r)
	if name.empty() || name.end != o || !p.enLooksLikeName(name) {
		return np{}
	}
	first := o + 1
	for first < e && p.toks[first].dash() {
		first++
	}
	if first < e {
		sp := claimtrail.Span{Start: p.toks[first].Span.Start, End: p.toks[e-1].Span.End}
		r.role = &sp
	}
	return name
}

// enSourceLike: a subject that can be a source: it holds a name, or its
// head is a pronoun, a source noun, an unnamed-source noun or a plural
// (analysts, lawmakers).
func (p *parser) enSourceLike(n np) bool {
	head := &p.toks[n.end-1]
	if enPronouns[head.Key] || enRelatives[head.Key] || p.lx.sourceHead(head.Key) || p.lx.unnamed[head.Key] != "" {
		return true
	}
	if p.lx.anaphors[head.Key] != anaNone {
		return true
	}
	for k := n.start; k < n.end; k++ {
		t := &p.toks[k]
		if t.Kind == text.Word && isCapitalized(t.Text) && !enDeterminers[t.Key] {
			return true
		}
	}
	for k := n.start; k < n.end; k++ {
		if key := p.toks[k].Key; p.lx.nounKind[key] != "" || p.lx.unnamed[key] != "" {
			return true // a union representing flight attendants
		}
	}
	h := head.Key
	return head.Kind == text.Word && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !strings.HasSuffix(h, "’s") && !strings.HasSuffix(h, "'s") && n.end-n.start <= 4
}

// enHasDocument: the phrase holds a document noun (leaked documents from
// his tax return).
func (p *parser) enHasDocument(n np) bool {
	for k := n.start; k < n.end; k++ {
		if p.lx.nounKind[p.toks[k].Key] == claimtrail.KindDocument {
			return true
		}
	}
	return false
}

// enHasTitle: the phrase holds a title noun (president, commander).
func (p *parser) enHasTitle(n np) bool {
	for k := n.start; k < n.end; k++ {
		if p.lx.nounKind[p.toks[k].Key] == claimtrail.KindPerson {
			return true
		}
	}
	return false
}

// enHasName: the phrase holds a proper name, not only a description.
func (p *parser) enHasName(n np) bool {
	for k := n.start; k < n.end; k++ {
		t := &p.toks[k]
		if t.Kind == text.Word && isCapitalized(t.Text) && !p.lx.isTitle(t.Key) && !p.lx.honorifics[t.Key] && !enDeterminers[t.Key] &&
			p.lx.nounKind[t.Key] == "" && !enPreps[t.Key] {
			return true
		}
	}
	return false
}

// enLooksLikeName: a capitalized name or a source noun phrase.
func (p *parser) enLooksLikeName(n np) bool {
	if p.enWords(tokRange{start: n.start, end: n.end}) > 8 {
		return false
	}
	for k := n.start; k < n.end; k++ {
		t := &p.toks[k]
		if isCapitalized(t.Text) || p.lx.sourceHead(t.Key) || p.lx.unnamed[t.Key] != "" || enPronouns[t.Key] {
			return true
		}
	}
	return false
}

// enSubjectAfter reads an inverted subject after the cue ("," said the
// official / said Caddell, speaking of ...) with an apposition after a
// comma, and returns the token after both.
func (p *parser) enSubjectAfter(j, limit int, r *raw) (np, int) {
	n := p.enNPForward(j, limit)
	if n.empty() || !p.enLooksLikeName(n) || enTime[p.toks[n.start].Key] && n.end-n.start == 1 {
		return np{}, j // "said Tuesday": a time, not a subject
	}
	next := n.end
	if t := p.at(next); t != nil && next < limit && t.word() && !enPreps[t.Key] && !enTime[t.Key] {
		return np{}, j // "says his campaign monitors recorded ...": a clause, not a name
	}
	// "said the commission's chairman, Ahmad Yousuf Nouristani": the name
	// after the comma is the source, the description its role
	if next+1 < limit && p.toks[next].comma() && !p.enHasName(n) {
		if name := p.enNPForward(next+1, limit); !name.empty() && p.enAllNameWords(name.start, name.end) &&
			(name.end >= limit || p.toks[name.end].Kind == text.Punct) {
			sp := p.npSpan(n)
			r.role = &sp
			return name, name.end
		}
	}
	if next < limit && p.toks[next].comma() {
		// an apposition: ", a spokesman for the ministry" up to the end
		k := next + 1
		if t := p.at(k); t != nil && k < limit && (enDeterminers[t.Key] || p.lx.isTitle(t.Key) || t.Key == "who") && p.lx.participles[t.Key] == nil {
			e := k
			for e < limit && !p.toks[e].comma() && !p.toks[e].final() && p.toks[e].Kind != text.Quote {
				e++
			}
			if e > k {
				sp := claimtrail.Span{Start: p.toks[k].Span.Start, End: p.toks[e-1].Span.End}
				r.role = &sp
				next = e
			}
		}
	}
	return n, next
}

// enNPForward reads a noun phrase from j: determiners, names and nouns, and
// "of/for/with" inside a name, up to a comma, a preposition that starts a
// modifier, a cue, a complementizer or the end.
func (p *parser) enNPForward(j, limit int) np {
	k := j
	for k < limit && k < j+12 {
		t := &p.toks[k]
		if t.Text == "(" && k > j && isCapitalized(p.toks[k-1].Text) {
			// Rep. Jim Clyburn (D-S.C.)
			if e := p.findClose(k, limit, func(x *tk) bool { return x.Text == ")" }, 8); e > k {
				k = e + 1
				continue
			}
		}
		if t.Kind == text.Punct {
			if t.Text == "." && k > j && isAbbrev(p.toks[k-1].Text) && k+1 < limit && p.toks[k+1].word() {
				k++
				continue
			}
			if t.Text == "-" || t.Text == "&" {
				k++
				continue
			}
			break
		}
		if t.Kind == text.Quote && (t.Text == "'" || t.Text == "’") && k > j && p.toks[k-1].Span.End == t.Span.Start &&
			strings.HasSuffix(p.toks[k-1].Key, "s") && k+1 < limit && p.toks[k+1].Kind == text.Word {
			k++ // Davis' commentary, the farmers' union
			continue
		}
		if t.Kind != text.Word && t.Kind != text.Number {
			break
		}
		if p.lx.complementizers[t.Key] || enAux[t.Key] || enRelatives[t.Key] ||
			(p.lx.verbs[t.Key] != nil || p.lx.participles[t.Key] != nil) && !isCapitalized(t.Text) && k > j && !enDeterminers[p.toks[k-1].Key] &&
				!(p.lx.verbs[t.Key] != nil && t.Key == p.lx.verbs[t.Key].lemma && p.toks[k-1].Kind == text.Word && !isCapitalized(p.toks[k-1].Text)) {
			break // the report, a statement: after a determiner it is a noun; so in "a new report", "talk radio"
		}
		if enPreps[t.Key] && !(k > j && p.enInsideName(k, limit)) {
			break
		}
		if enTime[t.Key] && k > j {
			break
		}
		if (t.Key == "and" || t.Key == "but") && !(k > j && isCapitalized(p.toks[k-1].Text) && k+1 < limit && isCapitalized(p.toks[k+1].Text)) {
			break
		}
		k++
	}
	// a trailing preposition or determiner is not part of the name
	for k > j && (enPreps[p.toks[k-1].Key] || enDeterminers[p.toks[k-1].Key]) {
		k--
	}
	return np{start: j, end: k}
}

// enParticiple parses ", adding that ...": the source is the main clause's.
func (p *parser) enParticiple(c cand, limit int) *raw {
	r := p.newRaw(c)
	j := p.enAfterCue(c.end, limit, c.def, r)
	start, typ, ok := p.enComplement(j, limit, c.def)
	if !ok {
		return nil
	}
	return p.finish(r, start, typ, p.enAdjunctCut(start.start, limit, typ))
}

// enAdjunctCut is where a content after its cue ends before an adjunct of
// the reporting clause rather than of the content: a participle clause
// ("..., echoing the 2008 disaster", "..., prompting him to suspend"), a
// spaced dash, and after a noun phrase a non-restrictive relative
// ("praised the proposals, which include ...").
func (p *parser) enAdjunctCut(from, limit int, typ claimtrail.ClaimType) int {
	for k := from + 1; k+1 < limit; k++ {
		t := &p.toks[k]
		if t.quoted || t.Kind == text.Quote {
			continue
		}
		next := &p.toks[k+1]
		if t.comma() && k > 0 && p.toks[k-1].Text == "." && p.stateAbbrev(k-1) {
			continue // Sen. Tim Kaine, D-Va., as ...: the label's closing comma
		}
		if typ == claimtrail.Nominal && k > from+1 && (t.Key == "in" || t.Key == "on" || t.Key == "at") {
			if n, _ := p.matchPhrase(p.lx.channels, k); n > 0 {
				return k // rejected that argument in a ruling released Thursday
			}
		}
		if t.comma() && next.Kind == text.Word && !isCapitalized(next.Text) && strings.HasSuffix(next.Key, "ing") && len(next.Key) > 5 && !enIngPreps[next.Key] &&
			p.lx.participles[next.Key] == nil && !enPreps[next.Key] && p.enFinalAdjunct(k+1, limit) {
			return k
		}
		if t.comma() && (next.Key == "although" || next.Key == "though") && !next.quoted {
			return k // claimed that it was smart, although he refused ...: the narrator's aside
		}
		if t.comma() && enAsides[next.Key] && k+2 < limit && (p.toks[k+2].Key == "from" || p.toks[k+2].Key == "than") && !next.quoted {
			return k // refuses to discuss appointees, aside from saying ...
		}
		if typ == claimtrail.Nominal && t.Key == "and" && !t.quoted && !isCapitalized(next.Text) && p.lx.verbs[next.Key] != nil &&
			(strings.HasSuffix(next.Key, "ed") || p.lx.verbs[next.Key].lemma != next.Key) {
			return k // attacked the officers and blamed the shootings on ...: a second claim
		}
		if t.comma() && typ == claimtrail.Nominal && enDeterminers[next.Key] && next.Key != "that" && !p.enListAhead(k+1, limit) {
			return k // endorsed Clinton on Thursday, another example of ...: an aside
		}
		if t.comma() && typ == claimtrail.Nominal && (enRelatives[next.Key] || enSubordinator[next.Key] && next.Key != "and" || enPreps[next.Key]) {
			return k // attacked Machado, with jabs that ...: the phrase ends at the comma
		}
		if typ == claimtrail.Nominal && k > from+1 && (t.Key == "during" || t.Key == "since" || t.Key == "while" || t.Key == "because" || t.Key == "when") {
			return k // attacked her opponent during the debate
		}
		if typ == claimtrail.Nominal && k > from+1 && (t.Key == "after" || t.Key == "before" || t.Key == "until") && p.enPronounClause(k+1, limit) {
			return k // called her a disgrace after she attacked ...: the narrator's clause
		}
		if (t.dash() || t.Text == "―") && !p.joined(k) && (t.Text == "-" && k+1 < limit && p.toks[k+1].Text == "-" || t.Text != "-") {
			if e := p.enDashPair(k, limit); e > k {
				k = e // "the top 1 percent -- those with ... -- would": an aside
				continue
			}
			if k > from+2 {
				return k
			}
		}
	}
	return limit
}

// enListAhead: the phrase from j goes on as an item of a list, ending in
// "and" or "or" before the next comma or the end (the constitution, the
// law and the framework).
func (p *parser) enListAhead(j, limit int) bool {
	for k := j; k < limit; k++ {
		t := &p.toks[k]
		if t.Key == "and" || t.Key == "or" {
			return true
		}
		if t.comma() || t.final() {
			return t.comma() && k+1 < limit && (p.toks[k+1].Key == "and" || p.toks[k+1].Key == "or")
		}
	}
	return false
}

// enDashPair finds the dash that closes an aside opened by the dash at k
// (the top 1 percent -- those earning more -- would pay), when a clause
// goes on after it; it returns k when there is none.
func (p *parser) enDashPair(k, limit int) int {
	open := p.toks[k].Text
	start := k + 1
	if open == "-" {
		start = k + 2
	}
	for m := start; m < limit && m < k+30; m++ {
		t := &p.toks[m]
		if t.final() || t.Text == ";" {
			return k
		}
		if t.Text == open && !p.joined(m) {
			e := m
			if open == "-" {
				if m+1 >= limit || p.toks[m+1].Text != "-" {
					continue
				}
				e = m + 1
			}
			if e+2 < limit && p.toks[e+1].word() && !p.toks[e+1].quoted {
				return e
			}
			return k
		}
	}
	return k
}

// enFinalAdjunct: the participle at j opens a clause that ends the
// sentence, rather than an item of a list (preparing, equipping and
// leading) or an aside after which the main clause resumes (the
// committee, operating under ..., will also be responsible).
func (p *parser) enFinalAdjunct(j, limit int) bool {
	if n := p.at(j + 1); n == nil || n.comma() || n.Key == "and" || n.Key == "or" {
		return false
	}
	for m := j + 1; m+1 < limit; m++ {
		if p.toks[m].comma() && (p.clauseWord(m+1) || p.lx.adverbials[p.toks[m+1].Key] && enClause[p.skipDet(m+2)]) {
			return false
		}
	}
	return true
}

// enAccording parses "according to X" before or after its content.
func (p *parser) enAccording(c cand, limit int, before []*raw) *raw {
	r := p.newRaw(c)
	r.ctype = claimtrail.AccordingTo
	src := p.enNPForward(c.end, limit)
	if src.empty() {
		return nil
	}
	r.src = src
	if v, next, ok := p.enCiting(src.end, limit); ok {
		r.via = append(r.via, src)
		r.src = v
		src.end = next
	}
	after := src.end
	if after < limit && p.toks[after].comma() {
		after++
	}
	cs := p.enContentStart(c.start, before)
	ce := c.start
	if ce > cs && (p.toks[ce-1].comma() || p.toks[ce-1].dash()) {
		ce--
	}
	var rng tokRange
	switch {
	case ce > cs && after < limit && !p.toks[after].final():
		// in the middle: the content runs round it
		rng = tokRange{start: cs, end: limit}
	case ce > cs:
		rng = tokRange{start: cs, end: ce}
	case after < limit:
		rng = tokRange{start: after, end: limit}
	default:
		return nil
	}
	out := p.finish(r, rng, claimtrail.AccordingTo, rng.end)
	if out != nil && out.ctype != claimtrail.Mixed {
		out.ctype = claimtrail.AccordingTo
	}
	return out
}

// enNested parses a cue inside the content of an earlier claim (the
// statement said that US officials told the committee ...).
func (p *parser) enNested(c cand, outer *raw, limit int) *raw {
	if c.start == outer.content.start {
		return nil
	}
	r := p.newRaw(c)
	src := p.enSubjectBack(c.start, r)
	if src.empty() || src.start < outer.content.start || !p.enSourceLike(src) {
		return nil
	}
	r.src = src
	end := outer.content.end
	if limit < end {
		end = limit
	}
	j := p.enAfterCue(c.end, end, c.def, r)
	start, typ, ok := p.enComplement(j, end, c.def)
	if !ok {
		return nil
	}
	return p.finish(r, start, typ, end)
}

// enHeadlineColon: "Source: content" in a title or heading, or a speaker's
// turn in a transcript (WALLACE: ...).
func (p *parser) enHeadlineColon(i int) bool {
	if i == p.first || i > p.first+6 || i+1 >= len(p.toks) {
		return false
	}
	if p.toks[i-1].Kind == text.Number && p.toks[i+1].Kind == text.Number {
		return false // 2:25 p.m.
	}
	for k := p.first; k < i; k++ {
		t := &p.toks[k]
		if !t.word() && !(t.Text == "." && k > 0 && isAbbrev(p.toks[k-1].Text)) && t.Text != "-" {
			return false
		}
		if !isCapitalized(t.Text) && !enDeterminers[t.Key] && !enPreps[t.Key] && t.Kind != text.Number && t.Text != "." {
			return false
		}
	}
	if p.kind == claimtrail.ParagraphTitle || p.kind == claimtrail.ParagraphHeading {
		return true
	}
	// a transcript turn: the speaker's name in capitals
	for k := p.first; k < i; k++ {
		if t := &p.toks[k]; t.Kind == text.Word && strings.ToUpper(t.Text) != t.Text {
			return false
		}
	}
	return true
}

func isCapitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// stateAbbrev: the full stop at j ends a party-state label (R-Ky., D-N.Y.),
// which the tokenizer gives as one word (R-Ky) or as its parts.
func (p *parser) stateAbbrev(j int) bool {
	if j >= 1 {
		if party, state, ok := strings.Cut(p.toks[j-1].Text, "-"); ok && len(party) == 1 && strings.Contains("RDI", party) &&
			len(state) >= 1 && len(state) <= 5 && isCapitalized(state) {
			return true
		}
	}
	return j >= 3 && p.toks[j-2].Text == "-" && p.joined(j-2) && len(p.toks[j-1].Text) <= 4 && isCapitalized(p.toks[j-1].Text)
}

// isAbbrev: a word that a full stop abbreviates (Mr., Lt., U.S., Jan.).
func isAbbrev(s string) bool {
	n := len([]rune(s))
	if n == 1 {
		return unicode.IsLetter([]rune(s)[0])
	}
	switch strings.ToLower(s) {
	case "del", "mr", "mrs", "ms", "dr", "lt", "gen", "col", "maj", "capt", "sgt", "adm", "brig", "sen", "rep", "gov", "rev", "st", "jr", "sr", "prof", "fr", "co", "corp", "inc", "ltd", "no", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "mt", "ft":
		return true
	}
	return false
}

// quoteContinues reads a sentence that is a quotation and nothing else,
// with no cue of its own, as an implicit claim of the last source.
func (p *parser) quoteContinues() *raw {
	first := p.first
	if first >= len(p.toks) {
		return nil
	}
	q := &p.toks[first]
	if q.Kind != text.Quote || q.Text == "'" || q.pair >= 0 && q.pair < first {
		return nil
	}
	end := len(p.toks)
	if q.pair > first {
		// the quotation must be the whole sentence
		for k := q.pair + 1; k < end; k++ {
			if p.toks[k].word() {
				return nil
			}
		}
		end = q.pair + 1
	}
	c := cand{kind: candVerb, def: &cueDef{class: claimtrail.ClassSpeech, stance: claimtrail.Neutral}, start: first, end: first, nounAt: -1}
	r := &raw{c: c, implicit: true, stance: claimtrail.Neutral, class: claimtrail.ClassSpeech, nested: -1,
		cue: claimtrail.Span{Start: q.Span.Start, End: q.Span.Start}}
	return p.finish(r, tokRange{start: first, end: end}, claimtrail.Direct, end)
}

// englishParagraph reads the two paragraph shapes whose attribution holds
// the whole paragraph, whatever its sentences: a transcript turn
// ("WALLACE: Let's start with ...") and a quotation signed after a dash
// ("“He represents our greatest shame.” ― Sonya Herridge"). It returns nil
// for any other paragraph.
func (p *parser) englishParagraph(transcript bool) *raw {
	toks := p.toks
	n := len(toks)
	if n < 4 {
		return nil
	}
	// a transcript turn: an upper-case speaker and a colon
	if i, k := p.speakerLabel(); transcript && k > i {
		c := cand{kind: candColon, def: colonDef, start: k, end: k + 1, nounAt: -1}
		r := p.newRaw(c)
		r.src = np{start: i, end: k}
		r.nested = -1
		return p.finish(r, tokRange{start: k + 1, end: n}, claimtrail.Direct, n)
	}
	// a signed quotation: “...” ― Name
	e := n
	for e > 0 && toks[e-1].Kind == text.Punct && !toks[e-1].dash() && toks[e-1].Text != "―" {
		e--
	}
	s := e
	for s > 0 && e-s < 6 && (toks[s-1].Kind == text.Word && isCapitalized(toks[s-1].Text) || toks[s-1].Text == ".") {
		s--
	}
	if s == e || s < 2 || !(toks[s-1].dash() || toks[s-1].Text == "―") || toks[s-2].Kind != text.Quote || toks[0].Kind != text.Quote {
		return nil
	}
	c := cand{kind: candVerb, def: &cueDef{lemma: "―", class: claimtrail.ClassSpeech, stance: claimtrail.Neutral}, start: s - 1, end: s, nounAt: -1}
	r := p.newRaw(c)
	r.src = np{start: s, end: e}
	r.nested = -1
	return p.finish(r, tokRange{start: 0, end: s - 1}, claimtrail.Direct, s-1)
}

// speakerLabel finds an upper-case label and a colon opening the tokens
// (WALLACE:, "PENCE:"): tokens [i, k) are the label, k the colon; k == i
// when there is none. One label is a dateline (ADEN:); a transcript has
// many.
func (p *parser) speakerLabel() (int, int) {
	toks := p.toks
	i := 0
	if len(toks) > 0 && toks[0].Kind == text.Quote {
		i++
	}
	k := i
	for k < len(toks) && k < i+4 && toks[k].Kind == text.Word && len([]rune(toks[k].Text)) >= 2 &&
		strings.ToUpper(toks[k].Text) == toks[k].Text && strings.ToLower(toks[k].Text) != toks[k].Text {
		k++
	}
	if k > i && k+1 < len(toks) && (toks[k].colon() || toks[k].dash() || toks[k].Text == "―") {
		return i, k
	}
	return 0, 0
}

// paragraphAfterColon reads a whole paragraph as the content of the cue
// that ended the paragraph before it with a colon.
func (p *parser) paragraphAfterColon() *raw {
	if len(p.toks) == 0 {
		return nil
	}
	q := &p.toks[0]
	c := cand{kind: candVerb, def: &cueDef{class: claimtrail.ClassSpeech, stance: claimtrail.Neutral}, start: 0, end: 0, nounAt: -1}
	r := &raw{c: c, implicit: true, stance: claimtrail.Neutral, class: claimtrail.ClassSpeech, nested: -1,
		cue: claimtrail.Span{Start: q.Span.Start, End: q.Span.Start}}
	return p.finish(r, tokRange{start: 0, end: len(p.toks)}, claimtrail.Direct, len(p.toks))
}

// enPossessive: the token at k owns what follows: a possessive pronoun
// (his, her, their, its) or a name with 's.
func (p *parser) enPossessive(k int) bool {
	t := p.at(k)
	if t == nil || t.Kind != text.Word {
		return false
	}
	switch t.Key {
	case "his", "her", "their", "its":
		return true
	}
	if !strings.HasSuffix(t.Key, "'s") && !strings.HasSuffix(t.Key, "’s") {
		return false
	}
	// Trump's, the ministry's
	return isCapitalized(t.Text) || k > p.first && enDeterminers[p.toks[k-1].Key]
}

// enNounCue parses "his claim that ...": the possessor is the source.
func (p *parser) enNounCue(c cand, limit int) *raw {
	r := p.newRaw(c)
	k := c.start - 1
	if !p.enPossessive(k) {
		k-- // his own plan, Trump's latest effort
	}
	switch p.toks[k].Key {
	case "his", "her", "their", "its":
		r.src = np{start: k, end: k + 1}
	default:
		r.src = p.enSubjectBack(k+1, r)
		if r.src.empty() {
			r.src = np{start: k, end: k + 1}
		}
	}
	from := c.from
	if from == 0 {
		from = c.end + 1
	}
	typ := claimtrail.Indirect
	if c.end > c.start+1 {
		typ = claimtrail.Nominal // her criticism of the plan
	}
	// the noun phrase is usually part of a larger clause ("Contrary to his
	// claim that ..., there would be ..."): the content ends at a comma
	end := p.enAdjunctCut(from, limit, typ)
	for k := from; k < end; k++ {
		if p.toks[k].comma() && !p.toks[k].quoted || c.from != c.end+1 && p.clauseWord(k) && !p.toks[k].quoted {
			end = k // his criticism of the deal was sharp: the clause's verb
			break
		}
	}
	if end <= from {
		return nil
	}
	return p.finish(r, tokRange{start: from, end: end}, typ, end)
}
