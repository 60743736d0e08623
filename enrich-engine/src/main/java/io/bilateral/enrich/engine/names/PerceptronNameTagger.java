package io.bilateral.enrich.engine.names;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.names.perceptron.ConllCorpus;
import io.bilateral.enrich.engine.names.perceptron.ModelCache;
import io.bilateral.enrich.engine.names.perceptron.NerModel;
import io.bilateral.enrich.engine.names.perceptron.NerTrainer;
import io.bilateral.enrich.engine.text.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A learned name tagger: an averaged perceptron ({@link NerModel}) tags every sentence with IOB2 PER/LOC/ORG/MISC,
 * seeing the dictionary matches as features. Its spans replace the dictionary's: a span that is exactly a
 * dictionary match of a compatible type keeps the entry (country, id, role); dictionary matches the model does not
 * confirm are dropped.
 *
 * <p>No trained model ships with the project. {@link #fromSettings} trains one from the CoNLL-format file named by
 * the system property {@value #SETTING} (or the environment variable {@value #ENV}) and caches it under
 * {@code ~/.cache/bilateral/} keyed by the file's hash.
 */
public final class PerceptronNameTagger implements NameTagger {

    /** System property naming a CoNLL-format training file. */
    public static final String SETTING = "engine.ner.train";
    /** Environment variable naming a CoNLL-format training file (when the property is not set). */
    public static final String ENV = "BILATERAL_NER_TRAIN";
    /** Training passes. */
    public static final int EPOCHS = 8;

    private static final EntityType[] ENTITY_TYPES = {
        EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.MISC
    };

    private final NerModel model;

    public PerceptronNameTagger(NerModel model) {
        this.model = model;
    }

    public NerModel model() {
        return model;
    }

    /**
     * The tagger trained from the configured file (loaded from the cache when it was trained before), or null when
     * no file is configured.
     */
    public static PerceptronNameTagger fromSettings(KnowledgeBase kb, PrintStream log) throws IOException {
        String file = System.getProperty(SETTING);
        if (file == null || file.isBlank()) {
            file = System.getenv(ENV);
        }
        if (file == null || file.isBlank()) {
            return null;
        }
        Path train = Path.of(file);
        ModelCache cache = ModelCache.standard();
        long t0 = System.nanoTime();
        ModelCache.Loaded loaded =
                cache.loadOrTrain(train, "epochs=" + EPOCHS + ",kb=" + kb.size(), () -> train(train, kb, EPOCHS));
        log.printf(
                "name tagger: perceptron, %s from %s (%d features, %.1f s) -> %s%n",
                loaded.trained() ? "trained" : "cached",
                train,
                loaded.model().features(),
                (System.nanoTime() - t0) / 1e9,
                loaded.file());
        return new PerceptronNameTagger(loaded.model());
    }

    /** Trains a model on a CoNLL-format file, seeing each document as the engine sees it. */
    public static NerModel train(Path conll, KnowledgeBase kb, int epochs) throws IOException {
        return NerTrainer.train(examples(conll, kb), epochs, 20240601L);
    }

    static List<NerTrainer.Example> examples(Path conll, KnowledgeBase kb) throws IOException {
        RuleBasedEnricher engine = RuleBasedEnricher.create(kb);
        List<NerTrainer.Example> out = new ArrayList<>();
        for (List<List<ConllCorpus.Tok>> doc : ConllCorpus.read(conll)) {
            ConllCorpus.Text text = ConllCorpus.text(doc);
            List<String> tags = new ArrayList<>();
            for (List<ConllCorpus.Tok> s : doc) {
                for (ConllCorpus.Tok tok : s) {
                    tags.add(tok.gold());
                }
            }
            int shift = 2; // an empty title and its "\n\n", as annotate sees a CoNLL document
            RuleBasedEnricher.Prepared p = engine.prepare("\n\n" + text.body(), shift);
            Tokens t = p.tokens();
            int[] gold = new int[t.size];
            int k = 0;
            for (int i = 0; i < t.size; i++) {
                int s = t.start[i] - shift;
                while (k < text.end().length && text.end()[k] <= s) {
                    k++;
                }
                if (k == text.end().length || text.start()[k] > s) {
                    continue; // not inside a CoNLL token (cannot happen with space-joined tokens)
                }
                int tag = NerModel.tagIndex(tags.get(k));
                boolean firstPiece = text.start()[k] == s;
                if (tag != 0 && (tag & 1) == 1 && !firstPiece) {
                    tag++; // the rest of a B- token is I-
                }
                gold[i] = tag;
            }
            byte[] dict = dictMarks(t, p.dictionary());
            forEachSegment(t, p.sentence(), (from, to) -> out.add(new NerTrainer.Example(t, from, to, dict, gold)));
        }
        return out;
    }

    interface Segment {
        void accept(int from, int to);
    }

    /** Runs of tokens of one sentence; dropped tokens (sentence -1) are left out. */
    static void forEachSegment(Tokens t, int[] sentence, Segment f) {
        int i = 0;
        while (i < t.size) {
            if (sentence[i] < 0) {
                i++;
                continue;
            }
            int s = i;
            while (i < t.size && sentence[i] == sentence[s]) {
                i++;
            }
            f.accept(s, i);
        }
    }

    /** Dictionary marks per token as {@link io.bilateral.enrich.engine.ner.NerFeatures} reads them. */
    static byte[] dictMarks(Tokens t, List<Mention> dictionary) {
        byte[] d = new byte[t.size];
        for (Mention m : dictionary) {
            int type = dictType(m.type);
            if (type < 0) {
                continue;
            }
            d[m.from] = (byte) (2 * type + 1);
            for (int i = m.from + 1; i < m.to; i++) {
                d[i] = (byte) (2 * type + 2);
            }
        }
        return d;
    }

    private static int dictType(EntityType type) {
        return switch (type) {
            case COUNTRY -> 0;
            case LOCATION -> 1;
            case NORP -> 2;
            case ORGANIZATION -> 3;
            case PERSON -> 4;
            default -> -1;
        };
    }

    @Override
    public List<Mention> tag(Tokens t, int[] sentence, List<Mention> dictionary, KnowledgeBase kb) {
        byte[] dict = dictMarks(t, dictionary);
        int[] tags = new int[t.size];
        forEachSegment(t, sentence, (from, to) -> model.tag(t, from, to, dict, tags));
        List<Mention> out = new ArrayList<>(dictionary.size() + 8);
        int d = 0;
        int i = 0;
        while (i < t.size) {
            int tag = tags[i];
            if (tag == 0) {
                i++;
                continue;
            }
            int type = (tag - 1) / 2;
            int s = i++;
            while (i < t.size && tags[i] == 2 + 2 * type) {
                i++;
            }
            while (d < dictionary.size() && dictionary.get(d).to <= s) {
                d++;
            }
            out.add(mention(s, i, type, dictionary, d));
        }
        return out;
    }

    /** The dictionary's mention when it is exactly the span with a compatible type, else a new one. */
    private static Mention mention(int from, int to, int type, List<Mention> dictionary, int d) {
        String country = null;
        for (int k = d; k < dictionary.size() && dictionary.get(k).from < to; k++) {
            Mention m = dictionary.get(k);
            if (m.from == from && m.to == to && compatible(m.type, type)) {
                return m;
            }
            if (m.from >= from && m.to <= to && m.country != null && (type == 1 || type == 2)) {
                country = m.country; // "Bank of Japan", "New York City": the country of the place inside
            }
        }
        return new Mention(from, to, ENTITY_TYPES[type], country, null, null);
    }

    private static boolean compatible(EntityType dictType, int type) {
        return switch (type) {
            case 0 -> dictType == EntityType.PERSON;
            case 1 -> dictType == EntityType.LOCATION || dictType == EntityType.COUNTRY;
            case 2 -> dictType == EntityType.ORGANIZATION;
            default -> dictType == EntityType.NORP;
        };
    }
}
