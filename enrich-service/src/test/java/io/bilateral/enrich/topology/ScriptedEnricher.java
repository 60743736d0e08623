package io.bilateral.enrich.topology;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.EventActor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Unit-test fake of the engine: returns the events scripted for each article id, so topology tests exercise
 * clustering and aggregation independently of tagging quality. Unknown ids, or the title "FAIL", throw.
 */
final class ScriptedEnricher implements Enricher {

    private final Map<String, List<CodedEvent>> eventsByArticle;

    ScriptedEnricher(Map<String, List<CodedEvent>> eventsByArticle) {
        this.eventsByArticle = eventsByArticle;
    }

    static CodedEvent meeting(String a, String b, String sentence, String... actors) {
        return new CodedEvent(
                a,
                b,
                false,
                "040",
                "04",
                1,
                1.0,
                sentence,
                Arrays.stream(actors)
                        .map(n -> new EventActor(n, EntityType.PERSON, null, null))
                        .toList(),
                List.of("SECURITY"));
    }

    /** Any code; directed unless it is a mutual act (04 consult, 05 diplomatic cooperation). */
    static CodedEvent coded(String a, String b, String code, String sentence, String... actors) {
        int quad =
                code.compareTo("10") >= 0 ? (code.compareTo("15") >= 0 ? 4 : 3) : (code.compareTo("06") >= 0 ? 2 : 1);
        return new CodedEvent(
                a,
                b,
                !code.startsWith("04") && !code.startsWith("05"),
                code,
                code.substring(0, 2),
                quad,
                quad <= 2 ? 3.0 : -4.0,
                sentence,
                Arrays.stream(actors)
                        .map(n -> new EventActor(n, EntityType.PERSON, null, null))
                        .toList(),
                List.of());
    }

    static CodedEvent criticism(String a, String b, String sentence) {
        return new CodedEvent(a, b, true, "111", "11", 3, -2.0, sentence, List.of(), List.of());
    }

    @Override
    public Annotation annotate(ArticleInput article) {
        if ("FAIL".equals(article.title())) {
            throw new IllegalArgumentException("scripted failure for article " + article.id());
        }
        List<CodedEvent> events = eventsByArticle.getOrDefault(article.id(), List.of());
        TreeSet<String> countries = new TreeSet<>();
        events.forEach(e -> {
            countries.add(e.actor1());
            countries.add(e.actor2());
        });
        return new Annotation(List.of(), List.copyOf(countries), List.of(), 1.5, events);
    }
}
