package io.bilateral.enrich.topology;

import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EventActor;
import io.bilateral.schemas.EventSource;
import io.bilateral.schemas.RelationshipEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a report belongs to an event already known for its pair, and merges it in.
 *
 * <p>A report matches an event of the same pair when both are cooperation or both conflict, their days are at most
 * {@code window} apart (reports arrive hours apart and out of order) and their key terms (actors, themes, words of the
 * sentence) overlap by at least {@code minSimilarity}. Exact text never matters.
 */
public final class EventClustering {

    private final Duration window;
    private final double minSimilarity;
    private final Duration retention;

    /** With a retention of ten windows: reports rarely arrive later than that after the previous one. */
    public EventClustering(Duration window, double minSimilarity) {
        this(window, minSimilarity, window.multipliedBy(10));
    }

    /** @param retention how long an event without new reports stays a merge candidate (in stream time) */
    public EventClustering(Duration window, double minSimilarity, Duration retention) {
        this.window = window;
        this.minSimilarity = minSimilarity;
        this.retention = retention;
    }

    public Duration window() {
        return window;
    }

    public Duration retention() {
        return retention;
    }

    /** The best-matching candidate, if any reaches the similarity threshold. */
    public Optional<RelationshipEvent> bestMatch(List<RelationshipEvent> candidates, EventReport report) {
        Set<String> reportTerms = terms(
                report.event().getActors(),
                report.event().getThemes(),
                report.event().getSentence());
        RelationshipEvent best = null;
        double bestScore = minSimilarity;
        for (RelationshipEvent candidate : candidates) {
            if (EventReport.isConflict(candidate.getQuadClass())
                            != EventReport.isConflict(report.event().getQuadClass())
                    || !withinWindow(candidate, report)) {
                continue;
            }
            double score = KeyTerms.overlap(
                    reportTerms, terms(candidate.getActors(), candidate.getThemes(), candidate.getSentence()));
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean withinWindow(RelationshipEvent candidate, EventReport report) {
        long days = Math.abs(candidate.getDate().toEpochDay() - report.day().toEpochDay());
        return days <= Math.max(0, window.toDays());
    }

    private static Set<String> terms(List<EventActor> actors, List<String> themes, String sentence) {
        Set<String> terms = new HashSet<>();
        for (EventActor actor : actors) {
            KeyTerms.addTo(terms, actor.getName());
        }
        for (String theme : themes) {
            terms.add("#" + theme);
        }
        KeyTerms.addTo(terms, sentence);
        return terms;
    }

    /** A new event whose only source is {@code report}. */
    public RelationshipEvent create(EventReport report, Instant now) {
        ArticleEvent e = report.event();
        return RelationshipEvent.newBuilder()
                .setEventId(eventId(e.getPairId(), report))
                .setPairId(e.getPairId())
                .setActor1Country(e.getActor1Country())
                .setActor2Country(e.getActor2Country())
                .setDirected(e.getDirected())
                .setEventCode(e.getEventCode())
                .setRootCode(e.getRootCode())
                .setQuadClass(e.getQuadClass())
                .setGoldstein(e.getGoldstein())
                .setDate(report.day())
                .setActors(mergeActors(List.of(), e.getActors()))
                .setThemes(new ArrayList<>(new TreeSet<>(e.getThemes())))
                .setTone(report.tone())
                .setSentence(e.getSentence())
                .setSources(List.of(source(report)))
                .setNumArticles(1)
                .setNumSources(1)
                .setFirstSeen(now)
                .setLastUpdated(now)
                .setVersion(1)
                .build();
    }

    /** {@code event} with {@code report} merged in; the id, code and representative sentence stay. */
    public RelationshipEvent merge(RelationshipEvent event, EventReport report, Instant now) {
        List<EventSource> sources = new ArrayList<>(event.getSources());
        sources.add(source(report));
        TreeSet<String> themes = new TreeSet<>(event.getThemes());
        themes.addAll(report.event().getThemes());
        int articles = sources.size();
        return RelationshipEvent.newBuilder(event)
                .setSources(sources)
                .setNumArticles(articles)
                .setNumSources(distinctOutlets(sources))
                .setActors(mergeActors(event.getActors(), report.event().getActors()))
                .setThemes(new ArrayList<>(themes))
                .setTone((event.getTone() * (articles - 1) + report.tone()) / articles)
                .setDate(report.day().isBefore(event.getDate()) ? report.day() : event.getDate())
                .setLastUpdated(now)
                .setVersion(event.getVersion() + 1)
                .build();
    }

    private static EventSource source(EventReport report) {
        return new EventSource(report.articleId(), report.url(), report.outlet(), report.published());
    }

    /** Outlets counted once each; a source without an outlet name counts as its own outlet. */
    private static int distinctOutlets(List<EventSource> sources) {
        Set<String> outlets = new HashSet<>();
        for (EventSource source : sources) {
            outlets.add(
                    source.getOutlet() != null
                            ? "outlet:" + source.getOutlet().toLowerCase(Locale.ROOT)
                            : "article:" + source.getArticleId());
        }
        return outlets.size();
    }

    /** Union by name (case-insensitive); a later mention fills in a country or role the first one lacked. */
    private static List<EventActor> mergeActors(List<EventActor> known, List<EventActor> more) {
        Map<String, EventActor> byName = new LinkedHashMap<>();
        for (EventActor actor : known) {
            byName.put(actor.getName().toLowerCase(Locale.ROOT), actor);
        }
        for (EventActor actor : more) {
            byName.merge(
                    actor.getName().toLowerCase(Locale.ROOT),
                    actor,
                    (old, add) -> new EventActor(
                            old.getName(),
                            old.getType(),
                            old.getCountry() != null ? old.getCountry() : add.getCountry(),
                            old.getRole() != null ? old.getRole() : add.getRole()));
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * A stable id: the pair, the day of the first report and a hash of what identifies that first report, so a
     * replay of the same input produces the same ids.
     */
    static String eventId(String pairId, EventReport first) {
        String basis = pairId + "|" + first.articleId() + "|" + first.event().getQuadClass();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return pairId + "-" + first.day().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
