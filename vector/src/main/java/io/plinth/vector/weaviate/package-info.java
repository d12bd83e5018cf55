/** The {@link io.plinth.vector.SemanticIndex} on Weaviate, through the official Java client ({@code io.weaviate:client6}). */
package io.plinth.vector.weaviate;
