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

/**
 * The pairs one cue gives, each as {actor1, actor2}: a mutual cue pairs the members of one chain, or its subject with
 * every object; a directed cue goes from each subject to each object, reversed in the passive ("was attacked by"), from
 * the speaker in "…, says Beijing" and in reported speech ("said that they had …"), to what a relative clause hangs on
 * ("…, which Iran condemned"), or to the place an act strikes ("an airstrike near Aleppo").
 */
final class CuePairs {

    private CuePairs() {}

    /** Auxiliaries that mark a passive participle: "was attacked by". */
    /** Verbs that take the receiver before the thing given ("sent Morocco rescue teams", "offered Rabat help"). */
    private static final WordSet GIVING = WordSet.of(
            "sent",
            "send",
            "sends",
            "offered",
            "offer",
            "offers",
            "gave",
            "give",
            "gives",
            "granted",
            "grant",
            "grants",
            "handed",
            "hands",
            "promised",
            "promises",
            "sold",
            "sells",
            "supplied",
            "supplies");

    private static final WordSet PASSIVE = WordSet.of("was", "were", "been", "being", "is", "are", "be");

    /** Pronouns that stand for the speaker of the sentence in reported speech ("said its drones had hit …"). */
    private static final WordSet PRONOUNS = WordSet.of("it", "they", "he", "she", "we", "its", "their", "his", "her");

    /** Words between a reported subject and its verb: "they had already halted". */
    private static final WordSet AUXILIARIES = WordSet.of(
            "had", "has", "have", "was", "were", "is", "are", "been", "would", "will", "also", "already", "now",
            "could");

    /** The verbs that report speech ("said that they …"). */
    private static final WordSet SPEECH_VERBS =
            WordSet.of("said", "says", "say", "stated", "announced", "told", "added", "confirmed", "declared");

    /** More states than this in one chain are a list or a multilateral body ("the heads of state of …"). */
    private static final int MAX_PARTIES = 4;

