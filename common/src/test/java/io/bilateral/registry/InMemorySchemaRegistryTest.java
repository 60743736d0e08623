package io.bilateral.registry;

import static io.bilateral.registry.TestSchemas.ID_AND_COUNTRY;
import static io.bilateral.registry.TestSchemas.OTHER;
import static io.bilateral.registry.TestSchemas.V1;
import static io.bilateral.registry.TestSchemas.V2_DROPPED_FIELD;
import static io.bilateral.registry.TestSchemas.V2_REQUIRED_FIELD;
import static io.bilateral.registry.TestSchemas.V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilateral.registry.SchemaRegistryClient.SchemaVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InMemorySchemaRegistryTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void shouldGiveTheSameSchemaTheSameGlobalIdInEverySubject() {
        int first = registry.register("a-value", V1);
        int second = registry.register("b-value", V1);
        int other = registry.register("b-value", OTHER);

        assertEquals(first, second);
        assertNotEquals(first, other);
        assertEquals(V1, registry.getById(first));
        assertEquals(OTHER, registry.getById(other));
    }

    @Test
    void shouldNumberVersionsPerSubjectAndNotDuplicateARegisteredSchema() {
        int v1 = registry.register("a-value", V1);
        int v2 = registry.register("a-value", V2_WITH_DEFAULT);
        int again = registry.register("a-value", V1);

        assertEquals(v1, again);
        assertEquals(
                List.of(new SchemaVersion("a-value", 1, v1, V1), new SchemaVersion("a-value", 2, v2, V2_WITH_DEFAULT)),
                registry.versions("a-value"));
        assertEquals(new SchemaVersion("a-value", 2, v2, V2_WITH_DEFAULT), registry.latest("a-value"));
    }

    @Test
    void shouldAcceptAnyChangeUnderTheDefaultLevelNone() {
        registry.register("a-value", V1);

        registry.register("a-value", V2_REQUIRED_FIELD);

        assertEquals(V2_REQUIRED_FIELD, registry.latest("a-value").schema());
    }

    @Test
    void shouldRejectABackwardIncompatibleSchemaAndNameSubjectLevelAndField() {
        registry.setCompatibility(null, "BACKWARD");
        registry.register("a-value", V1);

        SchemaRegistryException e =
                assertThrows(SchemaRegistryException.class, () -> registry.register("a-value", V2_REQUIRED_FIELD));

        assertThat(e.getMessage())
                .startsWith("register subject 'a-value': schema io.bilateral.test.Actor is"
                        + " incompatible under BACKWARD: new schema cannot read data written with the existing schema")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "country");
        assertEquals(409, e.httpStatus());
        assertEquals(1, registry.versions("a-value").size(), "the rejected schema is not stored");
    }

    @ParameterizedTest(name = "{0}: add optional field {1}, add required field {2}, drop field {3}")
    @CsvSource({
        "NONE,                true, true,  true",
        "BACKWARD,            true, false, true",
        "FORWARD,             true, true,  false",
        "FULL,                true, false, false",
        "backward_transitive, true, false, true",
    })
    void shouldApplyEachCompatibilityLevel(
            String level, boolean optionalField, boolean requiredField, boolean dropped) {
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", level);

        assertEquals(optionalField, registry.isCompatible("a-value", V2_WITH_DEFAULT));
        assertEquals(requiredField, registry.isCompatible("a-value", V2_REQUIRED_FIELD));
        assertEquals(dropped, registry.isCompatible("a-value", V2_DROPPED_FIELD));
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_REQUIRED_FIELD);

        registry.setCompatibility("a-value", "BACKWARD");
        assertTrue(registry.isCompatible("a-value", ID_AND_COUNTRY), "the latest version has a country");
        registry.setCompatibility("a-value", "BACKWARD_TRANSITIVE");
        assertFalse(registry.isCompatible("a-value", ID_AND_COUNTRY), "version 1 has no country");
    }

    @Test
    void shouldLetASubjectLevelOverrideTheGlobalLevel() {
        registry.setCompatibility(null, "BACKWARD");
        registry.setCompatibility("relaxed-value", "NONE");
        registry.register("strict-value", V1);
        registry.register("relaxed-value", V1);

        assertFalse(registry.isCompatible("strict-value", V2_REQUIRED_FIELD));
        assertTrue(registry.isCompatible("relaxed-value", V2_REQUIRED_FIELD));
    }

    @Test
    void shouldTreatAnyFirstSchemaOfASubjectAsCompatible() {
        registry.setCompatibility(null, "FULL_TRANSITIVE");

        assertTrue(registry.isCompatible("new-value", V2_REQUIRED_FIELD));
    }

    @Test
    void shouldNameTheMissingSubjectOrId() {
        SchemaRegistryException latest =
                assertThrows(SchemaRegistryException.class, () -> registry.latest("nope-value"));
        SchemaRegistryException byId = assertThrows(SchemaRegistryException.class, () -> registry.getById(42));

        assertEquals("latest subject 'nope-value': subject not found", latest.getMessage());
        assertEquals(40401, latest.errorCode());
        assertEquals("getById id 42: schema not found", byId.getMessage());
        assertTrue(byId.isNotFound());
    }

    @Test
    void shouldRejectAnUnknownCompatibilityLevel() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.setCompatibility(null, "SIDEWAYS"));

        assertThat(e.getMessage())
                .startsWith("unknown compatibility level 'SIDEWAYS', expected one of [NONE, BACKWARD");
    }

    @Test
    void shouldHandOutOneIdAndOneVersionWhenManyThreadsRegisterAtOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Schema schema = i % 2 == 0 ? V1 : OTHER;
                Callable<Integer> task = () -> {
                    start.await();
                    return registry.register("shared-value", schema);
                };
                ids.add(pool.submit(task));
            }
            start.countDown();
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(10, TimeUnit.SECONDS));
            }

            assertEquals(2, distinct.size());
            assertEquals(2, registry.versions("shared-value").size());
        } finally {
            pool.shutdownNow();
        }
    }
}
