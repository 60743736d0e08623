package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.text.Tokens;

/**
 * A lone capitalised word, read the way the same article reads it elsewhere, for {@link RuleNameTagger}: "Brandt"
 * after "Ilse Brandt" is that person, "NLF" after "Northland Liberal Front ( NLF )" that party.
 */
final class LoneWords {

    private final NameLexicon lexicon;
    private final NameWords words;
    private final NameEvidence ev;

    LoneWords(NameLexicon lexicon, NameWords words, NameEvidence ev) {
        this.lexicon = lexicon;
        this.words = words;
        this.ev = ev;
    }

    /** An empty index of the article's names, sized for about {@code capacity} words. */
    NameIndex index(int capacity) {
        return new NameIndex(capacity);
    }

    /**
     * A lone capitalised word takes the type the article gives it elsewhere: the family name of a person, a word of
     * an organisation's name or its acronym; else a known family name or a word that is no English word is a
     * person's name. Null when nothing says it is a name.
     */
    EntityType readLikeTheArticle(Tokens t, Mention m, NameIndex names) {
        EntityType elsewhere = names.typeOf(t, m.from);
        if (elsewhere != null) {
            return elsewhere;
        }
        int i = m.from;
        if (ev.locative(t, i)) {
            return EntityType.LOCATION;
        }
        // "the Kestrelmen", "the Toulouse defender"; "Valletta 0 Graz 2", "v Linz": no person's name
        boolean knownName = lexicon.familyNames.contains(t, i) || lexicon.givenNames.contains(t, i);
        if (i > 0 && t.is(i - 1, "the") && !knownName
                || (!ev.commonWord(t, i) || ev.resultsLine(t, i)) && ev.scoreFollows(t, i, i + 1)
                || i > 0 && words.fixture.contains(t, i - 1)
                || ev.afterCountryInBrackets(t, i) && !lexicon.givenNames.contains(t, i)) {
            return EntityType.ORGANIZATION;
        }
        if (t.end[i] - t.start[i] > 5
                && (ev.endsWith(t, i, "ist")
                        || ev.endsWith(t, i, "ists")
                        || ev.endsWith(t, i, "ism")
                        || ev.endsWith(t, i, "ians"))) {
            return EntityType.MISC; // "Maoist", "Stalinist", "Montserratians": a creed or a people, not a person
        }
        boolean saidBefore =
                i > 0 && words.speech.contains(t, i - 1) && (i + 1 >= t.size || t.kind[i + 1] == Tokens.PUNCT);
        if (saidBefore || lexicon.familyNames.contains(t, m.from) || !ev.commonWord(t, m.from)) {
            return EntityType.PERSON; // '" ... , " said King .'
        }
        return null;
    }

    /**
     * The words of the article's names, by folded hash: the family names of persons named in full and the words of
     * organisations' names (not ordinary words). A lone word takes the type of a name it is a word of, capitals
     * aside, a person's before an organisation's; each look-up is one probe sequence, not a pass over all names.
     */
    final class NameIndex {
        private int[] slots; // token index + 1; 0 is empty
        private boolean[] person;
        private int size;

        NameIndex(int capacity) {
            int n = Integer.highestOneBit(Math.max(16, capacity)) << 1;
            slots = new int[n];
            person = new boolean[n];
        }

        void add(Tokens t, Mention m) {
            if (m.type == EntityType.PERSON && m.to - m.from >= 2) {
                put(t, m.to - 1, true);
            } else if (m.type == EntityType.ORGANIZATION) {
                for (int k = m.from; k < m.to; k++) {
                    if (t.kind[k] == Tokens.WORD && !ev.commonWord(t, k)) {
                        put(t, k, false);
                    }
                }
            }
        }

        private void put(Tokens t, int token, boolean isPerson) {
            if ((size + 1) * 2 > slots.length) {
                int[] old = slots;
                boolean[] oldPerson = person;
                slots = new int[old.length * 2];
                person = new boolean[old.length * 2];
                size = 0;
                for (int i = 0; i < old.length; i++) {
                    if (old[i] != 0) {
                        put(t, old[i] - 1, oldPerson[i]);
                    }
                }
            }
            int mask = slots.length - 1;
            int h = t.hash[token] & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = token + 1;
            person[h] = isPerson;
            size++;
        }

        /** "PERSON" or "ORGANIZATION" when the word at {@code token} is a word of such a name elsewhere, else null. */
        EntityType typeOf(Tokens t, int token) {
            int mask = slots.length - 1;
            boolean org = false;
            for (int h = t.hash[token] & mask; slots[h] != 0; h = (h + 1) & mask) {
                if (ev.sameFoldedWord(t, slots[h] - 1, token)) {
                    if (person[h]) {
                        return EntityType.PERSON;
                    }
                    org = true;
                }
            }
            return org ? EntityType.ORGANIZATION : null;
        }
    }
}
