package io.bilateral.enrich.engine.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the engine reads its tables: the copies bundled in the jar ({@code kb/*.tsv}, {@code rules/*.tsv},
 * {@code rules/cues/<code>.tsv}, {@code lang/<code>.tsv}), each replaced by its copy in the rules folder when one is
 * set ({@value #SETTING} or {@value #ENV}) and holds it. An analyst edits a copy of a table there and restarts; no
 * rebuild. In the folder a table keeps its path without the leading {@code kb/} or {@code rules/}: {@code roles.tsv},
 * {@code actors.tsv}, {@code cues/fa.tsv} (a language's cues), {@code lang/fa.tsv} (its names and words); the two
 * per-language tables of one language share a file name, so their folders tell them apart.
 */
public final class TableSource {

    /** System property naming the rules folder. */
    public static final String SETTING = "engine.rules.dir";
    /** Environment variable naming the rules folder (the system property wins). */
    public static final String ENV = "BILATERAL_ENGINE_RULES_DIR";

    private static final TableSource BUNDLED = new TableSource(null);

    private final Path dir;

    private TableSource(Path dir) {
        this.dir = dir;
    }

    /** The bundled tables only. */
    public static TableSource bundled() {
        return BUNDLED;
    }

    /** The bundled tables, each replaced by the file of the same name in {@code dir}, if there is one. */
    public static TableSource withOverrides(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TableException(SETTING + ": " + dir + " is not a folder");
        }
        return new TableSource(dir);
    }

    /** The source the engine starts with: bundled, with the overrides of {@value #SETTING} / {@value #ENV}. */
    public static TableSource fromSettings() {
        String d = System.getProperty(SETTING);
        if (d == null || d.isBlank()) {
            d = System.getenv(ENV);
        }
        return d == null || d.isBlank() ? BUNDLED : withOverrides(Path.of(d.strip()));
    }

    /** The file in the rules folder that replaces table {@code name} ("rules/roles.tsv"), or null. */
    public Path override(String name) {
        if (dir == null) {
            return null;
        }
        Path p = dir.resolve(inFolder(name));
        return Files.isRegularFile(p) ? p : null;
    }

    /** Where table {@code name} stands in the rules folder: "rules/cues/fa.tsv" → "cues/fa.tsv", "kb/x.tsv" → "x.tsv". */
    static String inFolder(String name) {
        if (name.startsWith("kb/")) {
            return name.substring("kb/".length());
        }
        return name.startsWith("rules/") ? name.substring("rules/".length()) : name;
    }

    /** One non-blank, non-comment line of a table and its number in the file (from 1). */
    public record Line(int number, String text) {}

    /** What a message names as the table's file: the override's path, else the bundled name. */
    public String describe(String name) {
        Path p = override(name);
        return p == null ? name : p.toString();
    }

    /** The lines of table {@code name}, skipping blank lines and {@code #} comments. */
    public List<Line> lines(String name) {
        Path p = override(name);
        try (InputStream in = p != null ? Files.newInputStream(p) : bundledStream(name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Line> out = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(new Line(n, line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + describe(name), e);
        }
    }

    private static InputStream bundledStream(String name) {
        InputStream in = TableSource.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new TableException("bundled table " + name + " is missing from the classpath");
        }
        return in;
    }

    @Override
    public String toString() {
        return dir == null ? "bundled tables" : "bundled tables, overridden from " + dir;
    }
}
