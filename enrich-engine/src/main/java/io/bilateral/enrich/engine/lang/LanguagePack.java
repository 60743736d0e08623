package io.bilateral.enrich.engine.lang;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.events.EventCoder;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.Table;
import io.bilateral.enrich.engine.kb.TableSource;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows of one language other than English, loaded once: names of states, their nationalities,
 * capitals, bodies and office-holders (from {@code lang/<code>.tsv} and the CLDR country names of
 * {@code kb/names-cldr.tsv}), the words that make a nationality act ("министр", "ministre"), and the event cues
 * ({@code rules/cues/<code>.tsv}, the format of {@code rules/event-cues.tsv}). Inflected and prefixed forms are
 * expanded here, at start-up: a trailing {@code *} takes the language's endings ({@link Inflection}), Russian
 * country names their cases, Arabic words their attached prepositions and article, Persian words their forms with
 * and without the zero-width non-joiner. Immutable and thread-safe.
 */
public final class LanguagePack {

    /** The languages with a pack, as BCP 47 primary tags. */
    public static final Set<String> SUPPORTED = Set.of("ru", "fa", "ar", "fr", "es", "de", "zh");

    /** One name of the pack: a mention type (COUNTRY, NORP, LOCATION, PERSON, ORGANIZATION) of a country. */
    record Name(EntityType type, String country, boolean capital) {}

    /** The kinds of row of {@code lang/<code>.tsv}. */
    private static final Set<String> KINDS = Set.of(
            "COUNTRY",
            "NORP",
            "CAPITAL",
            "PERSON",
            "ORG",
            "ROLE",
            "TOPIC",
            "LOC",
            "OBJ",
            "JOIN",
            "NEG",
            "SKIP",
            "ABBR",
            "ABBR_STOP",
            "OPEN",
            "PART",
            "PAST",
            "POSTOBJ");

    private final String language;
    private final List<Name> names = new ArrayList<>();
    private final PhraseMatcher nameMatcher;
    private final NativeActors actors;
    private final NativeEvents.Words words;
    private final Abbreviations abbreviations;
    private final PackCues cues;
    private final EventCoder.Lexicon lexicon;

    private LanguagePack(TableSource source, String language) {
        this.language = language;
        PhraseMatcher.Builder nb = new PhraseMatcher.Builder();
        Set<String> skip = new HashSet<>();
        List<String> roleWords = new ArrayList<>();
        List<String> topicWords = new ArrayList<>();
        List<String> locWords = new ArrayList<>();
        List<String> targetWords = new ArrayList<>();
        Set<String> joiners = new LinkedHashSet<>();
        Set<String> negations = new LinkedHashSet<>();
        List<String> openWords = new ArrayList<>();
        List<String> pastWords = new ArrayList<>();
        List<String> postTargets = new ArrayList<>();
        Set<String> particles = new HashSet<>();
        Map<Character, String> abbr = new HashMap<>();
        Set<Character> abbrStops = new HashSet<>();
        Map<String, Integer> nameIds = new HashMap<>();
        Table table = Table.read(source, "lang/" + language + ".tsv", 3, 3);
        for (Table.Row row : table.rows()) {
            if (row.oneOf(1, KINDS).equals("SKIP")) {
                skip.add(Fold.fold(row.text(3)));
            }
        }
        for (Table.Row row : table.rows()) {
            String kind = row.oneOf(1, KINDS);
            String country = row.optionalAlpha3(2);
            for (String alias : row.text(3).split("\\|")) {
                switch (kind) {
                    case "COUNTRY", "NORP", "CAPITAL", "PERSON", "ORG" ->
                        addName(nb, nameIds, kind, country, alias, false);
                    case "ROLE" -> roleWords.addAll(Inflection.forms(language, alias));
                    case "TOPIC" -> topicWords.addAll(Inflection.forms(language, alias));
                    case "LOC" -> locWords.add(alias);
                    case "OBJ" -> targetWords.add(alias);
                    case "JOIN" -> joiners.add(Fold.fold(alias));
                    case "NEG" -> negations.add(Fold.fold(alias));
                    case "SKIP" -> {}
                    case "ABBR" -> abbr.put(oneCharacter(row, alias), row.alpha3(2));
                    case "ABBR_STOP" -> abbrStops.add(oneCharacter(row, alias));
                    case "OPEN" -> openWords.add(alias);
                    case "PAST" -> pastWords.addAll(Inflection.forms(language, alias));
                    case "POSTOBJ" -> postTargets.add(alias);
                    case "PART" -> particles.add(Fold.fold(alias));
                    default -> throw row.fail(1, "unknown kind '" + kind + "'");
                }
            }
        }
        Table.read(source, "kb/names-cldr.tsv", 3, 3).forEach(row -> {
            if (row.text(1).equals(language) && !skip.contains(Fold.fold(row.text(3)))) {
                addName(nb, nameIds, "COUNTRY", row.alpha3(2), row.text(3), true);
            }
        });
        nameMatcher = nb.build();
        actors = new NativeActors(language, WordSet.of(roleWords), WordSet.of(topicWords), WordSet.of(locWords));
        words = new NativeEvents.Words(
                WordSet.of(targetWords),
                WordSet.of(postTargets),
                WordSet.of(openWords),
                WordSet.of(joiners),
                WordSet.of(pastWords),
                WordSet.of(locWords));
        abbreviations = new Abbreviations(abbr, abbrStops);
        cues = new PackCues(source, language, particles);
        lexicon = cues.lexicon(joiners, negations);
    }

