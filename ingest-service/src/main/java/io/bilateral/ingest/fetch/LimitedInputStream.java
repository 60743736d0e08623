package io.bilateral.ingest.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code limit} bytes have been read, so neither a huge body nor a gzip bomb fills memory. */
final class LimitedInputStream extends FilterInputStream {

    /** The limit was passed; {@link HttpFetcher} turns it into a {@link FetchException}. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(what + " exceeds the limit of " + limit + " bytes");
        }
    }
}
