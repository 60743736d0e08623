package io.bilateral.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path state;

    @Test
    void shouldKeepEachFeedsCursorAcrossARestartInAFileOfItsOwn() {
        CursorStore store = CursorStore.open(state);
        store.put(
                "wire",
                SourceCursor.EMPTY.withSeen(List.of(SourceCursor.hash("a"))).withValidators("\"e1\"", null));
        store.put("other", SourceCursor.EMPTY.withSeen(List.of(SourceCursor.hash("b"))));

        CursorStore reopened = CursorStore.open(state);
        assertEquals("\"e1\"", reopened.get("wire").etag());
        assertEquals(List.of(SourceCursor.hash("a")), reopened.get("wire").seen());
        assertEquals(List.of(SourceCursor.hash("b")), reopened.get("other").seen());
        assertTrue(Files.exists(state.resolve("cursors/wire.json")));
        assertTrue(Files.exists(state.resolve("cursors/other.json")));
    }

    @Test
    void shouldSplitTheOneFileCursorOfEarlierVersionsHashingItsKeys() throws IOException {
        Files.writeString(
                state.resolve("feeds-cursor.json"),
                "{\"wire\":{\"etag\":\"\\\"e\\\"\",\"lastModified\":null,\"seen\":[\"id-1\",\"id-2\"]}}");

        CursorStore store = CursorStore.open(state);
        assertEquals(
                List.of(SourceCursor.hash("id-1"), SourceCursor.hash("id-2")),
                store.get("wire").seen());
        assertEquals("\"e\"", store.get("wire").etag());
        assertFalse(Files.exists(state.resolve("feeds-cursor.json")));
        assertTrue(Files.exists(state.resolve("feeds-cursor.json.migrated")));
    }

    @Test
    void shouldMoveAnUnreadableCursorAsideAndStartThatFeedAfresh() throws IOException {
        Files.createDirectories(state.resolve("cursors"));
        Files.writeString(state.resolve("cursors/wire.json"), "{not json");

        assertEquals(SourceCursor.EMPTY, CursorStore.open(state).get("wire"));
        assertTrue(Files.exists(state.resolve("cursors/wire.json.corrupt")));
    }

    @Test
    void shouldBoundWhatOneFeedCanMakeItKeep() {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < SourceCursor.MAX_SEEN + 500; i++) {
            hashes.add(SourceCursor.hash("item-" + i + "x".repeat(10_000)));
        }
        SourceCursor cursor = SourceCursor.EMPTY.withSeen(hashes).withValidators("e".repeat(10_000), "Mon, 1 Jan");

        assertEquals(SourceCursor.MAX_SEEN, cursor.seen().size());
        assertEquals(hashes.get(hashes.size() - 1), cursor.seen().get(SourceCursor.MAX_SEEN - 1)); // the newest kept
        assertThat(cursor.seen()).allMatch(hash -> hash.length() == 16);
        assertEquals(null, cursor.etag()); // too long to be a real ETag: not kept, the next GET is unconditional
        assertEquals("Mon, 1 Jan", cursor.lastModified());
    }

    @Test
    void shouldRefuseAFeedNameThatWouldLeaveTheDirectory() {
        CursorStore store = CursorStore.open(state);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.file("../evil"));
        assertThat(e.getMessage()).contains("cannot name a cursor file");
    }
}
