package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tags names the dictionary does not know from capitalisation, context and word lists. A run of capitalised words
 * is an organisation when it ends in an organisation word ("Council", "Corp") or is an acronym, a person when a
 * title stands before it ("Minister", "Mr"), "said" after it, a given name opens it, or none of its words is an
 * ordinary English word ("Chaminda Vaas"). A lone capitalised word is then read the way the same article reads it
 * elsewhere: "Vaas" after "Chaminda Vaas" is that person, "KDP" after "Kurdistan Democratic Party ( KDP )" that
 * party. Returns the dictionary mentions merged with the new ones, in text order.
 */
final class RuleNameTagger implements NameTagger {

    private final NameLexicon lexicon;
    private final RuleTables tables;
    private final NameWords words;
    private final NameEvidence ev;

    RuleNameTagger(NameLexicon lexicon, RuleTables tables) {
        this.lexicon = lexicon;
        this.tables = tables;
        this.words = tables.nameWords;
        this.ev = new NameEvidence(lexicon, tables.nameWords);
    }

    @Override
    public List<Mention> tag(Tokens t, int[] sentence, List<Mention> dictionary, KnowledgeBase kb) {
        // 1 + the index of the dictionary mention over each token, 0 for none: adjacency is one look-up
        int[] owner = new int[t.size];
        for (int k = 0; k < dictionary.size(); k++) {
            for (int i = dictionary.get(k).from; i < dictionary.get(k).to; i++) {
                owner[i] = k + 1;
            }
        }
        Dictionary dict = new Dictionary(dictionary, owner);
        // dictionary mentions now inside a longer name (by identity: a Mention has no equals)
        Set<Mention> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        rereadDictionary(t, dict, absorbed);
        List<Mention> found = new ArrayList<>();
        List<Mention> lone = new ArrayList<>(); // single words read later from the rest of the article
        List<Mention> echoes = new ArrayList<>(); // words that are names only if the article names them so
        int i = 0;
        while (i < t.size) {
            if (owner[i] != 0 || t.dropped[i] || !t.isCapitalized(i)) {
                i++;
                continue;
            }
            int s = i;
            int e = runEnd(t, sentence, owner, s);
            if (e - s > 1
                    && ev.allCaps(t, s, e)
                    && !words.orgHeads.contains(t, e - 1)
                    && !words.miscHeads.contains(t, e - 1)) {
                // "MITCHELL DEFEATS BAILEY": each word of a headline is a name only if the article names it so
                for (int k = s; k < e; k++) {
                    if (t.kind[k] == Tokens.WORD && t.end[k] - t.start[k] > 2 && !ev.commonWord(t, k)) {
                        echoes.add(new Mention(k, k + 1, null, null, null, null));
                    }
                }
                i = e;
                continue;
            }
            int cut = ev.innerConjunction(t, s, e);
            if (cut > 0 && !ev.orgWordBefore(t, s, e, cut) && !ev.quoted(t, s, e)) {
                e = cut; // "Tom Lehman and Mark O'Meara", "Stephan Marasek of SC Freiburg": two names
            }
            i = e;
            boolean sentenceStart = ev.sentenceStart(t, sentence, s);
            if (trimFirstWord(t, s, e, sentenceStart)) {
                s++;
                sentenceStart = false;
            }
            while (s < e && ev.isLinkToken(t, s)) {
                s++; // "Officials of the CFDT": what the trimmed word linked in goes too
            }
            if (s >= e) {
                continue;
            }
            Mention m = classify(t, dict, s, e, sentenceStart);
            if (m == null) {
                if (e - s == 1
                        && t.kind[s] == Tokens.WORD
                        && t.end[s] - t.start[s] > 2
                        && !words.calendar.contains(t, s)) {
                    echoes.add(new Mention(s, e, null, null, null, null)); // "Miller raised the pace"
                }
                continue;
            }
            i = Math.max(i, withPlaces(t, dict, m, absorbed));
            (m.type == null ? lone : found).add(m);
        }
        NameIndex names = new NameIndex(found.size() * 4 + 16);
        for (Mention f : found) {
            names.add(t, f);
        }
        for (Mention m : lone) {
            m.type = readLikeTheArticle(t, m, names);
            if (m.type != null) {
                found.add(m);
                names.add(t, m);
            }
        }
        for (Mention m : echoes) {
            m.type = names.typeOf(t, m.from);
            if (m.type != null) {
                found.add(m);
                names.add(t, m);
            }
        }
        if (found.isEmpty() && absorbed.isEmpty()) {
            return dictionary;
        }
        found.sort((a, b) -> Integer.compare(a.from, b.from));
        return merge(absorbed.isEmpty() ? dictionary : without(dictionary, absorbed), found);
    }

