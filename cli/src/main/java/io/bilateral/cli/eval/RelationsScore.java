package io.bilateral.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.language.LanguageDetection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores country pairs and their events against hand-annotated gold ({@code ../shared/data/RELATIONS-GUIDE.md}):
 * pair micro precision, recall and F1 over articles, and on the pairs found in both, event direction and CAMEO root
 * agreement. Every gold article counts, those without pairs too.
 *
 * <pre>
 * score --relations GOLD.jsonl [MORE.jsonl …] [--texts ARTICLES.jsonl] [--errors] [--detect]
 * </pre>
 *
 * <p>With several gold files each is scored on its own and then pooled (micro, over all their articles). Items that
 * state their language also count how often detection from the title and body alone agrees; {@code --detect}
 * annotates them in the detected language instead of the stated one, as the pipeline would without it.
 *
 * <p>Gold lines are {@code {"id","pairs":[["A","B"]],"events":[{"actor1","actor2","category","mutual"}]}}; texts
 * are {@code {"id","title","body","published"}} and may be the gold file itself.
 */
public final class RelationsScore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SENTENCE_CHARS = 220;

    /** One gold event: {@code actor1} acts on {@code actor2}; a mutual act matches either direction. */
    public record GoldEvent(String actor1, String actor2, String root, boolean mutual, String evidence) {

        String pairId() {
            return pairId(actor1, actor2);
        }

        static String pairId(String a, String b) {
            return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
        }
    }

    /** The gold of one article: its sorted pair ids and their events. */
    public record GoldArticle(String id, Set<String> pairs, List<GoldEvent> events) {}

    /** What one article contributes: pairs right, wrong and missed, and event agreement on the pairs right. */
    public record ArticleScore(
            String id,
            Set<String> truePairs,
            Set<String> falsePairs,
            Set<String> missedPairs,
            Set<String> directionAgrees,
            Set<String> rootAgrees) {}

    /** Micro-averaged figures over a set of articles. */
    public record Figures(int articles, long tp, long fp, long fn, long direction, long root) {

        public double precision() {
            return tp / (double) Math.max(1, tp + fp);
        }

        public double recall() {
            return tp / (double) Math.max(1, tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double directionAgreement() {
            return direction / (double) Math.max(1, tp);
        }

        public double rootAgreement() {
            return root / (double) Math.max(1, tp);
        }

        Figures plus(ArticleScore s) {
            return new Figures(
                    articles + 1,
                    tp + s.truePairs().size(),
                    fp + s.falsePairs().size(),
                    fn + s.missedPairs().size(),
                    direction + s.directionAgrees().size(),
                    root + s.rootAgrees().size());
        }
    }

    private RelationsScore() {}

    /** Reads one gold line. */
    public static GoldArticle parseGold(JsonNode j) {
        Set<String> pairs = new TreeSet<>();
        for (JsonNode p : j.path("pairs")) {
            pairs.add(GoldEvent.pairId(p.get(0).asText(), p.get(1).asText()));
        }
        List<GoldEvent> events = new ArrayList<>();
        for (JsonNode e : j.path("events")) {
            events.add(new GoldEvent(
                    e.get("actor1").asText(),
                    e.get("actor2").asText(),
                    e.get("category").asText(),
                    e.path("mutual").asBoolean(false),
                    e.path("evidence").asText("")));
        }
        return new GoldArticle(j.get("id").asText(), pairs, events);
    }

    /** Scores one article's predicted events against its gold. */
    public static ArticleScore score(GoldArticle gold, List<CodedEvent> predicted) {
        Map<String, List<CodedEvent>> byPair = byPair(predicted);
        Set<String> tp = new TreeSet<>();
        Set<String> fp = new TreeSet<>();
        Set<String> fn = new TreeSet<>();
        Set<String> direction = new TreeSet<>();
        Set<String> root = new TreeSet<>();
        for (String pair : byPair.keySet()) {
            (gold.pairs().contains(pair) ? tp : fp).add(pair);
        }
        for (String pair : gold.pairs()) {
            if (!byPair.containsKey(pair)) {
                fn.add(pair);
            }
        }
        for (String pair : tp) {
            for (GoldEvent g : gold.events()) {
                if (!g.pairId().equals(pair)) {
                    continue;
                }
                for (CodedEvent p : byPair.get(pair)) {
                    if (sameDirection(g, p)) {
                        direction.add(pair);
                    }
                    if (g.root().equals(p.rootCode())) {
                        root.add(pair);
                    }
                }
            }
        }
        return new ArticleScore(gold.id(), tp, fp, fn, direction, root);
    }

    /** Same actor1 and actor2, or either way when one side calls the act mutual. */
    static boolean sameDirection(GoldEvent g, CodedEvent p) {
        if (g.mutual() || !p.directed()) {
            return true;
        }
        return g.actor1().equals(p.actor1()) && g.actor2().equals(p.actor2());
    }

    private static Map<String, List<CodedEvent>> byPair(List<CodedEvent> events) {
        Map<String, List<CodedEvent>> byPair = new TreeMap<>();
        for (CodedEvent e : events) {
            byPair.computeIfAbsent(e.pairId(), k -> new ArrayList<>()).add(e);
        }
        return byPair;
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        List<Path> goldFiles = new ArrayList<>();
        Path textFile = null;
        boolean errors = false;
        boolean detect = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--relations" -> goldFiles.add(Path.of(args[++i]));
                case "--texts" -> textFile = Path.of(args[++i]);
                case "--errors" -> errors = true;
                case "--detect" -> detect = true;
                default -> {
                    if (!args[i].startsWith("--") && !goldFiles.isEmpty()) {
                        goldFiles.add(Path.of(args[i])); // a shell glob after --relations
                        continue;
                    }
                    out.println("score: unknown argument '" + args[i] + "'");
                    return 2;
                }
            }
        }
        if (goldFiles.isEmpty() || (textFile != null && goldFiles.size() > 1)) {
            out.println(
                    "usage: score --relations GOLD.jsonl [MORE.jsonl …] [--texts ARTICLES.jsonl] [--errors] [--detect]");
            return 2;
        }
        Enricher enricher = RuleBasedEnricher.fromSettings(out);
        Figures pooled = new Figures(0, 0, 0, 0, 0, 0);
        int[] pooledDetection = new int[2];
        for (Path goldFile : goldFiles) {
            Map<String, JsonNode> texts = readById(textFile == null ? goldFile : textFile);
            Figures all = new Figures(0, 0, 0, 0, 0, 0);
            int withPairs = 0;
            int[] detection = new int[2]; // items with a stated language, and those detected as it
            for (JsonNode line : readById(goldFile).values()) {
                GoldArticle gold = parseGold(line);
                JsonNode text = texts.get(gold.id());
                if (text == null || !text.hasNonNull("body")) {
                    out.println("score: no text for gold article " + gold.id() + " in "
                            + (textFile == null ? goldFile : textFile));
                    return 2;
                }
                String stated = text.path("language").asText(null);
                String detected = null;
                if (stated != null) {
                    detected = LanguageDetection.detect(
                            text.path("title").asText(""), text.path("body").asText(""));
                    detection[0]++;
                    detection[1] += stated.equals(detected) ? 1 : 0;
                }
                ArticleInput input = Annotate.toInput(text);
                if (detect && stated != null) {
                    // as the pipeline reads an article whose source states no language
                    input = new ArticleInput(
                            input.id(),
                            input.title(),
                            input.body(),
                            input.published(),
                            input.source(),
                            input.sourceCountry(),
                            detected);
                }
                Annotation a = enricher.annotate(input);
                ArticleScore s = score(gold, a.events());
                all = all.plus(s);
                pooled = pooled.plus(s);
                withPairs += gold.pairs().isEmpty() ? 0 : 1;
                if (errors) {
                    printErrors(gold, s, a.events(), out);
                }
            }
            pooledDetection[0] += detection[0];
            pooledDetection[1] += detection[1];
            print(goldFile.toString(), all, withPairs, detection, out);
        }
        if (goldFiles.size() > 1) {
            print("pooled over " + goldFiles.size() + " files", pooled, -1, pooledDetection, out);
        }
        return 0;
    }

    private static void print(String what, Figures all, int withPairs, int[] detection, PrintStream out) {
        out.printf(
                "relations %s: %d articles%s%s%n",
                what,
                all.articles(),
                withPairs < 0 ? "" : " (" + withPairs + " with pairs)",
                detection[0] == 0 ? "" : ", language detected " + detection[1] + "/" + detection[0]);
        out.printf(
                "  pairs   P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)%n",
                all.precision(), all.recall(), all.f1(), all.tp(), all.fp(), all.fn());
        out.printf(
                "  events  on the %d pairs found in both: direction %.3f, CAMEO root %.3f%n",
                all.tp(), all.directionAgreement(), all.rootAgreement());
    }

    private static void printErrors(GoldArticle gold, ArticleScore s, List<CodedEvent> predicted, PrintStream out) {
        Map<String, List<CodedEvent>> byPair = byPair(predicted);
        for (String pair : s.missedPairs()) {
            for (GoldEvent g : gold.events()) {
                if (g.pairId().equals(pair)) {
                    out.printf("FN   %s %s gold %s %s  \"%s\"%n", gold.id(), pair, g.root(), arrow(g), g.evidence());
                }
            }
        }
        for (String pair : s.falsePairs()) {
            for (CodedEvent p : byPair.get(pair)) {
                out.printf("FP   %s %s pred %s %s  \"%s\"%n", gold.id(), pair, p.code(), arrow(p), trim(p.sentence()));
            }
        }
        for (String pair : s.truePairs()) {
            boolean dir = s.directionAgrees().contains(pair);
            boolean root = s.rootAgrees().contains(pair);
            if (dir && root) {
                continue;
            }
            String what = !dir && !root ? "DIR+ROOT" : !dir ? "DIR " : "ROOT";
            for (GoldEvent g : gold.events()) {
                if (g.pairId().equals(pair)) {
                    out.printf(
                            "%s %s %s gold %s %s  \"%s\"%n", what, gold.id(), pair, g.root(), arrow(g), g.evidence());
                }
            }
            for (CodedEvent p : byPair.get(pair)) {
                out.printf(
                        "%s %s %s pred %s %s  \"%s\"%n", what, gold.id(), pair, p.code(), arrow(p), trim(p.sentence()));
            }
        }
    }

    private static String arrow(GoldEvent g) {
        return g.actor1() + (g.mutual() ? "<->" : "->") + g.actor2();
    }

    private static String arrow(CodedEvent p) {
        return p.actor1() + (p.directed() ? "->" : "<->") + p.actor2();
    }

    private static String trim(String sentence) {
        String s = sentence.replaceAll("\\s+", " ");
        return s.length() <= SENTENCE_CHARS ? s : s.substring(0, SENTENCE_CHARS) + "…";
    }

    /** The lines of a JSON-lines file by their "id", in file order. */
    private static Map<String, JsonNode> readById(Path file) throws IOException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode j = JSON.readTree(line);
            if (!j.hasNonNull("id")) {
                throw new IOException(file + ":" + n + ": no \"id\"");
            }
            byId.put(j.get("id").asText(), j);
        }
        return byId;
    }
}
