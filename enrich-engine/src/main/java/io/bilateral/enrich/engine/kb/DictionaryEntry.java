package io.bilateral.enrich.engine.kb;

import java.util.List;
import java.util.Objects;

/**
 * One dictionary entry as plain data, the shape the service publishes to {@code reference.actors}.
 *
 * @param id      stable id, e.g. {@code country:IRN}, {@code person:ali-shamkhani}
 * @param name    preferred name
 * @param aliases other names that refer to the same actor (may be empty)
 * @param country alpha-3 code of the actor's state, or null (international organisations, regions)
 * @param role    role of a person ("Foreign Minister"), kind of a place ("capital"), or null
 */
public record DictionaryEntry(
        String id, String name, List<String> aliases, ActorType type, String country, String role) {

    public DictionaryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (country != null && !country.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("actor " + id + ": country must be ISO alpha-3, was '" + country + "'");
        }
    }
}
