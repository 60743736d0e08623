package io.bilateral.enrich.engine.names.perceptron;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CoNLL-2003 style token files: one token a line with the tag in the last column, blank lines between sentences,
 * {@code -DOCSTART-} lines between documents. Tags are converted from IOB1 to IOB2 on reading.
 */
public final class ConllCorpus {

    private ConllCorpus() {}

    /** A token with its gold tag (IOB2). */
    public record Tok(String word, String gold) {}

    /** A document rebuilt as text: tokens joined by spaces, sentences by blank lines; offsets of every token. */
    public record Text(String body, int[] start, int[] end) {}

    /** Reads a file into documents of sentences. */
    public static List<List<List<Tok>>> read(Path p) throws IOException {
        List<List<List<Tok>>> docs = new ArrayList<>();
        List<List<Tok>> doc = new ArrayList<>();
        List<Tok> sent = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            lineNo++;
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
            if (c.length < 2) {
                throw new IOException(p + " line " + lineNo + ": expected 'token ... tag', got '" + line + "'");
            }
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

    /** The text of a document as the engine reads it. */
    public static Text text(List<List<Tok>> doc) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (List<Tok> s : doc) {
            n += s.size();
        }
        int[] start = new int[n];
        int[] end = new int[n];
        int k = 0;
        for (List<Tok> s : doc) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            for (int i = 0; i < s.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                start[k] = b.length();
                b.append(s.get(i).word());
                end[k++] = b.length();
            }
        }
        return new Text(b.toString(), start, end);
    }

    static String conllType(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case LOCATION, COUNTRY -> "LOC";
            case ORGANIZATION -> "ORG";
            case NORP, MISC -> "MISC";
        };
    }

    /** The engine's entities on a document as IOB2 tags of its tokens (PER, LOC, ORG, MISC). */
    public static List<List<String>> tag(Enricher enricher, List<List<Tok>> doc) {
        Text text = text(doc);
        int[] starts = text.start();
        int[] ends = text.end();
        Annotation a = enricher.annotate(new ArticleInput("conll", "", text.body(), null, null, null));
        int shift = 2; // the empty title and its "\n\n"
        String[] tags = new String[starts.length];
        Arrays.fill(tags, "O");
        int k = 0;
        for (Entity e : a.entities()) {
            int s = e.start() - shift;
            int end = e.end() - shift;
            while (k < starts.length && ends[k] <= s) {
                k++;
            }
            boolean first = true;
            for (int j = k; j < starts.length && starts[j] < end; j++) {
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
}
