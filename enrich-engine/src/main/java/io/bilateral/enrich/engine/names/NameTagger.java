package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.text.Tokens;
import java.util.List;

/**
 * Tags names the dictionary does not know (people, organisations). Returns the dictionary mentions merged with the
 * new ones, in text order.
 */
public interface NameTagger {

    List<Mention> tag(Tokens t, int[] sentence, List<Mention> dictionary, KnowledgeBase kb);

    /** The rule-based tagger ({@link RuleNameTagger}). */
    static NameTagger rules(RuleTables tables) {
        return rules(NameLexicon.bundled(), tables);
    }

    /** The rule-based tagger over other word lists (e.g. from a rules folder). */
    static NameTagger rules(NameLexicon lexicon, RuleTables tables) {
        return new RuleNameTagger(lexicon, tables);
    }
}
