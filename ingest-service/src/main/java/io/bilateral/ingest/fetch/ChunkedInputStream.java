package io.bilateral.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body; chunk-size lines are bounded, trailers are read and dropped. */
final class ChunkedInputStream extends BlockInputStream {

    private final InputStream in;
    private long leftInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (leftInChunk == 0) {
            leftInChunk = nextChunkSize();
            if (leftInChunk == 0) {
                while (!HttpLines.read(in).isEmpty()) {
                    // trailer fields: nothing here needs them
                }
                done = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, leftInChunk));
        if (n < 0) {
            throw new IOException("connection closed inside a chunk");
        }
        leftInChunk -= n;
        if (leftInChunk == 0 && !HttpLines.read(in).isEmpty()) {
            throw new IOException("malformed chunked body: no CRLF after a chunk");
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpLines.read(in);
        int extension = line.indexOf(';');
        String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
        if (hex.isEmpty() || hex.length() > 15) {
            throw new IOException("malformed chunk size '" + line + "'");
        }
        try {
            return Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + line + "'", e);
        }
    }
}
