package io.bilateral.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A child JVM to start: the {@code java} of this JVM's {@code java.home}, JVM arguments, then either a
 * main class on a class path or an executable jar, then program arguments; plus extra environment
 * variables (the rest of the environment is inherited).
 *
 * @param jvmArgs arguments before the main class, e.g. {@code -Xmx512m}, {@code -Dkey=value}
 * @param classpath class path for {@code mainClass}; unused with {@code jar}
 * @param mainClass the main class, or null when {@code jar} is set
 * @param jar the executable jar, or null when {@code mainClass} is set
 * @param args program arguments
 * @param env environment variables added to the inherited environment
 */
public record JavaCommand(
        List<String> jvmArgs,
        String classpath,
        String mainClass,
        Path jar,
        List<String> args,
        Map<String, String> env) {

    public JavaCommand {
        if ((mainClass == null) == (jar == null)) {
            throw new IllegalArgumentException("exactly one of mainClass and jar must be set");
        }
        if (mainClass != null) {
            Objects.requireNonNull(classpath, "classpath");
        }
        jvmArgs = List.copyOf(jvmArgs);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** Runs {@code mainClass} on this JVM's own class path. */
    public static JavaCommand mainClass(String mainClass, List<String> args) {
        return new JavaCommand(List.of(), System.getProperty("java.class.path"), mainClass, null, args, Map.of());
    }

    /** Runs {@code java -jar jar args...}. */
    public static JavaCommand jar(Path jar, List<String> args) {
        return new JavaCommand(List.of(), null, null, jar.toAbsolutePath(), args, Map.of());
    }

    public JavaCommand withJvmArgs(List<String> newJvmArgs) {
        return new JavaCommand(newJvmArgs, classpath, mainClass, jar, args, env);
    }

    public JavaCommand withClasspath(String newClasspath) {
        return new JavaCommand(jvmArgs, newClasspath, mainClass, jar, args, env);
    }

    public JavaCommand withEnv(Map<String, String> newEnv) {
        return new JavaCommand(jvmArgs, classpath, mainClass, jar, args, newEnv);
    }

    /** The full command line, starting with the absolute path of {@code java}. */
    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmArgs);
        if (jar != null) {
            line.add("-jar");
            line.add(jar.toString());
        } else {
            line.add("-cp");
            line.add(classpath);
            line.add(mainClass);
        }
        line.addAll(args);
        return line;
    }
}
