package io.bilateral.config;

/** A setting is missing or malformed; the message names the key and the offending value. */
public class ConfigException extends RuntimeException {

    private final String key;

    /** {@code value} is null when the setting is missing. */
    public ConfigException(String key, String value, String problem) {
        super(
                value == null
                        ? "setting '" + key + "' " + problem
                        : "setting '" + key + "' = '" + value + "' " + problem);
        this.key = key;
    }

    /** The key of the faulty setting. */
    public String key() {
        return key;
    }
}
