package io.bilateral.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadUtf8AndDropAByteOrderMark() throws IOException, UnreadableFileException {
        Path file = Files.write(dir.resolve("a.txt"), "\uFEFFTehran–Tashkent “ties”".getBytes(StandardCharsets.UTF_8));
        assertEquals("Tehran–Tashkent “ties”", TextFiles.readUtf8(file, 100));
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(
                Arguments.of(
                        "latin-1 e acute", new byte[] {'c', 'a', 'f', (byte) 0xE9}, "invalid byte 0xE9 at offset 3"),
                Arguments.of(
                        "lone continuation byte", new byte[] {'a', (byte) 0x80, 'b'}, "invalid byte 0x80 at offset 1"),
                Arguments.of(
                        "truncated sequence at end",
                        new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x80},
                        "invalid byte 0xE2 at offset 2"),
                Arguments.of(
                        "utf-16 with bom",
                        new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0},
                        "invalid byte 0xFF at offset 0"),
                Arguments.of(
                        "overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF}, "invalid byte 0xC0 at offset 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void shouldRefuseFilesThatAreNotUtf8WithTheirName(String name, byte[] bytes, String where) throws IOException {
        Path file = Files.write(dir.resolve("bad.txt"), bytes);
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TextFiles.readUtf8(file, 100));
        assertEquals(file + ": not valid UTF-8 (" + where + "); convert it to UTF-8 first", e.getMessage());
    }

    @Test
    void shouldRefuseFilesOverTheLimit() throws IOException, UnreadableFileException {
        Path file = Files.write(dir.resolve("big.jsonl"), new byte[101]);
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TextFiles.readUtf8(file, 100));
        assertEquals(file + ": 101 bytes exceeds the limit of 100 bytes per file", e.getMessage());
        assertEquals("101 bytes exceeds the limit of 100 bytes per file", e.reason());
        assertEquals(
                100,
                TextFiles.readUtf8(Files.write(dir.resolve("fits.txt"), new byte[100]), 100)
                        .length());
    }

    @Test
    void shouldSayWhenAFileCannotBeRead() {
        Path missing = dir.resolve("gone.txt");
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> TextFiles.readUtf8(missing, 100));
        assertEquals(missing + ": cannot read: no such file", e.getMessage());
    }
}
