package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.EventActor;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.kb.RuleTables.EventCue;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Codes at most one event per sentence: a sentence with actors of two countries and an event cue between its
 * ends ("signed", "met", "condemned") gives the cue of highest priority, directed from the subject before the cue
 * to the object after it unless the cue is mutual. A sentence whose cue sits next to a year before publication
 * ("the 2014 agreement") reports the past and codes nothing, so old deals do not count as new events.
 */
public final class EventCoder {

    /** The events of an article, and those of them told in the title or the first sentence of the body. */
    public record Events(List<CodedEvent> all, List<CodedEvent> inLead) {}

    private final RuleTables rules;
    private final ThemesAndTone themes;

    public EventCoder(RuleTables rules, ThemesAndTone themes) {
        this.rules = rules;
        this.themes = themes;
    }

    /**
     * Codes the events of an article whose body starts at character {@code bodyStart}; a {@code published} time
     * (may be null) lets a year mentioned next to a cue tell a past event from a new one.
     */
    public Events code(
            Instant published,
            String text,
            Tokens t,
            int[] sent,
            int nSent,
            List<Mention> mentions,
            List<PhraseMatcher.Match> themeMatches,
            int bodyStart) {
        List<List<Mention>> bySent = actorsBySentence(sent, nSent, mentions);
        List<CodedEvent> events = new ArrayList<>();
        List<CodedEvent> inLead = null;
        List<PhraseMatcher.Match> cues = null;
        int leadSentence = firstBodySentence(t, sent, bodyStart);
        int publishedYear =
                published == null ? -1 : published.atOffset(ZoneOffset.UTC).getYear();
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
                if (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION) {
                    eventActors.add(new EventActor(
                            text.substring(t.start[m.from], t.end[m.to - 1]), m.type.name(), m.country, m.role));
                }
            }
            CodedEvent event = new CodedEvent(
                    pair[0],
                    pair[1],
                    !best.mutual(),
                    best.code(),
                    best.rootCode(),
                    best.quadClass(),
                    best.goldstein(),
                    sentence,
                    List.copyOf(eventActors),
                    List.copyOf(themes.themesBetween(themeMatches, from, to)));
            events.add(event);
            if (s <= leadSentence) {
                if (inLead == null) {
                    inLead = new ArrayList<>(2);
                }
                inLead.add(event);
            }
        }
        return new Events(events, inLead == null ? List.of() : inLead);
    }

    /** The actor mentions of each sentence, in text order; null for a sentence without actors. */
    private static List<List<Mention>> actorsBySentence(int[] sent, int nSent, List<Mention> mentions) {
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
        return bySent;
    }

    /** The id of the first sentence of the body, -1 if the body has none. */
    private static int firstBodySentence(Tokens t, int[] sent, int bodyStart) {
        for (int i = 0; i < t.size; i++) {
            if (t.start[i] >= bodyStart && sent[i] >= 0) {
                return sent[i];
            }
        }
        return -1;
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
                    int year = Integer.parseInt(
                            t.text.subSequence(t.start[i], t.end[i]).toString());
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
}
