package io.bilateral.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable, flat {@code key=value} configuration with a fixed precedence, lowest first:
 * <ol>
 *   <li>built-in defaults of the caller (applied last, with {@code putIfAbsent}, so they only fill gaps);</li>
 *   <li>an optional properties file;</li>
 *   <li>environment variables starting with {@code BILATERAL_}: the prefix is stripped, the rest lower-cased and
 *       {@code _} turned into {@code .}, so {@code BILATERAL_KAFKA_BOOTSTRAP_SERVERS} sets
 *       {@code kafka.bootstrap.servers};</li>
 *   <li>JVM system properties starting with {@code bilateral.}, prefix stripped, so
 *       {@code -Dbilateral.registry.url=...} sets {@code registry.url}. The prefix keeps the JVM's own properties
 *       ({@code user.name}, {@code java.home} ...) out of the settings.</li>
 * </ol>
 * Every {@code kafka.*} key passes through to the Kafka clients via {@link #kafkaProperties()}. Secrets are read with
 * {@link #secret(String)}, which looks at the environment only, so they never end up in a file in the repository.
 */
public final class Settings {

    /** Prefix of the environment variables that are settings. */
    public static final String ENV_PREFIX = "BILATERAL_";
    /** Prefix of the system properties that are settings. */
    public static final String SYSTEM_PROPERTY_PREFIX = "bilateral.";
    /** Setting (itself read from the environment or system properties only) naming the optional properties file. */
    public static final String CONFIG_FILE_KEY = "config.file";

    private final Map<String, String> values;
    private final Map<String, String> environment;

    private Settings(Map<String, String> values, Map<String, String> environment) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.environment = Map.copyOf(environment);
    }

    /**
     * Loads settings from every source. {@code file} may be null (no file); {@code environment} and
     * {@code systemProperties} are injected so tests do not depend on the process they run in.
     */
    public static Settings load(
            Map<String, String> defaults, Path file, Map<String, String> environment, Properties systemProperties) {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(fromEnvironment(environment));
        merged.putAll(fromSystemProperties(systemProperties));
        defaults.forEach(merged::putIfAbsent);
        return new Settings(merged, environment);
    }

    /**
     * Loads settings for this process: the file named by {@code config.file} (set as {@code -Dbilateral.config.file}
     * or {@code BILATERAL_CONFIG_FILE}), then the real environment and system properties.
     */
    public static Settings fromProcess(Map<String, String> defaults) {
        return fromProcess(defaults, System.getenv(), System.getProperties());
    }

    /** As {@link #fromProcess(Map)}, with the environment and system properties given. */
    public static Settings fromProcess(
            Map<String, String> defaults, Map<String, String> environment, Properties systemProperties) {
        Map<String, String> overrides = new HashMap<>(fromEnvironment(environment));
        overrides.putAll(fromSystemProperties(systemProperties));
        String file = overrides.get(CONFIG_FILE_KEY);
        return load(defaults, file == null ? null : Path.of(file), environment, systemProperties);
    }

    /** Settings holding exactly these values (tests, and code that builds settings itself); no environment. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of());
    }

    /** The environment variable that sets {@code key}: {@code registry.url} → {@code BILATERAL_REGISTRY_URL}. */
    public static String environmentVariableFor(String key) {
        return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The value of a required setting. */
    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigException(
                    key,
                    null,
                    "is not set (set it in the config file, as " + environmentVariableFor(key) + " or as -D"
                            + SYSTEM_PROPERTY_PREFIX + key + ")");
        }
        return value;
    }

    /** The value of an optional setting; blank values count as absent. */
    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** A required int setting. */
    public int integer(String key) {
        String value = string(key).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "is not an integer");
        }
    }

    /** A required long setting. */
    public long longValue(String key) {
        String value = string(key).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "is not a whole number");
        }
    }

    /** A required boolean setting: {@code true} or {@code false}, in any case; anything else is an error. */
    public boolean bool(String key) {
        String value = string(key).trim();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, value, "is not a boolean (true or false)");
    }

    /** A required duration setting, see {@link Durations#parse(String)} for the accepted forms. */
    public Duration duration(String key) {
        String value = string(key);
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, e.getMessage());
        }
    }

    /** An int setting, or {@code fallback} when it is not set. */
    public int integer(String key, int fallback) {
        return values.containsKey(key) ? integer(key) : fallback;
    }

    /** A long setting, or {@code fallback} when it is not set. */
    public long longValue(String key, long fallback) {
        return values.containsKey(key) ? longValue(key) : fallback;
    }

    /** A boolean setting, or {@code fallback} when it is not set. */
    public boolean bool(String key, boolean fallback) {
        return values.containsKey(key) ? bool(key) : fallback;
    }

    /** A duration setting, or {@code fallback} when it is not set. */
    public Duration duration(String key, Duration fallback) {
        return values.containsKey(key) ? duration(key) : fallback;
    }

    /**
     * A secret, read from the environment variable of {@code key} only ({@code registry.basic.auth.user.info} →
     * {@code BILATERAL_REGISTRY_BASIC_AUTH_USER_INFO}); files and system properties are ignored on purpose.
     */
    public Optional<String> secret(String key) {
        return Optional.ofNullable(environment.get(environmentVariableFor(key))).filter(v -> !v.isBlank());
    }

    /**
     * Every {@code kafka.*} setting with the prefix stripped, ready for a Kafka client's constructor. A fresh mutable
     * map, so the caller can add serializers or a client id.
     */
    public Map<String, Object> kafkaProperties() {
        return withPrefix("kafka.");
    }

    /** Every setting starting with {@code prefix}, with the prefix stripped; a fresh mutable map. */
    public Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> subset = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                subset.put(key.substring(prefix.length()), value);
            }
        });
        return subset;
    }

    /** All settings, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        // Values may hold hosts and paths, never secrets (those come from secret()), so listing keys is enough here.
        return "Settings" + values.keySet();
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read settings file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> map = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key = name.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                map.put(key, value);
            }
        });
        return map;
    }

    static Map<String, String> fromSystemProperties(Properties systemProperties) {
        Map<String, String> map = new HashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX) && name.length() > SYSTEM_PROPERTY_PREFIX.length()) {
                map.put(name.substring(SYSTEM_PROPERTY_PREFIX.length()), systemProperties.getProperty(name));
            }
        }
        return map;
    }
}
