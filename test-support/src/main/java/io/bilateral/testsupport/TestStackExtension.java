package io.bilateral.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link TestStack} of this test JVM as a parameter (of a test, a lifecycle method or the
 * constructor). The stack starts on first use and is closed when the whole test run ends, because it lives
 * in the root context's store, which closes {@link AutoCloseable} values.
 *
 * <pre>{@code
 * @ExtendWith(TestStackExtension.class)
 * class PipelineIT {
 *     @Test
 *     void shouldPublishEvents(TestStack stack) {
 *         String bootstrap = stack.bootstrapServers();
 *         String registry = stack.registryUrl();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class TestStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestStack.class;
    }

    @Override
    public TestStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestStack.class, key -> start(), TestStack.class);
    }

    private static TestStack start() {
        try {
            return TestStack.start();
        } catch (Exception e) {
            throw new ParameterResolutionException("could not start the test Kafka broker", e);
        }
    }
}
