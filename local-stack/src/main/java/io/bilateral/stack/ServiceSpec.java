package io.bilateral.stack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project service that {@link LocalStack#up(List)} runs next to broker and registry, on the caller's
 * class path.
 *
 * @param name process name for {@code logs/<name>.log} and {@code pids/<name>.pid}: lower case letters,
 *     digits and '-', e.g. {@code ingest-service}
 * @param mainClass the service's main class
 * @param args program arguments
 * @param env environment variables added to the inherited environment
 * @param healthUrl a URL that answers 200 once the service is ready, or null to only start it
 * @param jvmArgs options of the service's JVM, e.g. its heap cap
 */
public record ServiceSpec(
        String name,
        String mainClass,
        List<String> args,
        Map<String, String> env,
        URI healthUrl,
        List<String> jvmArgs) {

    /** A service with the JVM's default options. */
    public ServiceSpec(String name, String mainClass, List<String> args, Map<String, String> env, URI healthUrl) {
        this(name, mainClass, args, env, healthUrl, List.of());
    }

    public ServiceSpec {
        StackLayout.checkName(name);
        Objects.requireNonNull(mainClass, "mainClass");
        if (LocalStack.BROKER.equals(name) || LocalRegistry.NAME.equals(name)) {
            throw new IllegalArgumentException("'" + name + "' is reserved for the stack itself");
        }
        args = List.copyOf(args);
        env = Map.copyOf(env);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