    /**
     * What the context says of dictionary mentions: a city before a score or after "v" is its team; a nationality
     * or place before an organisation or another nationality is part of it ("British Labour Party", "Iraqi Kurds");
     * a known organisation goes on over a legal form or a place.
     */
    private void rereadDictionary(Tokens t, Dictionary dict, Set<Mention> absorbed) {
        int[] owner = dict.owner();
        for (Mention m : dict.mentions()) {
            // "Dynamo Moscow players": the run before takes the place into its name
            boolean inName = m.from > 0
                    && owner[m.from - 1] == 0
                    && t.isCapitalized(m.from - 1)
                    && !words.sentenceWords.contains(t, m.from - 1)
                    && t.start[m.from] - t.end[m.from - 1] == 1;
            if (m.type.equals("LOCATION")
                    && !inName
                    && (ev.scoreFollows(t, m.from, m.to)
                            || ev.teamContext(t, m.from, m.to)
                            || ev.clubOrVisitor(t, m.from, m.to))) {
                m.type = "ORGANIZATION"; // "Swansea 49 Cardiff 23", "beat Somerset", "Norwich striker": a team
            }
        }
        for (Mention m : dict.mentions()) {
            Mention before =
                    m.type.equals("ORGANIZATION") || m.type.equals("NORP") ? dict.placeBefore(t, m.from) : null;
            if (before != null
                    && (m.type.equals("ORGANIZATION") || before.type.equals("NORP"))
                    && !absorbed.contains(before)) {
                m.from = before.from;
                m.country = m.type.equals("NORP") && before.country != null ? before.country : m.country;
                absorbed.add(before);
            }
            if (m.type.equals("ORGANIZATION")) {
                extendOrganisation(t, dict, m, absorbed);
            }
        }
    }

    /** "The", "Last Friday Mitchell", "Yesterday Smith" lose their first word; "Security Council", "M. Bicknell" not. */
    private boolean trimFirstWord(Tokens t, int s, int e, boolean sentenceStart) {
        if (ev.initial(t, s)) {
            return false;
        }
        boolean givenNameFirst = e - s > 1 && lexicon.givenNames.contains(t, s) && !ev.commonWord(t, s + 1);
        if (!givenNameFirst && (words.sentenceWords.contains(t, s) || words.calendar.contains(t, s))) {
            return true;
        }
        return sentenceStart
                && e - s > 1
                && ev.commonWord(t, s)
                && !lexicon.givenNames.contains(t, s)
                && !words.orgHeads.contains(t, e - 1)
                && !words.miscHeads.contains(t, e - 1)
                && !ev.quoted(t, s, e);
    }