    /**
     * The pairs one cue gives, each as {actor1, actor2}.
     */
    static List<String[]> pairsOf(SentenceScope s, PhraseMatcher.Match cue, EventCue rule) {
        Tokens t = s.t();
        List<Mention> actors = s.actors();
        List<Mention> places = s.places();
        List<PhraseMatcher.Match> sentenceCues = s.cues();
        List<PhraseMatcher.Match> allCues = s.allCues();
        int from = s.from();
        int to = s.to();
        Set<String> joiners = s.joiners();
        List<Mention> before = subjectOf(s, cue, rule);
        List<Mention> after = Chains.chainAfter(t, actors, allCues, speech(rule), cue.endToken(), to, joiners);
        if (after.isEmpty()) {
            after = receiversBefore(s, cue); // "sent Morocco rescue teams"
        }
        if (after.isEmpty()) {
            after = inside(actors, cue); // a split cue's object between its words: "bans Russian oil imports"
        }
        if (after.isEmpty() && rule.rootCode().equals("13")) {
            after = conditionSubject(t, actors, cue.endToken(), to); // "threatens a response if Finland joins NATO"
        }
        List<String[]> pairs = new ArrayList<>(2);
        if (countries(before) > MAX_PARTIES || countries(after) > MAX_PARTIES) {
            return pairs; // a long list of states is a multilateral body or a list, not a meeting of a few
        }
        if (rule.mutual()) {
            if (distinct(before) >= 2 && ActorMarker.journeyTo(t, before.get(before.size() - 1).from)) {
                return pairs; // "stopped in Fiji and Samoa for talks": the places visited do not meet each other
            }
            if (distinct(before) >= 2) {
                // "Japan and South Korea held a trilateral meeting with China": every pair of the few at the table,
                // but a pact or a deal "with" a third is between the third and each of the others
                boolean with = !after.isEmpty() && t.is(after.get(0).from - 1, "with");
                if (with && !rule.rootCode().equals("04")) {
                    // "Saudi Arabia, the UAE and Egypt restored relations with Qatar": each with the one after "with"
                    cross(before, after, pairs);
                    return pairs;
                }
                allPairs(with ? union(before, after) : before, pairs);
            } else if (distinct(after) >= 2
                    && (between(t, after.get(0).from, cue.endToken()) || passive(t, cue, from) && before.isEmpty())) {
                // "talks between Russia and Ukraine", also when "Oman hosted" them; "was signed by Kenya and Uganda"
                allPairs(after, pairs);
            } else if (!before.isEmpty() && !after.isEmpty()) {
                cross(before, after, pairs);
            }
            return pairs;
        }
        boolean yields = rule.rootCode().equals("08");
        List<Mention> subjects = before;
        List<Mention> objects = after;
        if (passive(t, cue, from) && !after.isEmpty()) {
            subjects = after; // "was attacked by Y"
            objects = before;
        } else if (!after.isEmpty() && speech(rule) && (before.isEmpty() || saysAfterComma(t, cue, after.get(0)))) {
            // "…, says Beijing": the speaker follows, what it speaks of precedes
            subjects = after;
            objects = Chains.chainBefore(t, actors, List.of(), cue.startToken(), from, joiners);
        } else if (rule.rootCode().equals("07")) {
            int received = receivedBefore(t, cue.startToken(), from);
            List<Mention> giver = received < 0 ? List.of() : sourceAfter(t, after, places, cue.endToken(), to);
            if (!giver.isEmpty()) {
                // "Italy received aid from Cuba": the source gives, the receiver is the verb's subject
                subjects = giver;
                objects = Chains.chainBefore(t, actors, List.of(), received, from, joiners);
            }
        }
        if (!subjects.isEmpty() && objects.isEmpty() && rule.quadClass() <= 2) {
            objects = peopleAddressed(t, places, cue, to); // "condolences to the people of India"
        }
        if (!subjects.isEmpty() && objects.isEmpty()) {
            // "…, which Iran condemned": the object is what the relative clause hangs on
            int first = Math.min(subjects.get(0).from, subjects.get(subjects.size() - 1).from);
            int relative = relativeBefore(t, first, from);
            objects = Chains.chainBefore(
                    t,
                    actors,
                    relative >= 0 ? List.of() : sentenceCues,
                    relative >= 0 ? relative : first,
                    from,
                    joiners);
            if (!objects.isEmpty() && Chains.newClause(t, objects.get(0).to, first)) {
                objects = List.of(); // "Chile sent rescuers, and Peru flew in doctors": Chile is no object
            }
            // a sale or a recognition reaches the country it goes to: "arms sale to Taiwan", "switch recognition to …"
            boolean material = rule.rootCode().equals("06") || rule.rootCode().equals("05");
            if (objects.isEmpty() && (rule.quadClass() >= 3 || rule.rootCode().equals("07") || yields || material)) {
                // an act on a place or people: "strike near Aleppo", "probe of Russian hacking", "relief to Peru";
                // words, concessions and sales reach only a country itself ("eased sanctions on Caracas", "arms sale
                // to Taiwan"), not a venue
                objects = placeNear(
                        t,
                        places,
                        cue,
                        subjects.get(0).country,
                        from,
                        rule.quadClass() == 4 ? from : to,
                        to,
                        yields || material || rule.quadClass() == 3);
                if (material && !objects.isEmpty() && !t.is(objects.get(0).from - 1, "to")) {
                    objects = List.of(); // a sale reaches the country it goes to, not "US dollars" it costs
                }
            }
        }
        if (objects.isEmpty() && subjects.size() == 2 && distinct(subjects) == 2 && yields) {
            allPairs(subjects, pairs); // "Indian and Chinese troops complete pullback"; two donors are no pair
        }
        cross(subjects, objects, pairs);
        return pairs;
    }

    /**
     * The actors before a cue that do it: those of the verb before "and" ("spoke to Qatar's emir and thanked him"),
     * else the chain just before the cue, else the speaker a pronoun stands for ("said it had sent …").
     */
    static List<Mention> subjectOf(SentenceScope s, PhraseMatcher.Match cue, EventCue rule) {
        List<Mention> before = subjectBefore(s, cue.startToken());
        int giving = givingVerbBefore(s.t(), before);
        if (giving >= 0) {
            before = subjectBefore(s, giving); // "Algeria offered Rabat rescuers"
        }
        if (before.isEmpty() && !speech(rule)) {
            before = reportedSpeaker(s, cue);
        }
        return before;
    }

