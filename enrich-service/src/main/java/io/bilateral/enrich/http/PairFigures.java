package io.bilateral.enrich.http;

import io.bilateral.schemas.RelationshipEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one pair over the events an {@link EventFilter} lets through: what the relations graph draws (edge
 * width by events, colour by balance) and what {@code /relations} and {@code /pairs.csv} export. Unlike the stored
 * {@code PairSummary}, these are computed from the events at request time, so any time window or category works.
 *
 * <p>The components are in the order of the CSV columns; dates are ISO days, as in the events' JSON.
 *
 * @param balance (cooperation - conflict) / events, from -1 (all conflict) to +1 (all cooperation)
 */
public record PairFigures(
        String pairId,
        String countryA,
        String countryB,
        int events,
        int articles,
        int cooperation,
        int conflict,
        int verbalCooperation,
        int materialCooperation,
        int verbalConflict,
        int materialConflict,
        double goldsteinAverage,
        double balance,
        String firstDate,
        String lastDate) {

    /** Column names of the CSV export, in the order of {@link #csvRow()}. */
    public static final List<String> CSV_HEADER = List.of(
            "pairId",
            "countryA",
            "countryB",
            "events",
            "articles",
            "cooperation",
            "conflict",
            "verbalCooperation",
            "materialCooperation",
            "verbalConflict",
            "materialConflict",
            "goldsteinAverage",
            "balance",
            "firstDate",
            "lastDate");

    /** Most events first, then most articles, then by pair id: the order of {@code /pairs}. */
    public static final Comparator<PairFigures> RANKING = Comparator.comparingInt(PairFigures::events)
            .reversed()
            .thenComparing(Comparator.comparingInt(PairFigures::articles).reversed())
            .thenComparing(PairFigures::pairId);

    /** The figures of every pair with at least {@code filter.minEvents()} matching events, in {@link #RANKING}. */
    public static List<PairFigures> of(Collection<RelationshipEvent> events, EventFilter filter) {
        Map<String, List<RelationshipEvent>> byPair = new TreeMap<>();
        for (RelationshipEvent event : events) {
            if (filter.test(event)) {
                byPair.computeIfAbsent(event.getPairId(), k -> new ArrayList<>())
                        .add(event);
            }
        }
        return byPair.values().stream()
                .filter(list -> list.size() >= filter.minEvents())
                .map(PairFigures::ofPair)
                .sorted(RANKING)
                .toList();
    }

    private static PairFigures ofPair(List<RelationshipEvent> events) {
        String pairId = events.get(0).getPairId();
        int[] quads = new int[4];
        int articles = 0;
        double goldstein = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (RelationshipEvent e : events) {
            quads[e.getQuadClass() - 1]++;
            articles += e.getNumArticles();
            goldstein += e.getGoldstein();
            first = first == null || e.getDate().isBefore(first) ? e.getDate() : first;
            last = last == null || e.getDate().isAfter(last) ? e.getDate() : last;
        }
        int cooperation = quads[0] + quads[1];
        int conflict = quads[2] + quads[3];
        int n = events.size();
        return new PairFigures(
                pairId,
                pairId.substring(0, 3),
                pairId.substring(4),
                n,
                articles,
                cooperation,
                conflict,
                quads[0],
                quads[1],
                quads[2],
                quads[3],
                round(goldstein / n),
                round((cooperation - conflict) / (double) n),
                first.toString(),
                last.toString());
    }

    public List<Object> csvRow() {
        return List.of(
                pairId,
                countryA,
                countryB,
                events,
                articles,
                cooperation,
                conflict,
                verbalCooperation,
                materialCooperation,
                verbalConflict,
                materialConflict,
                goldsteinAverage,
                balance,
                firstDate,
                lastDate);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
