package io.bilateral.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that Bilateral uses. Implementations: {@link HttpSchemaRegistryClient}
 * (a real registry: Confluent's or Apicurio's ccompat API); unit tests use {@code InMemorySchemaRegistry} from
 * common's test-jar.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it if already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; implementations cache it, since ids never change. */
    Schema getById(int id);

    /** The latest version registered under the subject. */
    SchemaVersion latest(String subject);

    /** Whether the schema may be registered under the subject given the subject's compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** Sets the compatibility level (e.g. BACKWARD) of one subject, or the global default when subject is null. */
    void setCompatibility(String subject, String level);

    /** One registered version of a subject. */
    record SchemaVersion(String subject, int version, int id, Schema schema) {}
}