    /**
     * Takes dictionary places into the name of {@code m}: after it ("Elia Kazan", "Dynamo Moscow"), before it ("the
     * French Open", "Iraqi News Agency", "the San Diego Padres"), and a year before an event ("the 1998 World Cup").
     * Returns the token the scan goes on from.
     */
    private int withPlaces(Tokens t, Dictionary dict, Mention m, Set<Mention> absorbed) {
        int s = m.from;
        int next = m.to;
        Mention place = m.type == null || !m.type.equals("LOCATION") ? dict.placeAfter(t, m.to) : null;
        if (place != null && !(t.isAllCaps(s) && t.isAllCaps(place.from))) {
            // a place as a family name, or as the last word of a club's or company's name
            m.type = "PERSON".equals(m.type) || lexicon.givenNames.contains(t, s) && !ev.commonWord(t, s)
                    ? "PERSON"
                    : "ORGANIZATION";
            m.to = place.to;
            m.country = m.type.equals("PERSON") ? null : countryOfNamesake(place);
            absorbed.add(place);
            next = m.to;
        }
        if (m.type == null
                && (words.clubWords.contains(t, s)
                        || t.end[s] - t.start[s] > 3 && Character.toLowerCase(t.text.charAt(t.end[s] - 1)) == 's')) {
            Mention before = dict.placeBefore(t, s);
            if (before != null && before.type.equals("LOCATION")) {
                m.type = "ORGANIZATION"; // "Texas Rangers", "Leeds United": a city's team
            }
        }
        if (("MISC".equals(m.type) || "ORGANIZATION".equals(m.type)) && !tables.currencies.contains(t, s)) {
            Mention before = dict.placeBefore(t, s); // not in "Australian dlr eurobond"
            if (before != null) {
                m.from = before.from;
                m.country = countryOfNamesake(before);
                absorbed.add(before);
            }
        }
        if ("MISC".equals(m.type)
                && m.from > 0
                && t.kind[m.from - 1] == Tokens.NUMBER
                && t.end[m.from - 1] - t.start[m.from - 1] == 4
                && t.start[m.from] - t.end[m.from - 1] == 1) {
            m.from--;
        }
        return next;
    }

    /**
     * A known organisation's name goes on over a legal form ("Volkswagen AG", "Microsoft Corp.") or a place
     * ("Toyota Australia", "Bayer Leverkusen"): the subsidiary or the club of that place.
     */
    private void extendOrganisation(Tokens t, Dictionary dict, Mention m, Set<Mention> absorbed) {
        int e = m.to;
        if (e < t.size
                && t.start[e] - t.end[e - 1] == 1
                && !t.newlineBefore(e)
                && dict.owner()[e] == 0
                && words.legalForms.contains(t, e)
                && t.isCapitalized(e)) {
            m.to = e + 1;
            return;
        }
        Mention place = dict.placeAfter(t, e);
        if (place != null && !absorbed.contains(place)) {
            m.to = place.to;
            m.country = m.country == null ? countryOfNamesake(place) : m.country;
            absorbed.add(place);
        }
    }

    /** End (exclusive) of the run of capitalised words from {@code s}, across links ("of", "de", "-"). */
    private int runEnd(Tokens t, int[] sentence, int[] owner, int s) {
        int e = s + 1;
        while (e < t.size && !t.dropped[e] && !t.newlineBefore(e)) {
            if (owner[e] == 0 && t.isCapitalized(e) && sentence[e] == sentence[s]) {
                e++;
                continue;
            }
            // "M. Bicknell": an initial's full stop; "van der Westhuizen": up to two link words
            int links = ev.initial(t, e - 1) && t.text.charAt(t.start[e]) == '.' && t.start[e] == t.end[e - 1] ? 1 : 0;
            while (links == 0 || links < 2 && e + links < t.size && ev.isLink(t, e + links)) {
                if (links == 0 && !ev.isLink(t, e)) {
                    break;
                }
                links++;
            }
            int next = e + links;
            if (links > 0
                    && next < t.size
                    && owner[next] == 0
                    && t.isCapitalized(next)
                    && !t.newlineBefore(next)
                    && t.start[next] - t.end[next - 1] <= 1) {
                e = next + 1;
            } else {
                break;
            }
        }
        return e;
    }

    /**
     * The mention for run [s, e): a typed one, one of type null (a lone word to read from the rest of the article)
     * or null (no name).
     */
    private Mention classify(Tokens t, Dictionary dict, int s, int e, boolean sentenceStart) {
        Mention m = classifyRun(t, s, e, sentenceStart);
        if (ev.quoted(t, s, e) && (m == null || !"PERSON".equals(m.type) || m.role == null)) {
            return new Mention(s, e, "MISC", null, null, null); // "Schindler 's List": a title in quotes
        }
        if ((m == null || m.type == null)
                && e - s == 1
                && words.miscHeads.contains(t, s)
                && dict.placeBefore(t, s) != null) {
            return new Mention(s, e, "MISC", null, null, null); // "the Hong Kong Open"
        }
        return m;
    }

