package io.bilateral.enrich.engine;

import io.bilateral.enrich.engine.kb.ActorEntry;
import io.bilateral.enrich.engine.kb.ActorType;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.rules.RuleTables;
import io.bilateral.enrich.engine.rules.RuleTables.EventCue;
import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Sentences;
import io.bilateral.enrich.engine.text.TextCleaner;
import io.bilateral.enrich.engine.text.Tokenizer;
import io.bilateral.enrich.engine.text.Tokens;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule-based enrichment engine: clean → tokenize → dictionary tagging → name heuristics → actor→country
 * attribution → per-sentence event coding. Immutable and thread-safe; build once and share.
 *
 * <pre>{@code
 * Enricher e = RuleBasedEnricher.create();          // bundled dictionary and rules
 * Annotation a = e.annotate(new ArticleInput(id, title, body, null, null, null));
 * }</pre>
 */
public final class RuleBasedEnricher implements Enricher {

    /**
     * A country is a subject of the article from this salience on: a title mention (6), a lead mention of a country
     * or nationality (3) plus one more, or four mentions further down; the most salient country always is.
     */
    private static final double SALIENT = 4;
    private static final int LEAD_CHARS = 400;

    private final KnowledgeBase kb;
    private final RuleTables rules;
    private final TextCleaner cleaner;
    private final NameTagger names;

    private RuleBasedEnricher(KnowledgeBase kb, RuleTables rules, NameTagger names) {
        this.kb = kb;
        this.rules = rules;
        this.cleaner = new TextCleaner(rules);
        this.names = names;
    }

