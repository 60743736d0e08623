package io.bilateral.enrich.engine;

import io.bilateral.enrich.engine.countries.CountryAttributor;
import io.bilateral.enrich.engine.countries.CountrySalience;
import io.bilateral.enrich.engine.events.ActorMarker;
import io.bilateral.enrich.engine.events.CueTrace;
import io.bilateral.enrich.engine.events.EventCoder;
import io.bilateral.enrich.engine.events.ThemesAndTone;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.kb.TableSource;
import io.bilateral.enrich.engine.lang.LanguagePack;
import io.bilateral.enrich.engine.names.DictionaryTagger;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.names.NameTagger;
import io.bilateral.enrich.engine.names.PerceptronNameTagger;
import io.bilateral.enrich.engine.text.Sentences;
import io.bilateral.enrich.engine.text.TextCleaner;
import io.bilateral.enrich.engine.text.Tokenizer;
import io.bilateral.enrich.engine.text.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rule-based enrichment engine: clean → tokenize → dictionary tagging → name tagging → actor→country
 * attribution → actor or topic → per-sentence event coding → countries, themes and tone. Each step is a stage class
 * of this package; this class only wires them. Immutable and thread-safe; build once and share.
 *
 * <pre>{@code
 * Enricher e = RuleBasedEnricher.create();          // bundled dictionary and rules
 * Annotation a = e.annotate(new ArticleInput(id, title, body, null, null, null));
 * }</pre>
 */
public final class RuleBasedEnricher implements Enricher {

    private final KnowledgeBase kb;
    private final RuleTables rules;
    private final TextCleaner cleaner;
    private final DictionaryTagger dictionary;
    private final NameTagger names;
    private final CountryAttributor attributor;
    private final ActorMarker actors;
    private final ThemesAndTone themes;
    private final EventCoder events;
    private final CountrySalience salience;
    /** The language packs over the engine's own tables, or null for the packs of the settings. */
    private final Map<String, LanguagePack> packs;

    private RuleBasedEnricher(KnowledgeBase kb, RuleTables rules, NameTagger names) {
        this(kb, rules, names, null);
    }

    private RuleBasedEnricher(KnowledgeBase kb, RuleTables rules, NameTagger names, Map<String, LanguagePack> packs) {
        this.packs = packs;
        this.kb = kb;
        this.rules = rules;
        this.cleaner = new TextCleaner(rules);
        this.dictionary = new DictionaryTagger(kb);
        this.names = names;
        this.attributor = new CountryAttributor(rules, kb.officials());
        this.actors = new ActorMarker(rules);
        this.themes = new ThemesAndTone(rules);
        this.events = new EventCoder(rules, themes);
        this.salience = new CountrySalience(rules);
    }

    /** The engine with the bundled dictionary and rules. */
    public static RuleBasedEnricher create() {
        return create(KnowledgeBase.bundled());
    }

    /**
     * The engine over the tables of {@code source} (dictionary, word lists, rules), loaded now: a bad row fails with
     * its file, line and column.
     */
    public static RuleBasedEnricher create(TableSource source) {
        RuleTables rules = RuleTables.load(source);
        Map<String, LanguagePack> packs = new HashMap<>();
        for (String language : LanguagePack.SUPPORTED) {
            packs.put(language, LanguagePack.load(source, language));
        }
        return new RuleBasedEnricher(
                KnowledgeBase.load(source),
                rules,
                NameTagger.rules(NameLexicon.load(source), rules),
                Map.copyOf(packs));
    }

    /** The engine over another dictionary (e.g. one updated from {@code reference.actors}). */
    public static RuleBasedEnricher create(KnowledgeBase kb) {
        return new RuleBasedEnricher(kb, RuleTables.bundled(), NameTagger.rules(RuleTables.bundled()));
    }

    /** The engine with a custom tagger for names the dictionary does not know (e.g. a trained model). */
    public static RuleBasedEnricher create(KnowledgeBase kb, NameTagger names) {
        return new RuleBasedEnricher(kb, RuleTables.bundled(), names);
    }

    /**
     * The engine the offline commands use: with the learned name tagger when a training file is configured
     * ({@link PerceptronNameTagger#SETTING}), else with the rule tagger. Says which on {@code log}.
     */
    public static RuleBasedEnricher fromSettings(PrintStream log) throws IOException {
        KnowledgeBase kb = KnowledgeBase.bundled();
        NameTagger tagger = PerceptronNameTagger.fromSettings(kb, log);
        return tagger == null ? create(kb) : create(kb, tagger);
    }

