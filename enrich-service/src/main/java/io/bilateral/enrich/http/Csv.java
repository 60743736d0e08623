package io.bilateral.enrich.http;

import java.util.List;

/**
 * RFC 4180 CSV, as spreadsheets open it: every text field quoted, quotes doubled, CRLF line ends. A text that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return; article sentences
 * can) gets a leading apostrophe, the usual guard against CSV injection; numbers are written as they are.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv(List<String> header) {
        row(List.copyOf(header));
    }

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object field = fields.get(i);
            if (field instanceof Number || field instanceof Boolean) {
                out.append(field);
            } else if (field != null) {
                out.append(quote(field.toString()));
            }
        }
        out.append("\r\n");
        return this;
    }

    static String quote(String text) {
        String guarded = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + guarded.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
