package io.bilateral.enrich.topology;

import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One article's report of a happening between the two countries of a pair: the unit that event clustering merges.
 *
 * <p>An article gives at most one report per pair and per polarity (cooperation or conflict): its first event of that
 * kind, i.e. the lead, because an article reports one happening per pair and its later sentences elaborate on it.
 * The Iran-US criticism in a story about an Iran-Tajikistan meeting is another pair, so it is its own report.
 */
public record EventReport(
        String articleId,
        String url,
        String outlet,
        Instant published,
        Instant ingestedAt,
        double tone,
        ArticleEvent event) {

    /** The reports of {@code article} for {@code pairId}, in text order. */
    public static List<EventReport> forPair(EnrichedArticle article, String pairId) {
        List<EventReport> reports = new ArrayList<>(2);
        boolean cooperation = false;
        boolean conflict = false;
        for (ArticleEvent event : article.getEvents()) {
            if (!event.getPairId().equals(pairId)) {
                continue;
            }
            boolean isConflict = isConflict(event.getQuadClass());
            if (isConflict ? conflict : cooperation) {
                continue;
            }
            if (isConflict) {
                conflict = true;
            } else {
                cooperation = true;
            }
            reports.add(new EventReport(
                    article.getId(),
                    article.getUrl(),
                    article.getSource(),
                    article.getPublished(),
                    article.getIngestedAt(),
                    article.getTone(),
                    event));
        }
        return reports;
    }

    /** Quad classes 3 and 4 (verbal and material conflict). */
    public static boolean isConflict(int quadClass) {
        return quadClass >= 3;
    }

    /** When the happening was reported: the publication time when the source gave one, else the ingest time. */
    public Instant reportedAt() {
        return published != null ? published : ingestedAt;
    }

    public LocalDate day() {
        return LocalDate.ofInstant(reportedAt(), ZoneOffset.UTC);
    }
}
