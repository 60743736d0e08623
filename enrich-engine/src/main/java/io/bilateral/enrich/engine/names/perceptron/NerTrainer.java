package io.bilateral.enrich.engine.names.perceptron;

import io.bilateral.enrich.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link NerModel}: an averaged perceptron over the features of {@link NerFeatures}, decoding greedily
 * during training exactly as at run time (the tag features see the tags the model chose, not the gold ones).
 * Averaging uses the usual trick: {@code avg = w - u / c} with {@code u} the updates weighted by their time.
 */
public final class NerTrainer {

    /** One training sequence: tokens {@code [from, to)} of {@code t}, dictionary marks and gold tag indices. */
    public record Example(Tokens t, int from, int to, byte[] dict, int[] gold) {}

    private int[] keys = new int[1 << 16];
    private float[] w = new float[keys.length * NerModel.TAGS];
    private float[] u = new float[keys.length * NerModel.TAGS];
    private int size;
    private long c = 1;

    private NerTrainer() {}

    /** Trains for {@code epochs} passes over the examples, shuffled with {@code seed} before each pass. */
    public static NerModel train(List<Example> examples, int epochs, long seed) {
        NerTrainer tr = new NerTrainer();
        // static features once per token: [offset of each token's features], then the features themselves
        List<int[]> staticFeats = new ArrayList<>(examples.size());
        List<int[]> offsets = new ArrayList<>(examples.size());
        int[] buf = new int[NerFeatures.MAX_STATIC];
        for (Example ex : examples) {
            int n = ex.to() - ex.from();
            int[] off = new int[n + 1];
            int[] all = new int[n * 36];
            int p = 0;
            boolean headline = NerFeatures.headline(ex.t(), ex.from(), ex.to());
            for (int k = 0; k < n; k++) {
                off[k] = p;
                int m = NerFeatures.staticFeatures(
                        ex.t(), ex.from(), ex.to(), ex.dict(), headline, ex.from() + k, buf, 0);
                if (p + m > all.length) {
                    all = Arrays.copyOf(all, Math.max(all.length * 2, p + m));
                }
                System.arraycopy(buf, 0, all, p, m);
                p += m;
            }
            off[n] = p;
            staticFeats.add(all);
            offsets.add(off);
        }
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int[] feats = new int[NerFeatures.MAX_STATIC + NerFeatures.MAX_TAG];
        float[] scores = new float[NerModel.TAGS];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            for (int idx : order) {
                Example ex = examples.get(idx);
                int[] all = staticFeats.get(idx);
                int[] off = offsets.get(idx);
                int prev1 = 0;
                int prev2 = 0;
                for (int k = 0; k < ex.to() - ex.from(); k++) {
                    int i = ex.from() + k;
                    if (prev1 == 0 && !NerFeatures.canStart(ex.t(), i)) {
                        prev2 = prev1;
                        continue; // O without scoring, as at run time
                    }
                    int ns = off[k + 1] - off[k];
                    System.arraycopy(all, off[k], feats, 0, ns);
                    int n = NerFeatures.tagFeatures(ex.t(), i, prev1, prev2, ex.dict()[i], feats, ns);
                    int guess = tr.best(feats, n, prev1, scores);
                    int gold = ex.gold()[i];
                    if (guess != gold) {
                        tr.update(feats, n, gold, guess);
                    }
                    tr.c++;
                    prev2 = prev1;
                    prev1 = guess;
                }
            }
        }
        return tr.averaged();
    }

    /** Rewards the gold tag and penalises the guess on every feature. */
    private void update(int[] feats, int n, int gold, int guess) {
        for (int k = 0; k < n; k++) {
            int base = slot(feats[k]) * NerModel.TAGS;
            w[base + gold] += 1;
            u[base + gold] += c;
            w[base + guess] -= 1;
            u[base + guess] -= c;
        }
    }

    private int best(int[] feats, int n, int prev, float[] scores) {
        Arrays.fill(scores, 0f);
        int mask = keys.length - 1;
        for (int k = 0; k < n; k++) {
            int key = feats[k];
            int i = NerModel.mix(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == key) {
                int base = i * NerModel.TAGS;
                for (int y = 0; y < NerModel.TAGS; y++) {
                    scores[y] += w[base + y];
                }
            }
        }
        int best = 0;
        for (int y = 1; y < NerModel.TAGS; y++) {
            if (scores[y] > scores[best] && NerModel.allowed(prev, y)) {
                best = y;
            }
        }
        return best;
    }

    private int slot(int key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = NerModel.mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        return i;
    }

    private void grow() {
        int[] oldKeys = keys;
        float[] oldW = w;
        float[] oldU = u;
        keys = new int[oldKeys.length * 2];
        w = new float[keys.length * NerModel.TAGS];
        u = new float[keys.length * NerModel.TAGS];
        int mask = keys.length - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != 0) {
                int i = NerModel.mix(oldKeys[s]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[s];
                System.arraycopy(oldW, s * NerModel.TAGS, w, i * NerModel.TAGS, NerModel.TAGS);
                System.arraycopy(oldU, s * NerModel.TAGS, u, i * NerModel.TAGS, NerModel.TAGS);
            }
        }
    }

    /** The averaged weights; features whose averaged weights are all (nearly) zero are left out. */
    private NerModel averaged() {
        int kept = 0;
        float[] row = new float[NerModel.TAGS];
        List<Integer> slots = new ArrayList<>();
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] == 0) {
                continue;
            }
            boolean any = false;
            for (int y = 0; y < NerModel.TAGS; y++) {
                float a = (float) (w[s * NerModel.TAGS + y] - u[s * NerModel.TAGS + y] / (double) c);
                any |= Math.abs(a) > 1e-3f;
            }
            if (any) {
                slots.add(s);
                kept++;
            }
        }
        NerModel.Builder b = new NerModel.Builder(kept);
        for (int s : slots) {
            for (int y = 0; y < NerModel.TAGS; y++) {
                row[y] = (float) (w[s * NerModel.TAGS + y] - u[s * NerModel.TAGS + y] / (double) c);
            }
            b.put(keys[s], row);
        }
        return b.build();
    }
}
