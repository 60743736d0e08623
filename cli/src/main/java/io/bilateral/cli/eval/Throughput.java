package io.bilateral.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.NameLexicon;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.NameTagger;
import io.bilateral.enrich.engine.names.PerceptronNameTagger;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple single-thread throughput measurement of the whole annotate step (until the JMH module exists):
 * {@code Throughput FILE.jsonl [seconds]} prints MB/s of title+body text (per wall-clock and per CPU second of the
 * measuring thread), articles/s, the allocation rate and the
 * heap taken by the loaded knowledge base. With {@code -Dengine.ner.train=FILE} it measures the engine with the learned
 * name tagger ({@link PerceptronNameTagger}).
 */
public final class Throughput {

    private Throughput() {}

    public static void main(String[] args) throws IOException {
        run(args, System.out);
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        if (args.length < 1) {
            out.println("usage: throughput FILE.jsonl [seconds]");
            return 2;
        }
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        long heapBefore = usedHeap();
        KnowledgeBase kb = KnowledgeBase.bundled();
        // the whole knowledge base: the dictionary, the rule tables and the name tagger's word lists
        RuleTables.bundled();
        NameLexicon.bundled();
        long heapAfter = usedHeap();
        NameTagger model = PerceptronNameTagger.fromSettings(kb, out); // null unless a training file is configured
        Enricher e = model == null ? RuleBasedEnricher.create(kb) : RuleBasedEnricher.create(kb, model);
        ObjectMapper json = new ObjectMapper();
        List<ArticleInput> articles = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            JsonNode j = json.readTree(line);
            ArticleInput a = Annotate.toInput(j);
            articles.add(a);
            bytes += a.text().getBytes(StandardCharsets.UTF_8).length;
        }
        // warm up
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
            for (ArticleInput a : articles) {
                e.annotate(a);
            }
        }
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long alloc0 = tmx.getThreadAllocatedBytes(tid);
        long cpu0 = tmx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long done = 0;
        long n = 0;
        long stop = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < stop) {
            for (ArticleInput a : articles) {
                e.annotate(a);
                n++;
            }
            done += bytes;
        }
        double dt = (System.nanoTime() - t0) / 1e9;
        long alloc = tmx.getThreadAllocatedBytes(tid) - alloc0;
        // CPU time of this thread: the figure that stays comparable when other processes share the cores
        double cpu = (tmx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.printf(
                "{\"mbPerSecond\":%.2f,\"mbPerCpuSecond\":%.2f,\"articlesPerSecond\":%.0f,\"allocMbPerSecond\":%.1f,"
                        + "\"allocBytesPerArticle\":%d,\"kbEntries\":%d,\"kbHeapMb\":%.1f}%n",
                done / dt / 1e6,
                done / cpu / 1e6,
                n / dt,
                alloc / dt / 1e6,
                alloc / Math.max(1, n),
                kb.size(),
                (heapAfter - heapBefore) / 1e6);
        return 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
