package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading request bodies within a byte limit, and checking their declared media type. */
final class RequestBodies {

    private static final Logger log = LoggerFactory.getLogger(RequestBodies.class);

    private RequestBodies() {}

    /** The body, or null when it is larger than {@code maxBytes}; never reads more than {@code maxBytes + 1} bytes. */
    static byte[] read(HttpExchange exchange, int maxBytes) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBytes) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // The server itself refuses a malformed Content-Length before calling us; nothing to decide here.
                log.debug("Ignoring unparsable Content-Length {}", declared);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        }
    }

    /** The lower-cased media type of {@code header}, without parameters; null when the header is missing. */
    static String mediaType(String header) {
        return header == null || header.isBlank()
                ? null
                : header.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Null when {@code header} names one of {@code accepted} in UTF-8 (the default for JSON), else why it is refused.
     * {@code hint} says what to send, e.g. {@code application/json}.
     */
    static String unsupported(String header, Set<String> accepted, String hint) {
        String mediaType = mediaType(header);
        if (mediaType == null) {
            return "Content-Type is missing; send " + hint;
        }
        if (!accepted.contains(mediaType)) {
            return "Content-Type " + mediaType + " is not supported; send " + hint;
        }
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return "charset " + charset + " is not supported; send UTF-8";
                }
            }
        }
        return null;
    }
}
