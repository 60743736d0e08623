package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import io.bilateral.enrich.engine.text.WordSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Actors a sentence names without a country mention standing as one: "both countries" for the two states of the
 * story's latest event, and a nationality that names an act ("a Turkish drone strike").
 */
final class SentenceActors {

    private SentenceActors() {}

    /** Nouns that, after "both" or "the two", stand for the two states of the story: "urged both sides". */
    private static final WordSet PAIR_NOUNS = WordSet.of(
            "countries", "sides", "governments", "nations", "states", "capitals", "neighbours", "neighbors", "parties");

    /** Pronouns that open a sentence and stand for the person last named: "He called on Turkey to …". */
    private static final WordSet PERSON_PRONOUNS = WordSet.of("he", "she");

    /**
     * "He called on Turkey to halt …", "In Quito, the minister also met …": a sentence that opens with "He" or "She"
     * (or has "the minister", "the Secretary" … standing alone in its first words) and names a state, after a
     * sentence naming a person who acts for another, has that person as a subject; a mention over those words, else
     * null.
     */
    static Mention pronounSubject(Tokens t, int[] sent, int s, List<Mention> actors, Mention lastOfficial) {
        if (actors == null || lastOfficial == null) {
            return null;
        }
        int first = SentenceSpans.firstTokenOf(sent, s, actors.get(0).from);
        int from = first;
        int to = first + 1;
        if (!PERSON_PRONOUNS.contains(t, first) || !Character.isUpperCase(t.first(first))) {
            to = definiteRoleEnd(t, first, actors.get(0).from); // "the minister also met …"
            if (to < 0) {
                return null;
            }
            from = to - 1;
            while (from > first && !t.is(from, "the")) {
                from--;
            }
        }
        for (Mention m : actors) {
            if (m.country.equals(lastOfficial.country)) {
                return null; // "He" may be the one named here
            }
        }
        return new Mention(from, to, EntityType.PERSON, lastOfficial.country, null, lastOfficial.role);
    }

    /** Office words that, after "the", name the office-holder last named: "the Secretary also met …". */
    private static final WordSet OFFICES = WordSet.of("secretary", "minister", "president", "premier", "chancellor");

    /** Words before an office word in its title: "the foreign minister", "the prime minister". */
    private static final WordSet OFFICE_QUALIFIERS = WordSet.of("foreign", "defence", "defense", "prime", "vice");

    /**
     * The end of "the Secretary", "the foreign minister" … standing alone (no "of", no name after it) in the first six
     * words of a sentence opening at {@code first}, before its first state ({@code firstActor}); else -1.
     */
    private static int definiteRoleEnd(Tokens t, int first, int firstActor) {
        for (int i = first; i < firstActor - 1 && i < first + 6; i++) {
            if (!t.is(i, "the")) {
                continue;
            }
            int r = i + 1;
            if (OFFICE_QUALIFIERS.contains(t, r)) {
                r++;
            }
            if (r >= firstActor || !OFFICES.contains(t, r)) {
                continue;
            }
            int after = r + 1;
            boolean alone = after < t.size
                    && !t.is(after, "of")
                    && !t.is(after, "'s")
                    && (t.kind[after] != Tokens.WORD || !Character.isUpperCase(t.first(after)));
            return alone ? after : -1;
        }
        return -1;
    }

    /** The latest person of {@code actors} who acts for a state, else {@code previous}. */
    static Mention lastOfficial(List<Mention> actors, Mention previous) {
        Mention last = previous;
        if (actors != null) {
            for (Mention m : actors) {
                if (m.type == EntityType.PERSON && m.country != null) {
                    last = m;
                }
            }
        }
        return last;
    }

    /** Possessive pronouns that stand for a state's or an office-holder's side. */
    private static final WordSet POSSESSIVES = WordSet.of("his", "her", "its");

    /** Nouns of a state's own bodies and people after "his", "her", "its": "his government", "its foreign minister". */
    private static final WordSet OWN_BODIES = WordSet.of(
            "government",
            "administration",
            "cabinet",
            "ministry",
            "foreign",
            "defence",
            "defense",
            "minister",
            "envoy",
            "ambassador",
            "forces",
            "troops",
            "army",
            "navy",
            "military",
            "delegation",
            "officials",
            "diplomats",
            "country",
            "president",
            "leader");

