package io.bilateral.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.language.LanguageDetection;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;

/**
 * The offline annotate step ({@code ./bilateral annotate}): JSONL articles in, JSONL predictions out, or CoNLL
 * token files in, {@code token gold predicted} out with {@code --conll}. Formats are in DESIGN.md.
 *
 * <pre>
 * Annotate --in articles.jsonl --out predictions.jsonl
 * Annotate --conll --in eng.testa --out predictions.conll
 * </pre>
 */
public final class Annotate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Annotate() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command; returns the exit code (0 ok, 2 usage error). Progress and errors go to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        String in = null;
        String outPath = null;
        boolean conll = false;
        boolean explain = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in" -> in = i + 1 < args.length ? args[++i] : null;
                case "--out" -> outPath = i + 1 < args.length ? args[++i] : null;
                case "--conll" -> conll = true;
                case "--explain" -> explain = true;
                default -> {
                    out.println("annotate: unknown argument '" + args[i] + "'");
                    return 2;
                }
            }
        }
        if (in == null || outPath == null) {
            out.println("usage: annotate [--conll | --explain] --in FILE --out FILE");
            return 2;
        }
        try {
            long t0 = System.nanoTime();
            int n;
            if (conll) {
                n = ConllTagger.annotateFile(Path.of(in), Path.of(outPath), out);
            } else if (explain) {
                n = explainJsonl(RuleBasedEnricher.fromSettings(out), Path.of(in), Path.of(outPath));
            } else {
                n = annotateJsonl(RuleBasedEnricher.fromSettings(out), Path.of(in), Path.of(outPath));
            }
            out.printf(
                    "annotate: %d %s in %.1f s -> %s%n",
                    n, conll ? "sentences" : "articles", (System.nanoTime() - t0) / 1e9, outPath);
            return 0;
        } catch (IOException | RuntimeException e) {
            out.println("annotate: failed on " + in + ": " + e);
            return 1;
        }
    }

    static int annotateJsonl(Enricher enricher, Path in, Path out) throws IOException {
        return eachArticle(in, out, (a, w) -> write(w, a.id(), a.language(), enricher.annotate(a)));
    }

    /** Per article, its id and what the coder saw in each sentence that names a country (see CueTrace). */
    static int explainJsonl(RuleBasedEnricher enricher, Path in, Path out) throws IOException {
        return eachArticle(in, out, (a, w) -> {
            w.write("== " + a.id() + "\n");
            w.write(enricher.explain(a));
        });
    }

    private interface ArticleWriter {
        void write(ArticleInput article, BufferedWriter w) throws IOException;
    }

    private static int eachArticle(Path in, Path out, ArticleWriter writer) throws IOException {
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j;
                try {
                    j = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(in + " line " + lineNo + ": not JSON: " + e.getMessage(), e);
                }
                writer.write(toInput(j), w);
                n++;
            }
        }
        return n;
    }

    /** Reads {"id","title","body","published"?,"source"?,"sourceCountry"?,"language"?}; detects a missing language. */
    public static ArticleInput toInput(JsonNode j) {
        Instant published = null;
        String p = text(j, "published");
        if (p != null) {
            try {
                published = Instant.parse(p);
            } catch (DateTimeParseException e) {
                published = null; // free-form dates are not needed to annotate
            }
        }
        return new ArticleInput(
                text(j, "id"),
                nz(text(j, "title")),
                nz(text(j, "body")),
                published,
                text(j, "source"),
                text(j, "sourceCountry"),
                LanguageDetection.of(text(j, "language"), text(j, "title"), text(j, "body")));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String text(JsonNode j, String f) {
        JsonNode v = j.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** One output line: id, countries, pairs (sorted inside and in the list), entities, events. */
    public static ObjectNode toJson(String id, Annotation a) {
        return toJson(id, null, a);
    }

    /** One output line with the article's language (BCP 47) after its id. */
    public static ObjectNode toJson(String id, String language, Annotation a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        if (language != null) {
            o.put("language", language);
        }
        ArrayNode countries = o.putArray("countries");
        a.countries().forEach(countries::add);
        TreeSet<String> pairs = new TreeSet<>();
        for (CodedEvent e : a.events()) {
            pairs.add(e.pairId());
        }
        ArrayNode pa = o.putArray("pairs");
        for (String p : pairs) {
            ArrayNode x = pa.addArray();
            x.add(p.substring(0, 3));
            x.add(p.substring(4));
        }
        ArrayNode ents = o.putArray("entities");
        for (Entity e : a.entities()) {
            ObjectNode x = ents.addObject();
            x.put("text", e.text());
            x.put("type", e.type().name());
            x.put("start", e.start());
            x.put("end", e.end());
            if (e.country() != null) {
                x.put("country", e.country());
            }
        }
        ArrayNode evs = o.putArray("events");
        for (CodedEvent e : a.events()) {
            ObjectNode x = evs.addObject();
            x.put("pair", e.pairId());
            x.put("actor1", e.actor1());
            x.put("actor2", e.actor2());
            x.put("code", e.code());
            x.put("goldstein", e.goldstein());
        }
        ArrayNode th = o.putArray("themes");
        a.themes().forEach(th::add);
        o.put("tone", a.tone());
        return o;
    }

    static void write(Writer w, String id, String language, Annotation a) throws IOException {
        w.write(JSON.writeValueAsString(toJson(id, language, a)));
        w.write('\n');
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }
}
