package io.plinth.vector.weaviate;

import io.plinth.testkit.contract.SemanticIndexContract;
import io.plinth.vector.SemanticIndex;
import io.weaviate.client6.v1.api.WeaviateClient;
import java.net.URI;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract on a Weaviate server: set {@code PLINTH_TEST_WEAVIATE_URL} (for example
 * {@code http://localhost:8080}; gRPC on {@code PLINTH_TEST_WEAVIATE_GRPC_PORT}, default 50051).
 * Each test drops and re-creates the class {@code UserKnowledgeItem} there.
 */
@EnabledIfEnvironmentVariable(named = "PLINTH_TEST_WEAVIATE_URL", matches = ".+",
        disabledReason = "no Weaviate server given: set PLINTH_TEST_WEAVIATE_URL (e.g. http://localhost:8080) to run the contract on Weaviate")
class WeaviateSemanticIndexContractTest extends SemanticIndexContract {
    @Override
    @SuppressWarnings("try") // the client's close() declares InterruptedException; a test thread is never interrupted here
    protected SemanticIndex emptyIndex() {
        URI url = URI.create(System.getenv("PLINTH_TEST_WEAVIATE_URL"));
        int grpc = Integer.parseInt(System.getenv().getOrDefault("PLINTH_TEST_WEAVIATE_GRPC_PORT", "50051"));
        try (WeaviateClient admin = WeaviateClient.connectToCustom(c -> c.scheme(url.getScheme()).httpHost(url.getHost())
                .httpPort(url.getPort()).grpcHost(url.getHost()).grpcPort(grpc))) {
            admin.collections.delete(UserKnowledgeItemClass.NAME);
        } catch (Exception e) {
            throw new IllegalStateException("could not reset the Weaviate class", e);
        }
        return WeaviateSemanticIndex.connect(url, grpc);
    }
}