    /** The verb's coordinated subject ("… and urged"), else the chain just before it. */
    private static List<Mention> subjectBefore(SentenceScope s, int verb) {
        List<Mention> before = coordinatedSubject(s, verb);
        return before.isEmpty() ? Chains.chainBefore(s.t(), s.actors(), s.cues(), verb, s.from(), s.joiners()) : before;
    }

    /**
     * The giving verb right before a chain ("sent Morocco rescue teams", "offered Rabat help"), whose chain is the
     * receiver of what the cue after it names, not its giver; else -1.
     */
    private static int givingVerbBefore(Tokens t, List<Mention> chain) {
        if (chain.isEmpty()) {
            return -1;
        }
        int first = Math.min(chain.get(0).from, chain.get(chain.size() - 1).from);
        return first > 0 && GIVING.contains(t, first - 1) ? first - 1 : -1;
    }

    /** The receivers a giving verb names before the cue ("sent Morocco rescue teams"), else an empty list. */
    private static List<Mention> receiversBefore(SentenceScope s, PhraseMatcher.Match cue) {
        List<Mention> before = subjectBefore(s, cue.startToken());
        return givingVerbBefore(s.t(), before) >= 0 ? before : List.of();
    }

    /**
     * The place or nationality a conflict act strikes: the first after the cue ("strike near Aleppo", "hideouts in
     * Afghanistan", "a ban on Georgian wine"), else the nearest before it from {@code beforeFrom} on ("a Ghanaian
     * boat was attacked by …").
     */
    private static List<Mention> placeNear(
            Tokens t,
            List<Mention> places,
            PhraseMatcher.Match cue,
            String subject,
            int from,
            int beforeFrom,
            int to,
            boolean countryOnly) {
        if (places == null) {
            return List.of();
        }
        for (Mention p : places) {
            if (countryOnly && !namesCountry(p)) {
                continue;
            }
            if (p.from > cue.startToken() // after the cue, or inside a split one ("strike on Mosul killed")
                    && p.to <= to
                    && p.from - cue.endToken() <= Chains.REACH
                    && !p.country.equals(subject)
                    && !Chains.blocked(t, cue.endToken(), p.from)
                    && !Chains.newClause(t, cue.endToken(), p.from)) {
                return withListed(t, places, p, countryOnly); // "recalled its envoys from Madrid, Dublin and Oslo"
            }
        }
        for (int i = places.size() - 1; i >= 0; i--) {
            Mention p = places.get(i);
            if (countryOnly && !namesCountry(p)) {
                continue;
            }
            if (p.to <= cue.startToken()
                    && p.from >= beforeFrom
                    && cue.startToken() - p.to <= Chains.REACH
                    && !p.country.equals(subject)
                    && !Chains.blocked(t, p.to, cue.startToken())) {
                return List.of(p);
            }
        }
        return List.of();
    }

    /** The actor that opens an "if" clause after a threat (up to two words after the "if"), as a list; else empty. */
    private static List<Mention> conditionSubject(Tokens t, List<Mention> actors, int cueEnd, int to) {
        for (int i = cueEnd; i < to && i - cueEnd <= Chains.REACH; i++) {
            if (t.is(i, "if")) {
                for (Mention m : actors) {
                    if (m.from > i && m.from - i <= 3) {
                        return List.of(m);
                    }
                }
                return List.of();
            }
        }
        return List.of();
    }

    /** The actors between a cue's first and last word (only a split cue has any). */
    private static List<Mention> inside(List<Mention> actors, PhraseMatcher.Match cue) {
        for (Mention m : actors) {
            if (m.from > cue.startToken() && m.to < cue.endToken()) {
                return List.of(m);
            }
        }
        return List.of();
    }

    /** {@code first} and the places listed right after it: "Madrid, Dublin and Oslo". */
    private static List<Mention> withListed(Tokens t, List<Mention> places, Mention first, boolean countryOnly) {
        List<Mention> out = null;
        Mention last = first;
        for (Mention p : places) {
            if (p.from < last.to || p == first) {
                continue;
            }
            if (!listedAfter(t, last.to, p.from) || countryOnly && !namesCountry(p)) {
                break;
            }
            out = out == null ? new ArrayList<>(List.of(first)) : out;
            out.add(p);
            last = p;
        }
        return out == null ? List.of(first) : out;
    }