    /** The engine with the bundled dictionary and rules. */
    public static RuleBasedEnricher create() {
        return create(KnowledgeBase.bundled());
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
    public static RuleBasedEnricher fromSettings(java.io.PrintStream log) throws java.io.IOException {
        KnowledgeBase kb = KnowledgeBase.bundled();
        NameTagger tagger = PerceptronNameTagger.fromSettings(kb, log);
        return tagger == null ? create(kb) : create(kb, tagger);
    }

    /** The same engine over a new dictionary. */
    public RuleBasedEnricher withKnowledgeBase(KnowledgeBase newKb) {
        return new RuleBasedEnricher(newKb, rules, names);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** A tagged span, mutable while the article is processed. */
    static final class Mention {
        int from;      // token index, inclusive
        int to;        // token index, exclusive
        String type;   // entity type
        String country;
        String actorId;
        String role;
        boolean actor; // acts or is acted upon in its sentence
        boolean capital;

        Mention(int from, int to, String type, String country, String actorId, String role) {
            this.from = from;
            this.to = to;
            this.type = type;
            this.country = country;
            this.actorId = actorId;
            this.role = role;
        }
    }

    @Override
    public Annotation annotate(ArticleInput article) {
        String title = article.title() == null ? "" : article.title();
        String text = title + "\n\n" + (article.body() == null ? "" : article.body());
        int bodyStart = title.length() + 2;
        Prepared prepared = prepare(text, bodyStart);
        Tokens t = prepared.tokens();
        TextCleaner.Cleaned cleaned = prepared.cleaned();
        int[] sent = prepared.sentence();
        int[] nSent = {prepared.sentences()};

        List<Mention> mentions = names.tag(t, sent, prepared.dictionary(), kb);
        attribute(t, mentions, article.sourceCountry());
        markActors(t, sent, mentions, cleaned);

        List<Entity> entities = new ArrayList<>(mentions.size());
        Map<String, double[]> salience = new LinkedHashMap<>();
        int leadEnd = bodyStart + LEAD_CHARS;
        for (Mention m : mentions) {
            int s = t.start[m.from];
            int e = t.end[m.to - 1];
            entities.add(new Entity(text.substring(s, e), m.type, s, e, m.country, m.actorId, m.role));
            if (m.country != null && !"media".equals(m.role) && sent[m.from] >= 0) {
                salience.computeIfAbsent(m.country, k -> new double[1])[0] += weight(t, m, s, bodyStart, leadEnd);
            }
        }
        TreeSet<String> countries = new TreeSet<>();
        double top = 0;
        for (double[] w : salience.values()) {
            top = Math.max(top, w[0]);
        }
        for (Map.Entry<String, double[]> en : salience.entrySet()) {
            double w = en.getValue()[0];
            if (w >= SALIENT || (w == top && top > 0)) {
                countries.add(en.getKey());
            }
        }
        if (countries.isEmpty()) {
            String c = defaultCurrencyCountry(t);
            if (c != null) {
                countries.add(c);
            }
        }

        int[] themeCounts = new int[rules.themes.size()];
        List<PhraseMatcher.Match> themeMatches = rules.themeMatcher.match(t);
        for (PhraseMatcher.Match m : themeMatches) {
            themeCounts[m.payloads()[0] >> 2]++;
        }
        TreeSet<String> themes = new TreeSet<>();
        for (int i = 0; i < themeCounts.length; i++) {
            if (themeCounts[i] > 0) {
                themes.add(rules.themes.get(i).theme());
            }
        }

        List<CodedEvent> events = codeEvents(article, text, t, sent, nSent[0], mentions, themeMatches, bodyStart,
                countries);
        double tone = tone(events);
        return new Annotation(entities, List.copyOf(countries), List.copyOf(themes), tone, events);
    }

    /**
     * What one mention adds to its country's salience: by place (title 6, lead 3, further down 1), halved for a
     * city or a person (a city is often only where a company sits, a person's country a guess from context) and for
     * a nationality before a currency word ("Swiss franc" names money, not a place the story is about).
     */
    private double weight(Tokens t, Mention m, int start, int bodyStart, int leadEnd) {
        double w = start < bodyStart ? 6 : start < leadEnd ? 3 : 1;
        if (m.type.equals("LOCATION") || m.type.equals("PERSON")) {
            w /= 2;
        }
        if (m.to < t.size && t.kind[m.to] == Tokens.WORD && rules.currencies.contains(t, m.to)) {
            w /= 2;
        }
        return w;
    }

    /** The country of the first unqualified currency word ("mln dlrs"), for articles that name no place. */
    private String defaultCurrencyCountry(Tokens t) {
        for (int i = 0; i < t.size; i++) {
            if (!t.dropped[i] && t.kind[i] == Tokens.WORD && rules.defaultCurrencyWords.contains(t, i)) {
                return rules.defaultCurrencyCountry.get(t.lower(i));
            }
        }
        return null;
    }

    /** What a name tagger sees of a text: tokens (boilerplate marked), sentence ids and dictionary mentions. */
    record Prepared(Tokens tokens, TextCleaner.Cleaned cleaned, int[] sentence, int sentences,
            List<Mention> dictionary) {
    }

    /** The steps before name tagging, shared with the trainer of {@link PerceptronNameTagger}. */
    Prepared prepare(String text, int bodyStart) {
        Tokens t = Tokenizer.tokenize(text);
        TextCleaner.Cleaned cleaned = cleaner.clean(text, bodyStart);
        TextCleaner.markDropped(t, cleaned);
        int[] nSent = new int[1];
        int[] sent = Sentences.split(t, rules.abbreviations, nSent);
        return new Prepared(t, cleaned, sent, nSent[0], dictionaryMentions(text, t));
    }

    // ------------------------------------------------------------------ dictionary

    private static final ActorType[] PRIORITY = {ActorType.COUNTRY, ActorType.NORP, ActorType.INSTITUTION,
        ActorType.ORGANIZATION, ActorType.PERSON, ActorType.LOCATION};

    private List<Mention> dictionaryMentions(String text, Tokens t) {
        List<PhraseMatcher.Match> matches = kb.matcher().match(t);
        List<Mention> out = new ArrayList<>(matches.size());
        for (PhraseMatcher.Match m : matches) {
            ActorEntry best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int p : m.payloads()) {
                ActorEntry e = kb.entry(p >> 2);
                int rank = rank(e);
                if (rank < bestRank) {
                    bestRank = rank;
                    best = e;
                }
            }
            if (kb.hasAmbiguityRules()) {
                String surface = Fold.fold(text.substring(t.start[m.startToken()], t.end[m.endToken() - 1]));
                List<KnowledgeBase.AmbiguityRule> amb = kb.ambiguity(surface);
                boolean drop = false;
                for (KnowledgeBase.AmbiguityRule r : amb) {
                    switch (r.rule()) {
                        case "NOT_PERSON" -> drop |= partOfPersonName(t, m.startToken(), m.endToken());
                        case "NOT_BEFORE" -> {
                            int nx = m.endToken();
                            if (nx < t.size && r.argument() != null) {
                                for (String w : r.argument().split("\\|")) {
                                    drop |= t.is(nx, w);
                                }
                            }
                        }
                        case "ALT_CONTEXT" -> {
                            String[] a = r.argument().split("=", 2);
                            for (String w : a[1].split("\\|")) {
                                if (containsWord(text, w)) {
                                    ActorEntry alt = kb.byId(a[0]);
                                    if (alt != null) {
                                        best = alt;
                                    }
                                    break;
                                }
                            }
                        }
                        default -> throw new IllegalStateException("rules/ambiguity.tsv: unknown rule " + r.rule());
                    }
                }
                if (drop) {
                    continue;
                }
            }
            Mention mm = new Mention(m.startToken(), m.endToken(), best.type().entityType(), best.country(), best.id(),
                    best.type() == ActorType.LOCATION ? null : best.role());
            mm.capital = "capital".equals(best.role());
            out.add(mm);
        }
        return out;
    }

    private static int rank(ActorEntry e) {
        for (int i = 0; i < PRIORITY.length; i++) {
            if (PRIORITY[i] == e.type()) {
                return e.type() == ActorType.LOCATION && "capital".equals(e.role()) ? i : i + 1;
            }
        }
        return PRIORITY.length + 1;
    }

    private static boolean containsWord(String text, String w) {
        int i = text.indexOf(w);
        while (i >= 0) {
            boolean left = i == 0 || !Character.isLetter(text.charAt(i - 1));
            int e = i + w.length();
            boolean right = e >= text.length() || !Character.isLetter(text.charAt(e));
            if (left && right) {
                return true;
            }
            i = text.indexOf(w, i + 1);
        }
        return false;
    }

    /** "Michael Jordan", "Chad Smith": a capitalised given name before or a capitalised surname after. */
    private static boolean partOfPersonName(Tokens t, int from, int to) {
        if (t.isAllCaps(from)) {
            return false;
        }
        int p = from - 1;
        if (p >= 0 && !t.dropped[p] && t.isCapitalized(p) && !t.isAllCaps(p) && !t.newlineBefore(from)
                && t.end[p] - t.start[p] > 1 && !(isSentenceStartToken(t, p) && SENTENCE_START_WORDS.contains(t.lower(p)))
                && !t.is(p, "of")) {
            return true;
        }
        int n = to;
        return n < t.size && !t.dropped[n] && t.isCapitalized(n) && !t.isAllCaps(n) && t.start[n] - t.end[to - 1] == 1
                && !t.newlineBefore(n);
    }

    private static final Set<String> SENTENCE_START_WORDS = Set.of("the", "in", "on", "at", "and", "of", "for",
            "with", "from", "to", "by", "a", "an", "but", "as", "after", "before", "king", "queen", "president",
            "neighbouring", "neighboring", "southern", "northern", "western", "eastern", "central");

    private static boolean isSentenceStartToken(Tokens t, int i) {
        if (i == 0) {
            return true;
        }
        char c = t.text.charAt(t.start[i - 1]);
        return t.kind[i - 1] == Tokens.PUNCT && (c == '.' || c == '!' || c == '?' || c == '"' || c == '“');
    }

    // ------------------------------------------------------------------ attribution

    /**
     * Gives people and organisations a country from their context: "Iran's Foreign Minister X", "the Uzbek
     * counterpart, X", "X, Secretary of Iran's SNSC", "X, National Security Advisor to the President of Uzbekistan",
     * "our country" (the publisher's country). A name attributed once keeps its country in the whole article.
     */
    private void attribute(Tokens t, List<Mention> mentions, String sourceCountry) {
        Map<String, String> byLastWord = new LinkedHashMap<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            if (!m.type.equals("PERSON") || m.country != null) {
                continue;
            }
            // before: "<Country>'s <role words> NAME" or "<NORP> <role words> NAME"
            String c = countryBefore(t, mentions, k);
            // after: "NAME, <role words> of/to the <role> of <Country>"
            if (c == null) {
                c = countryAfter(t, mentions, k);
            }
            m.country = c;
            if (c != null) {
                byLastWord.put(t.lower(m.to - 1), c);
            }
        }
        for (Mention m : mentions) {
            if (m.type.equals("PERSON") && m.country == null) {
                m.country = byLastWord.get(t.lower(m.to - 1));
            } else if (m.type.equals("ORGANIZATION") && m.country == null && m.actorId == null) {
                m.country = rules.legalForms.get(t.text(m.to - 1));
            }
        }
        if (sourceCountry != null) {
            for (int i = 0; i + 1 < t.size; i++) {
                if (t.is(i, "our") && (t.is(i + 1, "country") || t.is(i + 1, "nation") || t.is(i + 1, "government"))
                        && !t.dropped[i]) {
                    Mention m = new Mention(i, i + 2, "COUNTRY", sourceCountry, "country:" + sourceCountry, null);
                    insertSorted(mentions, m);
                }
            }
        }
    }