    /**
     * The sentence's actors with "the Kingdom", "the Crown Prince", "the government" … read as the state they describe
     * ({@link StoryStates}), and "his government", "its minister", "her country" … as the state they belong to:
     * for "its", the nearest state before them in the sentence, else the first state acting in the latest sentence
     * that named one ({@code subject}); for "his" and "her", the nearest person before them, else the sentence's
     * subject ("Algeria's envoy said his country …"), else the latest office-holder named before ({@code official}). "Australia had tried to stop the deal. Last week its minister
     * flew to Honiara"; "days after his government confirmed it had signed a pact with China".
     */
    static List<Mention> withDescribedStates(
            Tokens t, int from, int to, List<Mention> actors, Mention official, String subject, StoryStates story) {
        List<Mention> out = null;
        for (int i = from; i + 1 < to; i++) {
            if (t.kind[i] != Tokens.WORD) {
                continue;
            }
            int end = StoryStates.descriptorEnd(t, i, to); // "the Kingdom", "HRH the Crown Prince"
            String country = end > 0 ? story.monarchyAt(t, i) : null;
            if (end < 0 && (end = StoryStates.theGovernmentEnd(t, i, to)) > 0) {
                country = story.focus().isEmpty() ? null : story.focus(); // "urged the government to …"
            }
            if (end < 0 && POSSESSIVES.contains(t, i) && OWN_BODIES.contains(t, i + 1)) {
                end = i + 2;
                country = possessor(t, i, actors, official, subject);
            }
            if (country == null || SentenceSpans.insideMention(actors, i)) {
                continue;
            }
            out = out == null ? new ArrayList<>(actors) : out;
            out.add(new Mention(i, end, EntityType.COUNTRY, country, null, null));
            i = end - 1;
        }
        if (out == null) {
            return actors;
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /** Whose "his", "her" or "its" at token {@code i} is (see {@link #withDescribedStates}), or null. */
    private static String possessor(Tokens t, int i, List<Mention> actors, Mention official, String subject) {
        boolean person = !t.is(i, "its");
        String nearest = null;
        String nearestPerson = null;
        for (Mention m : actors) {
            if (m.to <= i) {
                nearest = m.country;
                nearestPerson = m.type == EntityType.PERSON ? m.country : nearestPerson;
            }
        }
        if (!person) {
            return nearest != null ? nearest : subject;
        }
        if (nearestPerson != null) {
            return nearestPerson; // "met Prime Minister Sogavare, days after his government had signed …"
        }
        // "Peru's president met a Bolivian delegation, days after his government …": the subject's
        return nearest != null ? actors.get(0).country : official == null ? null : official.country;
    }

    /** {@code actors} with {@code extra} added, in text order. */
    static List<Mention> with(List<Mention> actors, Mention extra) {
        List<Mention> out = new ArrayList<>(actors);
        out.add(extra);
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /**
     * The sentence's actors with "both countries", "the two sides" … read as the two states of the story's latest
     * event ({@code pair}, null before the first), and "urging both to …" as the two just named: two mentions over the
     * same words.
     */
    static List<Mention> withPairReferences(Tokens t, int from, int to, List<Mention> actors, String[] pair) {
        List<Mention> out = null;
        for (int i = from + 1; i < to; i++) {
            if (bothToAct(t, i, to)) {
                // "urging both to resolve the dispute": "both" alone, as the object of an appeal, stands for the two
                // states the sentence named last after its subject, else for the story's two
                String[] both = lastTwoNamed(actors, i);
                both = both == null ? pair : both;
                if (both == null) {
                    continue;
                }
                out = out == null ? new ArrayList<>(actors) : out;
                out.add(new Mention(i, i + 1, EntityType.COUNTRY, both[0], null, null));
                out.add(new Mention(i, i + 1, EntityType.COUNTRY, both[1], null, null));
                continue;
            }
            if (pair == null || t.kind[i] != Tokens.WORD || !PAIR_NOUNS.contains(t, i)) {
                continue;
            }
            int d = i - 1;
            boolean both = t.is(d, "both");
            boolean two = t.is(d, "two") && d - 1 >= from && t.is(d - 1, "the");
            if (!both && !two) {
                continue;
            }
            int start = both ? d : d - 1;
            if (out == null) {
                out = new ArrayList<>(actors);
            }
            out.add(new Mention(start, i + 1, EntityType.COUNTRY, pair[0], null, null));
            out.add(new Mention(start, i + 1, EntityType.COUNTRY, pair[1], null, null));
        }
        if (out == null) {
            return actors;
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /** Verbs of appeal before "both to …": "urged both to show restraint", "called on both to talk". */
    private static final WordSet APPEAL_VERBS = WordSet.of(
            "urged", "urging", "urges", "urge", "on", "asked", "asking", "asks", "pressed", "pressing", "encouraged");

    /** The last two states named before token {@code before}, other than the first actor's (the subject), or null. */
    private static String[] lastTwoNamed(List<Mention> actors, int before) {
        String last = null;
        for (int k = actors.size() - 1; k >= 1; k--) {
            Mention m = actors.get(k);
            if (m.to > before || m.country.equals(actors.get(0).country)) {
                continue;
            }
            if (last == null) {
                last = m.country;
            } else if (!last.equals(m.country)) {
                return new String[] {m.country, last};
            }
        }
        return null;
    }

    /** "both" alone between a verb of appeal and "to": the two states of the story. */
    private static boolean bothToAct(Tokens t, int i, int to) {
        return i + 1 < to && t.is(i, "both") && t.is(i + 1, "to") && APPEAL_VERBS.contains(t, i - 1);
    }

    /** Roots of the acts that answer another's act: demand, disapprove, reject, threaten, protest. */
    private static final Set<String> RESPONSES = Set.of("10", "11", "12", "13", "14");

    /** True for an act that answers another's act: a demand, criticism, rejection, threat or protest. */
    static boolean isResponse(EventCue cue) {
        return RESPONSES.contains(cue.rootCode());
    }

    /** Words that open a definite description of an act just told: "the strikes", "this move". */
    private static final WordSet DETERMINERS = WordSet.of("the", "this", "these", "those", "such", "that");

    /** Nouns of acts of force: they refer back to an act of force only ("condemned the strikes"). */
    private static final List<String> FORCE_WORDS = List.of(
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "attack",
            "attacks",
            "raid",
            "raids",
            "incursion",
            "incursions",
            "shelling",
            "bombing",
            "bombings",
            "killing",
            "killings",
            "invasion",
            "offensive");

    /** Nouns of other hostile acts, which a state named alone in its sentence may answer ("condemned the launch"). */
    private static final List<String> HOSTILE_WORDS = List.of(
            "launch",
            "launches",
            "test",
            "tests",
            "seizure",
            "arrest",
            "arrests",
            "detention",
            "expulsion",
            "expulsions",
            "annexation",
            "blockade",
            "demolition",
            "provocation",
            "remarks",
            "accusations",
            "allegations");

    /** Nouns that name an act of a state ("condemned the strikes", "rejected the accusations"). */
    private static final WordSet ACT_NOUNS = WordSet.of(Stream.of(
                    FORCE_WORDS,
                    HOSTILE_WORDS,
                    List.of(
                            "move",
                            "decision",
                            "sanctions",
                            "measures",
                            "action",
                            "actions",
                            "ban",
                            "tariffs",
                            "deployment",
                            "exercises",
                            "drills",
                            "statement",
                            "comments",
                            "accusation",
                            "charges",
                            "claims",
                            "deal",
                            "agreement",
                            "accord",
                            "pact",
                            "visit",
                            "steps",
                            "step",
                            "policy",
                            "operation",
                            "incident",
                            "violation"))
            .flatMap(List::stream)
            .toList());

    /** The root of the act a noun of {@link #ACT_NOUNS} names, when it names one: "the sanctions" refer to a 16. */
    private static String rootOfNoun(Tokens t, int k) {
        if (REDUCING_NOUNS.contains(t, k)) {
            return "16";
        }
        if (AGREEMENT_NOUNS.contains(t, k)) {
            return "05";
        }
        return null;
    }

    private static final WordSet REDUCING_NOUNS =
            WordSet.of("sanctions", "measures", "tariffs", "ban", "expulsion", "expulsions");

    private static final WordSet AGREEMENT_NOUNS = WordSet.of("deal", "agreement", "accord", "pact");

    /** The nouns of {@link #ACT_NOUNS} that name an act of force: they refer back to an act of force only. */
    private static final WordSet FORCE_NOUNS = WordSet.of(FORCE_WORDS);

    /**
     * The sentence's actors, plus the doers of the story's latest event where a response names that act instead of a
     * state: "Iraq condemned the strikes" after "Turkish jets struck targets in northern Iraq" condemns Turkey. A
     * mention over the act's noun for each doer of the latest act told ({@code doersOfLatestAct}, asked only when a
     * sentence names an act, with whether it names an act of force and the CAMEO root its noun names, or null; it
     * answers null when there is none).
     */
    static List<Mention> withActReferences(
            Tokens t,
            int to,
            List<Mention> actors,
            List<PhraseMatcher.Match> cues,
            List<EventCue> cueTable,
            BiFunction<Boolean, String, String[]> doersOfLatestAct) {
        List<Mention> out = null;
        for (PhraseMatcher.Match c : cues) {
            int d = c.endToken();
            EventCue rule = cueTable.get(c.payloads()[0] >> 2);
            if (d >= to
                    || !DETERMINERS.contains(t, d)
                    || !isResponse(rule) && !(rule.rootCode().equals("01") && Verdicts.judged(t, d, to))) {
                continue; // "said the raid was a clear violation" judges the raid's doer
            }
            for (int k = d + 1; k < to && k <= d + 3 && t.kind[k] == Tokens.WORD; k++) {
                if (ACT_NOUNS.contains(t, k)) {
                    String[] doers = doersOfLatestAct.apply(FORCE_NOUNS.contains(t, k), rootOfNoun(t, k));
                    if (doers != null && !actorWithin(actors, d, k + 1)) {
                        out = out == null ? new ArrayList<>(actors) : out;
                        for (String doer : doers) {
                            out.add(new Mention(d, k + 1, EntityType.COUNTRY, doer, null, null));
                        }
                    }
                    break;
                }
            }
        }
        if (out == null) {
            return actors;
        }
        out.sort((a, b) -> Integer.compare(a.from, b.from));
        return out;
    }

    /** Words of aid that a state may give with no recipient named: "Spain sent rescuers". */
    private static final WordSet AID_WORDS =
            WordSet.of("rescuers", "rescue", "relief", "doctors", "medics", "tents", "hospitals", "dogs");

    /**
     * The nouns of acts a state named alone in its sentence answers ("Japan condemned the launch"): acts of force and
     * of hostility. "the deal", "the decision" are left out: business news names them in most sentences.
     */
    private static final WordSet HOSTILE_ACT_NOUNS = WordSet.of(
            Stream.concat(FORCE_WORDS.stream(), HOSTILE_WORDS.stream()).toList());

    /**
     * True when a sentence naming one state only may still hold its act on another: it names a hostile act told
     * before ("Japan condemned the launch", answering its doer) or aid (going where the story is).
     */
    static boolean loneStateMayAct(Tokens t, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (t.kind[i] != Tokens.WORD) {
                continue;
            }
            if (AID_WORDS.contains(t, i)) {
                return true;
            }
            if (!DETERMINERS.contains(t, i)) {
                continue;
            }
            for (int k = i + 1; k < to && k <= i + 3 && t.kind[k] == Tokens.WORD; k++) {
                if (HOSTILE_ACT_NOUNS.contains(t, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean actorWithin(List<Mention> actors, int from, int to) {
        for (Mention m : actors) {
            if (m.from < to && m.to > from) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence's actors, plus the nationalities that name an act ("Israeli strike", "Turkish drone strike"):
     * a nationality just before a cue is its subject.
     */
    static List<Mention> withNominalActors(
            Tokens t, int s, int[] sent, List<Mention> mentions, List<Mention> actors, List<PhraseMatcher.Match> cues) {
        List<Mention> extra = null;
        for (Mention m : mentions) {
            if (m.actor
                    || m.country == null
                    || m.type != EntityType.NORP
                    || sent[m.from] != s
                    || ActorMarker.privateCapacity(t, m)) {
                continue;
            }
            for (PhraseMatcher.Match c : cues) {
                if (c.startToken() >= m.to && c.startToken() - m.to <= 2 && !Chains.blocked(t, m.to, c.startToken())) {
                    if (extra == null) {
                        extra = new ArrayList<>(actors);
                    }
                    extra.add(m);
                    break;
                }
            }
        }
        if (extra == null) {
            return actors;
        }
        extra.sort((a, b) -> Integer.compare(a.from, b.from));
        return extra;
    }
}
