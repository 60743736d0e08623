package io.bilateral.enrich.engine.kb;

/** Kind of a dictionary entry. INSTITUTION is a national body (tagged as ORGANIZATION, attributed to its state). */
public enum ActorType {
    COUNTRY,
    NORP,
    LOCATION,
    ORGANIZATION,
    INSTITUTION,
    PERSON;

    /** The entity type written in annotations (PERSON, ORGANIZATION, LOCATION, COUNTRY, NORP). */
    public String entityType() {
        return this == INSTITUTION ? "ORGANIZATION" : name();
    }
}
