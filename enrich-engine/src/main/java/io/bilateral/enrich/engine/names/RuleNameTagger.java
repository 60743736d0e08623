package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.NameWords;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tags names the dictionary does not know from capitalisation, context and word lists, in steps: reread the
 * dictionary mentions in their context ({@link PlacesInNames}), cut the text into runs of capitalised words
 * (this class), classify each run ({@link RunClassifier}), take neighbouring places into names, and read lone words
 * the way the article reads them elsewhere ({@link LoneWords}). Returns the dictionary mentions merged with the new
 * ones, in text order.
 */
final class RuleNameTagger implements NameTagger {

    private final NameLexicon lexicon;
    private final NameWords words;
    private final NameEvidence ev;
    private final PlacesInNames places;
    private final RunClassifier runs;
    private final LoneWords loneWords;

    RuleNameTagger(NameLexicon lexicon, RuleTables tables) {
        this.lexicon = lexicon;
        this.words = tables.nameWords;
        this.ev = new NameEvidence(lexicon, tables.nameWords);
        this.places = new PlacesInNames(lexicon, tables, ev);
        this.runs = new RunClassifier(lexicon, words, ev);
        this.loneWords = new LoneWords(lexicon, words, ev);
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
        // dictionary mentions now inside a longer name (by identity: a Mention has no equals)
        Set<Mention> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        places.rereadDictionary(t, dict, absorbed);
        List<Mention> found = new ArrayList<>();
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
            if (e - s > 1
                    && ev.allCaps(t, s, e)
                    && !words.orgHeads.contains(t, e - 1)
                    && !words.miscHeads.contains(t, e - 1)) {
                // "HARTLEY DEFEATS MORCAMBE": each word of a headline is a name only if the article names it so
                for (int k = s; k < e; k++) {
                    if (t.kind[k] == Tokens.WORD && t.end[k] - t.start[k] > 2 && !ev.commonWord(t, k)) {
                        echoes.add(new Mention(k, k + 1, null, null, null, null));
                    }
                }
                i = e;
                continue;
            }
            int cut = ev.innerConjunction(t, s, e);
            if (cut > 0 && !ev.orgWordBefore(t, s, e, cut) && !ev.quoted(t, s, e)) {
                e = cut; // "Ilse Brandt and Tom Varga", "Stefan Dravnik of Bremen": two names
            }
            i = e;
            boolean sentenceStart = ev.sentenceStart(t, sentence, s);
            if (trimFirstWord(t, s, e, sentenceStart)) {
                s++;
                sentenceStart = false;
            }
            while (s < e && ev.isLinkToken(t, s)) {
                s++; // "Officials of the FNTZ": what the trimmed word linked in goes too
            }
            if (s >= e) {
                continue;
            }
            Mention m = runs.classify(t, dict, s, e, sentenceStart);
            if (m == null) {
                if (e - s == 1
                        && t.kind[s] == Tokens.WORD
                        && t.end[s] - t.start[s] > 2
                        && !words.calendar.contains(t, s)) {
                    echoes.add(new Mention(s, e, null, null, null, null)); // "Miller raised the pace"
                }
                continue;
            }
            i = Math.max(i, places.withPlaces(t, dict, m, absorbed));
            (m.type == null ? lone : found).add(m);
        }
        LoneWords.NameIndex names = loneWords.index(found.size() * 4 + 16);
        for (Mention f : found) {
            names.add(t, f);
        }
        for (Mention m : lone) {
            m.type = loneWords.readLikeTheArticle(t, m, names);
            if (m.type != null) {
                found.add(m);
                names.add(t, m);
            }
        }
        for (Mention m : echoes) {
            m.type = names.typeOf(t, m.from);
            if (m.type != null) {
                found.add(m);
                names.add(t, m);
            }
        }
        if (found.isEmpty() && absorbed.isEmpty()) {
            return dictionary;
        }
        found.sort((a, b) -> Integer.compare(a.from, b.from));
        return merge(absorbed.isEmpty() ? dictionary : without(dictionary, absorbed), found);
    }

    /** "The", "Last Friday Hartley", "Yesterday Smith" lose their first word; "Security Council", "R. Quillfeather" not. */
    private boolean trimFirstWord(Tokens t, int s, int e, boolean sentenceStart) {
        if (ev.initial(t, s)) {
            return false;
        }
        boolean givenNameFirst = e - s > 1 && lexicon.givenNames.contains(t, s) && !ev.commonWord(t, s + 1);
        if (!givenNameFirst && (words.sentenceWords.contains(t, s) || words.calendar.contains(t, s))) {
            return true;
        }
        return sentenceStart
                && e - s > 1
                && ev.commonWord(t, s)
                && !lexicon.givenNames.contains(t, s)
                && !words.orgHeads.contains(t, e - 1)
                && !words.miscHeads.contains(t, e - 1)
                && !ev.quoted(t, s, e);
    }

    /** End (exclusive) of the run of capitalised words from {@code s}, across links ("of", "de", "-"). */
    private int runEnd(Tokens t, int[] sentence, int[] owner, int s) {
        int e = s + 1;
        while (e < t.size && !t.dropped[e] && !t.newlineBefore(e)) {
            if (owner[e] == 0 && t.isCapitalized(e) && sentence[e] == sentence[s]) {
                e++;
                continue;
            }
            // "R. Quillfeather": an initial's full stop; "van der Rietmolen": up to two link words
            int links = ev.initial(t, e - 1) && t.text.charAt(t.start[e]) == '.' && t.start[e] == t.end[e - 1] ? 1 : 0;
            while (links == 0 || links < 2 && e + links < t.size && ev.isLink(t, e + links)) {
                if (links == 0 && !ev.isLink(t, e)) {
                    break;
                }
                links++;
            }
            int next = e + links;
            if (links > 0
                    && next < t.size
                    && owner[next] == 0
                    && t.isCapitalized(next)
                    && !t.newlineBefore(next)
                    && t.start[next] - t.end[next - 1] <= 1) {
                e = next + 1;
            } else {
                break;
            }
        }
        return e;
    }

    private static List<Mention> without(List<Mention> mentions, Set<Mention> drop) {
        List<Mention> kept = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            if (!drop.contains(m)) {
                kept.add(m);
            }
        }
        return kept;
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
