package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule tables of the engine, loaded once from {@code rules/*.tsv}: boilerplate patterns ({@link BoilerplateRule}),
 * abbreviations, role nouns, topic contexts, theme keywords and event cues. The tables of the other languages are
 * the language packs' ({@code lang/LanguagePack}).
 */
public final class RuleTables {

    /** One event cue (rules/event-cues.tsv). */
    public record EventCue(String pattern, String code, double goldstein, boolean mutual, int priority) {

        public String rootCode() {
            return code.substring(0, 2);
        }

        /** GDELT quad class: 01-04 verbal cooperation, 05-08 material cooperation, 09-13 verbal, 14-20 material conflict. */
        public int quadClass() {
            int root = Integer.parseInt(rootCode());
            return root <= 4 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
        }
    }

    /** One theme keyword (rules/themes.tsv). */
    public record ThemeRule(String theme, String pattern) {}

    public final List<BoilerplateRule> boilerplate;
    public final Set<String> abbreviations;
    /** Role nouns and the kind of actor they name (rules/roles.tsv). */
    public final Map<String, RoleKind> roles;
    /** The keys of {@link #roles}, for lookups by token. */
    public final WordSet roleWords;
    /** The roles of kind GROUP: words that make an organisation a state's body ("Ministry", "Army"). */
    public final WordSet stateBodyWords;
    /** The roles of kind BUSINESS: words that make a country's name the home of a company ("a US developer"). */
    public final WordSet businessWords;
    /** Words that make a sentence no news between states (rules/discards.tsv): games, "ago". */
    public final WordSet discardWords;
    /** A dependent territory's code to its sovereign's (rules/territories.tsv). */
    public final Map<String, String> sovereigns;

    /** The kinds of rules/discards.tsv. */
    private enum DiscardKind {
        SPORT,
        PAST
    }

    public final Set<String> topicPrepositions;
    public final Set<String> topicNounsBeforeWith;
    public final Set<String> topicNounsPossessed;
    /** Words before "in"/"on" that make a country only a listing venue (rules/topic-context.tsv, VENUE). */
    public final WordSet listingVenueWords;
    /** Nouns after a city that name a meeting or deal after its venue ("the Pretoria talks", rules/topic-context.tsv). */
    public final WordSet namedAfterVenueWords;

    public final List<ThemeRule> themes;
    public final PhraseMatcher themeMatcher;
    public final List<EventCue> cues;
    /** The name tagger's word lists (rules/name-words.tsv). */
    public final NameWords nameWords;
    /** Exchange suffix of an instrument code → country (rules/exchange-codes.tsv). */
    public final Map<String, String> exchangeCountries;
    /** Company legal-form suffix → country (rules/legal-forms.tsv). */
    public final Map<String, String> legalForms;
    /** Legal forms used in many countries (Ltd): no country of their own, and not the USA's (rules/legal-forms.tsv). */
    public final WordSet sharedLegalForms;
    /** Every legal form, for lookups by token (case-folded). */
    public final WordSet allLegalForms;

    /** The contiguous cues ("signed", "travel ban"); {@link #cueMatches} adds the split ones. */
    public final PhraseMatcher cueMatcher;

    private final SplitCues splitCues;
    /** Currency words (rules/currencies.tsv). */
    public final WordSet currencies;
    /** Unqualified currency words that place an article that names no country (rules/currencies.tsv). */
    public final Map<String, String> defaultCurrencyCountry;

    public final WordSet defaultCurrencyWords;

    private static final String[] ENDINGS = {
        "", "s", "es", "ed", "d", "ing", "er", "ers", "ist", "ists", "ism", "ion", "ions", "ation", "ations", "e", "es",
        "ize", "izes", "ized", "izing", "ise", "ises", "ised", "ising", "al", "ally", "ment", "ments", "y", "ies",
        "ied", "ation", "ing", "ation", "ive", "ives", "ity", "ic", "ics", "ship"
    };

    private RuleTables(TableSource source) {
        List<BoilerplateRule> bp = new ArrayList<>();
        Table.read(source, "rules/boilerplate.tsv", 2, 4).forEach(r -> bp.add(BoilerplateRule.parse(r)));
        boilerplate = List.copyOf(bp);

        abbreviations = Set.copyOf(Table.words(source, "rules/abbreviations.txt").stream()
                .map(String::trim)
                .toList());

        Map<String, RoleKind> r = new HashMap<>();
        Table.read(source, "rules/roles.tsv", 2, 2)
                .forEach(row -> r.put(row.lowerCase(1), row.kind(2, RoleKind.class)));
        roles = Map.copyOf(r);
        roleWords = WordSet.of(roles.keySet());
        stateBodyWords = WordSet.of(roles.entrySet().stream()
                .filter(e -> e.getValue() == RoleKind.GROUP)
                .map(Map.Entry::getKey)
                .toList());
        businessWords = WordSet.of(roles.entrySet().stream()
                .filter(e -> e.getValue() == RoleKind.BUSINESS)
                .map(Map.Entry::getKey)
                .toList());

        Set<String> prep = new HashSet<>();
        Set<String> with = new HashSet<>();
        Set<String> poss = new HashSet<>();
        List<String> venue = new ArrayList<>();
        List<String> namedAfter = new ArrayList<>();
        Table.read(source, "rules/topic-context.tsv", 2, 2).forEach(row -> {
            String word = row.lowerCase(2);
            switch (row.kind(1, TopicContext.class)) {
                case PREP -> prep.add(word);
                case NOUN_WITH -> with.add(word);
                case POSSESSED -> poss.add(word);
                case VENUE -> venue.add(word);
                case NAMED_AFTER -> namedAfter.add(word);
            }
        });
        topicPrepositions = Set.copyOf(prep);
        topicNounsBeforeWith = Set.copyOf(with);
        topicNounsPossessed = Set.copyOf(poss);
        listingVenueWords = WordSet.of(venue);
        namedAfterVenueWords = WordSet.of(namedAfter);

        List<ThemeRule> th = new ArrayList<>();
        Table.read(source, "rules/themes.tsv", 2, 2)
                .forEach(row -> th.add(new ThemeRule(themeName(row), row.lowerCase(2))));
        themes = List.copyOf(th);
        PhraseMatcher.Builder tb = new PhraseMatcher.Builder();
        for (int i = 0; i < themes.size(); i++) {
            addExpanded(tb, themes.get(i).pattern(), i);
        }
        themeMatcher = tb.build();

        cues = loadCues(source, OWN_CUES, GENERATED_CUES);
        discardWords = WordSet.of(Table.read(source, "rules/discards.tsv", 2, 2).rows().stream()
                .map(row -> {
                    row.kind(2, DiscardKind.class);
                    return row.lowerCase(1);
                })
                .toList());
        Map<String, String> sov = new HashMap<>();
        Table.read(source, "rules/territories.tsv", 2, 2).forEach(row -> sov.put(row.alpha3(1), row.alpha3(2)));
        sovereigns = Map.copyOf(sov);
        PhraseMatcher.Builder cb = new PhraseMatcher.Builder();
        for (int i = 0; i < cues.size(); i++) {
            if (!SplitCues.isSplit(cues.get(i).pattern())) {
                addExpanded(cb, cues.get(i).pattern(), i);
            }
        }
        cueMatcher = cb.build();
        splitCues = new SplitCues(cues);

        Map<String, String> ex = new HashMap<>();
        Table.read(source, "rules/exchange-codes.tsv", 2, 2).forEach(row -> ex.put(row.text(1), row.alpha3(2)));
        exchangeCountries = Map.copyOf(ex);

        Map<String, String> lf = new HashMap<>();
        List<String> shared = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Table.read(source, "rules/legal-forms.tsv", 2, 2).forEach(row -> {
            String form = row.text(1);
            all.add(form);
            switch (row.text(2)) {
                case "shared" -> shared.add(form);
                case "any" -> {}
                default -> lf.put(form, row.alpha3(2));
            }
        });
        legalForms = Map.copyOf(lf);
        sharedLegalForms = WordSet.of(shared);
        allLegalForms = WordSet.of(all);
        nameWords = new NameWords(Table.read(source, "rules/name-words.tsv", 2, 2), allLegalForms);

        List<String> cur = new ArrayList<>();
        Map<String, String> dc = new HashMap<>();
        Table.read(source, "rules/currencies.tsv", 1, 2).forEach(row -> {
            String word = row.lowerCase(1);
            cur.add(word);
            String country = row.optionalAlpha3(2);
            if (country != null) {
                dc.put(word, country);
            }
        });
        currencies = WordSet.of(cur);
        defaultCurrencyCountry = Map.copyOf(dc);
        defaultCurrencyWords = WordSet.of(dc.keySet());
    }

    /**
     * The event cues of tokens [{@code from}, {@code to}) in text order, each match's first payload {@code >> 2} its
     * index in {@link #cues}: the contiguous ones and the split ones ("suspend* ... aid"), which replace those inside.
     */
    public List<PhraseMatcher.Match> cueMatches(Tokens t, int from, int to) {
        return splitCues.join(t, cueMatcher.match(t, from, to), from, to);
    }

    /** The kinds of rules/topic-context.tsv (see the table's header). */
    private enum TopicContext {
        PREP,
        NOUN_WITH,
        POSSESSED,
        VENUE,
        NAMED_AFTER
    }

    private static String themeName(Table.Row row) {
        String v = row.text(1);
        if (!v.matches("[A-Z][A-Z_]*")) {
            throw row.fail(1, "theme '" + v + "' must be written in capitals (TRADE, ORGANIZED_CRIME)");
        }
        return v;
    }

    /** The project's own event cues, written by hand. */
    static final String OWN_CUES = "rules/event-cues.tsv";
    /** Event cues generated from the CAMEO verb dictionary (scripts/kb/generate-cues.js). */
    static final String GENERATED_CUES = "rules/cameo-cues.tsv";

    /** {@link #loadCues(TableSource, String, String)} over bundled tables. */
    static List<EventCue> loadCues(String own, String generated) {
        return loadCues(TableSource.bundled(), own, generated);
    }

    /**
     * The cues of both tables: every own cue, then the generated cues none of whose word sequences an own cue
     * already covers, so the own table wins wherever both have a pattern ("visit*" there, "visited" here) and every
     * word sequence of the matcher leads to one cue of one table. A generated pattern that ends with the first words
     * of an own phrase is left out too: matches are leftmost-longest, so "step up security" would take "security"
     * from the own "security cooperation" that follows it. Codes must be CAMEO's (rules/cameo-codes.tsv).
     */
    static List<EventCue> loadCues(TableSource source, String own, String generated) {
        Set<String> codes = Set.copyOf(Table.words(source, "rules/cameo-codes.tsv"));
        List<EventCue> out = new ArrayList<>(70_000);
        Set<String> covered = new HashSet<>();
        Set<String> ownPhraseStarts = new HashSet<>();
        Table.read(source, own, 5, 5).forEach(row -> {
            EventCue cue = cue(row, codes);
            out.add(cue);
            if (SplitCues.isSplit(cue.pattern())) {
                return; // its words alone are no cue: they cover no generated pattern
            }
            for (String f : forms(cue.pattern())) {
                covered.add(f);
                for (int sp = f.indexOf(' '); sp > 0; sp = f.indexOf(' ', sp + 1)) {
                    ownPhraseStarts.add(f.substring(0, sp));
                }
            }
        });
        Table.read(source, generated, 5, 5).forEach(row -> {
            String p = row.lowerCase(1);
            if (p.endsWith("*") ? covered.containsAll(forms(p)) : covered.contains(p)) {
                return;
            }
            for (int sp = p.indexOf(' '); sp > 0; sp = p.indexOf(' ', sp + 1)) {
                if (ownPhraseStarts.contains(p.substring(sp + 1))) {
                    return;
                }
            }
            out.add(cue(row, codes));
        });
        return List.copyOf(out);
    }

    private static EventCue cue(Table.Row row, Set<String> codes) {
        return new EventCue(
                row.lowerCase(1),
                row.cameoCode(2, codes).intern(),
                row.goldstein(3),
                row.yesNo(4),
                row.integer(5, 0, 100));
    }

    /** Adds a lower-case pattern; a trailing '*' is expanded to common English endings. */
    static void addExpanded(PhraseMatcher.Builder b, String pattern, int payload) {
        for (String f : forms(pattern)) {
            b.add(f, payload, PhraseMatcher.CASE_ANY);
        }
    }

    /**
     * The word sequences a pattern stands for: itself, or with each word ending in '*' ("suspend* aid") replaced by
     * its stem with common English endings.
     */
    static List<String> forms(String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.indexOf('*') < 0) {
            return List.of(p);
        }
        List<String> out = List.of("");
        for (String word : p.split(" ")) {
            List<String> next = new ArrayList<>();
            for (String head : out) {
                for (String w : wordForms(word)) {
                    next.add(head.isEmpty() ? w : head + " " + w);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<String> wordForms(String word) {
        if (!word.endsWith("*")) {
            return List.of(word);
        }
        List<String> out = new ArrayList<>(ENDINGS.length * 2);
        String stem = word.substring(0, word.length() - 1);
        for (String e : ENDINGS) {
            out.add(stem + e);
        }
        if (stem.endsWith("e")) {
            String s2 = stem.substring(0, stem.length() - 1);
            for (String e : ENDINGS) {
                out.add(s2 + e);
            }
        }
        return out;
    }

    /**
     * The tables the engine starts with: the bundled ones, each replaced by its copy in the rules folder when one is
     * set ({@link TableSource#fromSettings}). Loaded once.
     */
    public static RuleTables bundled() {
        return Bundled.INSTANCE;
    }

    /** The tables of {@code source}, loaded now; a bad row fails with its file, line and column. */
    public static RuleTables load(TableSource source) {
        return new RuleTables(source);
    }

    /** Loaded on first use, once (the class holder idiom: no lock, no volatile read). */
    private static final class Bundled {
        static final RuleTables INSTANCE = new RuleTables(TableSource.fromSettings());
    }
}
