package io.bilateral.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.Table;
import io.bilateral.enrich.engine.kb.TableSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Scores the engine on the development data ({@code ../shared/data}): country micro-P/R/F1 against Reuters
 * {@code places}, and conlleval-style entity P/R/F1 per type on a CoNLL-2003 file.
 *
 * <pre>
 * Score --reuters ../shared/data/reuters-dev [--conll ../shared/data/conll2003/eng.testa]
 * </pre>
 */
public final class Score {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reuters place codes → alpha-3. Lives here, not in the tagger: the tagger knows countries by name only.
     * States that no longer exist count as their successor (data/README.md).
     */
    static final Map<String, String> REUTERS = reutersPlaces();

    private static Map<String, String> reutersPlaces() {
        Map<String, String> m = new HashMap<>();
        Table.read(TableSource.bundled(), "eval/reuters-places.tsv", 2, 2)
                .forEach(row -> m.put(row.text(1), row.alpha3(2)));
        return Map.copyOf(m);
    }

    private Score() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        String reuters = null;
        String conll = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reuters" -> reuters = args[++i];
                case "--conll" -> conll = args[++i];
                default -> {
                    out.println("score: unknown argument '" + args[i] + "'");
                    return 2;
                }
            }
        }
        if (reuters == null && conll == null) {
            out.println("usage: score [--reuters DIR] [--conll FILE]");
            return 2;
        }
        Enricher enricher = RuleBasedEnricher.fromSettings(out);
        if (reuters != null) {
            scoreReuters(enricher, Path.of(reuters), out);
        }
        if (conll != null) {
            scoreConll(enricher, Path.of(conll), out);
        }
        return 0;
    }

    /** Country micro-P/R/F1 over all articles; returns {P, R, F1}. */
    public static double[] scoreReuters(Enricher enricher, Path dir, PrintStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        int articles = 0;
        Set<String> unknown = new HashSet<>();
        Map<String, long[]> perCountry = new TreeMap<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode j = JSON.readTree(line);
                    Set<String> gold = new HashSet<>();
                    for (JsonNode p : j.get("places")) {
                        String a3 = REUTERS.get(p.asText());
                        if (a3 == null) {
                            unknown.add(p.asText());
                        } else {
                            gold.add(a3);
                        }
                    }
                    Annotation a = enricher.annotate(Annotate.toInput(j));
                    Set<String> pred = new HashSet<>(a.countries());
                    for (String c : pred) {
                        long[] pc = perCountry.computeIfAbsent(c, k -> new long[3]);
                        if (gold.contains(c)) {
                            tp++;
                            pc[0]++;
                        } else {
                            fp++;
                            pc[1]++;
                        }
                    }
                    for (String c : gold) {
                        if (!pred.contains(c)) {
                            fn++;
                            perCountry.computeIfAbsent(c, k -> new long[3])[2]++;
                        }
                    }
                    articles++;
                }
            }
        }
        double p = tp / (double) Math.max(1, tp + fp);
        double rc = tp / (double) Math.max(1, tp + fn);
        double f = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
        out.printf(
                "reuters countries: %d articles  P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)%n",
                articles, p, rc, f, tp, fp, fn);
        if (!unknown.isEmpty()) {
            out.println("reuters codes without a mapping: " + new TreeSet<>(unknown));
        }
        if (Boolean.getBoolean("score.verbose")) {
            perCountry.entrySet().stream()
                    .sorted((x, y) ->
                            Long.compare(y.getValue()[1] + y.getValue()[2], x.getValue()[1] + x.getValue()[2]))
                    .limit(25)
                    .forEach(e -> out.printf(
                            "  %s tp=%d fp=%d fn=%d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        return new double[] {p, rc, f};
    }

    /** conlleval-style entity P/R/F1 overall and per type; returns {P, R, F1} overall. */
    public static double[] scoreConll(Enricher enricher, Path file, PrintStream out) throws IOException {
        Map<String, long[]> counts = new TreeMap<>(); // type → {tp, predicted, gold}
        for (List<List<ConllTagger.Tok>> doc : ConllTagger.read(file)) {
            List<List<String>> pred = ConllTagger.tag(enricher, doc);
            for (int s = 0; s < doc.size(); s++) {
                List<String> gold = new ArrayList<>();
                for (ConllTagger.Tok t : doc.get(s)) {
                    gold.add(t.gold());
                }
                count(spans(gold), spans(pred.get(s)), counts);
            }
        }
        return printConll(counts, out);
    }

    static double[] printConll(Map<String, long[]> counts, PrintStream out) {
        long tp = 0;
        long pr = 0;
        long gd = 0;
        for (long[] c : counts.values()) {
            tp += c[0];
            pr += c[1];
            gd += c[2];
        }
        double[] all = prf(tp, pr, gd);
        out.printf("conll entities: P=%.4f R=%.4f F1=%.4f (gold %d, predicted %d)%n", all[0], all[1], all[2], gd, pr);
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            double[] x = prf(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            out.printf(
                    "  %-4s P=%.4f R=%.4f F1=%.4f (gold %d, predicted %d)%n",
                    e.getKey(), x[0], x[1], x[2], e.getValue()[2], e.getValue()[1]);
        }
        return all;
    }

    static double[] prf(long tp, long pred, long gold) {
        double p = tp / (double) Math.max(1, pred);
        double r = tp / (double) Math.max(1, gold);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    /** Spans "type:start:end" of an IOB2 sequence. */
    static Set<String> spans(List<String> tags) {
        Set<String> out = new HashSet<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String t = i < tags.size() ? tags.get(i) : "O";
            boolean inside =
                    t.startsWith("I-") && type != null && t.substring(2).equals(type);
            if (!inside && type != null) {
                out.add(type + ":" + start + ":" + i);
                type = null;
            }
            if (t.startsWith("B-") || (t.startsWith("I-") && type == null)) {
                type = t.substring(2);
                start = i;
            }
        }
        return out;
    }

    private static void count(Set<String> gold, Set<String> pred, Map<String, long[]> counts) {
        for (String p : pred) {
            long[] c = counts.computeIfAbsent(p.substring(0, p.indexOf(':')), k -> new long[3]);
            c[1]++;
            if (gold.contains(p)) {
                c[0]++;
            }
        }
        for (String g : gold) {
            counts.computeIfAbsent(g.substring(0, g.indexOf(':')), k -> new long[3])[2]++;
        }
    }
}
