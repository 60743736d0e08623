package io.bilateral.enrich.engine.eval;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CoNLL-2003 mode of annotate: each document (between -DOCSTART- lines) is rebuilt as text (tokens joined by
 * spaces, sentences by blank lines), annotated by the engine, and the entity spans are mapped back to tokens as
 * IOB2 PER/LOC/ORG/MISC.
 */
public final class ConllTagger {

    private ConllTagger() {
    }

    /** A CoNLL token with its gold tag (converted to IOB2). */
    public record Tok(String word, String gold) {
    }

    /** Reads a CoNLL file into documents of sentences. */
    public static List<List<List<Tok>>> read(Path p) throws IOException {
        List<List<List<Tok>>> docs = new ArrayList<>();
        List<List<Tok>> doc = new ArrayList<>();
        List<Tok> sent = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-")) {
                if (!sent.isEmpty()) {
                    doc.add(sent);
                    sent = new ArrayList<>();
                }
                if (!doc.isEmpty()) {
                    docs.add(doc);
                    doc = new ArrayList<>();
                }
                continue;
            }
            if (line.isBlank()) {
                if (!sent.isEmpty()) {
                    doc.add(sent);
                    sent = new ArrayList<>();
                }
                continue;
            }
            String[] c = line.split(" ");
            sent.add(new Tok(c[0], c[c.length - 1]));
        }
        if (!sent.isEmpty()) {
            doc.add(sent);
        }
        if (!doc.isEmpty()) {
            docs.add(doc);
        }
        for (List<List<Tok>> d : docs) {
            for (List<Tok> s : d) {
                toIob2(s);
            }
        }
        return docs;
    }

    private static void toIob2(List<Tok> s) {
        String prev = "O";
        for (int i = 0; i < s.size(); i++) {
            String g = s.get(i).gold();
            if (g.startsWith("I-")) {
                String type = g.substring(2);
                if (!prev.endsWith(type)) {
                    g = "B-" + type;
                }
            }
            s.set(i, new Tok(s.get(i).word(), g));
            prev = g;
        }
    }

    static String conllType(String type) {
        return switch (type) {
            case "PERSON" -> "PER";
            case "LOCATION", "COUNTRY" -> "LOC";
            case "ORGANIZATION" -> "ORG";
            default -> "MISC";
        };
    }

    /** Predicted IOB2 tags for every token of a document. */
    public static List<List<String>> tag(Enricher enricher, List<List<Tok>> doc) {
        StringBuilder b = new StringBuilder();
        List<int[]> offsets = new ArrayList<>();
        for (List<Tok> s : doc) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                offsets.add(new int[] {b.length(), b.length() + s.get(i).word().length()});
                b.append(s.get(i).word());
            }
        }
        Annotation a = enricher.annotate(new ArticleInput("conll", "", b.toString(), null, null, null));
        int shift = 2; // the empty title and its "\n\n"
        String[] tags = new String[offsets.size()];
        java.util.Arrays.fill(tags, "O");
        int k = 0;
        for (Entity e : a.entities()) {
            int s = e.start() - shift;
            int end = e.end() - shift;
            while (k < offsets.size() && offsets.get(k)[1] <= s) {
                k++;
            }
            boolean first = true;
            for (int j = k; j < offsets.size() && offsets.get(j)[0] < end; j++) {
                tags[j] = (first ? "B-" : "I-") + conllType(e.type());
                first = false;
            }
        }
        List<List<String>> out = new ArrayList<>();
        int t = 0;
        for (List<Tok> s : doc) {
            List<String> st = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                st.add(tags[t++]);
            }
            out.add(st);
        }
        return out;
    }

    /** Writes {@code token gold predicted} lines; returns the number of sentences. */
    static int annotateFile(Path in, Path out) throws IOException {
        Enricher enricher = RuleBasedEnricher.create();
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (List<List<Tok>> doc : read(in)) {
                List<List<String>> pred = tag(enricher, doc);
                for (int s = 0; s < doc.size(); s++) {
                    for (int i = 0; i < doc.get(s).size(); i++) {
                        Tok tok = doc.get(s).get(i);
                        w.write(tok.word() + " " + tok.gold() + " " + pred.get(s).get(i) + "\n");
                    }
                    w.write('\n');
                    n++;
                }
            }
        }
        return n;
    }
}
