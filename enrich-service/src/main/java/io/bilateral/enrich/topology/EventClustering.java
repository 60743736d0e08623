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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a report belongs to an event already known for its pair, and merges it in.
 *
 * <p>A report joins an event when both tell the same happening, whatever code each outlet gave it: their days are at
 * most {@code window} apart (a day apart costs {@value #DAY_PENALTY} of similarity per day), the same states take part
 * (a summit of three is not a meeting of two of them three days later), the event does not already hold another
 * happening of the same article, and their key terms (headline, the sentences
 * telling the happening, actors, themes) overlap by at least {@code minSimilarity}. Polarity alone never splits a
 * happening ("rejected" and "expressed readiness" may be one meeting), and the pair and the week alone never merge
 * two. The event's code is reconciled over its reports: the code most of them give, the most specific on a tie.
 * Exact text never matters.
 */
public final class EventClustering {

    private static final Logger log = LoggerFactory.getLogger(EventClustering.class);

    static final double DAY_PENALTY = 0.1;
    static final int MAX_KEY_TERMS = 200;

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
        RelationshipEvent best = null;
        double bestScore = minSimilarity;
        for (RelationshipEvent candidate : candidates) {
            double score = similarity(candidate, report);
            if (log.isDebugEnabled()) { // the score's formatting would run for every candidate, logged or not
                log.debug(
                        "Report {} of {} (day {}, code {}) against event {} (day {}, code {}): {}",
                        report.articleId(),
                        report.event().getPairId(),
                        report.day(),
                        report.event().getEventCode(),
                        candidate.getEventId(),
                        candidate.getDate(),
                        candidate.getEventCode(),
                        String.format(Locale.ROOT, "%.3f", score));
            }
            if (score >= bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How alike the happening of {@code candidate} and of {@code report} are; negative when they cannot be one. */
    double similarity(RelationshipEvent candidate, EventReport report) {
        long days = Math.abs(candidate.getDate().toEpochDay() - report.day().toEpochDay());
        if (days > Math.max(0, window.toDays())
                || !sameParticipants(candidate, report)
                || toldApart(candidate, report)) {
            return -1;
        }
        return KeyTerms.overlap(report.terms(), termsOf(candidate)) - DAY_PENALTY * days;
    }

    /** The report's own article is already a source: the article told the two happenings apart. */
    private static boolean toldApart(RelationshipEvent candidate, EventReport report) {
        return candidate.getSources().stream().anyMatch(s -> s.getArticleId().equals(report.articleId()));
    }

    private static boolean sameParticipants(RelationshipEvent candidate, EventReport report) {
        return candidate.getParticipants().isEmpty()
                || report.participants().isEmpty()
                || candidate.getParticipants().equals(report.participants());
    }

    /** The event's key terms; an event written before they were kept has its actors, themes and sentence. */
    private static Set<String> termsOf(RelationshipEvent event) {
        if (!event.getKeyTerms().isEmpty()) {
            return new HashSet<>(event.getKeyTerms());
        }
        Set<String> terms = new HashSet<>();
        for (EventActor actor : event.getActors()) {
            KeyTerms.addTo(terms, actor.getName());
        }
        for (String theme : event.getThemes()) {
            terms.add("#" + theme);
        }
        KeyTerms.addTo(terms, event.getSentence());
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
                .setFacets(report.facets())
                .setParticipants(report.participants())
                .setKeyTerms(keyTerms(List.of(), report.terms()))
                .build();
    }

    /**
     * {@code event} with {@code report} merged in; the id and representative sentence stay, the code is the one most
     * reports give (the most specific on a tie, the event's own before the report's).
     */
    public RelationshipEvent merge(RelationshipEvent event, EventReport report, Instant now) {
        List<EventSource> sources = new ArrayList<>(event.getSources());
        sources.add(source(report));
        TreeSet<String> themes = new TreeSet<>(event.getThemes());
        themes.addAll(report.event().getThemes());
        int articles = sources.size();
        // the previous version stays as it is (the pair summary subtracts it): every changed field gets a new value
        RelationshipEvent merged = Records.shallowCopy(event, RelationshipEvent::new);
        merged.setSources(sources);
        merged.setNumArticles(articles);
        merged.setNumSources(distinctOutlets(sources));
        merged.setActors(mergeActors(event.getActors(), report.event().getActors()));
        merged.setThemes(new ArrayList<>(themes));
        merged.setTone((event.getTone() * (articles - 1) + report.tone()) / articles);
        merged.setDate(report.day().isBefore(event.getDate()) ? report.day() : event.getDate());
        merged.setParticipants(event.getParticipants().isEmpty() ? report.participants() : event.getParticipants());
        merged.setKeyTerms(keyTerms(event.getKeyTerms(), report.terms()));
        merged.setLastUpdated(now);
        merged.setVersion(event.getVersion() + 1);
        ArticleEvent e = report.event();
        String code = reconciledCode(event, sources);
        if (!code.equals(event.getEventCode()) && code.equals(e.getEventCode())) {
            merged.setEventCode(e.getEventCode());
            merged.setRootCode(e.getRootCode());
            merged.setQuadClass(e.getQuadClass());
            merged.setGoldstein(e.getGoldstein());
            merged.setDirected(e.getDirected());
            merged.setActor1Country(e.getActor1Country());
            merged.setActor2Country(e.getActor2Country());
        }
        TreeSet<String> facets = new TreeSet<>(event.getFacets());
        facets.addAll(report.facets());
        facets.add(event.getEventCode());
        facets.add(e.getEventCode());
        facets.remove(merged.getEventCode());
        merged.setFacets(new ArrayList<>(facets));
        return merged;
    }

    /** The code most sources give, the most specific on a tie, else the event's current code. */
    static String reconciledCode(RelationshipEvent event, List<EventSource> sources) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(event.getEventCode(), 0);
        for (EventSource s : sources) {
            // a source from before per-report codes were kept counts for the event's code
            counts.merge(s.getEventCode() != null ? s.getEventCode() : event.getEventCode(), 1, Integer::sum);
        }
        String best = event.getEventCode();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            int bestCount = counts.get(best);
            if (c.getValue() > bestCount
                    || (c.getValue() == bestCount
                            && EventReport.specificity(c.getKey()) > EventReport.specificity(best))) {
                best = c.getKey();
            }
        }
        return best;
    }

    /** The event's terms, then the report's new ones, at most {@link #MAX_KEY_TERMS}: the event stays bounded. */
    private static List<String> keyTerms(List<String> known, Set<String> more) {
        Set<String> terms = new LinkedHashSet<>(known);
        for (String t : new TreeSet<>(more)) {
            if (terms.size() >= MAX_KEY_TERMS) {
                break;
            }
            terms.add(t);
        }
        return new ArrayList<>(terms);
    }

    private static EventSource source(EventReport report) {
        return new EventSource(
                report.articleId(),
                report.url(),
                report.outlet(),
                report.published(),
                report.event().getEventCode());
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
