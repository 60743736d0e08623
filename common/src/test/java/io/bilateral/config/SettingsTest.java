package io.bilateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static final String KEY = "registry.url";

    @TempDir
    Path dir;

    /** Each row says which sources set registry.url; the highest one must win. */
    @ParameterizedTest(name = "default={0} file={1} env={2} sysprop={3} -> {4}")
    @CsvSource({
        "true,  false, false, false, default",
        "true,  true,  false, false, file",
        "false, true,  false, false, file",
        "true,  false, true,  false, env",
        "true,  true,  true,  false, env",
        "false, true,  true,  false, env",
        "true,  false, false, true,  sysprop",
        "true,  true,  false, true,  sysprop",
        "true,  true,  true,  true,  sysprop",
        "false, false, true,  true,  sysprop",
    })
    void shouldApplySourcesInPrecedenceOrder(
            boolean inDefaults, boolean inFile, boolean inEnv, boolean inSysprops, String expected) throws IOException {
        Map<String, String> defaults = inDefaults ? Map.of(KEY, "default") : Map.of();
        Path file = dir.resolve("bilateral.properties");
        Files.writeString(file, inFile ? KEY + "=file\n" : "other=1\n");
        Map<String, String> env = inEnv ? Map.of("BILATERAL_REGISTRY_URL", "env") : Map.of();
        Properties sysprops = new Properties();
        if (inSysprops) {
            sysprops.setProperty("bilateral.registry.url", "sysprop");
        }

        Settings settings = Settings.load(defaults, file, env, sysprops);

        assertEquals(expected, settings.string(KEY));
    }

    @Test
    void shouldMapEnvironmentVariablesToKeysAndIgnoreForeignOnes() {
        Map<String, String> env = Map.of(
                "BILATERAL_KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "PATH", "/usr/bin", "BILATERAL_", "empty name");
        Properties sysprops = new Properties();
        sysprops.setProperty("user.name", "someone");
        sysprops.setProperty("bilateral.ingest.port", "8080");

        Settings settings = Settings.load(Map.of(), null, env, sysprops);

        assertEquals(Map.of("kafka.bootstrap.servers", "broker:9092", "ingest.port", "8080"), settings.asMap());
    }

    @Test
    void shouldNameTheEnvironmentVariableOfAKey() {
        assertEquals("BILATERAL_KAFKA_BOOTSTRAP_SERVERS", Settings.environmentVariableFor("kafka.bootstrap.servers"));
    }

    @Test
    void shouldPassEveryKafkaSettingThroughWithoutItsPrefix() {
        Settings settings = Settings.load(
                Map.of("kafka.acks", "all", "kafka.linger.ms", "5"),
                null,
                Map.of("BILATERAL_KAFKA_BOOTSTRAP_SERVERS", "broker:9092"),
                new Properties());

        Map<String, Object> kafka = settings.kafkaProperties();

        assertEquals(Map.of("acks", "all", "linger.ms", "5", "bootstrap.servers", "broker:9092"), kafka);
    }

    @Test
    void shouldLeaveOtherSettingsOutOfTheKafkaProperties() {
        Settings settings = Settings.of(Map.of("kafkaesque", "no", "registry.url", "http://r", "kafka.", "no"));

        assertEquals(Map.of(), settings.kafkaProperties());
    }

    @Test
    void shouldReadTypedValues() {
        Settings settings = Settings.of(Map.of(
                "a.int", " 42 ", "a.long", "10000000000", "a.bool", "TRUE", "a.duration", "250ms", "a.iso", "PT2M"));

        assertEquals(42, settings.integer("a.int"));
        assertEquals(10_000_000_000L, settings.longValue("a.long"));
        assertTrue(settings.bool("a.bool"));
        assertEquals(Duration.ofMillis(250), settings.duration("a.duration"));
        assertEquals(Duration.ofMinutes(2), settings.duration("a.iso"));
    }

    @Test
    void shouldUseTheFallbackOnlyWhenTheKeyIsAbsent() {
        Settings settings = Settings.of(Map.of("set", "7", "flag", "false"));

        assertEquals(7, settings.integer("set", 1));
        assertEquals(1, settings.integer("unset", 1));
        assertEquals(3L, settings.longValue("unset", 3L));
        assertFalse(settings.bool("flag", true));
        assertEquals(Duration.ofSeconds(9), settings.duration("unset", Duration.ofSeconds(9)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "integer    | twelve | setting 'k' = 'twelve' is not an integer",
                "integer    | 3.5    | setting 'k' = '3.5' is not an integer",
                "longValue  | 1e9    | setting 'k' = '1e9' is not a whole number",
                "bool       | yes    | setting 'k' = 'yes' is not a boolean (true or false)",
                "duration   | 30     | setting 'k' = '30' is not a duration (use a number with a unit: 500ms, 30s, 5m, 2h, 7d, or ISO-8601 like PT30S)",
            })
    void shouldNameKeyAndValueWhenAValueIsMalformed(String getter, String value, String message) {
        Settings settings = Settings.of(Map.of("k", value));

        ConfigException e = assertThrows(ConfigException.class, () -> {
            switch (getter) {
                case "integer" -> settings.integer("k");
                case "longValue" -> settings.longValue("k");
                case "bool" -> settings.bool("k");
                default -> settings.duration("k");
            }
        });

        assertEquals(message, e.getMessage());
        assertEquals("k", e.key());
    }

    @Test
    void shouldSayHowToSetAMissingKey() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> Settings.of(Map.of()).string("registry.url"));

        assertEquals(
                "setting 'registry.url' is not set (set it in the config file, as BILATERAL_REGISTRY_URL or as"
                        + " -Dbilateral.registry.url)",
                e.getMessage());
    }

    @Test
    void shouldTreatBlankOptionalValuesAsAbsent() {
        Settings settings = Settings.of(Map.of("blank", " ", "set", "x"));

        assertEquals(Optional.empty(), settings.optional("blank"));
        assertEquals(Optional.empty(), settings.optional("unset"));
        assertEquals(Optional.of("x"), settings.optional("set"));
    }

    @Test
    void shouldReadSecretsFromTheEnvironmentOnly() throws IOException {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "registry.basic.auth.user.info=from:file\ntoken=from-file\n");
        Properties sysprops = new Properties();
        sysprops.setProperty("bilateral.token", "from-sysprop");

        Settings settings =
                Settings.load(Map.of(), file, Map.of("BILATERAL_REGISTRY_BASIC_AUTH_USER_INFO", "from:env"), sysprops);

        assertEquals(Optional.of("from:env"), settings.secret("registry.basic.auth.user.info"));
        assertEquals(Optional.empty(), settings.secret("token"));
    }

    @Test
    void shouldFindTheConfigFileThroughTheEnvironment() throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "ingest.port=9999\n");
        Map<String, String> env = new HashMap<>();
        env.put("BILATERAL_CONFIG_FILE", file.toString());

        Settings settings = Settings.fromProcess(Map.of("ingest.port", "8080"), env, new Properties());

        assertEquals(9999, settings.integer("ingest.port"));
    }

    @Test
    void shouldNameAnUnreadableConfigFile() {
        Path missing = dir.resolve("missing.properties");

        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> Settings.load(Map.of(), missing, Map.of(), new Properties()));

        assertThat(e.getMessage()).startsWith("cannot read settings file " + missing.toAbsolutePath());
    }

    @Test
    void shouldNotPrintValues() {
        Settings settings = Settings.of(Map.of("kafka.sasl.jaas.config", "password=hunter2"));

        assertEquals("Settings[kafka.sasl.jaas.config]", settings.toString());
    }
}
