package io.bilateral.enrich.engine.kb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of office of the dictionary's office-holders ({@code kb/officials-since-2015.tsv}, written by hand, and
 * {@code kb/officials.tsv}, generated from Phoenix): which state a person acted for, in which role, from when to
 * when. Built once with the knowledge base; {@link #termAt} is a hash look-up and a scan of a few terms, no
 * allocation.
 */
public final class Officials {

    /** No terms at all: every person keeps the country of its dictionary entry. */
    public static final Officials NONE = new Officials(Map.of());

    /** Open start or end of a term, as an epoch day. */
    static final long OPEN_FROM = Long.MIN_VALUE;

    static final long OPEN_TO = Long.MAX_VALUE;

    /**
     * The date of the Phoenix dictionary (CountryInfo 2014-01-30): its open-ended terms are known to run until then.
     * For a person the hand-written table also has, that table says what happened after.
     */
    static final long GENERATED_AS_OF = LocalDate.of(2014, 1, 30).toEpochDay();

    /** One term: the state, the role and the days [from, to], both inclusive. */
    public record Term(String country, String role, long from, long to) {

        boolean covers(long day) {
            return from <= day && day <= to;
        }
    }

    /** Terms by actor id, the hand-written ones first, each list in the order of the tables. */
    private final Map<String, Term[]> terms;

    Officials(Map<String, Term[]> terms) {
        this.terms = terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether the dictionary knows terms of office for this actor id. */
    public boolean hasTerms(String actorId) {
        return actorId != null && terms.containsKey(actorId);
    }

    /** The terms of an actor, or null when it has none. */
    public Term[] terms(String actorId) {
        return actorId == null ? null : terms.get(actorId);
    }

    /**
     * The term of {@code actorId} in office on {@code day} (epoch day), the hand-written table's first; when the
     * date is unknown ({@code day == null}) the latest term. Null when the actor has terms but none on that day (a
     * former office-holder, or one not yet in office) or has no terms.
     */
    public Term termAt(String actorId, Long day) {
        Term[] ts = terms(actorId);
        if (ts == null) {
            return null;
        }
        if (day == null) {
            return latest(ts);
        }
        for (Term t : ts) {
            if (t.covers(day)) {
                return t;
            }
        }
        return null;
    }

    /** The term that ends last (an open one first), of those ending together the one that started last. */
    static Term latest(Term[] ts) {
        Term best = ts[0];
        for (Term t : ts) {
            if (t.to > best.to || t.to == best.to && t.from > best.from) {
                best = t;
            }
        }
        return best;
    }

    /**
     * The state of a person not in office on {@code day}: that of the last term before it, else of the first after
     * (a nationality, not a role).
     */
    public String countryAround(String actorId, long day) {
        Term[] ts = terms(actorId);
        if (ts == null) {
            return null;
        }
        Term before = null;
        Term after = null;
        for (Term t : ts) {
            if (t.to < day && (before == null || t.to > before.to)) {
                before = t;
            } else if (t.from > day && (after == null || t.from < after.from)) {
                after = t;
            }
        }
        return before != null ? before.country : after != null ? after.country : ts[0].country;
    }

    /** The epoch day (UTC) of a publication time, or null when unknown. */
    public static Long day(Instant published) {
        return published == null
                ? null
                : published.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    // ---------------------------------------------------------------- loading

    /** One row of an officials table. */
    record Row(String id, String name, List<String> aliases, Term term, boolean generated) {}

    /**
     * The rows of an officials table (columns: id, name, aliases, country, role, from, to, source, note); a bad id,
     * country code or date fails with its file, line and column, as does a hand-written term that ends before it
     * starts.
     */
    static List<Row> read(TableSource source, String name, boolean generated) {
        List<Row> rows = new ArrayList<>();
        Table.read(source, name, 9, 9).forEach(c -> {
            String id = c.text(1);
            if (!id.startsWith("person:")) {
                throw c.fail(1, "'" + id + "' is no person id (person:...)");
            }
            LocalDate fromDate = c.optionalDate(6);
            LocalDate toDate = c.optionalDate(7);
            // the generated table keeps Phoenix's dates as they are (one of its terms ends before it starts and so
            // covers no day); a hand-written term must not
            if (!generated && fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                throw c.fail(7, "term ends (" + toDate + ") before it starts (" + fromDate + ")");
            }
            long from = fromDate == null ? OPEN_FROM : fromDate.toEpochDay();
            long to = toDate == null ? OPEN_TO : toDate.toEpochDay();
            List<String> aliases =
                    c.optional(3) == null ? List.of() : Arrays.asList(c.raw(3).split("\\|"));
            Term term = new Term(c.alpha3(4).intern(), c.text(5).intern(), from, to);
            rows.add(new Row(id, c.text(2), aliases, term, generated));
        });
        return rows;
    }

    /**
     * The terms by the ids the rows end up with ({@code idOf}), hand-written rows first; a generated open-ended term
     * of a person the hand-written table also has ends at {@link #GENERATED_AS_OF}.
     */
    static Officials build(List<Row> rows, Map<String, String> idOf) {
        Map<String, List<Term>> m = new HashMap<>();
        Map<String, Boolean> byHand = new HashMap<>();
        for (Row r : rows) {
            if (!r.generated()) {
                byHand.put(idOf.getOrDefault(r.id(), r.id()), true);
            }
        }
        for (Row r : rows) {
            String id = idOf.getOrDefault(r.id(), r.id());
            Term t = r.term();
            if (r.generated() && t.to() == OPEN_TO && byHand.containsKey(id)) {
                if (t.from() > GENERATED_AS_OF) {
                    continue;
                }
                t = new Term(t.country(), t.role(), t.from(), GENERATED_AS_OF);
            }
            m.computeIfAbsent(id, k -> new ArrayList<>(2)).add(t);
        }
        Map<String, Term[]> out = new HashMap<>(m.size() * 2);
        for (Map.Entry<String, List<Term>> e : m.entrySet()) {
            List<Term> ts = e.getValue();
            // hand-written first (they were read first), then generated, each in table order: stable
            out.put(e.getKey(), ts.toArray(new Term[0]));
        }
        return new Officials(Collections.unmodifiableMap(out));
    }
}
