package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule tables of the engine, loaded once from {@code rules/*.tsv}: boilerplate patterns, abbreviations, role
 * nouns, topic contexts, theme keywords and event cues.
 */
public final class RuleTables {

    /**
     * One boilerplate rule (rules/boilerplate.tsv). The trigger is a cheap literal test that must pass before the
     * regex runs on a line: most lines fail it, so most lines never meet a regex.
     *
     * @param atStart  the trigger literals must stand at the first non-blank character of the line
     * @param triggers literals of which one must occur, or an empty array to always run the regex
     */
    public record BoilerplateRule(String kind, Pattern pattern, String note, boolean atStart, String[] triggers) {

        /** Whether the regex may match the line [from, to) of {@code text}. */
        public boolean triggered(String text, int from, int to) {
            if (triggers.length == 0) {
                return true;
            }
            if (atStart) {
                int p = from;
                while (p < to && Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                return triggerAt(text, p, to);
            }
            for (int p = from; p < to; p++) {
                if (triggerAt(text, p, to)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the regex may match the line [from, to), for lines visited in text order: {@code next} (one
         * slot per trigger, initially all -2) remembers where each literal occurs next, so every literal is searched
         * for about once per text however many lines there are.
         */
        public boolean triggered(String text, int from, int to, int[] next) {
            if (triggers.length == 0 || atStart) {
                return triggered(text, from, to);
            }
            boolean hit = false;
            for (int k = 0; k < triggers.length; k++) {
                int p = next[k];
                if (p == -1) {
                    continue; // does not occur again
                }
                if (p < from) {
                    p = text.indexOf(triggers[k], from);
                    next[k] = p;
                }
                hit |= p >= 0 && p + triggers[k].length() <= to;
            }
            return hit;
        }

        private boolean triggerAt(String text, int p, int to) {
            for (String t : triggers) {
                if (regionMatches(text, p, to, t)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean regionMatches(String text, int p, int to, String lit) {
            if (to - p < lit.length()) {
                return false;
            }
            for (int k = 0; k < lit.length(); k++) {
                if (text.charAt(p + k) != lit.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        static BoilerplateRule parse(String[] c) {
            String trigger = c.length > 3 ? c[3].strip() : "-";
            boolean atStart = trigger.startsWith("^");
            if (atStart) {
                trigger = trigger.substring(1);
            }
            String[] triggers = trigger.isEmpty() || trigger.equals("-") ? new String[0] : trigger.split("\\|");
            return new BoilerplateRule(c[0], Pattern.compile(c[1]), c.length > 2 ? c[2] : "", atStart, triggers);
        }
    }

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
    public final Map<String, String> roles;
    /** The keys of {@link #roles}, for lookups by token. */
    public final WordSet roleWords;
    /** The roles of kind GROUP: words that make an organisation a state's body ("Ministry", "Army"). */
    public final WordSet stateBodyWords;
    /** The roles of kind BUSINESS: words that make a country's name the home of a company ("a US developer"). */
    public final WordSet businessWords;

    public final Set<String> topicPrepositions;
    public final Set<String> topicNounsBeforeWith;
    public final Set<String> topicNounsPossessed;
    /** Words before "in"/"on" that make a country only a listing venue (rules/topic-context.tsv, VENUE). */
    public final WordSet listingVenueWords;

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

    public final PhraseMatcher cueMatcher;
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

    private RuleTables() {
        List<BoilerplateRule> bp = new ArrayList<>();
        KnowledgeBase.readTsv("rules/boilerplate.tsv", c -> bp.add(BoilerplateRule.parse(c)));
        boilerplate = List.copyOf(bp);

        abbreviations = Set.copyOf(KnowledgeBase.readLines("rules/abbreviations.txt").stream()
                .map(String::trim)
                .toList());

        Map<String, String> r = new HashMap<>();
        KnowledgeBase.readTsv("rules/roles.tsv", c -> r.put(c[0], c[1]));
        roles = Map.copyOf(r);
        roleWords = WordSet.of(roles.keySet());
        stateBodyWords = WordSet.of(roles.entrySet().stream()
                .filter(e -> e.getValue().equals("GROUP"))
                .map(Map.Entry::getKey)
                .toList());
        businessWords = WordSet.of(roles.entrySet().stream()
                .filter(e -> e.getValue().equals("BUSINESS"))
                .map(Map.Entry::getKey)
                .toList());

        Set<String> prep = new HashSet<>();
        Set<String> with = new HashSet<>();
        Set<String> poss = new HashSet<>();
        List<String> venue = new ArrayList<>();
        KnowledgeBase.readTsv("rules/topic-context.tsv", c -> {
            switch (c[0]) {
                case "PREP" -> prep.add(c[1]);
                case "NOUN_WITH" -> with.add(c[1]);
                case "POSSESSED" -> poss.add(c[1]);
                case "VENUE" -> venue.add(c[1]);
                default -> throw new IllegalStateException("rules/topic-context.tsv: unknown kind '" + c[0] + "'");
            }
        });
        topicPrepositions = Set.copyOf(prep);
        topicNounsBeforeWith = Set.copyOf(with);
        topicNounsPossessed = Set.copyOf(poss);
        listingVenueWords = WordSet.of(venue);

        List<ThemeRule> th = new ArrayList<>();
        KnowledgeBase.readTsv("rules/themes.tsv", c -> th.add(new ThemeRule(c[0], c[1])));
        themes = List.copyOf(th);
        PhraseMatcher.Builder tb = new PhraseMatcher.Builder();
        for (int i = 0; i < themes.size(); i++) {
            addExpanded(tb, themes.get(i).pattern(), i);
        }
        themeMatcher = tb.build();

        cues = loadCues(OWN_CUES, GENERATED_CUES);
        PhraseMatcher.Builder cb = new PhraseMatcher.Builder();
        for (int i = 0; i < cues.size(); i++) {
            addExpanded(cb, cues.get(i).pattern(), i);
        }
        cueMatcher = cb.build();

        Map<String, String> ex = new HashMap<>();
        KnowledgeBase.readTsv("rules/exchange-codes.tsv", c -> ex.put(c[0], c[1]));
        exchangeCountries = Map.copyOf(ex);

        Map<String, String> lf = new HashMap<>();
        List<String> shared = new ArrayList<>();
        List<String> all = new ArrayList<>();
        KnowledgeBase.readTsv("rules/legal-forms.tsv", c -> {
            all.add(c[0]);
            switch (c[1]) {
                case "shared" -> shared.add(c[0]);
                case "any" -> {}
                default -> lf.put(c[0], c[1]);
            }
        });
        legalForms = Map.copyOf(lf);
        sharedLegalForms = WordSet.of(shared);
        allLegalForms = WordSet.of(all);
        nameWords = new NameWords("rules/name-words.tsv", allLegalForms);

        List<String> cur = new ArrayList<>();
        Map<String, String> dc = new HashMap<>();
        KnowledgeBase.readTsv("rules/currencies.tsv", c -> {
            cur.add(c[0]);
            if (c.length > 1 && !c[1].equals("-")) {
                dc.put(c[0], c[1]);
            }
        });
        currencies = WordSet.of(cur);
        defaultCurrencyCountry = Map.copyOf(dc);
        defaultCurrencyWords = WordSet.of(dc.keySet());
    }

    /** The project's own event cues, written by hand. */
    static final String OWN_CUES = "rules/event-cues.tsv";
    /** Event cues generated from the CAMEO verb dictionary (scripts/kb/generate-cues.js). */
    static final String GENERATED_CUES = "rules/cameo-cues.tsv";

    /**
     * The cues of both tables: every own cue, then the generated cues none of whose word sequences an own cue
     * already covers, so the own table wins wherever both have a pattern ("visit*" there, "visited" here) and every
     * word sequence of the matcher leads to one cue of one table. A generated pattern that ends with the first words
     * of an own phrase is left out too: matches are leftmost-longest, so "step up security" would take "security"
     * from the own "security cooperation" that follows it.
     */
    static List<EventCue> loadCues(String own, String generated) {
        List<EventCue> out = new ArrayList<>(70_000);
        Set<String> covered = new HashSet<>();
        Set<String> ownPhraseStarts = new HashSet<>();
        KnowledgeBase.readTsv(own, c -> {
            EventCue cue = parseCue(c);
            out.add(cue);
            for (String f : forms(cue.pattern())) {
                covered.add(f);
                for (int sp = f.indexOf(' '); sp > 0; sp = f.indexOf(' ', sp + 1)) {
                    ownPhraseStarts.add(f.substring(0, sp));
                }
            }
        });
        KnowledgeBase.readTsv(generated, c -> {
            String p = c[0].toLowerCase(Locale.ROOT);
            if (p.endsWith("*") ? covered.containsAll(forms(p)) : covered.contains(p)) {
                return;
            }
            for (int sp = p.indexOf(' '); sp > 0; sp = p.indexOf(' ', sp + 1)) {
                if (ownPhraseStarts.contains(p.substring(sp + 1))) {
                    return;
                }
            }
            out.add(parseCue(c));
        });
        return List.copyOf(out);
    }

    private static EventCue parseCue(String[] c) {
        return new EventCue(c[0], c[1].intern(), Double.parseDouble(c[2]), c[3].equals("Y"), Integer.parseInt(c[4]));
    }

    /** Adds a lower-case pattern; a trailing '*' is expanded to common English endings. */
    static void addExpanded(PhraseMatcher.Builder b, String pattern, int payload) {
        for (String f : forms(pattern)) {
            b.add(f, payload, PhraseMatcher.CASE_ANY);
        }
    }

    /** The word sequences a pattern stands for: itself, or for a trailing '*' its stem with common English endings. */
    static List<String> forms(String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.endsWith("*")) {
            return List.of(p);
        }
        List<String> out = new ArrayList<>(ENDINGS.length * 2);
        String stem = p.substring(0, p.length() - 1);
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

    public static RuleTables bundled() {
        return Bundled.INSTANCE;
    }

    /** Loaded on first use, once (the class holder idiom: no lock, no volatile read). */
    private static final class Bundled {
        static final RuleTables INSTANCE = new RuleTables();
    }
}
