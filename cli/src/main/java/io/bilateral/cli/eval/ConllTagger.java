package io.bilateral.cli.eval;

import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.names.perceptron.ConllCorpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
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

    private ConllTagger() {}

    /** A CoNLL token with its gold tag (converted to IOB2). */
    public record Tok(String word, String gold) {}

    /** Reads a CoNLL file into documents of sentences. */
    public static List<List<List<Tok>>> read(Path p) throws IOException {
        List<List<List<Tok>>> docs = new ArrayList<>();
        for (List<List<ConllCorpus.Tok>> d : ConllCorpus.read(p)) {
            List<List<Tok>> doc = new ArrayList<>(d.size());
            for (List<ConllCorpus.Tok> s : d) {
                List<Tok> sent = new ArrayList<>(s.size());
                for (ConllCorpus.Tok t : s) {
                    sent.add(new Tok(t.word(), t.gold()));
                }
                doc.add(sent);
            }
            docs.add(doc);
        }
        return docs;
    }

    /** Predicted IOB2 tags for every token of a document. */
    public static List<List<String>> tag(Enricher enricher, List<List<Tok>> doc) {
        List<List<ConllCorpus.Tok>> plain = new ArrayList<>(doc.size());
        for (List<Tok> s : doc) {
            List<ConllCorpus.Tok> ps = new ArrayList<>(s.size());
            for (Tok t : s) {
                ps.add(new ConllCorpus.Tok(t.word(), t.gold()));
            }
            plain.add(ps);
        }
        return ConllCorpus.tag(enricher, plain);
    }

    /** Writes {@code token gold predicted} lines; returns the number of sentences. */
    static int annotateFile(Path in, Path out, PrintStream log) throws IOException {
        Enricher enricher = RuleBasedEnricher.fromSettings(log);
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (List<List<Tok>> doc : read(in)) {
                List<List<String>> pred = tag(enricher, doc);
                for (int s = 0; s < doc.size(); s++) {
                    for (int i = 0; i < doc.get(s).size(); i++) {
                        Tok tok = doc.get(s).get(i);
                        w.write(tok.word() + " " + tok.gold() + " "
                                + pred.get(s).get(i) + "\n");
                    }
                    w.write('\n');
                    n++;
                }
            }
        }
        return n;
    }
}
