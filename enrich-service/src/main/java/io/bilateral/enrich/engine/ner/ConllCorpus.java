package io.bilateral.enrich.engine.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
}