    /** Only a comma, "and" or "or" stands in [from, to). */
    private static boolean listedAfter(Tokens t, int from, int to) {
        if (to <= from || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            boolean comma = t.kind[i] == Tokens.PUNCT && t.first(i) == ',';
            if (!comma && !t.is(i, "and") && !t.is(i, "or")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Words addressed to a state's people reach the state: "condolences to the people of India", "a message to the
     * government and people of Iran". The country right after "to the people of" (a place, not an actor, elsewhere).
     */
    private static List<Mention> peopleAddressed(Tokens t, List<Mention> places, PhraseMatcher.Match cue, int to) {
        if (places == null) {
            return List.of();
        }
        for (Mention p : places) {
            if (p.from < cue.endToken() || p.from >= to) {
                continue;
            }
            int q = p.from - 1;
            if (!t.is(q, "of") || !namesCountry(p)) {
                continue;
            }
            q--;
            while (q > cue.endToken()
                    && (t.is(q, "people") || t.is(q, "government") || t.is(q, "and") || t.is(q, "the"))) {
                q--;
            }
            if (q < p.from - 2 && t.is(q, "to") && q - cue.endToken() <= Chains.REACH) {
                return List.of(p);
            }
        }
        return List.of();
    }

    /** Verbs by which a state takes what another gives it. */
    private static final WordSet RECEIVING =
            WordSet.of("received", "receives", "receiving", "accepted", "accepts", "got");

    /** The receiving verb at most four words before an aid cue ("received 20 tonnes of aid"), or -1. */
    private static int receivedBefore(Tokens t, int cue, int from) {
        for (int i = cue - 1; i >= from && i >= cue - 4 && t.kind[i] != Tokens.PUNCT; i--) {
            if (RECEIVING.contains(t, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The state after "from" a few words after {@code end}, an actor of the chain {@code after} or a place: "aid from
     * Cuba", "supplies from the Turkish army".
     */
    private static List<Mention> sourceAfter(Tokens t, List<Mention> after, List<Mention> places, int end, int to) {
        if (!after.isEmpty()) {
            return fromBefore(t, after.get(0).from) ? after : List.of();
        }
        for (Mention p : places == null ? List.<Mention>of() : places) {
            if (p.from >= end && p.from < to && p.from - end <= 4 && namesCountry(p)) {
                return fromBefore(t, p.from) ? List.of(p) : List.of();
            }
        }
        return List.of();
    }

    private static boolean fromBefore(Tokens t, int mention) {
        int q = mention - 1;
        q = q >= 0 && t.is(q, "the") ? q - 1 : q;
        return q >= 0 && t.is(q, "from");
    }

    /** A country, its people or its capital standing for its government: not a venue city or a region. */
    private static boolean namesCountry(Mention p) {
        return p.type == EntityType.COUNTRY || p.type == EntityType.NORP || p.capital;
    }

    /**
     * "Germany and France said that they had halted exports to Turkey": a pronoun just before the cue (past its
     * auxiliaries) that follows a speech verb of the sentence stands for the speaker; one in a clause of place or time
     * for the sentence's subject ({@link #subordinateSubject}).
     */
    private static List<Mention> reportedSpeaker(SentenceScope s, PhraseMatcher.Match cue) {
        Tokens t = s.t();
        List<Mention> actors = s.actors();
        List<PhraseMatcher.Match> cues = s.cues();
        int from = s.from();
        Set<String> joiners = s.joiners();
        int p = Intents.readyBefore(t, cue.startToken(), from); // "said it was ready to establish relations"
        p = p < 0 ? cue.startToken() - 1 : p - 1;
        while (p >= from && t.kind[p] == Tokens.WORD && AUXILIARIES.contains(t, p)) {
            p--;
        }
        if (p < from || !PRONOUNS.contains(t, p)) {
            return List.of();
        }
        for (int c = cues.size() - 1; c >= 0; c--) {
            PhraseMatcher.Match said = cues.get(c);
            if (said.endToken() <= p && SPEECH_VERBS.contains(t, said.startToken())) {
                return p - said.endToken() > Chains.REACH || Chains.blocked(t, said.endToken(), p)
                        ? List.of()
                        : Chains.chainBefore(t, actors, cues, said.startToken(), from, joiners);
            }
        }
        return subordinateSubject(t, actors, p, from);
    }

    /** Words that open a clause about where or when the main clause's subject did something else. */
    private static final WordSet SUBORDINATORS = WordSet.of("where", "when", "after", "before", "while", "as");

    /**
     * "The Iranian diplomat flew to Beijing from Biarritz, where on Sunday he held talks with Macron": "he" or "she"
     * a few words after "where", "when" … stands for the sentence's first actor, its subject, when that is named
     * before the clause.
     */
    private static List<Mention> subordinateSubject(Tokens t, List<Mention> actors, int pronoun, int from) {
        if (!t.is(pronoun, "he") && !t.is(pronoun, "she") || actors.isEmpty() || actors.get(0).to > pronoun) {
            return List.of();
        }
        for (int i = pronoun - 1; i > from && i >= pronoun - 3; i--) {
            if (SUBORDINATORS.contains(t, i)) {
                return i > actors.get(0).to ? List.of(actors.get(0)) : List.of();
            }
        }
        return List.of();
    }

    /**
     * "Canada condemned the decision and demanded that Beijing release them": a cue after "and" with no actor of its
     * own shares the subject of the verb before it (the nearest earlier cue that has one).
     */
    private static List<Mention> coordinatedSubject(SentenceScope s, int verb) {
        Tokens t = s.t();
        List<Mention> actors = s.actors();
        List<PhraseMatcher.Match> cues = s.cues();
        int from = s.from();
        Set<String> joiners = s.joiners();
        int and = Chains.andBefore(t, verb, from);
        if (and < 0 && participleAfterComma(t, verb, from)) {
            // "spoke with Erdogan, urging both to …": the participle's subject is the verb's
            and = verb - 1;
        }
        if (and < 0) {
            return List.of();
        }
        // 'said Washington was "deeply concerned" and urged India': a quote before "and" is part of the verb before
        int end = quoteStart(t, and - 1, from);
        for (int c = cues.size() - 1; c >= 0; c--) {
            PhraseMatcher.Match earlier = cues.get(c);
            if (earlier.endToken() > end) {
                continue;
            }
            if (Chains.blocked(t, earlier.endToken(), end)) {
                return List.of();
            }
            List<Mention> subject = Chains.chainBefore(t, actors, cues, earlier.startToken(), from, joiners);
            if (!subject.isEmpty()) {
                return subject;
            }
        }
        return List.of();
    }

    private static boolean participleAfterComma(Tokens t, int verb, int from) {
        return verb - 1 > from
                && t.kind[verb - 1] == Tokens.PUNCT
                && t.first(verb - 1) == ','
                && t.lower(verb).endsWith("ing");
    }

    /**
     * Where the quotation that closes at {@code close} opens, when a quotation mark stands there and its opening one is
     * in the sentence; else {@code close + 1}.
     */
    private static int quoteStart(Tokens t, int close, int from) {
        if (close <= from || !quoteMark(t, close)) {
            return close + 1;
        }
        for (int i = close - 1; i >= from; i--) {
            if (quoteMark(t, i)) {
                return i;
            }
        }
        return close + 1;
    }

    private static boolean quoteMark(Tokens t, int i) {
        char c = t.first(i);
        return t.kind[i] == Tokens.PUNCT && (c == '"' || c == '“' || c == '”');
    }

    /**
     * The agent a hosting or brokering cue names: "brokered by Russia", "hosted by Oman", "the Russian-brokered deal",
     * else null.
     */
    static Mention agentOf(Tokens t, List<Mention> actors, PhraseMatcher.Match cue) {
        int end = cue.endToken();
        for (Mention m : actors) {
            if (end < t.size && t.is(end, "by") && m.from > end && m.from <= end + 2) {
                return m;
            }
        }
        return hyphenedAgentOf(t, actors, cue);
    }

    /** The mention joined to a cue by a hyphen, "the Russian-brokered deal", "a U.S.-brokered deal", else null. */
    static Mention hyphenedAgentOf(Tokens t, List<Mention> mentions, PhraseMatcher.Match cue) {
        int start = cue.startToken();
        for (Mention m : mentions) {
            if (start > 0 && t.first(start - 1) == '-' && m.to == start - 1) {
                return m;
            }
        }
        return null;
    }

    /** The number of states in a chain (a person and the title's nationality are one). */
    private static int countries(List<Mention> chain) {
        return (int) chain.stream().map(m -> m.country).distinct().count();
    }

    /** "…, says New Delhi": a speech cue after a comma with its speaker right behind it. */
    private static boolean saysAfterComma(Tokens t, PhraseMatcher.Match cue, Mention speaker) {
        int c = cue.startToken() - 1;
        return c >= 0 && t.kind[c] == Tokens.PUNCT && t.first(c) == ',' && speaker.from - cue.endToken() <= 2;
    }

    /**
     * True when "between", "among" or "by" (the cue's last word, or after it) stands just before the chain, right after
     * the cue: "talks between Russia and Ukraine", "joint exercises by South Korean and US warships".
     */
    private static boolean between(Tokens t, int chainFrom, int cueEnd) {
        if (chainFrom - cueEnd > 2) {
            return false; // "talks were mediated by Oman and Qatar": the "by" is another verb's
        }
        for (int i = chainFrom - 1; i >= cueEnd - 1 && i >= chainFrom - 2; i--) {
            if (t.is(i, "between") || t.is(i, "among") || t.is(i, "by") && i <= cueEnd) {
                return true; // "talks brokered by Saudi and US mediators": that "by" is the broker's
            }
        }
        return false;
    }

    /** The position of "which" or "that" just before a subject ("…, which Iran condemned"), or -1. */
    private static int relativeBefore(Tokens t, int subjectFrom, int from) {
        for (int i = subjectFrom - 1; i >= from && i >= subjectFrom - 2; i--) {
            if (t.is(i, "which") || t.is(i, "that")) {
                return i;
            }
            if (!t.is(i, "the")) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean passive(Tokens t, PhraseMatcher.Match cue, int from) {
        int end = cue.endToken();
        boolean by = end < t.size && t.is(end, "by");
        int before = cue.startToken() - 1;
        boolean aux = before >= from && PASSIVE.contains(t, before);
        return by || (aux && byShortlyAfter(t, end));
    }

    /** The most words between a passive verb and its "by": 'was denounced as "a provocation" by Washington'. */
    private static final int BY_REACH = 6;

    private static boolean byShortlyAfter(Tokens t, int end) {
        for (int k = end; k < t.size && k <= end + BY_REACH; k++) {
            if (t.is(k, "by")) {
                return true;
            }
            if (t.kind[k] != Tokens.WORD && !quoteMark(t, k)) {
                return false; // a comma or a full stop ends the verb phrase
            }
        }
        return false;
    }

    private static boolean speech(EventCue cue) {
        return cue.rootCode().equals("01");
    }

    private static void allPairs(List<Mention> chain, List<String[]> pairs) {
        for (int i = 0; i < chain.size(); i++) {
            for (int j = i + 1; j < chain.size(); j++) {
                if (!chain.get(i).country.equals(chain.get(j).country)) {
                    // chains are built outward from the cue: the later mention in the text comes first
                    pairs.add(new String[] {chain.get(j).country, chain.get(i).country});
                }
            }
        }
    }

    private static List<Mention> union(List<Mention> a, List<Mention> b) {
        List<Mention> out = new ArrayList<>(a.size() + b.size());
        out.addAll(b);
        out.addAll(a);
        return out;
    }

    private static void cross(List<Mention> subjects, List<Mention> objects, List<String[]> pairs) {
        for (Mention s : subjects) {
            for (Mention o : objects) {
                if (!s.country.equals(o.country)) {
                    pairs.add(new String[] {s.country, o.country});
                }
            }
        }
    }

    private static int distinct(List<Mention> chain) {
        String first = null;
        for (Mention m : chain) {
            if (first == null) {
                first = m.country;
            } else if (!first.equals(m.country)) {
                return 2;
            }
        }
        return first == null ? 0 : 1;
    }
}
