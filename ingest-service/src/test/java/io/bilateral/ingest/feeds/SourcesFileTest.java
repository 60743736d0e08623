package io.bilateral.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheExampleFile() throws Exception {
        Path example = Path.of("src/main/resources/sources.example.yaml");
        SourcesFile file = SourcesFile.read(example);
        FeedSource first = file.sources().get(0);
        assertEquals("irna-en", first.name());
        assertEquals(URI.create("https://en.irna.ir/rss"), first.url());
        assertEquals("IRN", first.country());
        assertEquals(Duration.ofMinutes(5), first.pollInterval());
        assertEquals(true, first.fullText());
        assertEquals(Optional.empty(), file.policy().refusal("x", InetAddress.getByName("10.20.0.1")));
    }

    @Test
    void shouldApplyTheDefaults() throws Exception {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                defaults: {pollInterval: 2m, fullText: true}
                sources:
                  - {name: a, url: "http://example.com/rss", country: uzb}
                """);
        assertEquals(
                List.of(new FeedSource("a", URI.create("http://example.com/rss"), "UZB", Duration.ofMinutes(2), true)),
                SourcesFile.read(yaml).sources());
    }

    /** Bad files: one line each. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            'sources: []'                                                          | no 'sources' listed
            'sources: [{name: a, url: "ftp://x/"}]'                                | sources[0].url 'ftp://x/' must be an absolute http or https URL
            'sources: [{name: a}]'                                                 | sources[0].url is missing
            'sources: [{name: "a b", url: "http://x/"}]'                           | sources[0].name 'a b' must be 1-100 letters, digits, '.', '_' or '-' (it names the cursor and the origin)
            'sources: [{name: a, url: "http://x/"}, {name: a, url: "http://y/"}]'  | sources[1].name 'a' is used twice
            'sources: [{name: a, url: "http://x/", country: XX}]'                  | sources[0].country 'XX' is not an ISO 3166-1 alpha-3 country code (e.g. IRN)
            'sources: [{name: a, url: "http://x/", pollInterval: 1s}]'             | sources[0].pollInterval '1s' is shorter than the minimum of 10s
            'allow: [not a host]\nsources: [{name: a, url: "http://x/"}]'          | allow allow-list entry 'not a host' is neither a hostname, an IP address nor a CIDR network
            """)
    void shouldRefuseBadFilesNamingTheField(String yaml, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourcesFile.read(file));
        assertEquals("feed sources " + file + ": " + problem, e.getMessage());
    }
}
