package io.bilateral.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;

/** An input stream whose logic lives in the block read; the single-byte read goes through it, written once here. */
abstract class BlockInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
