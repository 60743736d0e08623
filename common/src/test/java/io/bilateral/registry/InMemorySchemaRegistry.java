package io.bilateral.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for unit tests: global ids shared across subjects (the same schema has the same id
 * everywhere, as in Confluent's registry), numbered versions per subject, and the compatibility level enforced on
 * {@link #register}. The default level is NONE, like Apicurio's; call {@link #setCompatibility} to enforce BACKWARD.
 * Thread-safe: every method locks the instance, which is plenty for tests. Use one instance per test class.
 */
// not final: a test fake that fails or counts some calls extends it and overrides only those
public class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<SchemaVersion>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.NONE;
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<SchemaVersion> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Optional<SchemaVersion> existing =
                versions.stream().filter(v -> v.schema().equals(schema)).findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Optional<String> problem = levelOf(subject).problem(schema, schemas(versions));
        if (problem.isPresent()) {
            throw new SchemaRegistryException(
                    "register subject '" + subject + "': schema " + schema.getFullName() + " is incompatible under "
                            + levelOf(subject) + ": " + problem.get(),
                    409,
                    409);
        }
        int id = idsBySchema.computeIfAbsent(schema, s -> nextId++);
        schemasById.put(id, schema);
        versions.add(new SchemaVersion(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("getById id " + id + ": schema not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized SchemaVersion latest(String subject) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("latest subject '" + subject + "': subject not found", 404, 40401);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<SchemaVersion> versions = versionsBySubject.getOrDefault(subject, List.of());
        return levelOf(subject).problem(schema, schemas(versions)).isEmpty();
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.parse(level);
        if (subject == null) {
            globalLevel = parsed;
        } else {
            levelsBySubject.put(subject, parsed);
        }
    }

    /** Every version registered under {@code subject}, oldest first (empty for an unknown subject). */
    public synchronized List<SchemaVersion> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    /** Every subject with at least one version. */
    public synchronized List<String> subjects() {
        return versionsBySubject.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private CompatibilityLevel levelOf(String subject) {
        return levelsBySubject.getOrDefault(subject, globalLevel);
    }

    private static List<Schema> schemas(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::schema).toList();
    }
}
