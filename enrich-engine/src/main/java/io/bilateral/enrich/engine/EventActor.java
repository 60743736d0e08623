package io.bilateral.enrich.engine;

/**
 * A person or organisation taking part in an event.
 *
 * @param type    {@link EntityType#PERSON} or {@link EntityType#ORGANIZATION}
 * @param country alpha-3 code of the state the actor acts for, or null
 * @param role    the actor's role, or null
 */
public record EventActor(String name, EntityType type, String country, String role) {

    /**
     * The actor with its type given by name ({@code "PERSON"}). Only for {@code events.EventCoder}, which is being
     * split on another branch and still passes the name: once it passes the enum, remove this constructor.
     */
    public EventActor(String name, String type, String country, String role) {
        this(name, EntityType.valueOf(type), country, role);
    }
}
