package io.bilateral.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The compatibility levels of the Confluent Schema Registry, checked with Avro's own {@link SchemaCompatibility}.
 * BACKWARD means consumers on the new schema can read data written with the previous one (the level Bilateral uses:
 * upgrade consumers first); the {@code _TRANSITIVE} levels check against every earlier version, not just the latest.
 */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** The level named {@code name} (any case), with an error listing the valid names otherwise. */
    public static CompatibilityLevel parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown compatibility level '" + name + "', expected one of " + Arrays.toString(values()), e);
        }
    }

    /**
     * Why {@code candidate} may not follow {@code existing} (registered versions, oldest first) under this level, or
     * empty when it may.
     */
    public Optional<String> problem(Schema candidate, List<Schema> existing) {
        if (this == NONE || existing.isEmpty()) {
            return Optional.empty();
        }
        List<Schema> checked =
                name().endsWith("_TRANSITIVE") ? existing : existing.subList(existing.size() - 1, existing.size());
        for (int i = checked.size() - 1; i >= 0; i--) {
            Schema old = checked.get(i);
            if (name().startsWith("BACKWARD") || name().startsWith("FULL")) {
                Optional<String> problem = describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        "new schema cannot read data written with");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            if (name().startsWith("FORWARD") || name().startsWith("FULL")) {
                Optional<String> problem = describe(
                        SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        "data written with the new schema cannot be read with");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> describe(SchemaPairCompatibility result, String what) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return Optional.empty();
        }
        String details = result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .collect(Collectors.joining("; "));
        return Optional.of(what + " the existing schema " + result.getWriter().getFullName() + ": " + details);
    }
}
