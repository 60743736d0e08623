package io.bilateral.enrich.engine.kb;

import io.bilateral.enrich.engine.EntityType;

/** Kind of a dictionary entry. INSTITUTION is a national body (tagged as ORGANIZATION, attributed to its state). */
public enum ActorType {
    COUNTRY,
    NORP,
    LOCATION,
    ORGANIZATION,
    INSTITUTION,
    PERSON;

    /** The entity type written in annotations (PERSON, ORGANIZATION, LOCATION, COUNTRY, NORP). */
    public EntityType entityType() {
        return switch (this) {
            case COUNTRY -> EntityType.COUNTRY;
            case NORP -> EntityType.NORP;
            case LOCATION -> EntityType.LOCATION;
            case ORGANIZATION, INSTITUTION -> EntityType.ORGANIZATION;
            case PERSON -> EntityType.PERSON;
        };
    }
}
