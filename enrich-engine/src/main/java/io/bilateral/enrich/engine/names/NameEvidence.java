package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokens;

/**
 * What the words around and inside a run of capitalised words say about it, for {@link RuleNameTagger}: whether a
 * word is an ordinary English word or a name's, a link inside a name, an acronym; whether the context is a place's
 * ("in", "the town of"), a team's ("v", a score after it) or a title's (quotation marks). Immutable and shared.
 */
final class NameEvidence {

    private final NameLexicon lexicon;
    private final NameWords words;

    NameEvidence(NameLexicon lexicon, NameWords words) {
        this.lexicon = lexicon;
        this.words = words;
    }

    boolean sameFoldedWord(Tokens t, int a, int b) {
        int len = t.end[a] - t.start[a];
        if (a == b || len != t.end[b] - t.start[b] || t.hash[a] != t.hash[b]) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (Fold.fold(t.text.charAt(t.start[a] + k)) != Fold.fold(t.text.charAt(t.start[b] + k))) {
                return false;
            }
        }
        return true;
    }

    /** "in Valtorigo", "near Orsenberg", "the town of Zerkhan", "the capital Velmar": a place, not a person. */
    boolean locative(Tokens t, int i) {
        if (i == 0 || t.kind[i - 1] != Tokens.WORD) {
            return false;
        }
        if (words.locatives.contains(t, i - 1) || words.placeNouns.contains(t, i - 1)) {
            return true;
        }
        return i >= 2 && t.is(i - 1, "of") && t.kind[i - 2] == Tokens.WORD && words.placeNouns.contains(t, i - 2);
    }

    /** "the daily Glos Narodny", "Tarvos news agency", "Porsche shares": an organisation's context. */
    boolean orgContext(Tokens t, int from, int to) {
        return from > 0
                        && t.kind[from - 1] == Tokens.WORD
                        && !t.isCapitalized(from - 1)
                        && words.orgBefore.contains(t, from - 1)
                || to < t.size && t.kind[to] == Tokens.WORD && !t.isCapitalized(to) && words.orgAfter.contains(t, to);
    }

    /**
     * "Dario Mavrek ( Dijon )": a city in brackets after a player's name is his club; "PORTLAND AT DENVER": the
     * visiting team of a fixture list opens the line (the city after "AT" is where they play). The place spans
     * [from, to).
     */
    boolean clubOrVisitor(Tokens t, int from, int to) {
        boolean club = from >= 2
                && to < t.size
                && t.text.charAt(t.start[from - 1]) == '('
                && t.text.charAt(t.start[to]) == ')'
                && t.isCapitalized(from - 2);
        boolean visitor = (from == 0 || t.newlineBefore(from))
                && to + 1 < t.size
                && t.is(to, "at")
                && t.isAllCaps(to)
                && t.isAllCaps(to + 1);
        return club || visitor;
    }

    /** "v Linz", "beat Valletta", "Toulouse striker", "Canterbury captain": a place's team. */
    boolean teamContext(Tokens t, int from, int to) {
        return from > 0
                        && t.kind[from - 1] == Tokens.WORD
                        && (words.fixture.contains(t, from - 1) || t.is(from - 1, "beat") || t.is(from - 1, "against"))
                || to < t.size && t.kind[to] == Tokens.WORD && words.teamRoles.contains(t, to);
    }

    /**
     * "Reading 2 Stoke 2", "Bury 4 3 1": the line holds nothing but names and short numbers, and ends in a number;
     * then even an ordinary word opening it is a team.
     */
    boolean resultsLine(Tokens t, int i) {
        int numbers = 0;
        for (int k = i + 1; k < t.size && !t.newlineBefore(k); k++) {
            if (t.kind[k] == Tokens.NUMBER && t.end[k] - t.start[k] <= 3) {
                numbers++;
            } else if (!t.isCapitalized(k)) {
                return false;
            }
            if (k + 1 == t.size || t.newlineBefore(k + 1)) {
                return numbers >= 2 && t.kind[k] == Tokens.NUMBER;
            }
        }
        return false;
    }

    /** "Marco Vellani ( Italy ) Fenix": in a results list, the name after a rider's country is the team's. */
    boolean afterCountryInBrackets(Tokens t, int i) {
        return i >= 3
                && t.text.charAt(t.start[i - 1]) == ')'
                && t.kind[i - 1] == Tokens.PUNCT
                && t.isCapitalized(i - 2)
                && (t.text.charAt(t.start[i - 3]) == '(' || i >= 4 && t.text.charAt(t.start[i - 4]) == '(');
    }

    /** A score after the name and the name first on its line or after another score: a team in a results table. */
    boolean scoreFollows(Tokens t, int from, int to) {
        // three digits at most: "OSLO 2003-04-17" is a dateline, "Canterbury 412-6" a score
        return to < t.size
                && t.kind[to] == Tokens.NUMBER
                && t.end[to] - t.start[to] <= 3
                && !t.newlineBefore(to)
                && (from == 0 || t.newlineBefore(from) || t.kind[from - 1] == Tokens.NUMBER);
    }

    /** Between quotation marks that hold nothing else: '" Night of the Falcon "'. */
    boolean quoted(Tokens t, int s, int e) {
        return s > 0 && e < t.size && quote(t, s - 1) && quote(t, e);
    }

    boolean quote(Tokens t, int i) {
        char c = t.text.charAt(t.start[i]);
        return t.kind[i] == Tokens.PUNCT && (c == '"' || c == '“' || c == '”');
    }

    /** "M" (with a full stop after it) or "M.": a capital letter alone. */
    boolean initial(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        return t.kind[i] == Tokens.WORD
                && Character.isUpperCase(t.first(i))
                && (len == 1 || len == 2 && t.text.charAt(t.start[i] + 1) == '.');
    }

    /** The first word of a sentence, or the first after a list number or an opening quote or bracket. */
    boolean sentenceStart(Tokens t, int[] sentence, int s) {
        if (s == 0 || sentence[s - 1] != sentence[s]) {
            return true;
        }
        char c = t.text.charAt(t.start[s - 1]);
        return t.kind[s - 1] == Tokens.PUNCT && (c == '"' || c == '“' || c == '(' || c == ':' || c == '-' || c == '.');
    }

    /** "NLF", "FNTZ": an acronym in running text (not a word of an all-caps headline). */
    boolean acronym(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        if (len < 2
                || len > 6
                || !t.isAllCaps(i)
                || commonWord(t, i) && len > 3
                || words.legalForms.contains(t, i)
                || words.calendar.contains(t, i)) {
            return false;
        }
        if (i > 0 && t.text.charAt(t.start[i - 1]) == '<' && t.start[i] == t.end[i - 1]) {
            return false; // "<AKZO.AS>": an instrument code
        }
        boolean capsBefore = i > 0 && t.kind[i - 1] == Tokens.WORD && t.isAllCaps(i - 1) && !t.newlineBefore(i);
        boolean capsAfter =
                i + 1 < t.size && t.kind[i + 1] == Tokens.WORD && t.isAllCaps(i + 1) && !t.newlineBefore(i + 1);
        return !capsBefore && !capsAfter;
    }

    /** An English word, also in a plural or agent form the word list lacks ("Automakers", "Organisers"). */
    boolean allCaps(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.WORD && !t.isAllCaps(i)) {
                return false;
            }
        }
        return true;
    }

    /** "LEAGUE STANDINGS AFTER FRIDAY": capitals only, and mostly ordinary words. */
    boolean headlineWords(Tokens t, int s, int e) {
        int common = 0;
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.WORD && !t.isAllCaps(i)) {
                return false;
            }
            common += commonWord(t, i) ? 1 : 0;
        }
        return common * 2 >= e - s;
    }

    /** An English word, also in a plural or agent form the word list lacks ("Automakers", "Organisers"). */
    boolean commonWord(Tokens t, int i) {
        if (lexicon.englishWords.contains(t, i) || words.calendar.contains(t, i)) {
            return true;
        }
        int len = t.end[i] - t.start[i];
        char last = Character.toLowerCase(t.text.charAt(t.end[i] - 1));
        return len > 4
                && last == 's'
                && (lexicon.englishWords.containsStem(t, i, 1)
                        || endsWith(t, i, "ers") && lexicon.englishWords.containsStem(t, i, 3)
                        || endsWith(t, i, "ers") && lexicon.englishWords.containsStem(t, i, 2));
    }

    boolean endsWith(Tokens t, int i, String suffix) {
        int from = t.end[i] - suffix.length();
        if (from < t.start[i]) {
            return false;
        }
        for (int k = 0; k < suffix.length(); k++) {
            if (Character.toLowerCase(t.text.charAt(from + k)) != suffix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    boolean nameWord(Tokens t, int i) {
        if (initial(t, i) && (t.end[i] - t.start[i] == 2 || i + 1 < t.size && t.text.charAt(t.start[i + 1]) == '.')) {
            return true;
        }
        return t.kind[i] == Tokens.WORD
                && t.end[i] - t.start[i] >= 2
                && !commonWord(t, i)
                && !words.orgHeads.contains(t, i)
                && !words.sentenceWords.contains(t, i);
    }

    /** The words of [s, e) that are not links. */
    int words(Tokens t, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            n += isLinkToken(t, i) ? 0 : 1;
        }
        return n;
    }

    /** Every word of [s, e) is a name word (links aside) and none is in capitals only. */
    boolean allNameLike(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (isLinkToken(t, i)) {
                continue;
            }
            if (!nameWord(t, i) || t.isAllCaps(i) && !initial(t, i)) {
                return false;
            }
        }
        return true;
    }

    boolean anyNameLike(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!isLinkToken(t, i) && nameWord(t, i)) {
                return true;
            }
        }
        return false;
    }

    boolean noOrgWords(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (words.orgHeads.contains(t, i)) {
                return false;
            }
        }
        return true;
    }

    /** "Bank of Tokyo", "Procter and Gamble Co": an organisation word before the link or at the end. */
    boolean orgWordBefore(Tokens t, int s, int e, int cut) {
        if (words.orgHeads.contains(t, e - 1)) {
            return true;
        }
        for (int i = s; i < cut; i++) {
            if (words.orgHeads.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    boolean ampersand(Tokens t, int s, int e) {
        for (int i = s + 1; i < e - 1; i++) {
            if (t.kind[i] == Tokens.PUNCT && t.text.charAt(t.start[i]) == '&') {
                return true;
            }
        }
        return false;
    }

    /** The first "of" or "and" inside [s, e), or -1. */
    int innerConjunction(Tokens t, int s, int e) {
        for (int i = s + 1; i < e - 1; i++) {
            if (t.is(i, "of") || t.is(i, "and")) { // not "&": "Duff & Phelps" is one firm
                return i;
            }
        }
        return -1;
    }

    boolean isLinkToken(Tokens t, int i) {
        return t.kind[i] != Tokens.WORD || (!t.isCapitalized(i) && words.links.contains(t, i));
    }

    boolean isLink(Tokens t, int i) {
        if (t.kind[i] == Tokens.WORD) {
            return t.end[i] - t.start[i] <= 4 && words.links.contains(t, i);
        }
        char c = t.text.charAt(t.start[i]);
        return c == '&' || (c == '-' || c == '\'' || c == '’') && t.start[i] == t.end[i - 1];
    }

    /** "World Cup", "Harvest Day", "World War Two", "Water Rights Act": a named event, law or prize. */
    boolean miscHead(Tokens t, int s, int e) {
        int last = e - 1;
        if (last > s && words.numberWords.contains(t, last)) {
            last--;
        }
        return words.miscHeads.contains(t, last) && (last > s || t.is(last, "olympics"));
    }
}
