package io.bilateral.enrich.engine;

/**
 * The type of a tagged name. {@link Entity#type()} carries its name, the value written to annotations and topics.
 */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    COUNTRY,
    /** A nationality or people ("Iranian", "Kurds"). */
    NORP,
    /** Any other name: events, titles, creeds ("the World Cup", "Maoist"). */
    MISC
}
