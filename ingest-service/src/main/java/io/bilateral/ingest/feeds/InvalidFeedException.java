package io.bilateral.ingest.feeds;

/** A feed document that is refused as a whole: not XML, a DTD, not RSS or Atom, too many items. */
public class InvalidFeedException extends Exception {

    public InvalidFeedException(String message) {
        super(message);
    }

    public InvalidFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