    private static char oneCharacter(Table.Row row, String alias) {
        if (alias.length() != 1) {
            throw row.fail(3, "'" + alias + "' must be one character");
        }
        return alias.charAt(0);
    }

    private void addName(
            PhraseMatcher.Builder nb,
            Map<String, Integer> ids,
            String kind,
            String country,
            String alias,
            boolean cldr) {
        EntityType type = switch (kind) {
            case "CAPITAL" -> EntityType.LOCATION;
            case "ORG" -> EntityType.ORGANIZATION;
            default -> EntityType.valueOf(kind);
        };
        Integer id = ids.computeIfAbsent(kind + "\t" + country, k -> {
            names.add(new Name(type, country, kind.equals("CAPITAL")));
            return names.size() - 1;
        });
        List<String> forms = cldr ? Inflection.nameForms(language, alias) : Inflection.forms(language, alias);
        for (String f : forms) {
            nb.add(f, id, PhraseMatcher.CASE_ANY);
        }
    }

    /**
     * The pack of a BCP 47 tag ("ru", "zh-Hans", "fa-IR"), or null when the language has none: the bundled tables,
     * each replaced by its copy in the rules folder when one is set ({@link TableSource#fromSettings}).
     */
    public static LanguagePack of(String tag) {
        String primary = primary(tag);
        return primary == null || !SUPPORTED.contains(primary) ? null : Loaded.PACKS.get(primary);
    }

    /** The pack of {@code language} over the tables of {@code source}, loaded now (a bad row fails at once). */
    public static LanguagePack load(TableSource source, String language) {
        if (!SUPPORTED.contains(language)) {
            throw new IllegalArgumentException("no language pack for '" + language + "', only " + SUPPORTED);
        }
        return new LanguagePack(source, language);
    }

    /** The primary language subtag, lower case, or null for a null or empty tag. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    public String language() {
        return language;
    }

    public EventCoder.Lexicon lexicon() {
        return lexicon;
    }

    /** The pack's cue matches of {@code t}, made once per article and shared by every step that reads cues. */
    public List<PhraseMatcher.Match> cues(Tokens t, int[] sent) {
        return cues.match(t, sent);
    }

    /**
     * The coder's events corrected, and those of the word orders it does not read added ({@link NativeEvents}).
     */
    public List<CodedEvent> refine(
            String text,
            Tokens t,
            int[] sent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> cueMatches,
            int publishedYear,
            Map<String, String> sovereigns,
            List<CodedEvent> coded) {
        return NativeEvents.refine(
                text, t, sent, mentions, cueMatches, cues.cues(), words, publishedYear, sovereigns, coded);
    }

    /** The pack's names in {@code t}, in text order, without overlaps. */
    public List<Mention> tag(Tokens t) {
        List<PhraseMatcher.Match> matches = nameMatcher.match(t);
        List<Mention> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match m : matches) {
            Name best = null;
            for (int p : m.payloads()) {
                Name n = names.get(p >> 2);
                if (best == null || rank(n) < rank(best)) {
                    best = n;
                }
            }
            Mention mention = new Mention(m.startToken(), m.endToken(), best.type(), best.country(), null, null);
            mention.capital = best.capital();
            out.add(mention);
        }
        if (!abbreviations.isEmpty()) {
            abbreviations.addRuns(t, out);
        }
        return out;
    }

    private static int rank(Name n) {
        return switch (n.type()) {
            case COUNTRY -> 0;
            case NORP -> 1;
            case ORGANIZATION -> 2;
            case PERSON -> 3;
            default -> 4;
        };
    }

    /**
     * Whether each mention acts in its sentence ({@link NativeActors#mark}), from the cue matches of {@link #cues}.
     */
    public void markActors(Tokens t, int[] sent, List<Mention> mentions, List<PhraseMatcher.Match> cueMatches) {
        actors.mark(t, sent, mentions, cueMatches);
    }

    /**
     * The mentions the event coder sees: a nationality that does not act is left out, since the coder's English
     * reading of "Israeli strike" (a nationality before a cue acts) would make "turistas alemanes visitan" an act.
     */
    public List<Mention> forCoder(List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (m.actor || m.type != EntityType.NORP) {
                out.add(m);
            }
        }
        return out;
    }

    /** Loaded on first use, all at once (the holder idiom: no lock on the hot path). */
    private static final class Loaded {
        static final Map<String, LanguagePack> PACKS;

        static {
            Map<String, LanguagePack> m = new HashMap<>();
            TableSource source = TableSource.fromSettings();
            for (String l : SUPPORTED) {
                m.put(l, new LanguagePack(source, l));
            }
            PACKS = Map.copyOf(m);
        }
    }
}
