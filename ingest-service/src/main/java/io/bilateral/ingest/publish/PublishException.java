package io.bilateral.ingest.publish;

/**
 * The broker did not acknowledge an article: it refused it, was unreachable, or did not answer in time. The article
 * may or may not have been written (a timed-out send can still land), which is why ids are stable: sending it again
 * cannot create a second article downstream, only a second copy of the same key.
 */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
