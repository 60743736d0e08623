package io.bilateral.enrich.http;

import io.bilateral.schemas.EventSource;
import io.bilateral.schemas.RelationshipEvent;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A pair's events as CSV, one row per event; its sources' outlets and links joined by {@code " | "}. */
final class EventsCsv {

    static final List<String> HEADER = List.of(
            "eventId",
            "date",
            "eventCode",
            "rootCode",
            "quadClass",
            "goldstein",
            "actor1Country",
            "actor2Country",
            "directed",
            "numArticles",
            "numSources",
            "tone",
            "sentence",
            "outlets",
            "urls",
            "version");

    private EventsCsv() {}

    static String of(List<RelationshipEvent> events) {
        Csv csv = new Csv(HEADER);
        for (RelationshipEvent e : events) {
            csv.row(List.of(
                    e.getEventId(),
                    e.getDate().toString(),
                    e.getEventCode(),
                    e.getRootCode(),
                    e.getQuadClass(),
                    e.getGoldstein(),
                    e.getActor1Country(),
                    e.getActor2Country(),
                    e.getDirected(),
                    e.getNumArticles(),
                    e.getNumSources(),
                    e.getTone(),
                    e.getSentence(),
                    join(e.getSources().stream().map(EventSource::getOutlet).toList()),
                    join(e.getSources().stream().map(EventSource::getUrl).toList()),
                    e.getVersion()));
        }
        return csv.toString();
    }

    private static String join(List<String> values) {
        return values.stream().filter(Objects::nonNull).distinct().collect(Collectors.joining(" | "));
    }
}
