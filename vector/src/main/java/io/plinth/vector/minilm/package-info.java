/** An in-process {@link io.plinth.vector.Embedder}: all-MiniLM-L6-v2 through langchain4j, no network. */
package io.plinth.vector.minilm;
