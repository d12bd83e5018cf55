package io.plinth.vector.feed;

import io.plinth.vector.Embedder;
import java.util.Locale;

/**
 * A small deterministic embedder for tests: each word (lower-cased letters and digits) adds 1 to the
 * component its hash picks, and component 0 is always 1 so no text embeds to all zeros. Texts sharing
 * words are near each other; no model, no time.
 */
final class HashingEmbedder implements Embedder {
    static final int DIMENSIONS = 64;
    private final String version;

    HashingEmbedder() {
        this("test-hashing-64");
    }

    HashingEmbedder(String version) {
        this.version = version;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[DIMENSIONS];
        v[0] = 1;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[1 + Math.floorMod(word.hashCode(), DIMENSIONS - 1)] += 1;
            }
        }
        return v;
    }
}
