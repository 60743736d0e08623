package io.bilateral.ingest.article;

/**
 * An article was refused. {@link #field()} names the offending field (as spelled in the JSON API) and the message
 * reads {@code <field>: <problem>}, e.g. {@code body: 250013 characters exceeds the limit of 200000}.
 */
public class InvalidArticleException extends RuntimeException {

    private final String field;
    private final String problem;

    /** {@code field} is null when the problem concerns the whole document (e.g. it is not a JSON object). */
    public InvalidArticleException(String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The offending field, or null when the whole document is at fault. */
    public String field() {
        return field;
    }

    /** The problem without the field name. */
    public String problem() {
        return problem;
    }
}
