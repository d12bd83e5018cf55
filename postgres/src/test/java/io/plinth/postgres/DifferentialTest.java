package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import io.plinth.testkit.InMemoryStore;
import io.plinth.testkit.differential.Differential;
import io.plinth.testkit.differential.Generators;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store (reference) and PostgreSQL (candidate) must behave identically: random
 * sequences of repository calls run on both, and the first difference in result, error or rows
 * written fails with a shrunk reproduction. About 60 s by default;
 * {@code -Dplinth.differential.seconds=600} runs longer, {@code -Dplinth.differential.seed=N}
 * replays a reported seed first, and {@code -Dplinth.differential.collect=K} keeps going until K
 * distinct kinds of difference are found and prints each, {@code -Dplinth.differential.hostile=0}
 * generates no hostile values (to look past known differences in input checks), and
 * {@code -Dplinth.differential.statistics=true} prints how each method's calls ended.
 */
class DifferentialTest {
    @Test
    void postgresBehavesLikeTheInMemoryStore() {
        long seconds = Long.getLong("plinth.differential.seconds", 60);
        Differential.Builder builder = Differential.builder()
                .reference(clock -> InMemoryStore.builder().clock(clock).build())
                .candidate(TestDatabase::emptyStore)
                .budget(Duration.ofSeconds(seconds))
                .shrinkBudget(Duration.ofSeconds(Math.max(30, seconds / 4)))
                .collect(Integer.getInteger("plinth.differential.collect", 1))
                .generators(Generators.defaults().hostile(Double.parseDouble(System.getProperty("plinth.differential.hostile", "1"))))
                .log(System.out::println);
        Long seed = Long.getLong("plinth.differential.seed");
        if (seed != null) {
            builder.seed(seed);
        }
        Differential.Report report = builder.build().run();
        System.out.println(report.summary());
        if (Boolean.getBoolean("plinth.differential.statistics")) {
            System.out.println(report.statistics());
        }
        report.difference().ifPresent(d -> fail(report.differences().size() + " difference(s); the first:\n" + d.reproduction()));
    }
}
