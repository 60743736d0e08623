package io.bilateral.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;

/** Exactly {@code length} bytes of the underlying stream; ending early is an error, not a short body. */
final class ExactLengthInputStream extends InputStream {

    private final InputStream in;
    private long left;

    ExactLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
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
