package io.bilateral.enrich.dictionary;

import io.bilateral.enrich.engine.kb.ActorType;
import io.bilateral.enrich.engine.kb.DictionaryEntry;
import io.bilateral.schemas.ActorEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Converts dictionary entries between the topic's Avro records and the engine's plain records. */
public final class ActorEntries {

    private ActorEntries() {}

    /**
     * The engine's entry for an Avro one.
     *
     * @throws IllegalArgumentException naming the id and the field when the type or country is not valid
     */
    public static DictionaryEntry toEngine(ActorEntry avro) {
        ActorType type;
        try {
            type = ActorType.valueOf(avro.getType().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "actor " + avro.getId() + ": type '" + avro.getType() + "' is not one of "
                            + List.of(ActorType.values()),
                    e);
        }
        return new DictionaryEntry(
                avro.getId(), avro.getName(), avro.getAliases(), type, avro.getCountry(), avro.getRole());
    }

    public static ActorEntry toAvro(DictionaryEntry entry, Instant updatedAt) {
        return ActorEntry.newBuilder()
                .setId(entry.id())
                .setName(entry.name())
                .setAliases(entry.aliases())
                .setType(entry.type().name())
                .setCountry(entry.country())
                .setRole(entry.role())
                .setUpdatedAt(updatedAt)
                .build();
    }
}
