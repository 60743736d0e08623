package io.bilateral.enrich.engine;

import java.util.List;

/**
 * One country-to-country event coded from one sentence of one article.
 *
 * @param actor1    alpha-3 code of the acting country (source when directed)
 * @param actor2    alpha-3 code of the country acted upon
 * @param directed  true when the text says who acts on whom; false for mutual actions (meet, agree)
 * @param code      CAMEO-style event code, e.g. "057"
 * @param rootCode  CAMEO root, two digits, e.g. "05"
 * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 * @param goldstein intensity, -10..+10
 * @param sentence  the sentence the event was coded from
 */
public record CodedEvent(
        String actor1,
        String actor2,
        boolean directed,
        String code,
        String rootCode,
        int quadClass,
        double goldstein,
        String sentence,
        List<EventActor> actors,
        List<String> themes) {

    /** Sorted pair id, e.g. "IRN-UZB". */
    public String pairId() {
        return actor1.compareTo(actor2) <= 0 ? actor1 + "-" + actor2 : actor2 + "-" + actor1;
    }
}
