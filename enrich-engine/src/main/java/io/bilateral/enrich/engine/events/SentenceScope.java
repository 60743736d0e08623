package io.bilateral.enrich.engine.events;

import io.bilateral.enrich.engine.kb.PhraseMatcher;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;
import java.util.Set;

/**
 * What the coder reads one cue of a sentence against: the sentence's tokens [{@code from}, {@code to}), its actors
 * (with the nominal ones and the references read in), its places (null when it names none), the cues that tell news
 * ({@code cues}) and all its cues, denied or planned ones too ({@code allCues}, which still end a chain's reach), and
 * the words that join a list of states ({@code joiners}).
 */
record SentenceScope(
        Tokens t,
        List<Mention> actors,
        List<Mention> places,
        List<PhraseMatcher.Match> cues,
        List<PhraseMatcher.Match> allCues,
        int from,
        int to,
        Set<String> joiners) {}
