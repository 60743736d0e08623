package io.bilateral.enrich.topology;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.language.LanguageDetection;
import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.EntityMention;
import io.bilateral.schemas.EventActor;
import io.bilateral.schemas.RawArticle;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a {@link RawArticle} into an {@link EnrichedArticle}: the Avro edge around the plain-data enrichment engine.
 */
public final class ArticleEnricher {

    private final Enricher enricher;
    private final Clock clock;

    public ArticleEnricher(Enricher enricher, Clock clock) {
        this.enricher = enricher;
        this.clock = clock;
    }

    public EnrichedArticle enrich(RawArticle raw) {
        // articles ingested before detection existed, or by other producers, have no language yet
        String language = LanguageDetection.of(raw.getLanguage(), raw.getTitle(), raw.getBody());
        Annotation annotation = enricher.annotate(new ArticleInput(
                raw.getId(),
                raw.getTitle(),
                raw.getBody(),
                raw.getPublished(),
                raw.getSource(),
                raw.getSourceCountry(),
                language));
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setTitle(raw.getTitle())
                .setUrl(raw.getUrl())
                .setSource(raw.getSource())
                .setLanguage(language)
                .setPublished(raw.getPublished())
                .setIngestedAt(raw.getIngestedAt())
                .setEnrichedAt(clock.instant())
                .setCountries(List.copyOf(annotation.countries()))
                .setEntities(annotation.entities().stream()
                        .map(ArticleEnricher::mention)
                        .toList())
                .setThemes(List.copyOf(annotation.themes()))
                .setTone(annotation.tone())
                .setEvents(
                        annotation.events().stream().map(ArticleEnricher::event).toList())
                .build();
    }

    private static EntityMention mention(Entity e) {
        return new EntityMention(e.text(), avroType(e.type()), e.start(), e.end(), e.country(), e.actorId(), e.role());
    }

    /**
     * The one place an engine type becomes the string the schemas carry: its name ({@code "PERSON"}), which readers
     * of {@code news.articles.enriched} and {@code relations.events} already match on.
     */
    private static String avroType(EntityType type) {
        return type.name();
    }

    /** The strings {@link EntityMention#getType()} carries for these types, for readers of enriched articles. */
    static Set<String> avroTypes(EntityType... types) {
        return Stream.of(types).map(ArticleEnricher::avroType).collect(Collectors.toUnmodifiableSet());
    }

    private static ArticleEvent event(CodedEvent e) {
        return ArticleEvent.newBuilder()
                .setPairId(e.pairId())
                .setActor1Country(e.actor1())
                .setActor2Country(e.actor2())
                .setDirected(e.directed())
                .setEventCode(e.code())
                .setRootCode(e.rootCode())
                .setQuadClass(e.quadClass())
                .setGoldstein(e.goldstein())
                .setSentence(e.sentence())
                .setActors(e.actors().stream()
                        .map(a -> new EventActor(a.name(), avroType(a.type()), a.country(), a.role()))
                        .toList())
                .setThemes(List.copyOf(e.themes()))
                .build();
    }
}
