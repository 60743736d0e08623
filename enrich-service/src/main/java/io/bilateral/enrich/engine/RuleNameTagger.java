package io.bilateral.enrich.engine;

import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.rules.NameWords;
import io.bilateral.enrich.engine.rules.RuleTables;
import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.List;

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

    RuleNameTagger(NameLexicon lexicon, RuleTables tables) {
        this.lexicon = lexicon;
        this.tables = tables;
        this.words = tables.nameWords;
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
        for (Mention m : dictionary) {
            if (m.type.equals("LOCATION") && (scoreFollows(t, m.from, m.to) || teamContext(t, m.from, m.to))) {
                m.type = "ORGANIZATION"; // "Swansea 49 Cardiff 23", "beat Somerset", "Norwich striker": a team
            }
        }
        List<Mention> found = new ArrayList<>();
        List<Mention> absorbed = new ArrayList<>(0); // dictionary mentions now inside a longer name
        for (Mention m : dictionary) {
            Mention before = m.type.equals("ORGANIZATION") || m.type.equals("NORP")
                    ? dict.placeBefore(t, m.from) : null;
            if (before != null && (m.type.equals("ORGANIZATION") || before.type.equals("NORP"))
                    && !absorbed.contains(before)) {
                // "British Labour Party", "Kurdistan Democratic Party"; "Iraqi Kurds", "Bosnian Serbs"
                m.from = before.from;
                m.country = m.type.equals("NORP") && before.country != null ? before.country : m.country;
                absorbed.add(before);
            }
        }
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
            if (e - s > 1 && allCaps(t, s, e) && !words.orgHeads.contains(t, e - 1) && !words.miscHeads.contains(t, e - 1)) {
                // "MITCHELL DEFEATS BAILEY": each word of a headline is a name only if the article names it so
                for (int k = s; k < e; k++) {
                    if (t.kind[k] == Tokens.WORD && t.end[k] - t.start[k] > 2 && !commonWord(t, k)) {
                        echoes.add(new Mention(k, k + 1, null, null, null, null));
                    }
                }
                i = e;
                continue;
            }
            int cut = innerConjunction(t, s, e);
            if (cut > 0 && !orgWordBefore(t, s, e, cut) && !quoted(t, s, e)) {
                e = cut; // "Tom Lehman and Mark O'Meara", "Stephan Marasek of SC Freiburg": two names
            }
            i = e;
            boolean sentenceStart = sentenceStart(t, sentence, s);
            if (words.sentenceWords.contains(t, s) || words.calendar.contains(t, s) || (sentenceStart && e - s > 1
                    && commonWord(t, s) && !lexicon.givenNames.contains(t, s) && !initial(t, s)
                    && !words.orgHeads.contains(t, e - 1) && !words.miscHeads.contains(t, e - 1) && !quoted(t, s, e))) {
                s++; // "The", "Last Friday Mitchell", "Yesterday Smith"; not "Security Council", "Jeans Mate Corp"
                sentenceStart = false;
            }
            while (s < e && isLinkToken(t, s)) {
                s++; // "Officials of the CFDT": what the trimmed word linked in goes too
            }
            if (s >= e) {
                continue;
            }
            Mention m = classify(t, s, e, sentenceStart);
            if (quoted(t, s, e) && (m == null || !"PERSON".equals(m.type) || m.role == null)) {
                m = new Mention(s, e, "MISC", null, null, null); // "Schindler 's List": a title in quotes
            }
            if ((m == null || m.type == null) && e - s == 1 && words.miscHeads.contains(t, s)
                    && dict.placeBefore(t, s) != null) {
                m = new Mention(s, e, "MISC", null, null, null); // "the Hong Kong Open"
            }
            if (m == null) {
                if (e - s == 1 && t.kind[s] == Tokens.WORD && t.end[s] - t.start[s] > 2 && !words.calendar.contains(t, s)) {
                    echoes.add(new Mention(s, e, null, null, null, null)); // "MITCHELL DEFEATS BAILEY", "Miller raised"
                }
                continue;
            }
            Mention place = m.type == null || !m.type.equals("LOCATION") ? dict.placeAfter(t, e) : null;
            if (place != null && !(t.isAllCaps(s) && t.isAllCaps(place.from))) {
                // "Elia Kazan", "Carla Sacramento": a place as a family name; "Dynamo Moscow", "Air France": a name
                m.type = "PERSON".equals(m.type) || lexicon.givenNames.contains(t, s) && !commonWord(t, s)
                        ? "PERSON" : "ORGANIZATION";
                m.to = place.to;
                m.country = m.type.equals("PERSON") ? null : countryOfNamesake(place);
                absorbed.add(place);
                i = m.to;
            }
            if (m.type == null && (words.clubWords.contains(t, s) || t.end[s] - t.start[s] > 3
                    && Character.toLowerCase(t.text.charAt(t.end[s] - 1)) == 's')) {
                Mention before = dict.placeBefore(t, s);
                if (before != null && before.type.equals("LOCATION")) {
                    m.type = "ORGANIZATION"; // "the San Diego Padres", "Texas Rangers", "Leeds United": a team
                }
            }
            if (("MISC".equals(m.type) || "ORGANIZATION".equals(m.type)) && !tables.currencies.contains(t, s)) {
                Mention before = dict.placeBefore(t, s); // not in "Australian dlr eurobond"
                if (before != null) {
                    // "the French Open", "Iraqi News Agency", "San Diego Padres": the place is part of the name
                    m.from = before.from;
                    m.country = countryOfNamesake(before);
                    absorbed.add(before);
                }
            }
            if ("MISC".equals(m.type) && m.from > 0 && t.kind[m.from - 1] == Tokens.NUMBER
                    && t.end[m.from - 1] - t.start[m.from - 1] == 4 && t.start[m.from] - t.end[m.from - 1] == 1) {
                m.from--; // "the 1998 World Cup"
            }
            (m.type == null ? lone : found).add(m);
        }
        for (Mention m : lone) {
            m.type = readLikeTheArticle(t, m, found, dictionary);
            if (m.type != null) {
                found.add(m);
            }
        }
        for (Mention m : echoes) {
            m.type = namedSoElsewhere(t, m, found);
            if (m.type != null) {
                found.add(m);
            }
        }
        if (found.isEmpty() && absorbed.isEmpty()) {
            return dictionary;
        }
        found.sort((a, b) -> Integer.compare(a.from, b.from));
        return merge(absorbed.isEmpty() ? dictionary : without(dictionary, absorbed), found);
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
            int links = initial(t, e - 1) && t.text.charAt(t.start[e]) == '.' && t.start[e] == t.end[e - 1] ? 1 : 0;
            while (links == 0 || links < 2 && e + links < t.size && isLink(t, e + links)) {
                if (links == 0 && !isLink(t, e)) {
                    break;
                }
                links++;
            }
            int next = e + links;
            if (links > 0 && next < t.size && owner[next] == 0 && t.isCapitalized(next) && !t.newlineBefore(next)
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
    private Mention classify(Tokens t, int s, int e, boolean sentenceStart) {
        if (miscHead(t, s, e) && !headlineWords(t, s, e)) {
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
        if (n > s && n < e && !headlineWords(t, n, e)) {
            return new Mention(n, e, "PERSON", null, null, t.text.subSequence(t.start[s], t.end[n - 1]).toString());
        }
        if (n == e) {
            return null; // titles alone ("President")
        }
        int len = e - s;
        if (len >= 2 && headlineWords(t, s, e)) {
            return null;
        }
        if (len >= 2 && n == s && (scoreFollows(t, s, e) || afterCountryInBrackets(t, s))) {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "Slovan Liberec 3", "( Italy ) Mapei"
        }
        boolean titleBefore = s > 0 && t.kind[s - 1] == Tokens.WORD && words.titles.contains(t, s - 1);
        boolean saidAfter = e < t.size && words.speech.contains(t, e);
        boolean nameLike = allNameLike(t, s, e);
        if ((titleBefore || saidAfter) && len <= 4 && !(sentenceStart && len == 1 && !nameLike)) {
            return new Mention(s, e, "PERSON", null, null, null);
        }
        if (len == 1 && acronym(t, s)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        if (len >= 2 && locative(t, s) && anyNameLike(t, s, e) && !titleBefore) {
            return new Mention(s, e, "LOCATION", null, null, null); // "at Trent Bridge", "in Nagorno-Karabakh"
        }
        if (len >= 2 && len <= 4 && lexicon.givenNames.contains(t, s) && !words.calendar.contains(t, s) && !t.isAllCaps(s)
                && noOrgWords(t, s, e)) {
            return new Mention(s, e, "PERSON", null, null, null);
        }
        if (len >= 2 && words(t, s, e) <= 3 && nameLike) {
            return new Mention(s, e, "PERSON", null, null, null);
        }
        int of = innerConjunction(t, s, e);
        if (of > 0 && t.is(of, "of") && orgWordBefore(t, s, e, of)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "League of Women Voters"
        }
        if (len >= 2 && s > 0 && t.is(s - 1, "the") && t.text.charAt(t.start[s - 1]) == 't'
                && Character.toLowerCase(t.text.charAt(t.end[e - 1] - 1)) == 's') {
            return new Mention(s, e, "ORGANIZATION", null, null, null); // "the Blue Jays", "the Red Sox"
        }
        if (len >= 2 && anyNameLike(t, s, e)) {
            return new Mention(s, e, "ORGANIZATION", null, null, null);
        }
        if (len == 1 && (nameLike || !sentenceStart || resultsLine(t, s)) && !words.calendar.contains(t, s)
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
    private String readLikeTheArticle(Tokens t, Mention m, List<Mention> found, List<Mention> dictionary) {
        String elsewhere = namedSoElsewhere(t, m, found);
        if (elsewhere != null) {
            return elsewhere;
        }
        int i = m.from;
        if (locative(t, i)) {
            return "LOCATION";
        }
        // "the Springboks", "the Chelsea defender"; "Crewe 0 Watford 2", "v Leicestershire": no person's name
        if (i > 0 && t.is(i - 1, "the") || (!commonWord(t, i) || resultsLine(t, i)) && scoreFollows(t, i, i + 1)
                || i > 0 && words.fixture.contains(t, i - 1) || afterCountryInBrackets(t, i)) {
            return "ORGANIZATION";
        }
        if (t.end[i] - t.start[i] > 5 && (endsWith(t, i, "ist") || endsWith(t, i, "ists") || endsWith(t, i, "ism")
                || endsWith(t, i, "ians"))) {
            return "MISC"; // "Maoist", "Stalinist", "Montserratians": a creed or a people, not a person
        }
        boolean saidBefore = i > 0 && words.speech.contains(t, i - 1) && (i + 1 >= t.size || t.kind[i + 1] == Tokens.PUNCT);
        if (saidBefore || lexicon.familyNames.contains(t, m.from) || !commonWord(t, m.from)) {
            return "PERSON"; // '" ... , " said King .'
        }
        return null;
    }

    /**
     * The type the article gives the word of {@code m} elsewhere, capitals aside: the family name of a person named
     * in full, a word of an organisation's name; else null.
     */
    private String namedSoElsewhere(Tokens t, Mention m, List<Mention> found) {
        for (Mention f : found) {
            if (f.type.equals("PERSON") && f.to - f.from >= 2 && sameFoldedWord(t, f.to - 1, m.from)) {
                return "PERSON";
            }
        }
        for (Mention f : found) {
            if (f.type.equals("ORGANIZATION")) {
                for (int k = f.from; k < f.to; k++) {
                    if (sameFoldedWord(t, k, m.from) && !commonWord(t, k)) {
                        return "ORGANIZATION";
                    }
                }
            }
        }
        return null;
    }

    private static boolean sameFoldedWord(Tokens t, int a, int b) {
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

    /** "in Tacambaro", "near Velten", "the town of Arbil", "the capital Grozny": a place, not a person. */
    private boolean locative(Tokens t, int i) {
        if (i == 0 || t.kind[i - 1] != Tokens.WORD) {
            return false;
        }
        if (words.locatives.contains(t, i - 1) || words.placeNouns.contains(t, i - 1)) {
            return true;
        }
        return i >= 2 && t.is(i - 1, "of") && t.kind[i - 2] == Tokens.WORD && words.placeNouns.contains(t, i - 2);
    }

    /** "v Somerset", "beat Surrey", "Norwich striker", "Warwickshire captain": a place's team. */
    private boolean teamContext(Tokens t, int from, int to) {
        return from > 0 && t.kind[from - 1] == Tokens.WORD && (words.fixture.contains(t, from - 1) || t.is(from - 1, "beat")
                || t.is(from - 1, "against")) || to < t.size && t.kind[to] == Tokens.WORD && words.teamRoles.contains(t, to);
    }

    /**
     * "Reading 2 Stoke 2", "Bury 4 3 1": the line holds nothing but names and short numbers, and ends in a number;
     * then even an ordinary word opening it is a team.
     */
    private static boolean resultsLine(Tokens t, int i) {
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

    /** "Abraham Olano ( Spain ) Mapei": in a results list, the name after a rider's country is the team's. */
    private static boolean afterCountryInBrackets(Tokens t, int i) {
        return i >= 3 && t.text.charAt(t.start[i - 1]) == ')' && t.kind[i - 1] == Tokens.PUNCT
                && t.isCapitalized(i - 2) && (t.text.charAt(t.start[i - 3]) == '('
                || i >= 4 && t.text.charAt(t.start[i - 4]) == '(');
    }

    /** A score after the name and the name first on its line or after another score: a team in a results table. */
    private static boolean scoreFollows(Tokens t, int from, int to) {
        return to < t.size && t.kind[to] == Tokens.NUMBER && t.end[to] - t.start[to] <= 3 && !t.newlineBefore(to)
                && (to + 1 >= t.size || t.start[to + 1] > t.end[to]) // "LONDON 1996-08-30" is a dateline
                && (from == 0 || t.newlineBefore(from) || t.kind[from - 1] == Tokens.NUMBER);
    }

    /** Between quotation marks that hold nothing else: '" Return of the Legend "'. */
    private static boolean quoted(Tokens t, int s, int e) {
        return s > 0 && e < t.size && quote(t, s - 1) && quote(t, e);
    }

    private static boolean quote(Tokens t, int i) {
        char c = t.text.charAt(t.start[i]);
        return t.kind[i] == Tokens.PUNCT && (c == '"' || c == '“' || c == '”');
    }

    /** "M" (with a full stop after it) or "M.": a capital letter alone. */
    private static boolean initial(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        return t.kind[i] == Tokens.WORD && Character.isUpperCase(t.first(i))
                && (len == 1 || len == 2 && t.text.charAt(t.start[i] + 1) == '.');
    }

    /** The first word of a sentence, or the first after a list number or an opening quote or bracket. */
    private static boolean sentenceStart(Tokens t, int[] sentence, int s) {
        if (s == 0 || sentence[s - 1] != sentence[s]) {
            return true;
        }
        char c = t.text.charAt(t.start[s - 1]);
        return t.kind[s - 1] == Tokens.PUNCT && (c == '"' || c == '“' || c == '(' || c == ':' || c == '-'
                || c == '.');
    }

    /** "KDP", "CFDT": an acronym in running text (not a word of an all-caps headline). */
    private boolean acronym(Tokens t, int i) {
        int len = t.end[i] - t.start[i];
        if (len < 2 || len > 6 || !t.isAllCaps(i) || commonWord(t, i) && len > 3 || words.legalForms.contains(t, i)
                || words.calendar.contains(t, i)) {
            return false;
        }
        if (i > 0 && t.text.charAt(t.start[i - 1]) == '<' && t.start[i] == t.end[i - 1]) {
            return false; // "<AKZO.AS>": an instrument code
        }
        boolean capsBefore = i > 0 && t.kind[i - 1] == Tokens.WORD && t.isAllCaps(i - 1) && !t.newlineBefore(i);
        boolean capsAfter = i + 1 < t.size && t.kind[i + 1] == Tokens.WORD && t.isAllCaps(i + 1)
                && !t.newlineBefore(i + 1);
        return !capsBefore && !capsAfter;
    }

    /** An English word, also in a plural or agent form the word list lacks ("Automakers", "Organisers"). */
    private boolean allCaps(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.WORD && !t.isAllCaps(i)) {
                return false;
            }
        }
        return true;
    }

    /** "LEAGUE STANDINGS AFTER FRIDAY": capitals only, and mostly ordinary words. */
    private boolean headlineWords(Tokens t, int s, int e) {
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
    private boolean commonWord(Tokens t, int i) {
        if (lexicon.englishWords.contains(t, i) || words.calendar.contains(t, i)) {
            return true;
        }
        int len = t.end[i] - t.start[i];
        char last = Character.toLowerCase(t.text.charAt(t.end[i] - 1));
        return len > 4 && last == 's' && (lexicon.englishWords.containsStem(t, i, 1)
                || endsWith(t, i, "ers") && lexicon.englishWords.containsStem(t, i, 3)
                || endsWith(t, i, "ers") && lexicon.englishWords.containsStem(t, i, 2));
    }

    private static boolean endsWith(Tokens t, int i, String suffix) {
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

    private boolean nameWord(Tokens t, int i) {
        if (initial(t, i) && (t.end[i] - t.start[i] == 2 || i + 1 < t.size && t.text.charAt(t.start[i + 1]) == '.')) {
            return true;
        }
        return t.kind[i] == Tokens.WORD && t.end[i] - t.start[i] >= 2 && !commonWord(t, i)
                && !words.orgHeads.contains(t, i) && !words.sentenceWords.contains(t, i);
    }

    /** The words of [s, e) that are not links. */
    private int words(Tokens t, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            n += isLinkToken(t, i) ? 0 : 1;
        }
        return n;
    }

    /** Every word of [s, e) is a name word (links aside) and none is in capitals only. */
    private boolean allNameLike(Tokens t, int s, int e) {
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

    private boolean anyNameLike(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!isLinkToken(t, i) && nameWord(t, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean noOrgWords(Tokens t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (words.orgHeads.contains(t, i)) {
                return false;
            }
        }
        return true;
    }

    /** "Bank of Tokyo", "Procter and Gamble Co": an organisation word before the link or at the end. */
    private boolean orgWordBefore(Tokens t, int s, int e, int cut) {
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

    /** The first "of", "and" or "&" inside [s, e), or -1. */
    private static int innerConjunction(Tokens t, int s, int e) {
        for (int i = s + 1; i < e - 1; i++) {
            if (t.is(i, "of") || t.is(i, "and") || t.is(i, "&")) {
                return i;
            }
        }
        return -1;
    }

    private boolean isLinkToken(Tokens t, int i) {
        return t.kind[i] != Tokens.WORD || (!t.isCapitalized(i) && words.links.contains(t, i));
    }

    private boolean isLink(Tokens t, int i) {
        if (t.kind[i] == Tokens.WORD) {
            return t.end[i] - t.start[i] <= 4 && words.links.contains(t, i);
        }
        char c = t.text.charAt(t.start[i]);
        return c == '&' || (c == '-' || c == '\'' || c == '’') && t.start[i] == t.end[i - 1];
    }

    private static List<Mention> without(List<Mention> mentions, List<Mention> drop) {
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

    /** "World Cup", "Labor Day", "World War Two", "Trades Disputes Act": a named event, law or prize. */
    private boolean miscHead(Tokens t, int s, int e) {
        int last = e - 1;
        if (last > s && words.numberWords.contains(t, last)) {
            last--;
        }
        return words.miscHeads.contains(t, last) && (last > s || t.is(last, "olympics"));
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
                    ? d : null;
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
