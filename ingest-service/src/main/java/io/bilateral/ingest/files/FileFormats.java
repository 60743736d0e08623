package io.bilateral.ingest.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the format of a file by its extension, case-insensitively. */
public final class FileFormats {

    /** The extensions read, for messages. */
    public static final String SUPPORTED = ".txt, .jsonl (or .ndjson), .html (or .htm)";

    private static final Map<String, ArticleFileFormat> BY_EXTENSION;

    static {
        ArticleFileFormat txt = new TxtFormat();
        ArticleFileFormat jsonl = new JsonlFormat();
        ArticleFileFormat html = new HtmlFormat();
        BY_EXTENSION = Map.of("txt", txt, "jsonl", jsonl, "ndjson", jsonl, "html", html, "htm", html);
    }

    private FileFormats() {}

    /** The format of {@code file}, empty when its extension is not one of {@link #SUPPORTED}. */
    public static Optional<ArticleFileFormat> forFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(text.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
