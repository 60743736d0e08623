package io.bilateral.enrich.engine.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one reader of every rule and dictionary table: tab-separated columns, {@code #} comments, blank lines skipped.
 * A row with the wrong number of columns or a value its column does not allow fails at load with {@code file:line:
 * column N: what is wrong}, so an edit by hand can never reach an article half-read.
 */
public final class Table {

    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    private final String file;
    private final List<Row> rows;

    private Table(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads table {@code name} from {@code source}; every row must have {@code min..max} columns. */
    public static Table read(TableSource source, String name, int minColumns, int maxColumns) {
        String file = source.describe(name);
        List<Row> rows = new ArrayList<>();
        for (TableSource.Line line : source.lines(name)) {
            String[] c = line.text().split("\t", -1);
            Row row = new Row(file, line.number(), c);
            if (c.length < minColumns || c.length > maxColumns) {
                String want = minColumns == maxColumns ? "" + minColumns : minColumns + " to " + maxColumns;
                throw row.fail(
                        Math.min(c.length, maxColumns) + 1,
                        "expected " + want + " tab-separated columns, found " + c.length
                                + (c.length == 1 && line.text().contains("  ") ? " (spaces instead of a tab?)" : ""));
            }
            rows.add(row);
        }
        return new Table(file, rows);
    }

    /** Reads a one-column table (a word list). */
    public static List<String> words(TableSource source, String name) {
        List<String> out = new ArrayList<>();
        read(source, name, 1, 1).forEach(r -> out.add(r.text(1)));
        return out;
    }

    public String file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    public void forEach(Consumer<Row> action) {
        rows.forEach(action);
    }

    /** One row. Columns are numbered from 1, as a spreadsheet shows them and as messages name them. */
    public static final class Row {
        private final String file;
        private final int line;
        private final String[] cols;

        Row(String file, int line, String[] cols) {
            this.file = file;
            this.line = line;
            this.cols = cols;
        }

        public int columns() {
            return cols.length;
        }

        public int line() {
            return line;
        }

        /** The raw value of column {@code n} ("" when the row is shorter). */
        public String raw(int n) {
            return n <= cols.length ? cols[n - 1] : "";
        }

        /** A value that must not be empty. */
        public String text(int n) {
            String v = raw(n);
            if (v.isEmpty()) {
                throw fail(n, "empty value");
            }
            return v;
        }

        /** The value, or null for "-" or an empty or missing column. */
        public String optional(int n) {
            String v = raw(n);
            return v.isEmpty() || v.equals("-") ? null : v;
        }

        /** An ISO 3166-1 alpha-3 country code ("IRN"). */
        public String alpha3(int n) {
            String v = text(n);
            if (!ALPHA3.matcher(v).matches()) {
                throw fail(n, "'" + v + "' is no alpha-3 country code (three capital letters, e.g. IRN)");
            }
            return v;
        }

        /** An alpha-3 country code, or null for "-" or empty. */
        public String optionalAlpha3(int n) {
            return optional(n) == null ? null : alpha3(n);
        }

        /** An ISO date ("2017-01-20"), or null for "-" (open). */
        public LocalDate optionalDate(int n) {
            String v = optional(n);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw fail(n, "'" + v + "' is no ISO date (YYYY-MM-DD) or '-'");
            }
        }

        /** One of the constants of {@code type}, written exactly. */
        public <E extends Enum<E>> E kind(int n, Class<E> type) {
            String v = text(n);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            throw fail(n, "unknown value '" + v + "', expected one of " + Arrays.toString(type.getEnumConstants()));
        }

        /** One of {@code allowed}, written exactly. */
        public String oneOf(int n, Set<String> allowed) {
            String v = text(n);
            if (!allowed.contains(v)) {
                throw fail(n, "unknown value '" + v + "', expected one of " + new TreeSet<>(allowed));
            }
            return v;
        }

        /** Y or N. */
        public boolean yesNo(int n) {
            String v = text(n);
            if (!v.equals("Y") && !v.equals("N")) {
                throw fail(n, "'" + v + "' is neither Y nor N");
            }
            return v.equals("Y");
        }

        /** A whole number in {@code min..max}. */
        public int integer(int n, int min, int max) {
            String v = text(n);
            int i;
            try {
                i = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw fail(n, "'" + v + "' is no whole number");
            }
            if (i < min || i > max) {
                throw fail(n, i + " is outside " + min + ".." + max);
            }
            return i;
        }

        /** A Goldstein-scale value, -10..10. */
        public double goldstein(int n) {
            String v = text(n);
            double g;
            try {
                g = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw fail(n, "Goldstein '" + v + "' is no number");
            }
            if (!(g >= -10 && g <= 10)) {
                throw fail(n, "Goldstein " + v + " is outside -10..10");
            }
            return g;
        }

        /** A CAMEO event code that exists ({@code rules/cameo-codes.tsv}). */
        public String cameoCode(int n, Set<String> codes) {
            String v = text(n);
            if (!codes.contains(v)) {
                throw fail(n, "'" + v + "' is no CAMEO event code (rules/cameo-codes.tsv lists them)");
            }
            return v;
        }

        /** A Java regular expression. */
        public Pattern regex(int n) {
            String v = text(n);
            try {
                return Pattern.compile(v);
            } catch (PatternSyntaxException e) {
                throw fail(n, "bad regular expression: " + e.getDescription() + " near index " + e.getIndex());
            }
        }

        /** A lower-case word or phrase (how the matchers expect their patterns). */
        public String lowerCase(int n) {
            String v = text(n);
            if (!v.equals(v.toLowerCase(Locale.ROOT))) {
                throw fail(n, "'" + v + "' must be written in lower case");
            }
            return v;
        }

        /** The exception to throw for a bad value in column {@code n}. */
        public TableException fail(int n, String what) {
            return new TableException(file + ":" + line + ": column " + n + ": " + what);
        }
    }
}
