package io.bilateral.bench;

/** The bench command line is wrong; the message names the option and the value. */
public final class BenchUsageException extends IllegalArgumentException {
    public BenchUsageException(String message) {
        super(message);
    }
}
