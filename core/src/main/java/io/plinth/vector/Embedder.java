package io.plinth.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a vector. Items and queries embedded by one embedder carry its
 * {@link #modelVersion()}, which is what keeps searches from mixing models.
 */
public interface Embedder {
    /** The name of the model and its version, stored in every item's {@code embeddingModelVersion}. */
    String modelVersion();

    /** The number of dimensions of every vector this embedder makes. */
    int dimensions();

    /** The embedding of {@code text}. */
    float[] embed(String text);

    /** The embeddings of {@code texts}, in order. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }
}
