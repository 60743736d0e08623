package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.text.Tokens;

/**
 * What a run of capitalised words is, for {@link RuleNameTagger}: an organisation when it ends in an organisation
 * word or is an acronym, a person when a title stands before it, "said" follows it, a given name opens it or none of
 * its words is an ordinary English word; a lone word is left for {@link LoneWords}.
 */
final class RunClassifier {

    private final NameLexicon lexicon;
    private final NameWords words;
    private final NameEvidence ev;

    RunClassifier(NameLexicon lexicon, NameWords words, NameEvidence ev) {
        this.lexicon = lexicon;
        this.words = words;
        this.ev = ev;
    }

    /**
     * The mention for run [s, e): a typed one, one of type null (a lone word to read from the rest of the article)
     * or null (no name).
     */
    Mention classify(Tokens t, Dictionary dict, int s, int e, boolean sentenceStart) {
        Mention m = classifyRun(t, s, e, sentenceStart);
        if (ev.quoted(t, s, e) && (m == null || m.type != EntityType.PERSON || m.role == null)) {
            return new Mention(s, e, EntityType.MISC, null, null, null); // "Night of the Falcon": a title in quotes
        }
        if ((m == null || m.type == null)
                && e - s == 1
                && words.miscHeads.contains(t, s)
                && dict.placeBefore(t, s) != null) {
            return new Mention(s, e, EntityType.MISC, null, null, null); // "the Singapore Open"
        }
        return m;
    }

    private Mention classifyRun(Tokens t, int s, int e, boolean sentenceStart) {
        if (ev.miscHead(t, s, e) && !ev.headlineWords(t, s, e)) {
            return new Mention(s, e, EntityType.MISC, null, null, null);
        }
        // the role runs to the last title word among the first ones ("Deputy Prime Minister Hamid Zubeiri")
        int n = s;
        for (int k = s; k < e && k < s + 4; k++) {
            if (k > s && k + 1 < e && lexicon.givenNames.contains(t, k) && !words.titles.contains(t, k)) {
                break; // "Prime Minister John Calder": the name starts at "John"
            }
            if (words.titles.contains(t, k)) {
                n = k + 1;
            }
        }
        // an organisation word at the end wins over a title-like word at the start ("General Motors Corp")
        if (words.orgHeads.contains(t, e - 1) && (n == s || words.legalForms.contains(t, e - 1))) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null);
        }
        if (n > s && n < e && !ev.headlineWords(t, n, e)) {
            return new Mention(
                    n,
                    e,
                    EntityType.PERSON,
                    null,
                    null,
                    t.text.subSequence(t.start[s], t.end[n - 1]).toString());
        }
        if (n == e) {
            return null; // titles alone ("President")
        }
        int len = e - s;
        if (len >= 2 && ev.headlineWords(t, s, e)) {
            return null;
        }
        boolean personFirst = lexicon.givenNames.contains(t, s) || ev.initial(t, s);
        if (len >= 2 && n == s && !personFirst && (ev.scoreFollows(t, s, e) || ev.afterCountryInBrackets(t, s))) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null); // "Dukla Vesnov 3", "( Italy ) Fenix"
        }
        if (ev.orgContext(t, s, e)) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null);
        }
        boolean titleBefore = s > 0 && t.kind[s - 1] == Tokens.WORD && words.titles.contains(t, s - 1);
        boolean saidAfter = e < t.size && words.speech.contains(t, e);
        boolean nameLike = ev.allNameLike(t, s, e);
        if ((titleBefore || saidAfter) && len <= 4 && !(sentenceStart && len == 1 && !nameLike)) {
            return new Mention(s, e, EntityType.PERSON, null, null, null);
        }
        if (len == 1 && ev.acronym(t, s)) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null);
        }
        if (len >= 2 && ev.locative(t, s) && ev.anyNameLike(t, s, e) && !titleBefore) {
            return new Mention(
                    s, e, EntityType.LOCATION, null, null, null); // "at Dunmore Bridge", "in Nagorno-Karabakh"
        }
        if (len >= 2 && ev.ampersand(t, s, e)) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null); // "Duff & Phelps": a firm
        }
        if (len >= 2
                && len <= 4
                && lexicon.givenNames.contains(t, s)
                && !t.isAllCaps(s)
                && ev.noOrgWords(t, s, e)
                && (!words.calendar.contains(t, s) || ev.nameWord(t, s + 1))) { // "Jan Verhoeckx", not "May Day"
            return new Mention(s, e, EntityType.PERSON, null, null, null);
        }
        if (len >= 2 && ev.words(t, s, e) <= 3 && nameLike) {
            return new Mention(s, e, EntityType.PERSON, null, null, null);
        }
        int of = ev.innerConjunction(t, s, e);
        if (of > 0 && t.is(of, "of") && ev.orgWordBefore(t, s, e, of)) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null); // "League of Tenant Farmers"
        }
        if (len >= 2
                && s > 0
                && t.is(s - 1, "the")
                && t.text.charAt(t.start[s - 1]) == 't'
                && Character.toLowerCase(t.text.charAt(t.end[e - 1] - 1)) == 's') {
            return new Mention(
                    s, e, EntityType.ORGANIZATION, null, null, null); // "the Portland Herons", "the Grey Otters"
        }
        if (len >= 2 && ev.anyNameLike(t, s, e)) {
            return new Mention(s, e, EntityType.ORGANIZATION, null, null, null);
        }
        if (len == 1
                && (nameLike || !sentenceStart || ev.resultsLine(t, s))
                && !words.calendar.contains(t, s)
                && !t.isAllCaps(s)) {
            return new Mention(s, e, null, null, null, null);
        }
        return null;
    }
}
