package io.bilateral.enrich.engine;

/**
 * A person or organisation taking part in an event.
 *
 * @param type    {@link EntityType#PERSON} or {@link EntityType#ORGANIZATION}
 * @param country alpha-3 code of the state the actor acts for, or null
 * @param role    the actor's role, or null
 */
public record EventActor(String name, EntityType type, String country, String role) {}
