package io.bilateral.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.config.ConfigException;
import io.bilateral.config.Settings;
import io.bilateral.ingest.article.ArticleLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestSettingsTest {

    private static Settings withDefaults(Map<String, String> environment) {
        return Settings.load(IngestSettings.DEFAULTS, null, environment, new Properties());
    }

    @Test
    void shouldDefaultToTheLocalStack() {
        IngestSettings settings = IngestSettings.from(withDefaults(Map.of()));
        assertEquals(new HttpSettings("127.0.0.1", 8080, 1_048_576, 8, 1_024, Duration.ofSeconds(10)), settings.http());
        assertEquals(ArticleLimits.DEFAULTS, settings.limits());
        assertEquals(10L * 1024 * 1024, settings.maxFileBytes());
        assertEquals(Duration.ofSeconds(60), settings.fileAckTimeout());
    }

    @Test
    void shouldFillWhatOtherSettingsLeaveOut() {
        IngestSettings settings = IngestSettings.from(Settings.of(Map.of("http.port", "0")));
        assertEquals(new HttpSettings("127.0.0.1", 0, 1_048_576, 8, 1_024, Duration.ofSeconds(10)), settings.http());
        assertEquals(ArticleLimits.DEFAULTS, settings.limits());
    }

    @Test
    void shouldTakeTheEnvironmentOverTheDefaults() {
        IngestSettings settings = IngestSettings.from(withDefaults(Map.of(
                "BILATERAL_HTTP_HOST", "0.0.0.0",
                "BILATERAL_HTTP_PORT", "9999",
                "BILATERAL_HTTP_ACK_TIMEOUT", "500ms",
                "BILATERAL_INGEST_MAX_BODY_CHARS", "5000",
                "BILATERAL_INGEST_FILES_MAX_BYTES", "2048")));
        assertEquals("0.0.0.0", settings.http().host());
        assertEquals(9999, settings.http().port());
        assertEquals(Duration.ofMillis(500), settings.http().ackTimeout());
        assertEquals(new ArticleLimits(1_000, 5_000), settings.limits());
        assertEquals(2048, settings.maxFileBytes());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            http.port                | 70000 | setting 'http.port' = '70000' must be between 0 and 65535
            http.port                | eighty | setting 'http.port' = 'eighty' is not an integer
            http.threads             | 0     | setting 'http.threads' = '0' must be between 1 and 1024
            http.queue               | -1    | setting 'http.queue' = '-1' must be between 0 and 1000000
            http.max.body.bytes      | 0     | setting 'http.max.body.bytes' = '0' must be between 1 and 2147483639
            http.ack.timeout         | 10    | setting 'http.ack.timeout' = '10' is not a duration (use a number with a unit: 500ms, 30s, 5m, 2h, 7d, or ISO-8601 like PT30S)
            http.ack.timeout         | 0s    | setting 'http.ack.timeout' = '0s' must be longer than zero
            ingest.max.title.chars   | 0     | setting 'ingest.max.title.chars' = '0' must be between 1 and 2147483647
            ingest.max.body.chars    | lots  | setting 'ingest.max.body.chars' = 'lots' is not an integer
            ingest.files.max.bytes   | 0     | setting 'ingest.files.max.bytes' = '0' must be at least 1
            ingest.files.ack.timeout | PT0S  | setting 'ingest.files.ack.timeout' = 'PT0S' must be longer than zero
            """)
    void shouldRefuseBadValuesNamingTheKey(String key, String value, String message) {
        Map<String, String> values = new HashMap<>(IngestSettings.DEFAULTS);
        values.put(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> IngestSettings.from(Settings.of(values)));
        assertEquals(message, e.getMessage());
        assertEquals(key, e.key());
    }
}
