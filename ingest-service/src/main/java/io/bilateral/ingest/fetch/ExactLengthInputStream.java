package io.bilateral.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;

/** Exactly {@code length} bytes of the underlying stream; ending early is an error, not a short body. */
final class ExactLengthInputStream extends BlockInputStream {

    private final InputStream in;
    private long left;

    ExactLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n < 0) {
            throw new IOException("connection closed with " + left + " bytes of the body missing");
        }
        left -= n;
        return n;
    }
}
