package io.bilateral.registry;

import static io.bilateral.registry.TestSchemas.V1;
import static io.bilateral.registry.TestSchemas.V2_REQUIRED_FIELD;
import static io.bilateral.registry.TestSchemas.V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.registry.SchemaRegistryClient.SchemaVersion;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real Apicurio Registry, through its Confluent-compatible API (/apis/ccompat/v7). */
@ExtendWith(TestStackExtension.class)
class HttpSchemaRegistryClientIT {

    private HttpSchemaRegistryClient client;
    private String subject;

    @BeforeEach
    void connect(TestStack stack) {
        client = new HttpSchemaRegistryClient(RegistryClientOptions.of(stack.registryUrl()));
        // the registry is shared by the whole test run: every test gets subjects of its own
        subject = "it-" + UUID.randomUUID() + "-value";
    }

    @Test
    void shouldRegisterAndLookUpBySubjectAndId(TestStack stack) {
        int id = client.register(subject, V1);

        SchemaVersion latest = client.latest(subject);
        // a fresh client has nothing cached, so this really asks the registry for the id
        Schema byId = new HttpSchemaRegistryClient(RegistryClientOptions.of(stack.registryUrl())).getById(id);

        assertEquals(new SchemaVersion(subject, 1, id, V1), latest);
        assertEquals(V1, byId);
    }

    @Test
    void shouldReturnTheSameIdWhenTheSameSchemaIsRegisteredAgain(TestStack stack) {
        int first = client.register(subject, V1);
        HttpSchemaRegistryClient uncached = new HttpSchemaRegistryClient(RegistryClientOptions.of(stack.registryUrl()));

        int again = uncached.register(subject, V1);

        assertEquals(first, again);
        assertEquals(1, client.latest(subject).version());
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                RawArticle.class,
                EnrichedArticle.class,
                RelationshipEvent.class,
                PairSummary.class,
                ActorEntry.class
            })
    void shouldStoreEveryProjectSchemaUnchanged(Class<?> type, TestStack stack) throws ReflectiveOperationException {
        Schema schema = (Schema) type.getMethod("getClassSchema").invoke(null);
        int id = client.register(subject, schema);

        Schema stored = new HttpSchemaRegistryClient(RegistryClientOptions.of(stack.registryUrl())).getById(id);

        assertEquals(schema, stored);
    }

    @Test
    void shouldTreatASubjectWithoutVersionsAsCompatible() {
        assertTrue(client.isCompatible(subject, V2_REQUIRED_FIELD));
    }

    @Test
    void shouldAcceptABackwardCompatibleChange() {
        client.setCompatibility(subject, "BACKWARD");
        int v1 = client.register(subject, V1);

        assertTrue(client.isCompatible(subject, V2_WITH_DEFAULT));
        int v2 = client.register(subject, V2_WITH_DEFAULT);

        assertNotEquals(v1, v2);
        assertEquals(new SchemaVersion(subject, 2, v2, V2_WITH_DEFAULT), client.latest(subject));
    }

    @Test
    void shouldRejectABackwardIncompatibleChange() {
        client.setCompatibility(subject, "BACKWARD");
        client.register(subject, V1);

        assertFalse(client.isCompatible(subject, V2_REQUIRED_FIELD));
        SchemaRegistryException e =
                assertThrows(SchemaRegistryException.class, () -> client.register(subject, V2_REQUIRED_FIELD));

        assertEquals(409, e.httpStatus());
        assertThat(e.getMessage())
                .startsWith("register subject '" + subject + "': HTTP 409 from POST ")
                .contains("/subjects/" + subject + "/versions: ", "country");
        assertEquals(1, client.latest(subject).version(), "the rejected schema did not become a version");
    }

    @Test
    void shouldEnforceTheGlobalBackwardDefaultOfTheStack() {
        client.register(subject, V1);

        assertThrows(SchemaRegistryException.class, () -> client.register(subject, V2_REQUIRED_FIELD));
    }

    @Test
    void shouldNameTheMissingSubjectAndId() {
        SchemaRegistryException latest = assertThrows(SchemaRegistryException.class, () -> client.latest(subject));
        SchemaRegistryException byId = assertThrows(SchemaRegistryException.class, () -> client.getById(987_654));

        assertThat(latest.getMessage()).startsWith("latest subject '" + subject + "': HTTP 404 from GET ");
        assertTrue(latest.isNotFound());
        assertThat(byId.getMessage()).startsWith("getById id 987654: HTTP 404 from GET ");
        assertEquals(40403, byId.errorCode());
    }
}