    private static void insertSorted(List<Mention> mentions, Mention m) {
        int pos = 0;
        while (pos < mentions.size() && mentions.get(pos).from < m.from) {
            pos++;
        }
        if (pos < mentions.size() && mentions.get(pos).from < m.to) {
            return; // overlaps an existing mention
        }
        mentions.add(pos, m);
    }

    private String countryBefore(Tokens t, List<Mention> mentions, int k) {
        Mention m = mentions.get(k);
        int i = m.from - 1;
        int roleWords = 0;
        while (i >= 0 && roleWords < 8 && !t.dropped[i]) {
            if (t.kind[i] == Tokens.WORD && (t.isCapitalized(i) || rules.roleWords.contains(t, i)
                    || t.is(i, "of") || t.is(i, "the") || t.is(i, "'s") || t.is(i, "and"))) {
                Mention prev = mentionEndingAt(mentions, k, i + 1);
                if (prev != null && prev.country != null && (prev.type.equals("COUNTRY") || prev.type.equals("NORP")
                        || prev.type.equals("ORGANIZATION"))) {
                    return roleWords > 0 || prev.type.equals("NORP") ? prev.country : null;
                }
                if (prev != null) {
                    i = prev.from - 1;
                } else {
                    i--;
                }
                roleWords++;
            } else {
                break;
            }
        }
        return null;
    }

