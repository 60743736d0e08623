package io.bilateral.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;

/**
 * The socket's input, where every read waits at most the read timeout and never past the fetch's deadline: a server
 * that trickles one byte at a time still ends within the deadline. Time comes from an injected nano clock.
 */
final class DeadlineInputStream extends BlockInputStream {

    /** The deadline passed; {@link HttpFetcher} turns it into a {@link FetchException}. */
    static final class DeadlineExceededException extends IOException {
        DeadlineExceededException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final long readTimeoutMillis;
    private final long deadlineNanos;
    private final LongSupplier nanoTime;

    DeadlineInputStream(Socket socket, long readTimeoutMillis, long deadlineNanos, LongSupplier nanoTime)
            throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadlineNanos = deadlineNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long leftMillis = (deadlineNanos - nanoTime.getAsLong()) / 1_000_000;
        if (leftMillis <= 0) {
            throw new DeadlineExceededException("deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, leftMillis)));
        try {
            return in.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            if (leftMillis < readTimeoutMillis) {
                throw new DeadlineExceededException("deadline passed");
            }
            throw e;
        }
    }
}
