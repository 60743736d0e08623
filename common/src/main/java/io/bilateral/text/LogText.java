package io.bilateral.text;

/**
 * Makes an untrusted value safe to put in a log line or on a terminal. A newline in a feed item's id must not start a
 * forged log line, an ESC must not recolour the terminal, a megabyte id must not become a megabyte log line: every
 * control character (C0 including tab and newlines, DEL, C1), the bidi controls, the BOM and unpaired surrogates are
 * written as {@code \\uXXXX} ({@code \\n}, {@code \\r}, {@code \\t} for the common ones), and {@link #safe} cuts the
 * result. Backslashes are left alone, so a JSON line (whose own escapes are backslashes) stays the same JSON.
 */
public final class LogText {

    /** Longest value {@link #safe} writes, before the note of what was cut. */
    public static final int MAX_CHARS = 200;

    private LogText() {}

    /** {@code value} escaped and cut to {@link #MAX_CHARS}, for a log argument; {@code null} stays "null". */
    public static String safe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text.length() <= MAX_CHARS) {
            return escape(text);
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // do not split a pair: half of it would be escaped as unpaired
        }
        return escape(text.substring(0, end)) + "…(" + (text.length() - end) + " more chars)";
    }

    /** {@code text} with every control character escaped, nothing cut; a JSON line stays valid JSON. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            String replacement = pair ? null : replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else if (pair) {
                    out.append(c).append(text.charAt(i + 1));
                } else {
                    out.append(c);
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                c < 0x20
                                || (c >= 0x7F && c <= 0x9F)
                                || Character.isSurrogate(c)
                                || c == '\uFEFF'
                                || (c >= '\u202A' && c <= '\u202E')
                                || (c >= '\u2066' && c <= '\u2069')
                                || c == '\u2028'
                                || c == '\u2029'
                        ? String.format("\\u%04X", (int) c)
                        : null;
        };
    }
}
