package io.bilateral.enrich.topology;

import io.bilateral.schemas.EventDigest;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.schemas.TimelineDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adder and subtractor of the per-pair aggregate. When an event changes, its old version is subtracted and the new one
 * added, so a merged event is counted once however often it is updated.
 *
 * <p>A summary is bounded whatever the corpus: counts per root code (about twenty), the {@value #LATEST_EVENTS} latest
 * events with sentences cut to {@value #SENTENCE_CHARS} characters, and {@value #TIMELINE_DAYS} days of timeline.
 */
public final class PairSummaries {

    static final int LATEST_EVENTS = 10;
    static final int TIMELINE_DAYS = 30;
    static final int SENTENCE_CHARS = 280;

    private PairSummaries() {}

    public static PairSummary empty(String pairId, Instant now) {
        String[] countries = pairId.split("-", 2);
        return PairSummary.newBuilder()
                .setPairId(pairId)
                .setCountryA(countries[0])
                .setCountryB(countries.length > 1 ? countries[1] : "")
                .setEventCount(0)
                .setArticleCount(0)
                .setCountsByRoot(new HashMap<>())
                .setCooperationCount(0)
                .setConflictCount(0)
                .setGoldsteinSum(0)
                .setBalance(0)
                .setLatestEvents(new ArrayList<>())
                .setTimeline(new ArrayList<>())
                .setUpdatedAt(now)
                .build();
    }

    /**
     * The pair's summary after one event update: the previous version (if any) subtracted, the new one added. The
     * aggregator of the pair summaries; {@code summary} is null for a pair not seen yet.
     */
    public static PairSummary update(String pairId, EventUpdate update, PairSummary summary, Instant now) {
        PairSummary s = summary == null ? empty(pairId, now) : summary;
        if (update.previous() != null) {
            s = subtract(s, update.previous(), now);
        }
        return add(s, update.event(), now);
    }

    public static PairSummary add(PairSummary summary, RelationshipEvent event, Instant now) {
        return apply(summary, event, +1, now);
    }

    public static PairSummary subtract(PairSummary summary, RelationshipEvent event, Instant now) {
        return apply(summary, event, -1, now);
    }

    private static PairSummary apply(PairSummary s, RelationshipEvent e, int sign, Instant now) {
        Map<String, Integer> byRoot = new HashMap<>(s.getCountsByRoot());
        byRoot.merge(e.getRootCode(), sign, Integer::sum);
        byRoot.values().removeIf(count -> count == 0);
        boolean conflict = EventReport.isConflict(e.getQuadClass());
        int events = s.getEventCount() + sign;
        int cooperation = s.getCooperationCount() + (conflict ? 0 : sign);
        int conflicts = s.getConflictCount() + (conflict ? sign : 0);
        // s may be the store's current value: the copy gets a new value in every field that changes
        PairSummary updated = Records.shallowCopy(s, PairSummary::new);
        updated.setEventCount(events);
        updated.setArticleCount(s.getArticleCount() + sign * e.getNumArticles());
        updated.setCountsByRoot(byRoot);
        updated.setCooperationCount(cooperation);
        updated.setConflictCount(conflicts);
        updated.setGoldsteinSum(s.getGoldsteinSum() + sign * e.getGoldstein());
        updated.setBalance(events == 0 ? 0 : (double) (cooperation - conflicts) / events);
        updated.setLatestEvents(latest(s.getLatestEvents(), e, sign));
        updated.setTimeline(timeline(s.getTimeline(), e, sign));
        updated.setUpdatedAt(now);
        return updated;
    }

    private static List<EventDigest> latest(List<EventDigest> digests, RelationshipEvent e, int sign) {
        List<EventDigest> result = new ArrayList<>(digests);
        result.removeIf(d -> d.getEventId().equals(e.getEventId()));
        if (sign > 0) {
            result.add(new EventDigest(
                    e.getEventId(),
                    e.getEventCode(),
                    e.getActor1Country(),
                    e.getActor2Country(),
                    e.getGoldstein(),
                    e.getDate(),
                    e.getNumArticles(),
                    clip(e.getSentence())));
        }
        result.sort(Comparator.comparing(EventDigest::getDate).reversed().thenComparing(EventDigest::getEventId));
        return result.size() > LATEST_EVENTS ? new ArrayList<>(result.subList(0, LATEST_EVENTS)) : result;
    }

    /** At most {@link #SENTENCE_CHARS} characters, cut at a code point boundary, with an ellipsis when cut. */
    static String clip(String sentence) {
        if (sentence == null || sentence.length() <= SENTENCE_CHARS) {
            return sentence;
        }
        int end = SENTENCE_CHARS - 1;
        if (Character.isHighSurrogate(sentence.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return sentence.substring(0, end) + "…";
    }

    private static List<TimelineDay> timeline(List<TimelineDay> days, RelationshipEvent e, int sign) {
        Map<LocalDate, TimelineDay> byDay = new HashMap<>();
        for (TimelineDay day : days) {
            byDay.put(day.getDate(), day);
        }
        TimelineDay old = byDay.get(e.getDate());
        int count = (old == null ? 0 : old.getEvents()) + sign;
        double sum = (old == null ? 0 : old.getGoldsteinSum()) + sign * e.getGoldstein();
        if (count <= 0) {
            byDay.remove(e.getDate());
        } else {
            byDay.put(e.getDate(), new TimelineDay(e.getDate(), count, sum));
        }
        List<TimelineDay> result = new ArrayList<>(byDay.values());
        result.sort(Comparator.comparing(TimelineDay::getDate));
        return result.size() > TIMELINE_DAYS
                ? new ArrayList<>(result.subList(result.size() - TIMELINE_DAYS, result.size()))
                : result;
    }
}
