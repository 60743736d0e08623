package io.bilateral.enrich.http;

import io.bilateral.schemas.RelationshipEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the dashboard and the exports ask for: events in a time window ({@code from}, {@code to}, both days
 * inclusive), of one CAMEO root ({@code root=05}) or one quad class ({@code quad=1}), and pairs with at least
 * {@code minEvents} such events. Every parameter is optional; none means everything.
 */
public record EventFilter(LocalDate from, LocalDate to, String root, Integer quad, int minEvents) {

    /** Everything, as without parameters. */
    public static final EventFilter ALL = new EventFilter(null, null, null, null, 1);

    private static final Pattern ROOT = Pattern.compile("[0-9]{2}");
    private static final Set<String> NAMES = Set.of("from", "to", "root", "quad", "minEvents");
    /** Parameters that are not filters and are left for the router: {@code scope=local}. */
    private static final Set<String> OTHERS = Set.of("scope");

    public EventFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to: " + to);
        }
        if (root != null && !ROOT.matcher(root).matches()) {
            throw new IllegalArgumentException(
                    "root: expected a two-digit CAMEO root code, e.g. 05, not '" + root + "'");
        }
        if (quad != null && (quad < 1 || quad > 4)) {
            throw new IllegalArgumentException("quad: expected a quad class from 1 to 4, not " + quad);
        }
        if (minEvents < 1) {
            throw new IllegalArgumentException("minEvents: expected at least 1, not " + minEvents);
        }
    }

    /**
     * Reads a request's query string, e.g. {@code from=2021-12-01&quad=1&minEvents=2}.
     *
     * @throws IllegalArgumentException naming the parameter that is unknown or malformed
     */
    public static EventFilter parse(String query) {
        Map<String, String> params = params(query);
        for (String name : params.keySet()) {
            if (!OTHERS.contains(name) && !NAMES.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown parameter '" + name + "'; expected from, to, root, quad or minEvents");
            }
        }
        return new EventFilter(
                date(params, "from"),
                date(params, "to"),
                params.get("root"),
                integer(params, "quad"),
                params.containsKey("minEvents") ? integer(params, "minEvents") : 1);
    }

    /** A query string's parameters, decoded; a later value of the same name wins. */
    static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isEmpty()) {
                params.put(name, value);
            }
        }
        return params;
    }

    public boolean test(RelationshipEvent event) {
        LocalDate date = event.getDate();
        return (from == null || !date.isBefore(from))
                && (to == null || !date.isAfter(to))
                && (root == null || root.equals(event.getRootCode()))
                && (quad == null || quad == event.getQuadClass());
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a day as YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static Integer integer(Map<String, String> params, String name) {
        String value = params.get(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, not '" + value + "'");
        }
    }
}