    /** The same engine over a new dictionary. */
    public RuleBasedEnricher withKnowledgeBase(KnowledgeBase newKb) {
        return new RuleBasedEnricher(newKb, rules, names, packs);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public Annotation annotate(ArticleInput article) {
        String title = article.title() == null ? "" : article.title();
        String text = title + "\n\n" + (article.body() == null ? "" : article.body());
        int bodyStart = title.length() + 2;
        Prepared prepared = prepare(text, bodyStart);
        Tokens t = prepared.tokens();
        int[] sent = prepared.sentence();
        String language = LanguagePack.primary(article.language());
        if (language != null && !language.equals("en")) {
            return annotateNative(
                    article,
                    text,
                    bodyStart,
                    prepared,
                    packs == null ? LanguagePack.of(language) : packs.get(language));
        }

        List<Mention> mentions = names.tag(t, sent, prepared.dictionary(), kb);
        attributor.attribute(t, mentions, article.sourceCountry(), article.published());
        actors.mark(t, sent, mentions, prepared.cleaned());

        List<PhraseMatcher.Match> themeMatches = themes.match(t);
        EventCoder.Events coded = events.code(
                article.published(), text, t, sent, prepared.sentences(), mentions, themeMatches, bodyStart);
        TreeSet<String> countries = salience.countries(t, sent, mentions, bodyStart, coded.inLead());
        return new Annotation(
                entities(text, t, mentions),
                List.copyOf(countries),
                List.copyOf(themes.themes(themeMatches)),
                ThemesAndTone.tone(coded.all()),
                coded.all());
    }

    /**
     * For an analyst: each English sentence that names a country, with its mentions (actor or place) and its cues
     * with their codes, then the events coded. Runs the steps of {@link #annotate} once more; not for the stream.
     */
    public String explain(ArticleInput article) {
        String title = article.title() == null ? "" : article.title();
        String text = title + "\n\n" + (article.body() == null ? "" : article.body());
        Prepared prepared = prepare(text, title.length() + 2);
        Tokens t = prepared.tokens();
        List<Mention> mentions = names.tag(t, prepared.sentence(), prepared.dictionary(), kb);
        attributor.attribute(t, mentions, article.sourceCountry(), article.published());
        actors.mark(t, prepared.sentence(), mentions, prepared.cleaned());
        StringBuilder out =
                new StringBuilder(CueTrace.of(text, t, prepared.sentence(), prepared.sentences(), mentions, rules));
        for (CodedEvent e : annotate(article).events()) {
            out.append("event: ")
                    .append(e.actor1())
                    .append(e.directed() ? " -> " : " <-> ")
                    .append(e.actor2())
                    .append(' ')
                    .append(e.code())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Another language than English: none of the English name heuristics or cues run. The language-neutral
     * dictionary and, where the language has a pack, its names and cues; without a pack no event is coded.
     */
    private Annotation annotateNative(
            ArticleInput article, String text, int bodyStart, Prepared prepared, LanguagePack pack) {
        Tokens t = prepared.tokens();
        int[] sent = prepared.sentence();
        List<Mention> mentions = new ArrayList<>(prepared.dictionary());
        List<CodedEvent> all = List.of();
        List<CodedEvent> inLead = List.of();
        if (pack != null) {
            mentions = merge(pack.tag(t), mentions);
            List<PhraseMatcher.Match> cues = pack.cues(t, sent); // once: the pack's rules and the coder share them
            pack.markActors(t, sent, mentions, cues);
            List<Mention> forCoder = pack.forCoder(mentions);
            EventCoder.Events coded = events.code(
                    article.published(),
                    text,
                    t,
                    sent,
                    prepared.sentences(),
                    forCoder,
                    List.of(),
                    bodyStart,
                    pack.lexicon(),
                    cues);
            int year = article.published() == null
                    ? -1
                    : article.published().atOffset(java.time.ZoneOffset.UTC).getYear();
            all = pack.refine(text, t, sent, mentions, cues, year, rules.sovereigns, coded.all());
            inLead = coded.inLead();
        } else {
            actors.mark(t, sent, mentions, prepared.cleaned());
        }
        TreeSet<String> countries = salience.countries(t, sent, mentions, bodyStart, inLead);
        return new Annotation(
                entities(text, t, mentions), List.copyOf(countries), List.of(), ThemesAndTone.tone(all), all);
    }

    /** The pack's mentions, and the dictionary's where no pack mention overlaps them, in text order. */
    private static List<Mention> merge(List<Mention> first, List<Mention> second) {
        List<Mention> out = new ArrayList<>(first.size() + second.size());
        out.addAll(first);
        for (Mention m : second) {
            boolean overlaps = false;
            for (Mention f : first) {
                overlaps |= m.from < f.to && f.from < m.to;
            }
            if (!overlaps) {
                out.add(m);
            }
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    private static List<Entity> entities(String text, Tokens t, List<Mention> mentions) {
        List<Entity> entities = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            int s = t.start[m.from];
            int e = t.end[m.to - 1];
            entities.add(new Entity(text.substring(s, e), m.type, s, e, m.country, m.actorId, m.role));
        }
        return entities;
    }

    /** What a name tagger sees of a text: tokens (boilerplate marked), sentence ids and dictionary mentions. */
    public record Prepared(
            Tokens tokens, TextCleaner.Cleaned cleaned, int[] sentence, int sentences, List<Mention> dictionary) {}

    /** The steps before name tagging, shared with the trainer of {@link PerceptronNameTagger}. */
    public Prepared prepare(String text, int bodyStart) {
        Tokens t = Tokenizer.tokenize(text);
        TextCleaner.Cleaned cleaned = cleaner.clean(text, bodyStart);
        TextCleaner.markDropped(t, cleaned);
        int[] nSent = new int[1];
        int[] sent = Sentences.split(t, rules.abbreviations, nSent);
        return new Prepared(t, cleaned, sent, nSent[0], dictionary.tag(text, t));
    }
}
