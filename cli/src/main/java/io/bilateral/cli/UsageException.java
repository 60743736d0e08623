package io.bilateral.cli;

/** The command line is wrong; the message says how, and the CLI exits with status 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