    private Mention classifyRun(Tokens t, int s, int e, boolean sentenceStart) {
        if (ev.miscHead(t, s, e) && !ev.headlineWords(t, s, e)) {
            return new Mention(s, e, "MISC", null, null, null);
        }
        // the role runs to the last title word among the first ones ("Deputy Prime Minister Tareq Aziz")
        int n = s;
        for (int k = s; k < e && k < s + 4; k++) {
            if (k > s && k + 1 < e && lexicon.givenNames.contains(t, k) && !words.titles.contains(t, k)) {
                break; // "Prime Minister John Major": the name starts at "John"
            }
            if (words.titles.contains(t, k)) {
                n = k + 1;
            }
        }
        // an organisation word at the end wins over a title-like word at the start ("General Motors Corp")
        if (words.orgHeads.contains(t, e - 1) && (n == s || words.legalForms.contains(t, e - 1))) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        if (n > s && n < e && !ev.headlineWords(t, n, e)) {
            return new Mention(
                    n,
                    e,
                    "PERSON",
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
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "Slovan Liberec 3", "( Italy ) Mapei"
        }
        if (ev.orgContext(t, s, e)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        boolean titleBefore = s > 0 && t.kind[s - 1] == Tokens.WORD && words.titles.contains(t, s - 1);
        boolean saidAfter = e < t.size && words.speech.contains(t, e);
        boolean nameLike = ev.allNameLike(t, s, e);
        if ((titleBefore || saidAfter) && len <= 4 && !(sentenceStart && len == 1 && !nameLike)) {
            return new Mention(s, e, "PERSON", null, null, null);
        }
        if (len == 1 && ev.acronym(t, s)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        if (len >= 2 && ev.locative(t, s) && ev.anyNameLike(t, s, e) && !titleBefore) {
            return new Mention(s, e, "LOCATION", null, null, null); // "at Trent Bridge", "in Nagorno-Karabakh"
        }
        if (len >= 2 && ev.ampersand(t, s, e)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "Duff & Phelps": a firm
        }
        if (len >= 2
                && len <= 4
                && lexicon.givenNames.contains(t, s)
                && !t.isAllCaps(s)
                && ev.noOrgWords(t, s, e)
                && (!words.calendar.contains(t, s) || ev.nameWord(t, s + 1))) { // "Jan Siemerink", not "May Day"
            return new Mention(s, e, "PERSON", null, null, null);
        }
        if (len >= 2 && ev.words(t, s, e) <= 3 && nameLike) {
            return new Mention(s, e, "PERSON", null, null, null);
        }
        int of = ev.innerConjunction(t, s, e);
        if (of > 0 && t.is(of, "of") && ev.orgWordBefore(t, s, e, of)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "League of Women Voters"
        }
        if (len >= 2
                && s > 0
                && t.is(s - 1, "the")
                && t.text.charAt(t.start[s - 1]) == 't'
                && Character.toLowerCase(t.text.charAt(t.end[e - 1] - 1)) == 's') {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "the Blue Jays", "the Red Sox"
        }
        if (len >= 2 && ev.anyNameLike(t, s, e)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        if (len == 1
                && (nameLike || !sentenceStart || ev.resultsLine(t, s))
                && !words.calendar.contains(t, s)
                && !t.isAllCaps(s)) {
            return new Mention(s, e, null, null, null, null);
        }
        return null;
    }

    /**
     * A lone capitalised word takes the type the article gives it elsewhere: the family name of a person, a word of
     * an organisation's name or its acronym; else a known family name or a word that is no English word is a
     * person's name. Null when nothing says it is a name.
     */
    private String readLikeTheArticle(Tokens t, Mention m, NameIndex names) {
        String elsewhere = names.typeOf(t, m.from);
        if (elsewhere != null) {
            return elsewhere;
        }
        int i = m.from;
        if (ev.locative(t, i)) {
            return "LOCATION";
        }
        // "the Springboks", "the Chelsea defender"; "Crewe 0 Watford 2", "v Leicestershire": no person's name
        boolean knownName = lexicon.familyNames.contains(t, i) || lexicon.givenNames.contains(t, i);
        if (i > 0 && t.is(i - 1, "the") && !knownName
                || (!ev.commonWord(t, i) || ev.resultsLine(t, i)) && ev.scoreFollows(t, i, i + 1)
                || i > 0 && words.fixture.contains(t, i - 1)
                || ev.afterCountryInBrackets(t, i) && !lexicon.givenNames.contains(t, i)) {
            return "ORGANIZATION";
        }
        if (t.end[i] - t.start[i] > 5
                && (ev.endsWith(t, i, "ist")
                        || ev.endsWith(t, i, "ists")
                        || ev.endsWith(t, i, "ism")
                        || ev.endsWith(t, i, "ians"))) {
            return "MISC"; // "Maoist", "Stalinist", "Montserratians": a creed or a people, not a person
        }
        boolean saidBefore =
                i > 0 && words.speech.contains(t, i - 1) && (i + 1 >= t.size || t.kind[i + 1] == Tokens.PUNCT);
        if (saidBefore || lexicon.familyNames.contains(t, m.from) || !ev.commonWord(t, m.from)) {
            return "PERSON"; // '" ... , " said King .'
        }
        return null;
    }

    /**
     * The words of the article's names, by folded hash: the family names of persons named in full and the words of
     * organisations' names (not ordinary words). A lone word takes the type of a name it is a word of, capitals
     * aside, a person's before an organisation's; each look-up is one probe sequence, not a pass over all names.
     */
    private final class NameIndex {
        private int[] slots; // token index + 1; 0 is empty
        private boolean[] person;
        private int size;

        NameIndex(int capacity) {
            int n = Integer.highestOneBit(Math.max(16, capacity)) << 1;
            slots = new int[n];
            person = new boolean[n];
        }

        void add(Tokens t, Mention m) {
            if (m.type.equals("PERSON") && m.to - m.from >= 2) {
                put(t, m.to - 1, true);
            } else if (m.type.equals("ORGANIZATION")) {
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
        String typeOf(Tokens t, int token) {
            int mask = slots.length - 1;
            boolean org = false;
            for (int h = t.hash[token] & mask; slots[h] != 0; h = (h + 1) & mask) {
                if (ev.sameFoldedWord(t, slots[h] - 1, token)) {
                    if (person[h]) {
                        return "PERSON";
                    }
                    org = true;
                }
            }
            return org ? "ORGANIZATION" : null;
        }
    }

    private static List<Mention> without(List<Mention> mentions, Set<Mention> drop) {
        List<Mention> kept = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (!drop.contains(m)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * The country a name takes from the place inside it: a country's or a nationality's ("Iraqi News Agency",
     * "Credit Suisse"), not a city's, which as often names a namesake elsewhere ("Essex Chemical Corp").
     */
    private static String countryOfNamesake(Mention place) {
        return place.type.equals("LOCATION") ? null : place.country;
    }

    /** The dictionary mentions of an article with the index of the one over each token. */
    private record Dictionary(List<Mention> mentions, int[] owner) {

        /** The place or nationality that ends right before token {@code s} after one space, or null. */
        Mention placeBefore(Tokens t, int s) {
            if (s == 0 || t.start[s] - t.end[s - 1] != 1 || owner[s - 1] == 0) {
                return null;
            }
            Mention d = mentions.get(owner[s - 1] - 1);
            return d.to == s && (d.type.equals("NORP") || d.type.equals("COUNTRY") || d.type.equals("LOCATION"))
                    ? d
                    : null;
        }

        /**
         * The place that starts at token {@code e} after one space on the same line and ends the name, or null.
         */
        Mention placeAfter(Tokens t, int e) {
            if (e >= t.size || t.start[e] - t.end[e - 1] != 1 || t.newlineBefore(e) || owner[e] == 0) {
                return null;
            }
            Mention d = mentions.get(owner[e] - 1);
            boolean ends = d.to >= t.size || !t.isCapitalized(d.to) || t.newlineBefore(d.to);
            return d.from == e && ends && (d.type.equals("LOCATION") || d.type.equals("COUNTRY")) ? d : null;
        }
    }

    private static List<Mention> merge(List<Mention> dictionary, List<Mention> found) {
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
}
