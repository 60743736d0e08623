package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.kb.ActorType;
import io.bilateral.enrich.engine.kb.DictionaryEntry;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.text.Fold;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tags the dictionary's actors in a text. Where one surface form names several entries ("Georgia", "Jordan"), the
 * entry of the most specific type wins, a capital ahead of other places, because a country or a nationality is
 * far more often what a news text means; the dictionary's ambiguity rules then drop or re-read a match from its
 * context ("Chad Smith" is a person, not the country).
 */
public final class DictionaryTagger {

    private static final ActorType[] PRIORITY = {
        ActorType.COUNTRY,
        ActorType.NORP,
        ActorType.INSTITUTION,
        ActorType.ORGANIZATION,
        ActorType.PERSON,
        ActorType.LOCATION
    };

    private static final Set<String> SENTENCE_START_WORDS = Set.of(
            "the",
            "in",
            "on",
            "at",
            "and",
            "of",
            "for",
            "with",
            "from",
            "to",
            "by",
            "a",
            "an",
            "but",
            "as",
            "after",
            "before",
            "king",
            "queen",
            "president",
            "neighbouring",
            "neighboring",
            "southern",
            "northern",
            "western",
            "eastern",
            "central");

    private final KnowledgeBase kb;

    public DictionaryTagger(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** The dictionary mentions of {@code text} (tokenized as {@code t}), in text order. */
    public List<Mention> tag(String text, Tokens t) {
        List<PhraseMatcher.Match> matches = kb.matcher().match(t);
        List<Mention> out = new ArrayList<>(matches.size());
        // An all-caps headline hides what capitals tell in the body ("GEORGIA GULF" / "Georgia Gulf Corp"): an
        // ambiguous name the body's reading dropped is dropped in capitals too.
        Set<String> droppedInBody = new HashSet<>();
        List<CapsMatch> inCaps = new ArrayList<>();
        for (PhraseMatcher.Match m : matches) {
            DictionaryEntry best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int p : m.payloads()) {
                DictionaryEntry e = kb.entry(p >> 2);
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
                        case NOT_PERSON ->
                            drop |= partOfPersonName(t, m.startToken(), m.endToken())
                                    || hyphenatedName(t, m.endToken(), matches);
                        case NOT_BEFORE -> {
                            int nx = m.endToken();
                            if (nx < t.size && r.argument() != null) {
                                for (String w : r.argument().split("\\|")) {
                                    drop |= t.is(nx, w);
                                }
                            }
                        }
                        case ALT_CONTEXT -> {
                            String[] a = r.argument().split("=", 2);
                            for (String w : a[1].split("\\|")) {
                                if (containsWord(text, w)) {
                                    DictionaryEntry alt = kb.byId(a[0]);
                                    if (alt != null) {
                                        best = alt;
                                    }
                                    break;
                                }
                            }
                        }
                    }
                }
                boolean caps = t.isAllCaps(m.startToken());
                if (drop) {
                    if (!caps) {
                        droppedInBody.add(surface);
                    }
                    continue;
                }
                if (caps && !amb.isEmpty()) {
                    inCaps.add(new CapsMatch(mention(m, best), surface));
                    out.add(inCaps.get(inCaps.size() - 1).mention());
                    continue;
                }
            }
            out.add(mention(m, best));
        }
        for (CapsMatch c : inCaps) {
            if (droppedInBody.contains(c.surface())) {
                out.remove(c.mention());
            }
        }
        return out;
    }

    /** An ambiguous name kept in an all-caps stretch, with its folded surface. */
    private record CapsMatch(Mention mention, String surface) {}

    private static Mention mention(PhraseMatcher.Match m, DictionaryEntry best) {
        Mention mm = new Mention(
                m.startToken(),
                m.endToken(),
                best.type().entityType(),
                best.country(),
                best.id(),
                best.type() == ActorType.LOCATION ? null : best.role());
        mm.capital = "capital".equals(best.role());
        mm.nonState = KnowledgeBase.nonState(best);
        return mm;
    }

    private static int rank(DictionaryEntry e) {
        for (int i = 0; i < PRIORITY.length; i++) {
            if (PRIORITY[i] == e.type()) {
                return e.type() == ActorType.LOCATION && "capital".equals(e.role()) ? i : i + 1;
            }
        }
        return PRIORITY.length + 1;
    }

    /** Whether {@code w} stands in {@code text} as a word, as written or in capitals ("ISLAMABAD, May 3 -"). */
    private static boolean containsWord(String text, String w) {
        return containsWordAsWritten(text, w) || containsWordAsWritten(text, w.toUpperCase(Locale.ROOT));
    }

    private static boolean containsWordAsWritten(String text, String w) {
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
        if (p >= 0
                && !t.dropped[p]
                && t.isCapitalized(p)
                && !t.isAllCaps(p)
                && !t.newlineBefore(from)
                && t.end[p] - t.start[p] > 1
                && !(isSentenceStartToken(t, p) && SENTENCE_START_WORDS.contains(t.lower(p)))
                && !t.is(p, "of")) {
            return true;
        }
        int n = to;
        return n < t.size
                && !t.dropped[n]
                && t.isCapitalized(n)
                && !t.isAllCaps(n)
                && t.start[n] - t.end[to - 1] == 1
                && !t.newlineBefore(n);
    }

    /**
     * "Georgia-Pacific", "Bristol-Myers": joined by a hyphen to a capitalised word that is not a place of some country,
     * the place is part of a company's name ("Tehran-Tashkent" joins two places and stays).
     */
    private boolean hyphenatedName(Tokens t, int to, List<PhraseMatcher.Match> matches) {
        int h = to;
        if (h + 1 >= t.size
                || t.start[h] != t.end[h - 1]
                || t.text.charAt(t.start[h]) != '-'
                || t.start[h + 1] != t.end[h]
                || !t.isCapitalized(h + 1)) {
            return false;
        }
        int lo = 0;
        int hi = matches.size() - 1;
        while (lo <= hi) { // matches are in text order: the one starting after the hyphen, if any
            int mid = (lo + hi) >>> 1;
            int start = matches.get(mid).startToken();
            if (start < h + 1) {
                lo = mid + 1;
            } else if (start > h + 1) {
                hi = mid - 1;
            } else {
                for (int p : matches.get(mid).payloads()) {
                    if (kb.entry(p >> 2).country() != null) {
                        return false;
                    }
                }
                return true;
            }
        }
        return true;
    }

    private static boolean isSentenceStartToken(Tokens t, int i) {
        if (i == 0) {
            return true;
        }
        char c = t.text.charAt(t.start[i - 1]);
        return t.kind[i - 1] == Tokens.PUNCT && (c == '.' || c == '!' || c == '?' || c == '"' || c == '“');
    }
}
