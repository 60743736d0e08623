package io.bilateral.enrich.engine.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.names.perceptron.ConllCorpus;
import io.bilateral.enrich.engine.names.perceptron.ModelCache;
import io.bilateral.enrich.engine.names.perceptron.NerModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned name tagger on synthetic data the test writes itself: invented names in a few sentence patterns, so
 * only context and shape can tell their types. No evaluation data is used.
 */
class PerceptronNameTaggerTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    @TempDir
    static Path dir;

    private static Path train;
    private static NerModel model;

    @BeforeAll
    static void trainOnSyntheticData() throws IOException {
        train = dir.resolve("synthetic.train");
        Files.writeString(train, corpus(new Random(7), 60), StandardCharsets.UTF_8);
        model = PerceptronNameTagger.train(train, KB, 5);
    }

    /** Sentences as CoNLL lines (token POS chunk tag, IOB1 like CoNLL-2003), documents of 5 sentences. */
    static String corpus(Random r, int docs) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < docs; d++) {
            b.append("-DOCSTART- -X- O O\n\n");
            for (int s = 0; s < 5; s++) {
                for (String[] tok : sentence(r)) {
                    b.append(tok[0]).append(" NN O ").append(tok[1]).append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static List<String[]> sentence(Random r) {
        List<String[]> s = new ArrayList<>();
        switch (r.nextInt(4)) {
            case 0 -> { // "Mr Zorvak Melitu said on Monday the talks would go on ."
                add(s, "O", "Mr");
                add(s, "I-PER", name(r), name(r));
                add(s, "O", "said", "on", "Monday", "the", "talks", "would", "go", "on", ".");
            }
            case 1 -> { // "Shares of Tavrinex Corp rose 5 pct , traders said ."
                add(s, "O", "Shares", "of");
                add(s, "I-ORG", name(r), "Corp");
                add(s, "O", "rose", String.valueOf(1 + r.nextInt(9)), "pct", ",", "traders", "said", ".");
            }
            case 2 -> { // "Heavy rain fell in Quolby and nearby towns ."
                add(s, "O", "Heavy", "rain", "fell", "in");
                add(s, "I-LOC", name(r));
                add(s, "O", "and", "nearby", "towns", ".");
            }
            default -> { // "Fans of the Brelish Cup gathered in the square ."
                add(s, "O", "Fans", "of", "the");
                add(s, "I-MISC", name(r), "Cup");
                add(s, "O", "gathered", "in", "the", "square", ".");
            }
        }
        return s;
    }

    private static void add(List<String[]> s, String tag, String... words) {
        for (String w : words) {
            s.add(new String[] {w, tag});
        }
    }

    /** An invented capitalised word ("Zorvak"), not in the dictionary. */
    private static String name(Random r) {
        String[] syl = {"zor", "vak", "mel", "itu", "tav", "rin", "qu", "ol", "by", "bre", "lish", "dax", "ume", "pra"};
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            b.append(syl[r.nextInt(syl.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static List<List<String>> predicted(NerModel m, List<List<ConllCorpus.Tok>> doc) {
        return ConllCorpus.tag(RuleBasedEnricher.create(KB, new PerceptronNameTagger(m)), doc);
    }

    @Test
    void shouldTagUnseenNamesByTheirContextAfterTraining() throws IOException {
        Path test = dir.resolve("synthetic.test");
        Files.writeString(test, corpus(new Random(99), 10), StandardCharsets.UTF_8);
        int tokens = 0;
        int right = 0;
        int entityTokens = 0;
        for (List<List<ConllCorpus.Tok>> doc : ConllCorpus.read(test)) {
            List<List<String>> pred = predicted(model, doc);
            for (int s = 0; s < doc.size(); s++) {
                for (int i = 0; i < doc.get(s).size(); i++) {
                    String gold = doc.get(s).get(i).gold();
                    tokens++;
                    entityTokens += gold.equals("O") ? 0 : 1;
                    right += gold.equals(pred.get(s).get(i)) ? 1 : 0;
                }
            }
        }
        assertTrue(entityTokens > 50, "the test data has entities");
        assertTrue(right >= tokens * 0.97, right + " of " + tokens + " tokens tagged right");
    }

    @Test
    void shouldTagTheSameAfterWritingAndReadingTheModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(model.features(), read.features());
        for (List<List<ConllCorpus.Tok>> doc : ConllCorpus.read(train)) {
            assertEquals(predicted(model, doc), predicted(read, doc));
        }
    }

    @Test
    void shouldRejectAFileThatIsNoModel() {
        IOException e = assertThrows(
                IOException.class, () -> NerModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
        assertTrue(e.getMessage().contains("not a name tagger model"), e.getMessage());
    }

    @Test
    void shouldTrainOnceAndLoadFromTheCacheAfterwards() throws IOException {
        ModelCache cache = new ModelCache(dir.resolve("cache"));
        ModelCache.Loaded first = cache.loadOrTrain(train, "test", () -> model);
        assertTrue(first.trained());
        assertTrue(Files.isRegularFile(first.file()));
        ModelCache.Loaded second = cache.loadOrTrain(train, "test", () -> {
            throw new AssertionError("trained again although the model is cached");
        });
        assertFalse(second.trained());
        assertEquals(first.file(), second.file());
        assertEquals(model.features(), second.model().features());
    }

    @Test
    void shouldKeyTheCacheByTheTrainingFilesContentAndParameters() throws IOException {
        ModelCache cache = new ModelCache(dir.resolve("cache"));
        Path other = dir.resolve("other.train");
        Files.writeString(other, corpus(new Random(8), 3), StandardCharsets.UTF_8);
        assertNotEquals(cache.fileFor(train, "p"), cache.fileFor(other, "p"));
        assertNotEquals(cache.fileFor(train, "p"), cache.fileFor(train, "q"));
        Path copy = dir.resolve("copy.train");
        Files.copy(train, copy);
        assertEquals(cache.fileFor(train, "p"), cache.fileFor(copy, "p"));
    }

    @Test
    void shouldUseNoModelWhenNoTrainingFileIsConfigured() throws IOException {
        assumeTrue(System.getenv(PerceptronNameTagger.ENV) == null);
        String before = System.getProperty(PerceptronNameTagger.SETTING);
        System.clearProperty(PerceptronNameTagger.SETTING);
        try {
            assertNull(PerceptronNameTagger.fromSettings(KB, new PrintStream(new ByteArrayOutputStream())));
        } finally {
            if (before != null) {
                System.setProperty(PerceptronNameTagger.SETTING, before);
            }
        }
    }

    @Test
    void shouldReadIob1TagsAsIob2() throws IOException {
        Path f = dir.resolve("iob1.conll");
        Files.writeString(
                f,
                "-DOCSTART- -X- O O\n\nZorvak NNP I-NP I-PER\nMelitu NNP I-NP I-PER\nx NN I-NP O\n"
                        + "A NNP I-NP I-LOC\nB NNP I-NP B-LOC\n",
                StandardCharsets.UTF_8);
        List<String> tags = new ArrayList<>();
        for (ConllCorpus.Tok t : ConllCorpus.read(f).get(0).get(0)) {
            tags.add(t.gold());
        }
        assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "B-LOC"), tags);
    }
}
