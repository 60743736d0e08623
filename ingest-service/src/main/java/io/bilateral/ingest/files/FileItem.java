package io.bilateral.ingest.files;

import io.bilateral.ingest.article.ArticleDraft;

/**
 * What a file format makes of one unit of a file (a whole {@code .txt}/{@code .html} file, one {@code .jsonl} line):
 * a draft to validate, or the reason it could not even be read. {@code location} says where, e.g.
 * {@code samples/a.jsonl:12}.
 */
public sealed interface FileItem {

    String location();

    /** A unit that parsed into a draft; it still has to pass validation. */
    record Draft(String location, ArticleDraft draft) implements FileItem {}

    /** A unit that could not be parsed, with the reason. */
    record Unreadable(String location, String reason) implements FileItem {}
}