    private String countryAfter(Tokens t, List<Mention> mentions, int k) {
        Mention m = mentions.get(k);
        int i = m.to;
        if (i >= t.size || !(t.text.charAt(t.start[i]) == ',' || t.text.charAt(t.start[i]) == '(')) {
            return null;
        }
        i++;
        boolean sawRole = false;
        for (int steps = 0; i < t.size && steps < 14 && !t.dropped[i]; steps++) {
            Mention next = mentionStartingAt(mentions, k + 1, i);
            if (next != null) {
                if (next.country != null && sawRole && !next.type.equals("PERSON")) {
                    return next.country;
                }
                i = next.to;
                continue;
            }
            if (t.kind[i] != Tokens.WORD) {
                if (t.is(i, "'s")) {
                    i++;
                    continue;
                }
                return null;
            }
            if (rules.roleWords.contains(t, i)) {
                sawRole = true;
            }
            i++;
        }
        return null;
    }

    private static Mention mentionEndingAt(List<Mention> mentions, int before, int tokenEnd) {
        for (int j = before - 1; j >= 0; j--) {
            Mention p = mentions.get(j);
            if (p.to == tokenEnd) {
                return p;
            }
            if (p.to < tokenEnd) {
                return null;
            }
        }
        return null;
    }

    private static Mention mentionStartingAt(List<Mention> mentions, int after, int token) {
        for (int j = after; j < mentions.size(); j++) {
            Mention p = mentions.get(j);
            if (p.from == token) {
                return p;
            }
            if (p.from > token) {
                return null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ actor or topic

    /** Decides for every country-valued mention whether it acts (or is acted upon) or is only a place or topic. */
    private void markActors(Tokens t, int[] sent, List<Mention> mentions, TextCleaner.Cleaned cleaned) {
        Mention prev = null;
        for (Mention m : mentions) {
            m.actor = false;
            if (m.country == null || sent[m.from] < 0) {
                prev = m;
                continue;
            }
            int s = t.start[m.from];
            if (cleaned.datelineFrom() >= 0 && s >= cleaned.datelineFrom() && s < cleaned.datelineTo()) {
                prev = m;
                continue;
            }
            switch (m.type) {
                case "COUNTRY" -> m.actor = !topicContext(t, m, prev, mentions);
                case "LOCATION" -> m.actor = m.capital && !topicContext(t, m, prev, mentions);
                case "NORP" -> m.actor = roleAfter(t, m.to, 4);
                case "PERSON", "ORGANIZATION" -> m.actor = true;
                default -> m.actor = false;
            }
            prev = m;
        }
    }

    private boolean roleAfter(Tokens t, int from, int window) {
        for (int i = from; i < t.size && i < from + window && !t.dropped[i]; i++) {
            if (t.kind[i] == Tokens.WORD && rules.roleWords.contains(t, i)) {
                return true;
            }
            if (t.kind[i] == Tokens.PUNCT && t.text.charAt(t.start[i]) != ',' && t.text.charAt(t.start[i]) != '-') {
                return false;
            }
        }
        return false;
    }

    private boolean topicContext(Tokens t, Mention m, Mention prev, List<Mention> mentions) {
        int p = m.from - 1;
        if (p >= 0 && t.is(p, "the")) {
            p--;
        }
        // coordination: "Iraq and Syria", "Tehran-Tashkent": same status as the first conjunct
        if (p >= 0 && prev != null && prev.to == p && (t.is(p, "and") || t.is(p, "or")
                || t.text.charAt(t.start[p]) == ',' || t.text.charAt(t.start[p]) == '-' || t.text.charAt(t.start[p]) == '&')
                && prev.country != null) {
            return !prev.actor;
        }
        if (p >= 0 && t.kind[p] == Tokens.WORD) {
            String w = t.lower(p);
            if (rules.topicPrepositions.contains(w)) {
                return true;
            }
            if (w.equals("with") || w.equals("of") || w.equals("from") || w.equals("to")) {
                int q = p - 1;
                while (q >= 0 && t.kind[q] == Tokens.WORD && (t.is(q, "joint") || t.is(q, "common")
                        || t.is(q, "northern") || t.is(q, "southern") || t.is(q, "eastern") || t.is(q, "western"))) {
                    q--;
                }
                String before = q >= 0 ? t.lower(q) : "";
                if (rules.topicNounsBeforeWith.contains(before)) {
                    return true;
                }
                // "the joint borders of Iran and Uzbekistan with Afghanistan"
                for (int k = q - 1; k >= 0 && k >= p - 7 && t.kind[k] != Tokens.PUNCT; k--) {
                    if (t.is(k, "border") || t.is(k, "borders") || t.is(k, "frontier")) {
                        return true;
                    }
                }
                if ((w.equals("from") || w.equals("to")) && !rules.roles.containsKey(before)
                        && !before.startsWith("visit") && !before.startsWith("trip") && !before.equals("message")) {
                    return true;
                }
            }
        }
        // possessive of a place noun: "Afghanistan's northern border"
        int n = m.to;
        if (n < t.size && t.is(n, "'s")) {
            for (int i = n + 1; i < t.size && i <= n + 3; i++) {
                if (t.kind[i] == Tokens.WORD && rules.topicNounsPossessed.contains(t.lower(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ events

    /**
     * Codes one event per sentence with actors of two countries; the countries of an event told in the title or
     * the first sentence of the body are added to {@code countries} (events further down are often background).
     */
    private List<CodedEvent> codeEvents(ArticleInput article, String text, Tokens t, int[] sent, int nSent,
            List<Mention> mentions, List<PhraseMatcher.Match> themeMatches, int bodyStart, Set<String> countries) {
        // group actor mentions by sentence
        List<List<Mention>> bySent = new ArrayList<>(nSent);
        for (int i = 0; i < nSent; i++) {
            bySent.add(null);
        }
        for (Mention m : mentions) {
            if (m.actor && m.country != null) {
                int s = sent[m.from];
                if (s >= 0) {
                    if (bySent.get(s) == null) {
                        bySent.set(s, new ArrayList<>(4));
                    }
                    bySent.get(s).add(m);
                }
            }
        }
        List<CodedEvent> events = new ArrayList<>();
        List<PhraseMatcher.Match> cues = null;
        int leadSentence = -1; // the first sentence of the body
        for (int i = 0; i < t.size && leadSentence < 0; i++) {
            if (t.start[i] >= bodyStart && sent[i] >= 0) {
                leadSentence = sent[i];
            }
        }
        int publishedYear = article.published() == null ? -1
                : article.published().atOffset(ZoneOffset.UTC).getYear();
        for (int s = 0; s < nSent; s++) {
            List<Mention> actors = bySent.get(s);
            if (actors == null || distinctCountries(actors) < 2) {
                continue;
            }
            if (cues == null) {
                cues = rules.cueMatcher.match(t);
            }
            int from = firstTokenOf(sent, s, actors.get(0).from);
            int to = lastTokenOf(sent, s, actors.get(actors.size() - 1).to - 1) + 1;
            EventCue best = null;
            int bestTok = -1;
            boolean history = false;
            for (PhraseMatcher.Match c : cues) {
                if (c.startToken() < from || c.startToken() >= to || insideMention(actors, c.startToken())) {
                    continue;
                }
                EventCue cue = rules.cues.get(c.payloads()[0] >> 2);
                if (historical(t, c.startToken(), c.endToken(), from, to, publishedYear)) {
                    history = true; // "the 2014 agreement ... emphasizes cooperation" reports the past
                    continue;
                }
                if (best == null || cue.priority() > best.priority()) {
                    best = cue;
                    bestTok = c.startToken();
                }
            }
            if (best == null || history) {
                continue;
            }
            String[] pair = choosePair(actors, bestTok, best.mutual());
            if (pair == null) {
                continue;
            }
            String sentence = text.substring(t.start[from], t.end[to - 1]).strip();
            List<EventActor> eventActors = new ArrayList<>();
            for (Mention m : actors) {
                if (m.type.equals("PERSON") || m.type.equals("ORGANIZATION")) {
                    eventActors.add(new EventActor(text.substring(t.start[m.from], t.end[m.to - 1]), m.type, m.country,
                            m.role));
                }
            }
            TreeSet<String> themes = new TreeSet<>();
            for (PhraseMatcher.Match tm : themeMatches) {
                if (tm.startToken() >= from && tm.startToken() < to) {
                    themes.add(rules.themes.get(tm.payloads()[0] >> 2).theme());
                }
            }
            events.add(new CodedEvent(pair[0], pair[1], !best.mutual(), best.code(), best.rootCode(),
                    best.quadClass(), best.goldstein(), sentence, List.copyOf(eventActors), List.copyOf(themes)));
            if (s <= leadSentence) {
                countries.add(pair[0]);
                countries.add(pair[1]);
            }
        }
        return events;
    }

    private static boolean insideMention(List<Mention> actors, int tok) {
        for (Mention m : actors) {
            if (tok >= m.from && tok < m.to) {
                return true;
            }
        }
        return false;
    }

    private static int firstTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i > 0 && sent[i - 1] == s) {
            i--;
        }
        return i;
    }

    private static int lastTokenOf(int[] sent, int s, int from) {
        int i = from;
        while (i + 1 < sent.length && sent[i + 1] == s) {
            i++;
        }
        return i;
    }

    /** "the 2014 agreement", "signed in 2010": a year before the publication year next to the cue. */
    private static boolean historical(Tokens t, int cueFrom, int cueTo, int from, int to, int publishedYear) {
        for (int i = Math.max(from, cueFrom - 3); i < Math.min(to, cueTo + 4); i++) {
            if (t.kind[i] == Tokens.NUMBER && t.end[i] - t.start[i] == 4) {
                char c0 = t.text.charAt(t.start[i]);
                char c1 = t.text.charAt(t.start[i] + 1);
                if ((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0')) {
                    int year = Integer.parseInt(t.text.subSequence(t.start[i], t.end[i]).toString());
                    if (publishedYear < 0 || year < publishedYear) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int distinctCountries(List<Mention> actors) {
        String first = null;
        for (Mention m : actors) {
            if (first == null) {
                first = m.country;
            } else if (!first.equals(m.country)) {
                return 2;
            }
        }
        return 1;
    }

    /** Who acts on whom: for mutual cues the first two countries; else the subject before the cue and the object after. */
    private static String[] choosePair(List<Mention> actors, int cueTok, boolean mutual) {
        if (mutual) {
            String a = actors.get(0).country;
            for (Mention m : actors) {
                if (!m.country.equals(a)) {
                    return new String[] {a, m.country};
                }
            }
            return null;
        }
        String subject = null;
        for (Mention m : actors) {
            if (m.from < cueTok) {
                subject = m.country;
            }
        }
        if (subject == null) {
            subject = actors.get(0).country;
        }
        for (Mention m : actors) {
            if (m.from > cueTok && !m.country.equals(subject)) {
                return new String[] {subject, m.country};
            }
        }
        for (Mention m : actors) {
            if (!m.country.equals(subject)) {
                return new String[] {subject, m.country};
            }
        }
        return null;
    }

    private static double tone(List<CodedEvent> events) {
        if (events.isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        for (CodedEvent e : events) {
            sum += e.goldstein();
        }
        return Math.round(sum / events.size() * 10.0) / 10.0;
    }
}
