package io.bilateral.enrich.topology;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.schemas.ArticleEvent;
import io.bilateral.schemas.EnrichedArticle;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One article's report of a happening between the two countries of a pair: the unit that event clustering merges.
 *
 * <p>An article usually reports one happening per pair, told in several sentences: a signing, the minister's remark
 * about it, the other side's rejection. All its events of the pair are folded into one report whose main event is the
 * most specific one (a statement "X said …" is the least specific; on a tie, the lead's), and the codes of the others
 * are kept as facets. Two exceptions, both read from the text rather than the codes:
 *
 * <ul>
 *   <li><b>Background</b>: a sentence outside the lead that recalls an earlier happening ("earlier this week", "days
 *       after", "on Monday" in a report of Thursday's talks) is not the report's news: it is dropped, so the report is
 *       never attached to the old event by it.
 *   <li><b>A later day</b> named outside the lead starts a second happening of the pair, reported on its own.
 * </ul>
 *
 * <p>The Iran-US criticism in a story about an Iran-Tajikistan meeting is another pair, so it is its own report.
 *
 * @param day          the day of the happening: the weekday the lead names ("on Tuesday", resolved to the latest such
 *                     day not after the source's publication time), else the day of publication (or of ingestion)
 * @param facets       the codes of the pair's other events folded into this report, sorted, without the main code
 * @param participants the states acting in the main event's sentence, sorted (three for a trilateral summit)
 * @param terms        the key terms of the headline, of the sentences folded into the report, of their actors and of
 *                     the people, organisations and places the article names; not the names of countries
 */
public record EventReport(
        String articleId,
        String url,
        String outlet,
        Instant published,
        Instant ingestedAt,
        double tone,
        ArticleEvent event,
        LocalDate day,
        List<String> facets,
        List<String> participants,
        Set<String> terms) {

    private static final Set<String> COUNTRY_NAMES = ArticleEnricher.avroTypes(EntityType.COUNTRY, EntityType.NORP);

    private static final List<String> BACKGROUND_MARKERS = List.of(
            "earlier this week",
            "earlier this month",
            "earlier this year",
            "earlier in the week",
            "last week",
            "last month",
            "last year",
            "days after",
            "weeks after",
            "months after",
            "a day after",
            "days before",
            "came after",
            "previously",
            " ago",
            "had signed",
            "had agreed",
            "had met",
            "had imposed",
            "had earlier",
            "recalled that");

    /** The reports of {@code article} for {@code pairId}, the lead's happening first. */
    public static List<EventReport> forPair(EnrichedArticle article, String pairId) {
        List<ArticleEvent> all = article.getEvents();
        String title = article.getTitle() == null ? "" : article.getTitle().strip();
        Set<String> lead = new HashSet<>();
        lead.add(title);
        for (ArticleEvent e : all) {
            if (!e.getSentence().strip().equals(title)) {
                lead.add(e.getSentence().strip()); // the first sentence of the body that tells any event
                break;
            }
        }
        LocalDate published = LocalDate.ofInstant(reportedAt(article), ZoneOffset.UTC);
        // a weekday is read against the source's publication time only: an ingest time may be days later
        boolean dated = article.getPublished() != null;
        LocalDate leadDay = null;
        for (ArticleEvent e : all) {
            if (dated && lead.contains(e.getSentence().strip()) && leadDay == null) {
                leadDay = namedDay(e.getSentence(), published);
            }
        }
        if (leadDay == null) {
            leadDay = published;
        }
        LocalDate reference = dated ? published : null;
        Map<LocalDate, List<ArticleEvent>> byDay = byDay(all, pairId, Set.of(title), leadDay, reference);
        if (byDay.isEmpty()) {
            // only the first sentence telling an event speaks of the pair: it is the lead, whatever its wording
            byDay = byDay(all, pairId, lead, leadDay, reference);
        }
        Set<String> told = new HashSet<>();
        byDay.values().forEach(g -> g.forEach(e -> told.add(e.getSentence())));
        Set<String> recalled = new HashSet<>();
        for (ArticleEvent e : all) {
            if (e.getPairId().equals(pairId) && !told.contains(e.getSentence())) {
                recalled.add(e.getSentence().toLowerCase(Locale.ROOT));
            }
        }
        List<EventReport> reports = new ArrayList<>(byDay.size());
        List<ArticleEvent> leadGroup = byDay.remove(leadDay);
        if (leadGroup != null) {
            reports.add(fold(article, title, leadGroup, leadDay, recalled));
        }
        byDay.forEach((day, group) -> reports.add(fold(article, title, group, day, recalled)));
        return reports;
    }

    /**
     * The pair's events grouped by the day they tell, background dropped; {@code lead} sentences never are. Weekdays
     * are not read when {@code published} is null.
     */
    private static Map<LocalDate, List<ArticleEvent>> byDay(
            List<ArticleEvent> all, String pairId, Set<String> lead, LocalDate leadDay, LocalDate published) {
        Map<LocalDate, List<ArticleEvent>> byDay = new TreeMap<>();
        for (ArticleEvent e : all) {
            if (!e.getPairId().equals(pairId)) {
                continue;
            }
            String sentence = e.getSentence().strip();
            LocalDate day = lead.contains(sentence) || published == null ? leadDay : namedDay(sentence, published);
            if (!lead.contains(sentence) && (isBackground(sentence) || (day != null && day.isBefore(leadDay)))) {
                continue;
            }
            byDay.computeIfAbsent(day == null ? leadDay : day, d -> new ArrayList<>())
                    .add(e);
        }
        return byDay;
    }

    /** @param recalled the pair's background sentences, lower-cased: the names only they hold are not the news */
    private static EventReport fold(
            EnrichedArticle article, String title, List<ArticleEvent> group, LocalDate day, Set<String> recalled) {
        ArticleEvent main = group.get(0);
        for (ArticleEvent e : group) {
            if (specificity(e.getEventCode()) > specificity(main.getEventCode())) {
                main = e;
            }
        }
        Set<String> facets = new TreeSet<>();
        Set<String> sentences = new HashSet<>();
        Set<String> terms = new HashSet<>();
        KeyTerms.addTo(terms, title);
        article.getEntities().stream() // who and where, named anywhere in the article but in a recalled happening
                .filter(m -> !COUNTRY_NAMES.contains(m.getType()) && !onlyIn(m.getText(), recalled, group, title))
                .forEach(m -> KeyTerms.addTo(terms, m.getText()));
        for (ArticleEvent e : group) {
            facets.add(e.getEventCode());
            if (sentences.add(e.getSentence())) {
                KeyTerms.addTo(terms, e.getSentence());
            }
            e.getActors().forEach(a -> KeyTerms.addTo(terms, a.getName()));
            e.getThemes().forEach(t -> terms.add("#" + t));
        }
        facets.remove(main.getEventCode());
        // every report of a pair names its countries ("Iran", "Uzbek"): they tell nothing about which happening it is
        article.getEntities().stream()
                .filter(m -> COUNTRY_NAMES.contains(m.getType()))
                .forEach(m -> terms.removeAll(KeyTerms.of(m.getText())));
        Set<String> participants = new TreeSet<>();
        for (ArticleEvent e : article.getEvents()) {
            if (e.getSentence().equals(main.getSentence())) {
                participants.add(e.getActor1Country());
                participants.add(e.getActor2Country());
            }
        }
        return new EventReport(
                article.getId(),
                article.getUrl(),
                article.getSource(),
                article.getPublished(),
                article.getIngestedAt(),
                article.getTone(),
                main,
                day,
                List.copyOf(facets),
                List.copyOf(participants),
                Set.copyOf(terms));
    }

    private static boolean onlyIn(String name, Set<String> recalled, List<ArticleEvent> group, String title) {
        String n = name.toLowerCase(Locale.ROOT);
        if (recalled.stream().noneMatch(s -> s.contains(n))
                || title.toLowerCase(Locale.ROOT).contains(n)) {
            return false;
        }
        return group.stream()
                .noneMatch(e -> e.getSentence().toLowerCase(Locale.ROOT).contains(n));
    }

    /**
     * How much a code says about the happening: a public statement (root 01) least, a code with its own third digit
     * (057 sign, 112 accuse) more than its root's general code (050, 110).
     */
    static int specificity(String code) {
        int s = code.startsWith("01") ? 0 : 2;
        return code.length() >= 3 && code.charAt(2) != '0' ? s + 1 : s;
    }

    /** A sentence that recalls rather than reports: "earlier this week", "days after", "had signed" … */
    static boolean isBackground(String sentence) {
        String s = sentence.toLowerCase(Locale.ROOT);
        for (String marker : BACKGROUND_MARKERS) {
            if (s.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The day a sentence names by its weekday ("on Tuesday"): the latest such day not after {@code published}; null
     * when it names none.
     */
    static LocalDate namedDay(String sentence, LocalDate published) {
        String s = sentence.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            int at = s.indexOf(name);
            if (at >= 0 && (at == 0 || !Character.isLetter(s.charAt(at - 1)))) {
                int back = (published.getDayOfWeek().getValue() - d.getValue() + 7) % 7;
                return published.minusDays(back);
            }
        }
        return null;
    }

    /** Quad classes 3 and 4 (verbal and material conflict). */
    public static boolean isConflict(int quadClass) {
        return quadClass >= 3;
    }

    private static Instant reportedAt(EnrichedArticle article) {
        return article.getPublished() != null ? article.getPublished() : article.getIngestedAt();
    }

    /** When the happening was reported: the publication time when the source gave one, else the ingest time. */
    public Instant reportedAt() {
        return published != null ? published : ingestedAt;
    }
}
