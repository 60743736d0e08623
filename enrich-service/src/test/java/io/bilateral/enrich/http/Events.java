package io.bilateral.enrich.http;

import io.bilateral.schemas.EventSource;
import io.bilateral.schemas.RelationshipEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events for the HTTP layer's tests, with only what the figures and exports read set to something telling. */
final class Events {

    private static final Instant NOW = Instant.parse("2021-12-10T00:00:00Z");

    private Events() {}

    static RelationshipEvent event(String id, String pairId, String code, int quad, double goldstein, String date) {
        return event(id, pairId, code, quad, goldstein, date, "s " + id, List.of());
    }

    static RelationshipEvent event(
            String id,
            String pairId,
            String code,
            int quad,
            double goldstein,
            String date,
            String sentence,
            List<EventSource> sources) {
        return RelationshipEvent.newBuilder()
                .setEventId(id)
                .setPairId(pairId)
                .setActor1Country(pairId.substring(0, 3))
                .setActor2Country(pairId.substring(4))
                .setDirected(true)
                .setEventCode(code)
                .setRootCode(code.substring(0, 2))
                .setQuadClass(quad)
                .setGoldstein(goldstein)
                .setDate(LocalDate.parse(date))
                .setActors(List.of())
                .setThemes(List.of())
                .setTone(0)
                .setSentence(sentence)
                .setSources(sources)
                .setNumArticles(Math.max(1, sources.size()))
                .setNumSources(Math.max(1, sources.size()))
                .setFirstSeen(NOW)
                .setLastUpdated(NOW)
                .setVersion(1)
                .build();
    }
}
