package io.bilateral.ingest.fetch;

/** A fetch was refused or failed; the message names the URL and the reason (address policy, limit, timeout, status). */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
