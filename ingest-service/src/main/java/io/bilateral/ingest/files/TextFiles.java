package io.bilateral.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole file as strict UTF-8, refusing files over a size limit or with bytes that are not UTF-8. */
public final class TextFiles {

    // Arrays cannot be larger than this on common JVMs.
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private TextFiles() {}

    /**
     * The text of {@code file}, without a leading byte-order mark. Reads at most {@code maxBytes + 1} bytes, so a file
     * that grows while being read cannot exhaust memory either.
     */
    public static String readUtf8(Path file, long maxBytes) throws UnreadableFileException {
        long limit = Math.min(maxBytes, MAX_ARRAY - 1);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw tooLarge(file, size + " bytes", limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) limit + 1);
            }
        } catch (IOException e) {
            throw new UnreadableFileException(file.toString(), "cannot read: " + describe(e), e);
        }
        if (bytes.length > limit) {
            // The file grew after its size was checked.
            throw tooLarge(file, "more than " + limit + " bytes", limit);
        }
        return decode(file.toString(), bytes);
    }

    /** {@code bytes} as UTF-8; {@link UnreadableFileException} naming {@code name} and the byte offset otherwise. */
    public static String decode(String name, byte[] bytes) throws UnreadableFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more chars than bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String culprit = offset < bytes.length ? "byte 0x" + String.format("%02X", bytes[offset] & 0xFF) : "end";
            throw new UnreadableFileException(
                    name,
                    "not valid UTF-8 (invalid " + culprit + " at offset " + offset + "); convert it to UTF-8 first",
                    null);
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String describe(IOException e) {
        // NIO's messages are often just the path, which the report already shows.
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.toString();
    }

    private static UnreadableFileException tooLarge(Path file, String size, long limit) {
        return new UnreadableFileException(
                file.toString(), size + " exceeds the limit of " + limit + " bytes per file", null);
    }
}
