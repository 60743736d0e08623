package io.bilateral.enrich.engine;

import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.rules.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags names the dictionary does not know (people, organisations) from capitalisation and context: titles before
 * a name ("Minister", "Mr"), organisation heads at its end ("Council", "Corp"). Returns the dictionary mentions
 * merged with the new ones, in text order.
 */
public interface NameTagger {

    List<Mention> tag(Tokens t, int[] sentence, List<Mention> dictionary, KnowledgeBase kb);

    /** The rule-based tagger. */
    static NameTagger rules(RuleTables tables) {
        return new RuleNameTagger();
    }

    /** Capitalised runs with a title before them or an organisation word at their end. */
    final class RuleNameTagger implements NameTagger {
        static final WordSet TITLES = WordSet.of("mr", "mrs", "ms", "dr", "president", "minister", "secretary", "gen",
                "general", "colonel", "col", "major", "maj", "lt", "lieutenant", "captain", "admiral", "ambassador",
                "king", "queen", "prince", "princess", "sheikh", "ayatollah", "chairman", "senator", "sen", "rep",
                "governor", "gov", "premier", "chancellor", "counterpart", "spokesman", "spokeswoman", "envoy",
                "commander", "mp", "judge", "pope", "emir", "sultan", "director", "chief", "adviser", "advisor",
                "leader", "cmdr", "brig", "sir", "lord", "dame", "imam", "cleric", "diplomat", "officer", "analyst",
                "economist", "executive", "official");
        static final WordSet ORG_HEADS = WordSet.of("inc", "corp", "co", "ltd", "plc", "group", "bank", "council",
                "ministry", "agency", "organization", "organisation", "committee", "commission", "university", "party",
                "association", "corporation", "company", "fund", "forces", "army", "institute", "federation", "union",
                "news", "times", "post", "exchange", "board", "authority", "department", "office", "court",
                "parliament", "assembly", "cabinet", "airlines", "airways", "motors", "bancorp", "industries",
                "holdings", "international", "securities", "partners", "navy", "police", "guard", "front", "movement",
                "club", "team", "academy", "school", "hospital", "foundation", "trust", "systems", "technologies",
                "communications", "energy", "petroleum", "oil", "resources", "telegraph", "journal", "tv", "radio",
                "congress", "senate", "sa", "ag", "nv", "gmbh", "spa", "bv", "ab", "llc", "lp", "financial",
                "capital", "investments", "insurance", "chemical", "chemicals", "steel", "electric", "press");
        /** Company legal forms: no person's name ends in one. */
        static final WordSet LEGAL_FORMS = WordSet.of("inc", "corp", "co", "ltd", "plc", "sa", "ag", "nv", "gmbh",
                "spa", "bv", "ab", "llc", "lp", "bancorp", "corporation", "company");
        static final WordSet SENTENCE_WORDS = WordSet.of("the", "a", "an", "in", "on", "at", "during", "after",
                "before", "for", "with", "by", "as", "but", "and", "if", "when", "while", "this", "that", "these",
                "those", "his", "her", "their", "our", "its", "he", "she", "they", "we", "it", "i", "you", "there",
                "some", "many", "according", "referring", "expressing", "highlighting", "currently", "fortunately",
                "instead", "accordingly", "however", "meanwhile", "also", "top", "both", "all", "other", "within",
                "establishment", "activating", "considering", "from", "under", "since", "to", "of", "no", "not", "one",
                "two", "three", "new", "last", "first", "senior", "former", "read", "more", "related");
        static final WordSet LINKS = WordSet.of("of", "and", "the", "de", "al", "bin", "van", "von", "du", "la", "&",
                "-");

        @Override
        public List<Mention> tag(Tokens t, int[] sentence, List<Mention> dictionary, KnowledgeBase kb) {
            boolean[] taken = new boolean[t.size];
            for (Mention m : dictionary) {
                for (int i = m.from; i < m.to; i++) {
                    taken[i] = true;
                }
            }
            List<Mention> found = new ArrayList<>();
            int i = 0;
            while (i < t.size) {
                if (taken[i] || t.dropped[i] || !t.isCapitalized(i)) {
                    i++;
                    continue;
                }
                int s = i;
                int e = i + 1;
                while (e < t.size && !t.dropped[e] && sentence[e] == sentence[s]) {
                    if (!taken[e] && t.isCapitalized(e)) {
                        e++;
                    } else if (e + 1 < t.size && isLink(t, e) && !taken[e + 1] && t.isCapitalized(e + 1)
                            && t.start[e + 1] - t.end[e] <= 1) {
                        e += 2;
                    } else {
                        break;
                    }
                }
                i = e;
                boolean sentenceStart = s == 0 || sentence[s - 1] != sentence[s];
                if (sentenceStart && SENTENCE_WORDS.contains(t, s)) {
                    s++;
                }
                if (s >= e) {
                    continue;
                }
                // leading titles become the role
                int n = s;
                while (n < e && TITLES.contains(t, n)) {
                    n++;
                }
                // an organisation word at the end wins over a title-like word at the start ("General Motors Corp")
                if (ORG_HEADS.contains(t, e - 1) && (n == s || LEGAL_FORMS.contains(t, e - 1))) {
                    found.add(new Mention(s, e, "ORGANIZATION", null, null, null));
                    continue;
                }
                if (n > s && n < e) {
                    Mention m = new Mention(n, e, "PERSON", null, null, t.text.subSequence(t.start[s], t.end[n - 1])
                            .toString());
                    found.add(m);
                    continue;
                }
                boolean titleBefore = s > 0 && t.kind[s - 1] == Tokens.WORD && TITLES.contains(t, s - 1);
                boolean saidAfter = e < t.size && (t.is(e, "said") || t.is(e, "says"));
                if ((titleBefore || saidAfter) && e - s >= 1 && e - s <= 4 && !(sentenceStart && e - s == 1)) {
                    found.add(new Mention(s, e, "PERSON", null, null, null));
                } else if (e - s >= 2 && e - s <= 3 && !sentenceStart && allNameLike(t, s, e)) {
                    found.add(new Mention(s, e, "PERSON", null, null, null));
                }
            }
            if (found.isEmpty()) {
                return dictionary;
            }
            List<Mention> all = new ArrayList<>(dictionary.size() + found.size());
            int a = 0;
            int b = 0;
            while (a < dictionary.size() || b < found.size()) {
                if (b == found.size() || (a < dictionary.size() && dictionary.get(a).from < found.get(b).from)) {
                    all.add(dictionary.get(a++));
                } else {
                    all.add(found.get(b++));
                }
            }
            return all;
        }

        private static boolean isLink(Tokens t, int i) {
            if (t.kind[i] == Tokens.WORD) {
                return t.end[i] - t.start[i] <= 3 && LINKS.contains(t, i);
            }
            char c = t.text.charAt(t.start[i]);
            return (c == '-' || c == '&') && t.start[i] == t.end[i - 1];
        }

        private static boolean allNameLike(Tokens t, int s, int e) {
            for (int i = s; i < e; i++) {
                if (t.kind[i] != Tokens.WORD || t.isAllCaps(i) || t.end[i] - t.start[i] < 2) {
                    return false;
                }
                if (ORG_HEADS.contains(t, i) || SENTENCE_WORDS.contains(t, i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
