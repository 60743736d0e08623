package io.bilateral.enrich.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetsTest {

    private final Assets assets = new Assets();

    @Test
    void shouldServeThePageItsScriptsAndTheVendoredLibrariesWithTheirTypes() {
        assertThat(assets.find("index.html"))
                .hasValueSatisfying(a -> assertThat(a.contentType()).startsWith("text/html"));
        assertThat(assets.find("app.js"))
                .hasValueSatisfying(a -> assertThat(a.contentType()).startsWith("text/javascript"));
        assertThat(assets.find("vendor/chart.umd.min.js")).isPresent();
        assertThat(assets.find("vendor/countries.json"))
                .hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("application/json"));
        assertThat(assets.find("favicon.svg"))
                .hasValueSatisfying(a -> assertThat(a.contentType()).isEqualTo("image/svg+xml"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../kb/actors.tsv",
                "vendor/../../kb/actors.tsv",
                "/etc/passwd",
                "..%2Fkb",
                "missing.js",
                "index",
                "a/b/c.js",
                "app.class"
            })
    void shouldFindNothingOutsideTheDashboardFolderOrOfAnUnknownType(String name) {
        assertThat(assets.find(name)).isEmpty();
    }

    /** The budget: every script the page loads, vendored libraries included, under 300 KB. */
    @Test
    void shouldKeepTheDashboardsJavaScriptUnder300Kilobytes() throws IOException, URISyntaxException {
        Path folder = Path.of(Assets.class.getResource("/dashboard/index.html").toURI())
                .getParent();
        long bytes;
        try (Stream<Path> files = Files.walk(folder)) {
            bytes = files.filter(p -> p.toString().endsWith(".js"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        assertThat(bytes).isBetween(200_000L, 300_000L);
    }
}
