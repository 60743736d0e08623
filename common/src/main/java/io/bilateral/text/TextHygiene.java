package io.bilateral.text;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Removes the characters no article text needs and some consumers choke on, and counts what it removed per field.
 * Removed: C0 controls other than tab, line feed and carriage return (NUL breaks PostgreSQL text, ESC starts terminal
 * escape sequences), DEL, C1 controls (U+0080–U+009F, CSI among them), unpaired surrogates (not encodable as UTF-8), the
 * byte-order mark U+FEFF, and the bidirectional embedding, override and isolate controls U+202A–U+202E and
 * U+2066–U+2069 (which make text display in another order than it is stored). Kept on purpose: the zero-width
 * non-joiner and joiner U+200C/U+200D, which Persian and other scripts need for correct spelling, and the
 * left-to-right/right-to-left marks U+200E/U+200F, which only hint direction. Thread-safe.
 */
public final class TextHygiene {

    private final ConcurrentMap<String, LongAdder> removed = new ConcurrentHashMap<>();

    /** {@code text} without the removed characters (the same instance when it has none); counts them under {@code field}. */
    public String clean(String field, String text) {
        if (text == null) {
            return null;
        }
        String cleaned = strip(text);
        if (cleaned != text) {
            removed.computeIfAbsent(field, f -> new LongAdder()).add(text.length() - cleaned.length());
        }
        return cleaned;
    }

    /** UTF-16 chars removed so far, by field (a removed surrogate counts one). */
    public Map<String, Long> removed() {
        Map<String, Long> counts = new TreeMap<>();
        removed.forEach((field, count) -> counts.put(field, count.sum()));
        return counts;
    }

    /** {@code text} without the removed characters; the same instance when there are none. */
    public static String strip(String text) {
        int first = firstUnwanted(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!isUnwanted(text, i)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code text} holds nothing {@link #strip} would remove. */
    public static boolean isClean(String text) {
        return firstUnwanted(text) < 0;
    }

    private static int firstUnwanted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (isUnwanted(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the char at {@code i} goes; a surrogate reaching here is unpaired (pairs are skipped by the callers). */
    private static boolean isUnwanted(String text, int i) {
        char c = text.charAt(i);
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || Character.isSurrogate(c)
                || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
